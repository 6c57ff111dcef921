package org.wasmtruffle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;
import org.wasmtruffle.binary.ModuleDecoder;
import org.wasmtruffle.interop.Wat;
import org.wasmtruffle.interpreter.Bytecode;
import org.wasmtruffle.module.ModuleDescription;
import org.wasmtruffle.validation.FunctionValidator;
import org.wasmtruffle.validation.ModuleValidator;

/**
 * Which loop of a loop nest the interpreter replaces by OSR code: the outermost one, whose code then holds the inner
 * loops as loops; an inner loop only if the outer one does not come round soon (an inner loop that runs long by
 * itself).
 */
class OsrLoopChoiceTest {
    /** {@code $outer} times an inner loop of {@code $inner} iterations. */
    private static final String NEST = """
                    (module
                      (func (export "nest") (param $outer i32) (param $inner i32) (result i32)
                        (local $i i32) (local $j i32) (local $acc i32)
                        (loop $o
                          (local.set $j (i32.const 0))
                          (loop $in
                            (local.set $acc (i32.add (local.get $acc) (i32.xor (local.get $i) (local.get $j))))
                            (br_if $in (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 1))) (local.get $inner))))
                          (br_if $o (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $outer))))
                        (local.get $acc)))
                    """;

    @Test
    void theOutermostLoopIsCompiledWhenItComesRound() {
        // 100,000 rounds of 23: 22 of every 23 backward branches are the inner loop's, and Truffle's polls say yes
        // (at 10,240 backward branches, then every 1,024) at inner ones. (With rounds of 20, the first would be an
        // outer one.)
        List<Integer> compiled = osrTargets(100_000, 23);
        assertEquals(List.of(loopTargets()[0]), compiled);
    }

    @Test
    void anInnerLoopThatRunsLongIsCompiledItself() {
        // One round of 3,000,000: the outer loop does not come round, so the inner loop is compiled after all.
        List<Integer> compiled = osrTargets(1, 3_000_000);
        assertEquals(List.of(loopTargets()[1]), compiled);
    }

    /** The OSR targets of the outer and inner loop, read from the function's bytecode. */
    private static int[] loopTargets() {
        ModuleDescription module = ModuleDecoder.decode("nest.wasm", Wat.compile(NEST));
        ModuleValidator.validate(module);
        int[] code = FunctionValidator.translate(module, 0).code();
        List<Integer> targets = new ArrayList<>();
        for (int pc = 0; pc < code.length; pc += Bytecode.length(code, pc)) {
            if (code[pc] == Bytecode.LOOP_HEADER) {
                targets.add(pc + Bytecode.length(code, pc));
            }
        }
        assertEquals(2, targets.size(), "two loops");
        // The inner loop's header names the outer loop as its outermost; the outer one names none.
        assertEquals(-1, Bytecode.outermostLoop(code, targets.get(0)));
        assertEquals(targets.get(0), Bytecode.outermostLoop(code, targets.get(1)));
        return new int[]{targets.get(0), targets.get(1)};
    }

    private static List<Integer> osrTargets(int outer, int inner) {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (Engine engine = OsrEngine.synchronous(10000, log, "engine.TraceCompilation");
                        Context context = Context.newBuilder(WasmSource.LANGUAGE).engine(engine).build()) {
            Value nest = context.eval(WasmSource.of(Wat.compile(NEST), "nest.wasm")).newInstance().getMember("exports").getMember("nest");
            int expected = 0;
            for (int i = 0; i < outer; i++) {
                for (int j = 0; j < inner; j++) {
                    expected += i ^ j;
                }
            }
            assertEquals(expected, nest.execute(outer, inner).asInt());
        }
        return OsrEngine.compiledTargets(log.toString(StandardCharsets.UTF_8));
    }
}
