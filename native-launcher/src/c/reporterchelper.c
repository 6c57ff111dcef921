/* JNI helpers of the native-image builder's progress reporter
 * (com.oracle.svm.hosted.ProgressReporterCHelper), loaded from $JAVA_HOME/lib/svm/builder/lib. */
#include <jni.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <unistd.h>

/* Peak resident set size of the builder in bytes (Linux reports ru_maxrss in KiB). */
JNIEXPORT jlong JNICALL Java_com_oracle_svm_hosted_ProgressReporterCHelper_getPeakRSS0(JNIEnv *env, jclass c) {
    (void) env; (void) c;
    struct rusage usage;
    if (getrusage(RUSAGE_SELF, &usage) != 0) return -1;
    return (jlong) usage.ru_maxrss * 1024;
}

/* Width of the terminal on stdout, -1 when stdout is not a terminal. */
JNIEXPORT jint JNICALL Java_com_oracle_svm_hosted_ProgressReporterCHelper_getTerminalWindowColumns0(JNIEnv *env, jclass c) {
    (void) env; (void) c;
    struct winsize ws;
    if (!isatty(STDOUT_FILENO) || ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0) return -1;
    return ws.ws_col;
}
