package org.wasmtruffle.interpreter;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;
import org.wasmtruffle.numeric.FloatArithmetic;
import org.wasmtruffle.numeric.IntegerArithmetic;
import org.wasmtruffle.numeric.NumericConversions;

/**
 * The numeric instructions (binary opcodes 0x45..0xC4 and the saturating truncations) on the operand
 * stack in frame slots, except the commonest, which {@link BytecodeNode}'s dispatch loop runs itself (those
 * named in {@link Bytecode}: i32 comparisons and arithmetic, i64 add and sub, wrap and extend), and the
 * comparisons of the branches fused with one ({@link #holds}). Called from
 * the interpreter loop with a constant opcode, so partial evaluation reduces each call to the one operation.
 * It works on the instructions' binary opcodes, not on the interpreter's numbering of them ({@link Bytecode}).
 */
final class NumericInstructions {
    private NumericInstructions() {
    }

    /** How the saturating truncations (0xFC 0..7) are numbered here: this plus their subopcode. */
    static final int SATURATING_TRUNCATIONS = 0xE0;

    /** Executes numeric instruction {@code opcode} (a {@link Bytecode} opcode) with the stack top at {@code sp}; returns the new top. */
    static int execute(VirtualFrame f, int sp, int opcode, Node node) {
        // By binary opcode from here on (see Bytecode#binaryOpcode): a table read in the interpreter, a constant in compiled code.
        int op = Bytecode.binaryOpcode(opcode);
        if (op <= 0x66) {
            return compare(f, sp, op);
        } else if (op <= 0x78) {
            return i32Arithmetic(f, sp, op, node);
        } else if (op <= 0x8A) {
            return i64Arithmetic(f, sp, op, node);
        } else if (op <= 0x98) {
            return f32Arithmetic(f, sp, op);
        } else if (op <= 0xA6) {
            return f64Arithmetic(f, sp, op);
        }
        convert(f, sp, op, node);
        return sp;
    }

    private static int compare(VirtualFrame f, int sp, int op) {
        int first = sp - Bytecode.comparisonOperands(op);
        f.setIntStatic(first, holds(f, first, op) ? 1 : 0);
        return first + 1;
    }

    /**
     * Whether the comparison with binary opcode {@code op} (0x45 {@code i32.eqz} ... 0x66 {@code f64.ge}) holds for the operands in
     * slots {@code first} and, unless it is an {@code eqz}, {@code first + 1}. Used both by the comparisons and by the
     * branches fused with them.
     */
    static boolean holds(VirtualFrame f, int first, int op) {
        if (op <= 0x4F) {
            int a = f.getIntStatic(first);
            if (op == 0x45) {
                return a == 0;
            }
            return i32Holds(op, a, f.getIntStatic(first + 1));
        } else if (op <= 0x5A) {
            long a = f.getLongStatic(first);
            if (op == 0x50) {
                return a == 0;
            }
            long b = f.getLongStatic(first + 1);
            return switch (op) {
                case 0x51 -> a == b;
                case 0x52 -> a != b;
                case 0x53 -> a < b;
                case 0x54 -> Long.compareUnsigned(a, b) < 0;
                case 0x55 -> a > b;
                case 0x56 -> Long.compareUnsigned(a, b) > 0;
                case 0x57 -> a <= b;
                case 0x58 -> Long.compareUnsigned(a, b) <= 0;
                case 0x59 -> a >= b;
                default -> Long.compareUnsigned(a, b) >= 0;
            };
        } else if (op <= 0x60) {
            float a = f.getFloatStatic(first);
            float b = f.getFloatStatic(first + 1);
            return switch (op) {
                case 0x5B -> a == b;
                case 0x5C -> a != b;
                case 0x5D -> a < b;
                case 0x5E -> a > b;
                case 0x5F -> a <= b;
                default -> a >= b;
            };
        }
        double a = f.getDoubleStatic(first);
        double b = f.getDoubleStatic(first + 1);
        return switch (op) {
            case 0x61 -> a == b;
            case 0x62 -> a != b;
            case 0x63 -> a < b;
            case 0x64 -> a > b;
            case 0x65 -> a <= b;
            default -> a >= b;
        };
    }

    /** Whether the binary i32 comparison with binary opcode {@code op} (0x46 {@code i32.eq} ... 0x4F {@code i32.ge_u}) holds. */
    static boolean i32Holds(int op, int a, int b) {
        return switch (op) {
            case 0x46 -> a == b;
            case 0x47 -> a != b;
            case 0x48 -> a < b;
            case 0x49 -> Integer.compareUnsigned(a, b) < 0;
            case 0x4A -> a > b;
            case 0x4B -> Integer.compareUnsigned(a, b) > 0;
            case 0x4C -> a <= b;
            case 0x4D -> Integer.compareUnsigned(a, b) <= 0;
            case 0x4E -> a >= b;
            default -> Integer.compareUnsigned(a, b) >= 0;
        };
    }

    private static int i32Arithmetic(VirtualFrame f, int sp, int op, Node node) {
        if (op <= 0x69) {
            int a = f.getIntStatic(sp - 1);
            f.setIntStatic(sp - 1, switch (op) {
                case 0x67 -> Integer.numberOfLeadingZeros(a);
                case 0x68 -> Integer.numberOfTrailingZeros(a);
                default -> Integer.bitCount(a);
            });
            return sp;
        }
        int a = f.getIntStatic(sp - 2);
        int b = f.getIntStatic(sp - 1);
        int r = switch (op) {
            case 0x6D -> IntegerArithmetic.i32DivS(a, b, node);
            case 0x6E -> IntegerArithmetic.i32DivU(a, b, node);
            case 0x6F -> IntegerArithmetic.i32RemS(a, b, node);
            case 0x70 -> IntegerArithmetic.i32RemU(a, b, node);
            case 0x77 -> Integer.rotateLeft(a, b);
            default -> Integer.rotateRight(a, b);
        };
        f.setIntStatic(sp - 2, r);
        return sp - 1;
    }

    private static int i64Arithmetic(VirtualFrame f, int sp, int op, Node node) {
        if (op <= 0x7B) {
            long a = f.getLongStatic(sp - 1);
            f.setLongStatic(sp - 1, switch (op) {
                case 0x79 -> Long.numberOfLeadingZeros(a);
                case 0x7A -> Long.numberOfTrailingZeros(a);
                default -> Long.bitCount(a);
            });
            return sp;
        }
        long a = f.getLongStatic(sp - 2);
        long b = f.getLongStatic(sp - 1);
        long r = switch (op) {
            case 0x7E -> a * b;
            case 0x7F -> IntegerArithmetic.i64DivS(a, b, node);
            case 0x80 -> IntegerArithmetic.i64DivU(a, b, node);
            case 0x81 -> IntegerArithmetic.i64RemS(a, b, node);
            case 0x82 -> IntegerArithmetic.i64RemU(a, b, node);
            case 0x83 -> a & b;
            case 0x84 -> a | b;
            case 0x85 -> a ^ b;
            case 0x86 -> a << b;
            case 0x87 -> a >> b;
            case 0x88 -> a >>> b;
            case 0x89 -> Long.rotateLeft(a, (int) b);
            default -> Long.rotateRight(a, (int) b);
        };
        f.setLongStatic(sp - 2, r);
        return sp - 1;
    }

    private static int f32Arithmetic(VirtualFrame f, int sp, int op) {
        if (op <= 0x91) {
            float a = f.getFloatStatic(sp - 1);
            f.setFloatStatic(sp - 1, switch (op) {
                case 0x8B -> FloatArithmetic.f32Abs(a);
                case 0x8C -> FloatArithmetic.f32Neg(a);
                case 0x8D -> FloatArithmetic.f32Ceil(a);
                case 0x8E -> FloatArithmetic.f32Floor(a);
                case 0x8F -> FloatArithmetic.f32Trunc(a);
                case 0x90 -> FloatArithmetic.f32Nearest(a);
                default -> FloatArithmetic.f32Sqrt(a);
            });
            return sp;
        }
        float a = f.getFloatStatic(sp - 2);
        float b = f.getFloatStatic(sp - 1);
        f.setFloatStatic(sp - 2, switch (op) {
            case 0x92 -> a + b;
            case 0x93 -> a - b;
            case 0x94 -> a * b;
            case 0x95 -> a / b;
            case 0x96 -> FloatArithmetic.f32Min(a, b);
            case 0x97 -> FloatArithmetic.f32Max(a, b);
            default -> FloatArithmetic.f32Copysign(a, b);
        });
        return sp - 1;
    }

    private static int f64Arithmetic(VirtualFrame f, int sp, int op) {
        if (op <= 0x9F) {
            double a = f.getDoubleStatic(sp - 1);
            f.setDoubleStatic(sp - 1, switch (op) {
                case 0x99 -> FloatArithmetic.f64Abs(a);
                case 0x9A -> FloatArithmetic.f64Neg(a);
                case 0x9B -> FloatArithmetic.f64Ceil(a);
                case 0x9C -> FloatArithmetic.f64Floor(a);
                case 0x9D -> FloatArithmetic.f64Trunc(a);
                case 0x9E -> FloatArithmetic.f64Nearest(a);
                default -> FloatArithmetic.f64Sqrt(a);
            });
            return sp;
        }
        double a = f.getDoubleStatic(sp - 2);
        double b = f.getDoubleStatic(sp - 1);
        f.setDoubleStatic(sp - 2, switch (op) {
            case 0xA0 -> a + b;
            case 0xA1 -> a - b;
            case 0xA2 -> a * b;
            case 0xA3 -> a / b;
            case 0xA4 -> FloatArithmetic.f64Min(a, b);
            case 0xA5 -> FloatArithmetic.f64Max(a, b);
            default -> FloatArithmetic.f64Copysign(a, b);
        });
        return sp - 1;
    }

    /** Conversions, reinterpretations and sign extensions: one operand in, one result out, same slot. */
    private static void convert(VirtualFrame f, int sp, int op, Node node) {
        int s = sp - 1;
        switch (op) {
            case 0xA8 -> f.setIntStatic(s, NumericConversions.i32TruncF32S(f.getFloatStatic(s), node));
            case 0xA9 -> f.setIntStatic(s, NumericConversions.i32TruncF32U(f.getFloatStatic(s), node));
            case 0xAA -> f.setIntStatic(s, NumericConversions.i32TruncF64S(f.getDoubleStatic(s), node));
            case 0xAB -> f.setIntStatic(s, NumericConversions.i32TruncF64U(f.getDoubleStatic(s), node));
            case 0xAE -> f.setLongStatic(s, NumericConversions.i64TruncF32S(f.getFloatStatic(s), node));
            case 0xAF -> f.setLongStatic(s, NumericConversions.i64TruncF32U(f.getFloatStatic(s), node));
            case 0xB0 -> f.setLongStatic(s, NumericConversions.i64TruncF64S(f.getDoubleStatic(s), node));
            case 0xB1 -> f.setLongStatic(s, NumericConversions.i64TruncF64U(f.getDoubleStatic(s), node));
            case 0xB2 -> f.setFloatStatic(s, NumericConversions.f32ConvertI32S(f.getIntStatic(s)));
            case 0xB3 -> f.setFloatStatic(s, NumericConversions.f32ConvertI32U(f.getIntStatic(s)));
            case 0xB4 -> f.setFloatStatic(s, NumericConversions.f32ConvertI64S(f.getLongStatic(s)));
            case 0xB5 -> f.setFloatStatic(s, NumericConversions.f32ConvertI64U(f.getLongStatic(s)));
            case 0xB6 -> f.setFloatStatic(s, NumericConversions.f32DemoteF64(f.getDoubleStatic(s)));
            case 0xB7 -> f.setDoubleStatic(s, NumericConversions.f64ConvertI32S(f.getIntStatic(s)));
            case 0xB8 -> f.setDoubleStatic(s, NumericConversions.f64ConvertI32U(f.getIntStatic(s)));
            case 0xB9 -> f.setDoubleStatic(s, NumericConversions.f64ConvertI64S(f.getLongStatic(s)));
            case 0xBA -> f.setDoubleStatic(s, NumericConversions.f64ConvertI64U(f.getLongStatic(s)));
            case 0xBB -> f.setDoubleStatic(s, NumericConversions.f64PromoteF32(f.getFloatStatic(s)));
            case 0xBC -> f.setIntStatic(s, Float.floatToRawIntBits(f.getFloatStatic(s)));
            case 0xBD -> f.setLongStatic(s, Double.doubleToRawLongBits(f.getDoubleStatic(s)));
            case 0xBE -> f.setFloatStatic(s, Float.intBitsToFloat(f.getIntStatic(s)));
            case 0xBF -> f.setDoubleStatic(s, Double.longBitsToDouble(f.getLongStatic(s)));
            case 0xC0 -> f.setIntStatic(s, (byte) f.getIntStatic(s));
            case 0xC1 -> f.setIntStatic(s, (short) f.getIntStatic(s));
            case 0xC2 -> f.setLongStatic(s, (byte) f.getLongStatic(s));
            case 0xC3 -> f.setLongStatic(s, (short) f.getLongStatic(s));
            case 0xC4 -> f.setLongStatic(s, (int) f.getLongStatic(s));
            case SATURATING_TRUNCATIONS + 0 -> f.setIntStatic(s, NumericConversions.i32TruncSatF32S(f.getFloatStatic(s)));
            case SATURATING_TRUNCATIONS + 1 -> f.setIntStatic(s, NumericConversions.i32TruncSatF32U(f.getFloatStatic(s)));
            case SATURATING_TRUNCATIONS + 2 -> f.setIntStatic(s, NumericConversions.i32TruncSatF64S(f.getDoubleStatic(s)));
            case SATURATING_TRUNCATIONS + 3 -> f.setIntStatic(s, NumericConversions.i32TruncSatF64U(f.getDoubleStatic(s)));
            case SATURATING_TRUNCATIONS + 4 -> f.setLongStatic(s, NumericConversions.i64TruncSatF32S(f.getFloatStatic(s)));
            case SATURATING_TRUNCATIONS + 5 -> f.setLongStatic(s, NumericConversions.i64TruncSatF32U(f.getFloatStatic(s)));
            case SATURATING_TRUNCATIONS + 6 -> f.setLongStatic(s, NumericConversions.i64TruncSatF64S(f.getDoubleStatic(s)));
            default -> f.setLongStatic(s, NumericConversions.i64TruncSatF64U(f.getDoubleStatic(s)));
        }
    }
}
