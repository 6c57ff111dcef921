package org.wasmtruffle.launcher;

/** The command line is wrong; the message says how, and the launcher exits with {@link ExitStatus#USAGE_ERROR}. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message, null, false, false);
    }
}
