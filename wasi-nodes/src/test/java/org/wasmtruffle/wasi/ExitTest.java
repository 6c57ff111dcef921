package org.wasmtruffle.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExitTest {
    @Test
    void procExitFromDeepRecursion() throws Exception {
        GuestRun run = new GuestRun().args("20000").run(GuestPrograms.c("deep_exit"));
        assertNull(run.error, run::toString);
        assertEquals(42, run.exitCode);
    }

    @Test
    void procExitThroughNestedWasmCalls() throws Exception {
        byte[] wasm = GuestPrograms.wat("""
                        (module
                          (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
                          (memory (export "memory") 1)
                          (func $inner (param i32) (call $exit (local.get 0)) unreachable)
                          (func $middle (call $inner (i32.const 7)))
                          (func (export "_start") (call $middle) unreachable))
                        """);
        GuestRun run = new GuestRun().run(wasm, "exit.wasm");
        assertNull(run.error, run::toString);
        assertEquals(7, run.exitCode);
    }

    @Test
    void procRaiseOfATerminatingSignalEndsTheProgram() throws Exception {
        byte[] wasm = GuestPrograms.wat("""
                        (module
                          (import "wasi_snapshot_preview1" "proc_raise" (func $raise (param i32) (result i32)))
                          (memory (export "memory") 1)
                          (func (export "_start")
                            (if (i32.ne (call $raise (i32.const 16)) (i32.const 0)) (then unreachable))
                            (drop (call $raise (i32.const 15)))
                            unreachable))
                        """);
        GuestRun run = new GuestRun().run(wasm, "raise.wasm");
        assertNull(run.error, run::toString);
        assertEquals(128 + 15, run.exitCode);
    }

    @Test
    void unknownFunctionsAndWasiUnstableStayUnknownImports() throws Exception {
        byte[] unknown = GuestPrograms.wat("""
                        (module (import "wasi_snapshot_preview1" "no_such_function" (func)) (func (export "_start")))
                        """);
        GuestRun run = new GuestRun().run(unknown, "unknown.wasm");
        assertTrue(run.error != null && run.error.getMessage().contains("no_such_function"), run::toString);
        byte[] unstable = GuestPrograms.wat("""
                        (module (import "wasi_unstable" "fd_write" (func (param i32 i32 i32 i32) (result i32))) (func (export "_start")))
                        """);
        run = new GuestRun().run(unstable, "unstable.wasm");
        assertTrue(run.error != null && run.error.getMessage().contains("wasi_unstable"), run::toString);
    }

    @Test
    void badPointersGiveEfaultNotATrap() throws Exception {
        byte[] wasm = GuestPrograms.wat("""
                        (module
                          (import "wasi_snapshot_preview1" "args_sizes_get" (func $sizes (param i32 i32) (result i32)))
                          (import "wasi_snapshot_preview1" "random_get" (func $random (param i32 i32) (result i32)))
                          (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
                          (memory (export "memory") 1)
                          (func (export "_start")
                            (if (i32.ne (call $sizes (i32.const 65534) (i32.const 0)) (i32.const 21)) (then unreachable))
                            (if (i32.ne (call $random (i32.const 65000) (i32.const 1000)) (i32.const 21)) (then unreachable))
                            (if (i32.ne (call $random (i32.const 0) (i32.const 65536)) (i32.const 0)) (then unreachable))
                            (call $exit (i32.const 3))))
                        """);
        GuestRun run = new GuestRun().run(wasm, "efault.wasm");
        assertNull(run.error, run::toString);
        assertEquals(3, run.exitCode);
    }
}
