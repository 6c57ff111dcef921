/* The platform locale as SubstrateVM reads it (com.oracle.svm.core.c.locale.LocaleCHelper). */
#ifndef SVM_LOCALE_H
#define SVM_LOCALE_H

#define SVM_LOCALE_INITIALIZATION_SUCCEEDED 0
#define SVM_LOCALE_INITIALIZATION_OUT_OF_MEMORY 1

typedef struct svm_locale_props_t {
    char *display_language;
    char *display_script;
    char *display_country;
    char *display_variant;
    char *format_language;
    char *format_script;
    char *format_country;
    char *format_variant;
} svm_locale_props_t;

/* Reads the process locale (LC_MESSAGES for display, LC_CTYPE for formats); call once at start-up. */
int svm_initialize_locale(void);
/* The values read by svm_initialize_locale (never NULL after a successful initialization). */
svm_locale_props_t *svm_get_locale(void);
/* Splits a POSIX locale name (language_COUNTRY.codeset@modifier) into Java's locale parts; 0 or
 * SVM_LOCALE_INITIALIZATION_OUT_OF_MEMORY. Exposed for the tests. */
int svm_parse_locale(const char *name, char **language, char **script, char **country, char **variant);

#endif
