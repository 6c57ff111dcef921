package org.wasmtruffle.launcher.wast;

/** A script command did not do what the script expects; the message says why, on one line. */
final class CommandFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CommandFailure(String reason) {
        super(reason, null, false, false);
    }
}
