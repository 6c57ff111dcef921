package org.wasmtruffle.launcher.wast;

/** A script command needs something the runner does not support yet (a text module, a v128 value). */
final class CommandSkipped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CommandSkipped(String reason) {
        super(reason, null, false, false);
    }
}
