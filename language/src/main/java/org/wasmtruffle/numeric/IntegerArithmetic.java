package org.wasmtruffle.numeric;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.nodes.Node;
import org.wasmtruffle.runtime.Trap;
import org.wasmtruffle.runtime.TrapKind;

/**
 * The WebAssembly integer instructions whose semantics differ from Java's operators: division and
 * remainder, which trap on a zero divisor and (signed division only) on overflow. The others map directly
 * onto Java ({@code +}, {@code Integer.rotateLeft}, {@code Integer.numberOfLeadingZeros}, ...).
 * {@code location} is the node a trap is attributed to, and may be {@code null}.
 */
public final class IntegerArithmetic {
    private IntegerArithmetic() {
    }

    /** {@code i32.div_s}: traps on a zero divisor and on {@code MIN_VALUE / -1}. */
    public static int i32DivS(int a, int b, Node location) {
        if (b == 0) {
            throw divideByZero(location);
        }
        if (a == Integer.MIN_VALUE && b == -1) {
            throw overflow(location);
        }
        return a / b;
    }

    /** {@code i32.div_u}: traps on a zero divisor. */
    public static int i32DivU(int a, int b, Node location) {
        if (b == 0) {
            throw divideByZero(location);
        }
        return Integer.divideUnsigned(a, b);
    }

    /** {@code i32.rem_s}: traps on a zero divisor; {@code MIN_VALUE % -1} is 0 (as in Java). */
    public static int i32RemS(int a, int b, Node location) {
        if (b == 0) {
            throw divideByZero(location);
        }
        return a % b;
    }

    /** {@code i32.rem_u}: traps on a zero divisor. */
    public static int i32RemU(int a, int b, Node location) {
        if (b == 0) {
            throw divideByZero(location);
        }
        return Integer.remainderUnsigned(a, b);
    }

    /** {@code i64.div_s}: traps on a zero divisor and on {@code MIN_VALUE / -1}. */
    public static long i64DivS(long a, long b, Node location) {
        if (b == 0) {
            throw divideByZero(location);
        }
        if (a == Long.MIN_VALUE && b == -1) {
            throw overflow(location);
        }
        return a / b;
    }

    /** {@code i64.div_u}: traps on a zero divisor. */
    public static long i64DivU(long a, long b, Node location) {
        if (b == 0) {
            throw divideByZero(location);
        }
        return Long.divideUnsigned(a, b);
    }

    /** {@code i64.rem_s}: traps on a zero divisor; {@code MIN_VALUE % -1} is 0 (as in Java). */
    public static long i64RemS(long a, long b, Node location) {
        if (b == 0) {
            throw divideByZero(location);
        }
        return a % b;
    }

    /** {@code i64.rem_u}: traps on a zero divisor. */
    public static long i64RemU(long a, long b, Node location) {
        if (b == 0) {
            throw divideByZero(location);
        }
        return Long.remainderUnsigned(a, b);
    }

    private static Trap divideByZero(Node location) {
        CompilerDirectives.transferToInterpreter();
        return Trap.create(TrapKind.INTEGER_DIVIDE_BY_ZERO, location);
    }

    private static Trap overflow(Node location) {
        CompilerDirectives.transferToInterpreter();
        return Trap.create(TrapKind.INTEGER_OVERFLOW, location);
    }
}
