package org.wasmtruffle.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntBinaryOperator;
import java.util.function.IntUnaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;
import java.util.stream.Stream;
import org.wasmtruffle.binary.JsonReader;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.wasmtruffle.runtime.Trap;

/**
 * Runs the numeric {@code assert_return} and {@code assert_trap} commands of the WebAssembly 2.0 spec suite
 * (conversions, i32, i64, f32, f64, float_misc, f32_bitwise, f64_bitwise) directly against the numeric
 * helpers, without the wasm modules: each exported function of those scripts is one instruction applied to
 * its parameters, so its name maps onto one operation here. Operations that are plain Java operators in the
 * interpreter (add, shifts, comparisons, reinterpretations, ...) are checked as Java expressions, which
 * confirms that Java's semantics are the spec's.
 */
class SpecNumericTest {

    /** One instruction on bit patterns: arguments and result are i32/f32 bits in the low 32 bits, or 64 bits. */
    @FunctionalInterface
    interface Operation {
        long apply(long[] args);
    }

    @FunctionalInterface
    interface FloatUnary {
        float apply(float a);
    }

    @FunctionalInterface
    interface FloatBinary {
        float apply(float a, float b);
    }

    private static final Map<String, Operation> OPERATIONS = new HashMap<>();

    static {
        registerI32();
        registerI64();
        registerF32();
        registerF64();
        registerConversions();
    }

    @TestFactory
    Stream<DynamicTest> conversions() throws IOException {
        return script("conversions", "");
    }

    @TestFactory
    Stream<DynamicTest> i32() throws IOException {
        return script("i32", "i32.");
    }

    @TestFactory
    Stream<DynamicTest> i64() throws IOException {
        return script("i64", "i64.");
    }

    @TestFactory
    Stream<DynamicTest> f32() throws IOException {
        return script("f32", "f32.");
    }

    @TestFactory
    Stream<DynamicTest> f64() throws IOException {
        return script("f64", "f64.");
    }

    @TestFactory
    Stream<DynamicTest> floatMisc() throws IOException {
        return script("float_misc", "");
    }

    @TestFactory
    Stream<DynamicTest> f32Bitwise() throws IOException {
        return script("f32_bitwise", "f32.");
    }

    @TestFactory
    Stream<DynamicTest> f64Bitwise() throws IOException {
        return script("f64_bitwise", "f64.");
    }

    // ---- script reading -----------------------------------------------------------------------------

    /** The spec suite's json folder, or a skipped test saying why it is missing. */
    static Path specJsonDir() {
        List<String> candidates = new ArrayList<>();
        String property = System.getProperty("wasm.shared.dir");
        if (property != null) {
            candidates.add(property);
        }
        String env = System.getenv("WASM_SHARED_DIR");
        if (env != null) {
            candidates.add(env);
        }
        candidates.add("../shared");
        candidates.add("../../shared");
        for (String candidate : candidates) {
            Path dir = Path.of(candidate, "testsuite", "spec-2.0", "json");
            if (Files.isDirectory(dir)) {
                return dir;
            }
        }
        assumeTrue(false, "spec test suite not found (set -Dwasm.shared.dir); tried " + candidates);
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Stream<DynamicTest> script(String name, String fieldPrefix) throws IOException {
        Path file = specJsonDir().resolve(name).resolve(name + ".json");
        Map<String, Object> json = (Map<String, Object>) JsonReader.parse(Files.readString(file));
        List<DynamicTest> tests = new ArrayList<>();
        for (Object o : (List<Object>) json.get("commands")) {
            Map<String, Object> command = (Map<String, Object>) o;
            String type = (String) command.get("type");
            if (!type.equals("assert_return") && !type.equals("assert_trap")) {
                continue;
            }
            Map<String, Object> action = (Map<String, Object>) command.get("action");
            if (!"invoke".equals(action.get("type"))) {
                continue;
            }
            String field = fieldPrefix + action.get("field");
            List<Map<String, Object>> args = (List<Map<String, Object>>) action.get("args");
            List<Map<String, Object>> expected = (List<Map<String, Object>>) command.get("expected");
            long[] argBits = new long[args.size()];
            StringBuilder display = new StringBuilder(name + ":" + ((Number) command.get("line")).intValue() + " " + field + "(");
            for (int i = 0; i < argBits.length; i++) {
                argBits[i] = Long.parseUnsignedLong((String) args.get(i).get("value"));
                display.append(i == 0 ? "" : ", ").append(args.get(i).get("type")).append(':').append(args.get(i).get("value"));
            }
            display.append(')');
            if (type.equals("assert_return")) {
                Map<String, Object> result = expected.get(0);
                tests.add(DynamicTest.dynamicTest(display + " = " + result.get("value"),
                                () -> assertReturn(field, argBits, (String) result.get("type"), (String) result.get("value"))));
            } else {
                String text = (String) command.get("text");
                tests.add(DynamicTest.dynamicTest(display + " traps " + text, () -> assertTrap(field, argBits, text)));
            }
        }
        return tests.stream();
    }

    private static Operation operation(String field) {
        Operation op = OPERATIONS.get(field);
        assertNotNull(op, "no operation mapped for " + field);
        return op;
    }

    private static void assertReturn(String field, long[] args, String type, String expected) {
        long result = operation(field).apply(args);
        boolean wide = type.equals("i64") || type.equals("f64");
        if (!wide) {
            result &= 0xFFFF_FFFFL;
        }
        String actual = Long.toUnsignedString(result);
        switch (expected) {
            case "nan:canonical" -> {
                long magnitude = wide ? result & Long.MAX_VALUE : result & 0x7FFF_FFFFL;
                assertEquals(wide ? 0x7FF8_0000_0000_0000L : 0x7FC0_0000L, magnitude, "not a canonical NaN: " + actual);
            }
            case "nan:arithmetic" -> {
                long quiet = wide ? 0x7FF8_0000_0000_0000L : 0x7FC0_0000L;
                assertEquals(quiet, result & quiet, "not an arithmetic NaN: " + actual);
            }
            default -> assertEquals(expected, actual);
        }
    }

    private static void assertTrap(String field, long[] args, String text) {
        Operation op = operation(field);
        Trap trap = assertThrows(Trap.class, () -> op.apply(args));
        assertEquals(text, trap.kind().message);
        assertTrue(trap.getMessage().startsWith(text));
    }

    // ---- bit pattern helpers ------------------------------------------------------------------------

    private static float f32(long bits) {
        return Float.intBitsToFloat((int) bits);
    }

    private static double f64(long bits) {
        return Double.longBitsToDouble(bits);
    }

    private static long bits(float value) {
        return Float.floatToRawIntBits(value) & 0xFFFF_FFFFL;
    }

    private static long bits(double value) {
        return Double.doubleToRawLongBits(value);
    }

    private static long bool(boolean b) {
        return b ? 1 : 0;
    }

    // ---- the operation table -------------------------------------------------------------------------

    private static void i32Unary(String name, IntUnaryOperator f) {
        OPERATIONS.put("i32." + name, a -> f.applyAsInt((int) a[0]));
    }

    private static void i32Binary(String name, IntBinaryOperator f) {
        OPERATIONS.put("i32." + name, a -> f.applyAsInt((int) a[0], (int) a[1]));
    }

    private static void i64Unary(String name, LongUnaryOperator f) {
        OPERATIONS.put("i64." + name, a -> f.applyAsLong(a[0]));
    }

    private static void i64Binary(String name, LongBinaryOperator f) {
        OPERATIONS.put("i64." + name, a -> f.applyAsLong(a[0], a[1]));
    }

    private static void f32Unary(String name, FloatUnary f) {
        OPERATIONS.put("f32." + name, a -> bits(f.apply(f32(a[0]))));
    }

    private static void f32Binary(String name, FloatBinary f) {
        OPERATIONS.put("f32." + name, a -> bits(f.apply(f32(a[0]), f32(a[1]))));
    }

    private static void f64Unary(String name, DoubleUnaryOperator f) {
        OPERATIONS.put("f64." + name, a -> bits(f.applyAsDouble(f64(a[0]))));
    }

    private static void f64Binary(String name, DoubleBinaryOperator f) {
        OPERATIONS.put("f64." + name, a -> bits(f.applyAsDouble(f64(a[0]), f64(a[1]))));
    }

    private static void registerI32() {
        i32Binary("add", (a, b) -> a + b);
        i32Binary("sub", (a, b) -> a - b);
        i32Binary("mul", (a, b) -> a * b);
        i32Binary("div_s", (a, b) -> IntegerArithmetic.i32DivS(a, b, null));
        i32Binary("div_u", (a, b) -> IntegerArithmetic.i32DivU(a, b, null));
        i32Binary("rem_s", (a, b) -> IntegerArithmetic.i32RemS(a, b, null));
        i32Binary("rem_u", (a, b) -> IntegerArithmetic.i32RemU(a, b, null));
        i32Binary("and", (a, b) -> a & b);
        i32Binary("or", (a, b) -> a | b);
        i32Binary("xor", (a, b) -> a ^ b);
        i32Binary("shl", (a, b) -> a << b);
        i32Binary("shr_s", (a, b) -> a >> b);
        i32Binary("shr_u", (a, b) -> a >>> b);
        i32Binary("rotl", Integer::rotateLeft);
        i32Binary("rotr", Integer::rotateRight);
        i32Unary("clz", Integer::numberOfLeadingZeros);
        i32Unary("ctz", Integer::numberOfTrailingZeros);
        i32Unary("popcnt", Integer::bitCount);
        i32Unary("extend8_s", a -> (byte) a);
        i32Unary("extend16_s", a -> (short) a);
        i32Unary("eqz", a -> a == 0 ? 1 : 0);
        i32Binary("eq", (a, b) -> a == b ? 1 : 0);
        i32Binary("ne", (a, b) -> a != b ? 1 : 0);
        i32Binary("lt_s", (a, b) -> a < b ? 1 : 0);
        i32Binary("lt_u", (a, b) -> Integer.compareUnsigned(a, b) < 0 ? 1 : 0);
        i32Binary("gt_s", (a, b) -> a > b ? 1 : 0);
        i32Binary("gt_u", (a, b) -> Integer.compareUnsigned(a, b) > 0 ? 1 : 0);
        i32Binary("le_s", (a, b) -> a <= b ? 1 : 0);
        i32Binary("le_u", (a, b) -> Integer.compareUnsigned(a, b) <= 0 ? 1 : 0);
        i32Binary("ge_s", (a, b) -> a >= b ? 1 : 0);
        i32Binary("ge_u", (a, b) -> Integer.compareUnsigned(a, b) >= 0 ? 1 : 0);
    }

    private static void registerI64() {
        i64Binary("add", (a, b) -> a + b);
        i64Binary("sub", (a, b) -> a - b);
        i64Binary("mul", (a, b) -> a * b);
        i64Binary("div_s", (a, b) -> IntegerArithmetic.i64DivS(a, b, null));
        i64Binary("div_u", (a, b) -> IntegerArithmetic.i64DivU(a, b, null));
        i64Binary("rem_s", (a, b) -> IntegerArithmetic.i64RemS(a, b, null));
        i64Binary("rem_u", (a, b) -> IntegerArithmetic.i64RemU(a, b, null));
        i64Binary("and", (a, b) -> a & b);
        i64Binary("or", (a, b) -> a | b);
        i64Binary("xor", (a, b) -> a ^ b);
        i64Binary("shl", (a, b) -> a << b);
        i64Binary("shr_s", (a, b) -> a >> b);
        i64Binary("shr_u", (a, b) -> a >>> b);
        i64Binary("rotl", (a, b) -> Long.rotateLeft(a, (int) b));
        i64Binary("rotr", (a, b) -> Long.rotateRight(a, (int) b));
        i64Unary("clz", Long::numberOfLeadingZeros);
        i64Unary("ctz", Long::numberOfTrailingZeros);
        i64Unary("popcnt", Long::bitCount);
        i64Unary("extend8_s", a -> (byte) a);
        i64Unary("extend16_s", a -> (short) a);
        i64Unary("extend32_s", a -> (int) a);
        i64Unary("eqz", a -> bool(a == 0));
        i64Binary("eq", (a, b) -> bool(a == b));
        i64Binary("ne", (a, b) -> bool(a != b));
        i64Binary("lt_s", (a, b) -> bool(a < b));
        i64Binary("lt_u", (a, b) -> bool(Long.compareUnsigned(a, b) < 0));
        i64Binary("gt_s", (a, b) -> bool(a > b));
        i64Binary("gt_u", (a, b) -> bool(Long.compareUnsigned(a, b) > 0));
        i64Binary("le_s", (a, b) -> bool(a <= b));
        i64Binary("le_u", (a, b) -> bool(Long.compareUnsigned(a, b) <= 0));
        i64Binary("ge_s", (a, b) -> bool(a >= b));
        i64Binary("ge_u", (a, b) -> bool(Long.compareUnsigned(a, b) >= 0));
    }

    private static void registerF32() {
        f32Binary("add", (a, b) -> a + b);
        f32Binary("sub", (a, b) -> a - b);
        f32Binary("mul", (a, b) -> a * b);
        f32Binary("div", (a, b) -> a / b);
        f32Binary("min", FloatArithmetic::f32Min);
        f32Binary("max", FloatArithmetic::f32Max);
        f32Binary("copysign", FloatArithmetic::f32Copysign);
        f32Unary("sqrt", FloatArithmetic::f32Sqrt);
        f32Unary("ceil", FloatArithmetic::f32Ceil);
        f32Unary("floor", FloatArithmetic::f32Floor);
        f32Unary("trunc", FloatArithmetic::f32Trunc);
        f32Unary("nearest", FloatArithmetic::f32Nearest);
        f32Unary("abs", FloatArithmetic::f32Abs);
        f32Unary("neg", FloatArithmetic::f32Neg);
    }

    private static void registerF64() {
        f64Binary("add", (a, b) -> a + b);
        f64Binary("sub", (a, b) -> a - b);
        f64Binary("mul", (a, b) -> a * b);
        f64Binary("div", (a, b) -> a / b);
        f64Binary("min", FloatArithmetic::f64Min);
        f64Binary("max", FloatArithmetic::f64Max);
        f64Binary("copysign", FloatArithmetic::f64Copysign);
        f64Unary("sqrt", FloatArithmetic::f64Sqrt);
        f64Unary("ceil", FloatArithmetic::f64Ceil);
        f64Unary("floor", FloatArithmetic::f64Floor);
        f64Unary("trunc", FloatArithmetic::f64Trunc);
        f64Unary("nearest", FloatArithmetic::f64Nearest);
        f64Unary("abs", FloatArithmetic::f64Abs);
        f64Unary("neg", FloatArithmetic::f64Neg);
    }

    private static void registerConversions() {
        Map<String, Operation> m = OPERATIONS;
        m.put("i32.wrap_i64", a -> (int) a[0]);
        m.put("i64.extend_i32_s", a -> (long) (int) a[0]);
        m.put("i64.extend_i32_u", a -> a[0] & 0xFFFF_FFFFL);
        m.put("i32.reinterpret_f32", a -> Float.floatToRawIntBits(f32(a[0])));
        m.put("i64.reinterpret_f64", a -> Double.doubleToRawLongBits(f64(a[0])));
        m.put("f32.reinterpret_i32", a -> bits(Float.intBitsToFloat((int) a[0])));
        m.put("f64.reinterpret_i64", a -> bits(Double.longBitsToDouble(a[0])));

        m.put("i32.trunc_f32_s", a -> NumericConversions.i32TruncF32S(f32(a[0]), null));
        m.put("i32.trunc_f32_u", a -> NumericConversions.i32TruncF32U(f32(a[0]), null));
        m.put("i32.trunc_f64_s", a -> NumericConversions.i32TruncF64S(f64(a[0]), null));
        m.put("i32.trunc_f64_u", a -> NumericConversions.i32TruncF64U(f64(a[0]), null));
        m.put("i64.trunc_f32_s", a -> NumericConversions.i64TruncF32S(f32(a[0]), null));
        m.put("i64.trunc_f32_u", a -> NumericConversions.i64TruncF32U(f32(a[0]), null));
        m.put("i64.trunc_f64_s", a -> NumericConversions.i64TruncF64S(f64(a[0]), null));
        m.put("i64.trunc_f64_u", a -> NumericConversions.i64TruncF64U(f64(a[0]), null));

        m.put("i32.trunc_sat_f32_s", a -> NumericConversions.i32TruncSatF32S(f32(a[0])));
        m.put("i32.trunc_sat_f32_u", a -> NumericConversions.i32TruncSatF32U(f32(a[0])));
        m.put("i32.trunc_sat_f64_s", a -> NumericConversions.i32TruncSatF64S(f64(a[0])));
        m.put("i32.trunc_sat_f64_u", a -> NumericConversions.i32TruncSatF64U(f64(a[0])));
        m.put("i64.trunc_sat_f32_s", a -> NumericConversions.i64TruncSatF32S(f32(a[0])));
        m.put("i64.trunc_sat_f32_u", a -> NumericConversions.i64TruncSatF32U(f32(a[0])));
        m.put("i64.trunc_sat_f64_s", a -> NumericConversions.i64TruncSatF64S(f64(a[0])));
        m.put("i64.trunc_sat_f64_u", a -> NumericConversions.i64TruncSatF64U(f64(a[0])));

        m.put("f32.convert_i32_s", a -> bits(NumericConversions.f32ConvertI32S((int) a[0])));
        m.put("f32.convert_i32_u", a -> bits(NumericConversions.f32ConvertI32U((int) a[0])));
        m.put("f32.convert_i64_s", a -> bits(NumericConversions.f32ConvertI64S(a[0])));
        m.put("f32.convert_i64_u", a -> bits(NumericConversions.f32ConvertI64U(a[0])));
        m.put("f64.convert_i32_s", a -> bits(NumericConversions.f64ConvertI32S((int) a[0])));
        m.put("f64.convert_i32_u", a -> bits(NumericConversions.f64ConvertI32U((int) a[0])));
        m.put("f64.convert_i64_s", a -> bits(NumericConversions.f64ConvertI64S(a[0])));
        m.put("f64.convert_i64_u", a -> bits(NumericConversions.f64ConvertI64U(a[0])));

        m.put("f32.demote_f64", a -> bits(NumericConversions.f32DemoteF64(f64(a[0]))));
        m.put("f64.promote_f32", a -> bits(NumericConversions.f64PromoteF32(f32(a[0]))));
    }
}
