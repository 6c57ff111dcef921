package org.wasmtruffle.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.wasmtruffle.binary.ModuleDecoder;
import org.wasmtruffle.interop.Wat;
import org.wasmtruffle.module.ModuleDescription;
import org.wasmtruffle.validation.FunctionValidator;

/**
 * The exits a region's code shows (see {@link RegionExits}): falling into the next region is one only where the
 * region's last instruction can fall through. Were it one of every region, the function's compiled code would reach
 * every case of its dispatch from any one, and hold a call of each, even of those never run.
 */
class RegionExitsTest {
    /** A dispatch of 17 cases: case 0 returns, case 2 falls into case 3, the others branch back to the dispatch. */
    private static String dispatch() {
        StringBuilder wat = new StringBuilder("""
                        (module
                          (func (export "run") (param $op i32) (result i32)
                            (local $acc i32)
                            (loop $dispatch
                        """);
        for (int c = 16; c >= 0; c--) {
            wat.append("(block $c").append(c).append(' ');
        }
        wat.append("(br_table");
        for (int c = 0; c <= 16; c++) {
            wat.append(" $c").append(c);
        }
        wat.append(" (local.get $op)))\n");
        wat.append("(return (local.get $acc)))\n");
        wat.append("(local.set $acc (i32.add (local.get $acc) (i32.const 1))) (local.set $op (i32.const 0)) (br $dispatch))\n");
        wat.append("(local.set $acc (i32.mul (local.get $acc) (i32.const 2))))\n");
        for (int c = 3; c <= 15; c++) {
            wat.append("(local.set $acc (i32.xor (local.get $acc) (i32.const ").append(c).append("))) (local.set $op (i32.const 0)) (br $dispatch))\n");
        }
        wat.append("(return (i32.const -1)))\n(unreachable)))\n");
        return wat.toString();
    }

    @Test
    void onlyARegionThatFallsThroughHasTheNextAsAnExit() {
        ModuleDescription module = ModuleDecoder.decode("dispatch.wasm", Wat.compile(dispatch()));
        FunctionBytecode bytecode = FunctionValidator.translate(module, 0, 1);
        int[] code = bytecode.code();
        int[] starts = bytecode.regionStarts();
        assertEquals(17, starts.length, "a region for each case");
        int fallingThrough = -1;
        for (int r = 0; r < starts.length; r++) {
            int end = r + 1 < starts.length ? starts[r + 1] : code.length;
            int[] exits = RegionExits.of(code, starts[r], end);
            boolean intoNext = false;
            for (int i = 0; i < exits.length; i += 2) {
                assertTrue(exits[i] < starts[r] || exits[i] >= end || code[exits[i]] == Bytecode.RETURN, "region " + r + ": an exit inside it");
                intoNext |= exits[i] == end;
            }
            if (intoNext) {
                assertEquals(-1, fallingThrough, "regions " + fallingThrough + " and " + r + " both fall into the next");
                fallingThrough = r;
            }
            assertTrue(exits.length > 0, "region " + r + " has no exit");
        }
        assertEquals(2, fallingThrough, "case 2 falls into case 3");
    }

    @Test
    void branchesReturnsAndTrapsDoNotFallThrough() {
        for (int opcode : new int[]{Bytecode.BR, Bytecode.BR_TABLE, Bytecode.RETURN, Bytecode.UNREACHABLE, Bytecode.JUMP}) {
            assertFalse(RegionExits.fallsThrough(opcode), Integer.toString(opcode));
        }
        for (int opcode : new int[]{Bytecode.BR_IF, Bytecode.BR_IF_COMPARE, Bytecode.JUMP_IF_ZERO, Bytecode.CALL, Bytecode.LOCAL_SET}) {
            assertTrue(RegionExits.fallsThrough(opcode), Integer.toString(opcode));
        }
    }
}
