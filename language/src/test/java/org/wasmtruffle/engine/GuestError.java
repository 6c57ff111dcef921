package org.wasmtruffle.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.graalvm.polyglot.PolyglotException;
import org.junit.jupiter.api.function.Executable;

/** Assertions on the errors a guest causes: a guest {@link PolyglotException}, never an internal error. */
final class GuestError {
    private GuestError() {
    }

    /** Runs {@code action}, which must fail with a guest exception whose message contains every fragment. */
    static PolyglotException expect(Executable action, String... fragments) {
        PolyglotException e = assertThrows(PolyglotException.class, action);
        check(e, fragments);
        return e;
    }

    /** {@code e} is a guest exception (not internal, not a host error) whose message contains every fragment. */
    static void check(PolyglotException e, String... fragments) {
        assertNotNull(e, "no exception");
        assertFalse(e.isInternalError(), () -> "internal error: " + describe(e));
        assertTrue(e.isGuestException(), () -> "not a guest exception: " + describe(e));
        assertFalse(e.isResourceExhausted(), () -> "resource exhausted: " + describe(e));
        String message = e.getMessage();
        for (String fragment : fragments) {
            assertTrue(message != null && message.contains(fragment), () -> "expected \"" + fragment + "\" in: " + describe(e));
        }
    }

    static String describe(PolyglotException e) {
        StringBuilder s = new StringBuilder(String.valueOf(e.getMessage()));
        if (e.isInternalError() || e.isHostException()) {
            Throwable cause = e.isHostException() ? e.asHostException() : e;
            s.append('\n');
            for (StackTraceElement element : cause.getStackTrace()) {
                s.append("  at ").append(element).append('\n');
            }
        }
        return s.toString();
    }
}
