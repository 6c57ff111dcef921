package org.wasmtruffle.tck;

import static org.wasmtruffle.tck.BinaryModuleBuilder.EXTERNREF;
import static org.wasmtruffle.tck.BinaryModuleBuilder.F32;
import static org.wasmtruffle.tck.BinaryModuleBuilder.F64;
import static org.wasmtruffle.tck.BinaryModuleBuilder.FUNCREF;
import static org.wasmtruffle.tck.BinaryModuleBuilder.I32;
import static org.wasmtruffle.tck.BinaryModuleBuilder.I64;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.graalvm.polyglot.tck.LanguageProvider;
import org.graalvm.polyglot.tck.ResultVerifier;
import org.graalvm.polyglot.tck.Snippet;
import org.graalvm.polyglot.tck.TypeDescriptor;
import org.wasmtruffle.tck.BinaryModuleBuilder.Bytes;

/**
 * The Truffle TCK's view of wasm-truffle. Every snippet is an exported function of a small binary module
 * built here. Numeric parameters are declared as {@link TypeDescriptor#NUMBER} because the TCK has no
 * narrower number types: a number that does not fit the wasm parameter type (say 1.5 for an i32) is
 * rejected with an {@code IllegalArgumentException}, and integer division may trap, which the result
 * verifier accepts; any other failure, and any failure on fitting arguments, is an error.
 */
public final class WasmTCKLanguageProvider implements LanguageProvider {
    private static final String ID = "wasm-truffle";
    private static final byte[] NONE = {};

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Value createIdentityFunction(Context context) {
        return exported(context, "identity", one(EXTERNREF), one(EXTERNREF), NONE, new byte[]{0x20, 0});
    }

    @Override
    public Collection<? extends Snippet> createValueConstructors(Context context) {
        List<Snippet> snippets = new ArrayList<>();
        snippets.add(constant(context, "i32", I32, new Bytes().u8(0x41).s64(42)));
        snippets.add(constant(context, "i64", I64, new Bytes().u8(0x42).s64(1L << 40)));
        snippets.add(constant(context, "f32", F32, new Bytes().u8(0x43).f32(1.5f)));
        snippets.add(constant(context, "f64", F64, new Bytes().u8(0x44).f64(-2.25)));
        Value nullRef = exported(context, "externref", NONE, one(EXTERNREF), NONE, new byte[]{(byte) 0xD0, EXTERNREF});
        snippets.add(Snippet.newBuilder("externref", nullRef, TypeDescriptor.NULL).build());
        // A funcref taken from a table: a function of no parameters returning i32.
        BinaryModuleBuilder module = new BinaryModuleBuilder().table(1);
        module.function(NONE, one(FUNCREF), NONE, new byte[]{0x41, 0, 0x25, 0}, "main");
        module.function(NONE, one(I32), NONE, new byte[]{0x41, 7}, null);
        Value funcref = instantiate(context, "funcref", module.build()).getMember("main");
        snippets.add(Snippet.newBuilder("funcref", funcref, TypeDescriptor.executable(TypeDescriptor.NUMBER)).build());
        return snippets;
    }

    private static Snippet constant(Context context, String type, byte valueType, Bytes body) {
        Value function = exported(context, type, NONE, one(valueType), NONE, body.toByteArray());
        return Snippet.newBuilder(type, function, TypeDescriptor.NUMBER).build();
    }

    @Override
    public Collection<? extends Snippet> createExpressions(Context context) {
        List<Snippet> snippets = new ArrayList<>();
        // i32
        binary(context, snippets, I32, I32, "i32.add", 0x6A);
        binary(context, snippets, I32, I32, "i32.sub", 0x6B);
        binary(context, snippets, I32, I32, "i32.mul", 0x6C);
        binary(context, snippets, I32, I32, "i32.div_s", 0x6D);
        binary(context, snippets, I32, I32, "i32.div_u", 0x6E);
        binary(context, snippets, I32, I32, "i32.rem_s", 0x6F);
        binary(context, snippets, I32, I32, "i32.and", 0x71);
        binary(context, snippets, I32, I32, "i32.or", 0x72);
        binary(context, snippets, I32, I32, "i32.xor", 0x73);
        binary(context, snippets, I32, I32, "i32.shl", 0x74);
        binary(context, snippets, I32, I32, "i32.shr_s", 0x75);
        binary(context, snippets, I32, I32, "i32.shr_u", 0x76);
        binary(context, snippets, I32, I32, "i32.rotl", 0x77);
        binary(context, snippets, I32, I32, "i32.eq", 0x46);
        binary(context, snippets, I32, I32, "i32.lt_s", 0x48);
        binary(context, snippets, I32, I32, "i32.ge_u", 0x4F);
        unary(context, snippets, I32, I32, "i32.eqz", 0x45);
        unary(context, snippets, I32, I32, "i32.clz", 0x67);
        unary(context, snippets, I32, I32, "i32.popcnt", 0x69);
        // i64
        binary(context, snippets, I64, I64, "i64.add", 0x7C);
        binary(context, snippets, I64, I64, "i64.sub", 0x7D);
        binary(context, snippets, I64, I64, "i64.mul", 0x7E);
        binary(context, snippets, I64, I64, "i64.div_s", 0x7F);
        binary(context, snippets, I64, I64, "i64.rem_u", 0x82);
        binary(context, snippets, I64, I64, "i64.and", 0x83);
        binary(context, snippets, I64, I64, "i64.shl", 0x86);
        binary(context, snippets, I64, I32, "i64.eq", 0x51);
        binary(context, snippets, I64, I32, "i64.lt_s", 0x53);
        unary(context, snippets, I64, I32, "i64.eqz", 0x50);
        unary(context, snippets, I64, I64, "i64.ctz", 0x7A);
        // f32
        binary(context, snippets, F32, F32, "f32.add", 0x92);
        binary(context, snippets, F32, F32, "f32.mul", 0x94);
        binary(context, snippets, F32, F32, "f32.div", 0x95);
        binary(context, snippets, F32, F32, "f32.min", 0x96);
        binary(context, snippets, F32, I32, "f32.lt", 0x5D);
        unary(context, snippets, F32, F32, "f32.neg", 0x8C);
        unary(context, snippets, F32, F32, "f32.sqrt", 0x91);
        // f64
        binary(context, snippets, F64, F64, "f64.add", 0xA0);
        binary(context, snippets, F64, F64, "f64.sub", 0xA1);
        binary(context, snippets, F64, F64, "f64.mul", 0xA2);
        binary(context, snippets, F64, F64, "f64.div", 0xA3);
        binary(context, snippets, F64, F64, "f64.max", 0xA5);
        binary(context, snippets, F64, F64, "f64.copysign", 0xA6);
        binary(context, snippets, F64, I32, "f64.ge", 0x66);
        unary(context, snippets, F64, F64, "f64.floor", 0x9C);
        unary(context, snippets, F64, F64, "f64.nearest", 0x9F);
        // conversions
        unary(context, snippets, I64, I32, "i32.wrap_i64", 0xA7);
        unary(context, snippets, I32, I64, "i64.extend_i32_s", 0xAC);
        unary(context, snippets, F64, I32, "i32.trunc_sat_f64_s", 0xFC, 0x02);
        unary(context, snippets, I32, F64, "f64.convert_i32_u", 0xB8);
        unary(context, snippets, F64, F32, "f32.demote_f64", 0xB6);
        return snippets;
    }

    private static void binary(Context context, List<Snippet> snippets, byte operand, byte result, String name, int... opcode) {
        byte[] body = new byte[4 + opcode.length];
        body[0] = 0x20;
        body[1] = 0;
        body[2] = 0x20;
        body[3] = 1;
        for (int i = 0; i < opcode.length; i++) {
            body[4 + i] = (byte) opcode[i];
        }
        Value function = exported(context, name, new byte[]{operand, operand}, one(result), NONE, body);
        snippets.add(numeric(name, function, operand, operand));
    }

    private static void unary(Context context, List<Snippet> snippets, byte operand, byte result, String name, int... opcode) {
        byte[] body = new byte[2 + opcode.length];
        body[0] = 0x20;
        body[1] = 0;
        for (int i = 0; i < opcode.length; i++) {
            body[2 + i] = (byte) opcode[i];
        }
        Value function = exported(context, name, one(operand), one(result), NONE, body);
        snippets.add(numeric(name, function, operand));
    }

    /** A snippet of numeric parameters (of the given wasm types) and a numeric result. */
    private static Snippet numeric(String name, Value function, byte... parameterTypes) {
        TypeDescriptor[] parameters = new TypeDescriptor[parameterTypes.length];
        java.util.Arrays.fill(parameters, TypeDescriptor.NUMBER);
        return Snippet.newBuilder(name, function, TypeDescriptor.NUMBER).parameterTypes(parameters).resultVerifier(new NumericVerifier(parameterTypes)).build();
    }

    @Override
    public Collection<? extends Snippet> createStatements(Context context) {
        List<Snippet> snippets = new ArrayList<>();
        // if (result i32): 1 when the condition is non-zero, else 0.
        Value ifElse = exported(context, "if", one(I32), one(I32), NONE,
                        new byte[]{0x20, 0, 0x04, I32, 0x41, 1, 0x05, 0x41, 0, 0x0B});
        snippets.add(numeric("if", ifElse, I32));
        // select between two i64 values by the sign of the first.
        Value select = exported(context, "select", new byte[]{I64, I64}, one(I64), NONE,
                        new byte[]{0x20, 0, 0x20, 1, 0x20, 0, 0x42, 0, 0x53, 0x1B});
        snippets.add(numeric("select", select, I64, I64));
        // A loop counting the parameter (modulo 256) down to zero: for each i, sum += i.
        Value loop = exported(context, "loop", one(I32), one(I32), one(I32), new byte[]{
                        0x20, 0, 0x41, (byte) 0xFF, 0x01, 0x71, 0x21, 0, // n &= 255
                        0x02, 0x40, 0x03, 0x40, // block loop
                        0x20, 0, 0x45, 0x0D, 1, // br_if 1 (n == 0)
                        0x20, 1, 0x20, 0, 0x6A, 0x21, 1, // sum += n
                        0x20, 0, 0x41, 1, 0x6B, 0x21, 0, // n -= 1
                        0x0C, 0, 0x0B, 0x0B, // br 0; end; end
                        0x20, 1});
        snippets.add(numeric("loop", loop, I32));
        // br_table on the parameter: 10, 20, or 30 for anything else.
        Value brTable = exported(context, "br_table", one(I32), one(I32), NONE, new byte[]{
                        0x02, 0x40, 0x02, 0x40, 0x02, 0x40, // three blocks
                        0x20, 0, 0x0E, 2, 0, 1, 2, 0x0B, //
                        0x41, 10, 0x0F, 0x0B, // return 10
                        0x41, 20, 0x0F, 0x0B, // return 20
                        0x41, 30});
        snippets.add(numeric("br_table", brTable, I32));
        return snippets;
    }

    @Override
    public Collection<? extends Snippet> createScripts(Context context) {
        List<Snippet> snippets = new ArrayList<>();
        // 20! by a loop over i64 locals.
        BinaryModuleBuilder factorial = new BinaryModuleBuilder();
        factorial.function(NONE, one(I64), new byte[]{I64, I64}, new byte[]{
                        0x42, 20, 0x21, 0, 0x42, 1, 0x21, 1, //
                        0x03, 0x40, //
                        0x20, 1, 0x20, 0, 0x7E, 0x21, 1, //
                        0x20, 0, 0x42, 1, 0x7D, 0x22, 0, 0x42, 0, 0x52, 0x0D, 0, //
                        0x0B, 0x20, 1}, "main");
        snippets.add(script(context, "factorial", factorial, TypeDescriptor.NUMBER));
        // fib(20) by recursion through a call.
        BinaryModuleBuilder fibonacci = new BinaryModuleBuilder();
        fibonacci.function(NONE, one(I32), NONE, new byte[]{0x41, 20, 0x10, 1}, "main");
        fibonacci.function(one(I32), one(I32), NONE, new byte[]{
                        0x20, 0, 0x41, 2, 0x48, 0x04, I32, 0x20, 0, 0x05, //
                        0x20, 0, 0x41, 1, 0x6B, 0x10, 1, 0x20, 0, 0x41, 2, 0x6B, 0x10, 1, 0x6A, 0x0B}, null);
        snippets.add(script(context, "fibonacci", fibonacci, TypeDescriptor.NUMBER));
        // Stores 1..100 into memory, then sums them back as f64.
        BinaryModuleBuilder memory = new BinaryModuleBuilder().memory();
        memory.function(NONE, one(F64), new byte[]{I32, F64}, new byte[]{
                        0x03, 0x40, //
                        0x20, 0, 0x41, 4, 0x6C, 0x20, 0, 0x41, 1, 0x6A, 0x36, 2, 0, // mem[4i] = i + 1
                        0x20, 0, 0x41, 1, 0x6A, 0x22, 0, 0x41, (byte) 0xE4, 0x00, 0x49, 0x0D, 0, // while ++i < 100
                        0x0B, //
                        0x03, 0x40, //
                        0x20, 0, 0x41, 1, 0x6B, 0x22, 0, //  i -= 1
                        0x41, 4, 0x6C, 0x28, 2, 0, (byte) 0xB7, 0x20, 1, (byte) 0xA0, 0x21, 1, // sum += f64(mem[4i])
                        0x20, 0, 0x0D, 0, //
                        0x0B, 0x20, 1}, "main");
        snippets.add(script(context, "memory", memory, TypeDescriptor.NUMBER));
        // Builds nothing and returns nothing: a module whose main has no results gives null.
        BinaryModuleBuilder empty = new BinaryModuleBuilder();
        empty.function(NONE, NONE, NONE, NONE, "main");
        snippets.add(script(context, "empty", empty, TypeDescriptor.NULL));
        return snippets;
    }

    private static Snippet script(Context context, String name, BinaryModuleBuilder module, TypeDescriptor result) {
        Value main = instantiate(context, name, module.build()).getMember("main");
        return Snippet.newBuilder(name, main, result).build();
    }

    @Override
    public Collection<? extends Source> createInvalidSyntaxScripts(Context context) {
        List<Source> sources = new ArrayList<>();
        sources.add(source("bad-magic", new byte[]{0x00, 0x61, 0x73, 0x6E, 0x01, 0x00, 0x00, 0x00}));
        sources.add(source("truncated", new byte[]{0x00, 0x61, 0x73, 0x6D, 0x01, 0x00}));
        byte[] valid = new BinaryModuleBuilder().build();
        byte[] badSection = java.util.Arrays.copyOf(valid, valid.length + 2);
        badSection[valid.length] = 0x0E; // no such section id
        sources.add(source("bad-section", badSection));
        // Well-formed but invalid: an i32 function returning an i64.
        BinaryModuleBuilder invalid = new BinaryModuleBuilder();
        invalid.function(NONE, one(I32), NONE, new byte[]{0x42, 1}, "main");
        sources.add(source("type-mismatch", invalid.build()));
        return sources;
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private static byte[] one(byte type) {
        return new byte[]{type};
    }

    private static Source source(String name, byte[] bytes) {
        return Source.newBuilder(ID, ByteSequence.create(bytes), name + ".wasm").buildLiteral();
    }

    /** Instantiates a module of one exported function {@code main} and returns that function. */
    private static Value exported(Context context, String name, byte[] params, byte[] results, byte[] locals, byte[] body) {
        BinaryModuleBuilder module = new BinaryModuleBuilder();
        module.function(params, results, locals, body, "main");
        return instantiate(context, name, module.build()).getMember("main");
    }

    private static Value instantiate(Context context, String name, byte[] module) {
        return context.eval(source(name, module)).newInstance().getMember("exports");
    }

    /**
     * Accepts what wasm does with numbers: results are numbers; a call with an argument that does not fit
     * its wasm parameter type fails, and so may an integer division (a trap). Failures with arguments the
     * snippet does not declare (the TCK's error-type tests) are passed on.
     */
    private record NumericVerifier(byte[] wasmTypes) implements ResultVerifier {
        @Override
        public void accept(SnippetRun run) throws PolyglotException {
            PolyglotException exception = run.getException();
            List<? extends Value> parameters = run.getParameters();
            if (exception == null) {
                ResultVerifier.getDefaultResultVerifier().accept(run);
                return;
            }
            boolean allFit = true;
            for (int i = 0; i < parameters.size(); i++) {
                Value parameter = parameters.get(i);
                if (!TypeDescriptor.NUMBER.isAssignable(TypeDescriptor.forValue(parameter))) {
                    throw exception;
                }
                allFit &= fits(wasmTypes[i], parameter);
            }
            if (allFit && !isTrap(exception)) {
                throw exception;
            }
        }

        private static boolean isTrap(PolyglotException exception) {
            return exception.isGuestException() && !exception.isInternalError() && exception.getMessage() != null &&
                            (exception.getMessage().contains("integer divide by zero") || exception.getMessage().contains("integer overflow"));
        }

        /** Whether {@code value} converts to wasm type {@code type} as the engine documents. */
        private static boolean fits(byte type, Value value) {
            switch (type) {
                case I32:
                    return value.fitsInInt() || (value.fitsInLong() && value.asLong() >= 0 && value.asLong() <= 0xFFFF_FFFFL);
                case I64:
                    if (value.fitsInLong()) {
                        return true;
                    }
                    if (value.fitsInBigInteger()) {
                        BigInteger b = value.asBigInteger();
                        return b.signum() >= 0 && b.bitLength() <= 64;
                    }
                    return false;
                default:
                    return value.fitsInFloat() || value.fitsInDouble() || value.fitsInLong();
            }
        }
    }
}
