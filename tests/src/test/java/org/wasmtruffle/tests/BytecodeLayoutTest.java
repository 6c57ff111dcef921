package org.wasmtruffle.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.wasmtruffle.binary.MalformedModuleException;
import org.wasmtruffle.binary.ModuleDecoder;
import org.wasmtruffle.interpreter.Bytecode;
import org.wasmtruffle.interpreter.FunctionBytecode;
import org.wasmtruffle.module.ModuleDescription;
import org.wasmtruffle.validation.FunctionValidator;
import org.wasmtruffle.validation.InvalidModuleException;
import org.wasmtruffle.validation.ModuleValidator;

/**
 * Walking a function's bytecode instruction by instruction ({@link Bytecode#length}) must land exactly on its
 * end and on every jump target (a backward one just past a loop header), and find the region entries where the translator put them: the regions of
 * a huge function learn their exits that way, before they run. Checked on every module of the spec test
 * suite and on python.wasm (CPython's eval loop is what regions are for), every function split as far as
 * it goes.
 */
class BytecodeLayoutTest {
    @Test
    void specSuiteModules() throws IOException {
        List<Path> modules;
        try (Stream<Path> files = Files.walk(TestPaths.specJsonDir())) {
            modules = files.filter(p -> p.toString().endsWith(".wasm") && !p.toString().contains("proposals")).sorted().toList();
        }
        int checked = 0;
        for (Path file : modules) {
            ModuleDescription module;
            try {
                module = ModuleDecoder.decode(file.getFileName().toString(), Files.readAllBytes(file));
                ModuleValidator.validate(module);
            } catch (MalformedModuleException | InvalidModuleException e) {
                continue; // the suite's malformed and invalid modules have no bytecode
            }
            checked += checkAllFunctions(module);
        }
        assertTrue(checked > 4000, "functions checked: " + checked);
    }

    @Test
    void pythonWasm() throws Exception {
        ModuleDescription module = ModuleDecoder.decode("python.wasm", Files.readAllBytes(PythonWasm.path()));
        ModuleValidator.validate(module);
        assertEquals(11448, checkAllFunctions(module));
    }

    private static int checkAllFunctions(ModuleDescription module) {
        int n = 0;
        for (int f = module.importedFunctionCount(); f < module.functionCount(); f++) {
            checkLayout(module, f, FunctionValidator.translate(module, f, 1));
            n++;
        }
        return n;
    }

    private static void checkLayout(ModuleDescription module, int function, FunctionBytecode bytecode) {
        int[] code = bytecode.code();
        String where = module.name() + " func[" + function + "]";
        BitSet starts = new BitSet(code.length);
        List<int[]> jumps = new ArrayList<>();
        List<Integer> regionEntries = new ArrayList<>();
        int pc = 0;
        while (pc < code.length) {
            starts.set(pc);
            switch (code[pc]) {
                case Bytecode.JUMP, Bytecode.JUMP_IF_ZERO, Bytecode.JUMP_UNLESS_COMPARE, Bytecode.BR, Bytecode.BR_IF, Bytecode.BR_IF_COMPARE ->
                    jumps.add(new int[] {pc, code[pc + 1]});
                case Bytecode.BR_TABLE -> {
                    for (int i = 0; i <= code[pc + 1]; i++) {
                        jumps.add(new int[] {pc, code[pc + 3 + 3 * i]});
                    }
                }
                case Bytecode.REGION_ENTRY -> {
                    assertEquals(regionEntries.size(), code[pc + 1], where + ": regions are numbered in order");
                    regionEntries.add(pc);
                }
                default -> {
                }
            }
            int length = Bytecode.length(code, pc);
            assertTrue(length > 0, where);
            pc += length;
        }
        assertEquals(code.length, pc, where + ": the last instruction ends the code");
        for (int[] jump : jumps) {
            int target = jump[1];
            assertTrue(starts.get(target), where + ": jump target " + target + " is an instruction's start");
            if (target <= jump[0]) {
                // A backward branch skips its loop's header, which only entering the loop runs.
                assertTrue(target >= 3 && starts.get(target - 3) && code[target - 3] == Bytecode.LOOP_HEADER,
                                where + ": backward branch at " + jump[0] + " goes just past a loop header");
                // The header names the outermost loop around it (or none), whose backward branches go past a header
                // too, before this one.
                int outermost = Bytecode.outermostLoop(code, target);
                assertTrue(outermost == -1 || outermost < target && starts.get(outermost - 3) && code[outermost - 3] == Bytecode.LOOP_HEADER && Bytecode.outermostLoop(code, outermost) == -1,
                                where + ": loop at " + target + " names an outermost loop at " + outermost);
            }
        }
        assertArrayEquals(regionEntries.stream().mapToInt(Integer::intValue).toArray(), bytecode.regionStarts(), where);
    }
}
