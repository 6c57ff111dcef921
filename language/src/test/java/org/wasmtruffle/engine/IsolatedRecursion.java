package org.wasmtruffle.engine;

import static org.wasmtruffle.binary.WasmBinary.CODE;
import static org.wasmtruffle.binary.WasmBinary.END;
import static org.wasmtruffle.binary.WasmBinary.EXPORT;
import static org.wasmtruffle.binary.WasmBinary.FUNCTION;
import static org.wasmtruffle.binary.WasmBinary.I32;
import static org.wasmtruffle.binary.WasmBinary.I64;
import static org.wasmtruffle.binary.WasmBinary.TYPE;
import static org.wasmtruffle.binary.WasmBinary.b;
import static org.wasmtruffle.binary.WasmBinary.cat;
import static org.wasmtruffle.binary.WasmBinary.funcType;
import static org.wasmtruffle.binary.WasmBinary.module;
import static org.wasmtruffle.binary.WasmBinary.name;
import static org.wasmtruffle.binary.WasmBinary.section;
import static org.wasmtruffle.binary.WasmBinary.u;
import static org.wasmtruffle.binary.WasmBinary.vec;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

/**
 * Run in a JVM of its own by {@link StackExhaustionTest}, so that what it exhausts (heap, time) is not the
 * test JVM's: a recursive function {@code depth(n)} (returns n after n nested calls) with extra locals is
 * called {@code warmUp} times with n = 20, so that the JIT may compile it, then {@code attempts} times
 * with n = -1 (2^32 - 1 as unsigned: runs out of stack first) on a thread with the given stack. Prints one
 * line per attempt starting with {@code outcome:}.
 */
public final class IsolatedRecursion {
    private IsolatedRecursion() {
    }

    /**
     * {@code (func (export "depth") (param i32) (result i32) (local i64 × locals) local.get 0 i32.eqz if (result
     * i32) i32.const 0 else local.get 0 i32.const 1 i32.sub call 0 i32.const 1 i32.add end)}.
     */
    static byte[] depthModule(long locals) {
        byte[] code = b(0x20, 0x00, 0x45, 0x04, I32, 0x41, 0x00, 0x05, 0x20, 0x00, 0x41, 0x01, 0x6B, 0x10, 0x00, 0x41, 0x01, 0x6A, END, END);
        byte[] content = locals == 0 ? cat(b(0x00), code) : cat(b(0x01), u(locals), b(I64), code);
        return module(section(TYPE, vec(funcType(new int[]{I32}, I32))), section(FUNCTION, vec(b(0))), section(EXPORT, vec(cat(name("depth"), b(0x00, 0x00)))),
                        section(CODE, vec(cat(u(content.length), content))));
    }

    /** Arguments: extra locals, the thread's stack in MiB, warm-up calls, attempts. */
    public static void main(String[] args) throws InterruptedException {
        long locals = Long.parseLong(args[0]);
        long stackBytes = Long.parseLong(args[1]) << 20;
        int warmUp = Integer.parseInt(args[2]);
        int attempts = Integer.parseInt(args[3]);
        try (Context context = Context.create(WasmSource.LANGUAGE)) {
            Value depth = context.eval(WasmSource.of(depthModule(locals), "depth.wasm")).newInstance().getMember("exports").getMember("depth");
            for (int i = 0; i < warmUp; i++) {
                depth.execute(20);
            }
            for (int attempt = 0; attempt < attempts; attempt++) {
                Thread thread = new Thread(null, () -> System.out.println("outcome: " + attempt(depth)), "recursion", stackBytes);
                thread.start();
                thread.join();
            }
        }
    }

    private static String attempt(Value depth) {
        long start = System.nanoTime();
        String outcome;
        try {
            outcome = "returned " + depth.execute(-1);
        } catch (PolyglotException e) {
            outcome = "guest=" + e.isGuestException() + " internal=" + e.isInternalError() + " resourceExhausted=" + e.isResourceExhausted() + " message=" + e.getMessage();
        } catch (Throwable t) {
            outcome = "error=" + t;
        }
        return outcome + " ms=" + (System.nanoTime() - start) / 1_000_000;
    }
}
