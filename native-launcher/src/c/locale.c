/* Platform locale for SubstrateVM: the mapping of POSIX locale names to Java's language, script,
 * country and variant (the same mapping the JDK applies on Unix, written here from its description). */
#include "svm_locale.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

static svm_locale_props_t props;

static char *dup_or_null(const char *s, int *oom) {
    if (s == NULL) return NULL;
    char *d = strdup(s);
    if (d == NULL) *oom = 1;
    return d;
}

int svm_parse_locale(const char *name, char **language, char **script, char **country, char **variant) {
    int oom = 0;
    *language = *script = *country = *variant = NULL;
    if (name == NULL || *name == '\0' || strcmp(name, "C") == 0 || strcmp(name, "POSIX") == 0) {
        name = "en_US";
    }
    char *copy = strdup(name);
    if (copy == NULL) return SVM_LOCALE_INITIALIZATION_OUT_OF_MEMORY;
    char *modifier = strchr(copy, '@');
    if (modifier != NULL) *modifier++ = '\0';
    char *codeset = strchr(copy, '.');
    if (codeset != NULL) *codeset = '\0';
    char *ctry = strchr(copy, '_');
    if (ctry != NULL) *ctry++ = '\0';

    const char *lang = copy;
    /* Old ISO 639 codes that Java spells differently; "iw", "in", "ji" are Java's legacy forms. */
    if (strcmp(lang, "he") == 0) lang = "iw";
    else if (strcmp(lang, "id") == 0) lang = "in";
    else if (strcmp(lang, "yi") == 0) lang = "ji";
    *language = dup_or_null(lang, &oom);
    if (ctry != NULL && *ctry != '\0') *country = dup_or_null(ctry, &oom);
    if (modifier != NULL) {
        /* Script modifiers become scripts; "euro" only names a codeset; others are variants. */
        if (strcmp(modifier, "latin") == 0) *script = dup_or_null("Latn", &oom);
        else if (strcmp(modifier, "cyrillic") == 0) *script = dup_or_null("Cyrl", &oom);
        else if (strcmp(modifier, "devanagari") == 0) *script = dup_or_null("Deva", &oom);
        else if (strcmp(modifier, "iqtelif") == 0) *script = dup_or_null("Latn", &oom);
        else if (strcmp(modifier, "euro") != 0 && *modifier != '\0') *variant = dup_or_null(modifier, &oom);
    }
    free(copy);
    if (oom) {
        free(*language); free(*script); free(*country); free(*variant);
        *language = *script = *country = *variant = NULL;
        return SVM_LOCALE_INITIALIZATION_OUT_OF_MEMORY;
    }
    return SVM_LOCALE_INITIALIZATION_SUCCEEDED;
}

static const char *category_name(int category) {
    /* setlocale(category, NULL) reports the locale selected by the environment below. */
    const char *name = setlocale(category, NULL);
    return name;
}

int svm_initialize_locale(void) {
    /* Select the environment's locale for the two categories only, as the JDK does. */
    const char *old_ctype = setlocale(LC_CTYPE, NULL);
    char *saved_ctype = old_ctype ? strdup(old_ctype) : NULL;
    const char *old_messages = setlocale(LC_MESSAGES, NULL);
    char *saved_messages = old_messages ? strdup(old_messages) : NULL;
    setlocale(LC_CTYPE, "");
    setlocale(LC_MESSAGES, "");
    int r = svm_parse_locale(category_name(LC_CTYPE), &props.format_language, &props.format_script,
                             &props.format_country, &props.format_variant);
    if (r == 0) {
        r = svm_parse_locale(category_name(LC_MESSAGES), &props.display_language, &props.display_script,
                             &props.display_country, &props.display_variant);
    }
    if (saved_ctype) setlocale(LC_CTYPE, saved_ctype);
    if (saved_messages) setlocale(LC_MESSAGES, saved_messages);
    free(saved_ctype);
    free(saved_messages);
    return r;
}

svm_locale_props_t *svm_get_locale(void) {
    return &props;
}
