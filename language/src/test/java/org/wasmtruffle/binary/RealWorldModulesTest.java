package org.wasmtruffle.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.wasmtruffle.module.ExternKind;
import org.wasmtruffle.module.Import;
import org.wasmtruffle.module.ModuleDescription;

/** Decodes the WASI test suite's modules: real compiler output (rustc, clang, AssemblyScript). */
class RealWorldModulesTest {
    @Test
    void wasiTestSuiteModulesDecode() throws IOException {
        Path shared = SpecSuite.sharedDirectory();
        Path wasi = shared == null ? null : shared.resolve("testsuite/wasi");
        assumeTrue(wasi != null && Files.isDirectory(wasi), "WASI test suite not found: set -Dwasm.shared.dir or put shared/ beside the checkout");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(wasi)) {
            files = walk.filter(p -> p.toString().endsWith(".wasm")).sorted().toList();
        }
        assertEquals(72, files.size());
        List<String> failures = new ArrayList<>();
        Path largest = null;
        for (Path file : files) {
            try {
                ModuleDescription m = ModuleDecoder.decode(file.getFileName().toString(), Files.readAllBytes(file));
                assertTrue(m.functionCount() > m.importedFunctionCount(), file + " defines functions");
                boolean importsWasi = false;
                for (Import im : m.imports()) {
                    importsWasi |= im.kind() == ExternKind.FUNCTION && im.module().equals("wasi_snapshot_preview1");
                }
                assertTrue(importsWasi, file + " imports WASI");
                if (largest == null || Files.size(file) > Files.size(largest)) {
                    largest = file;
                }
            } catch (RuntimeException e) {
                failures.add(file + ": " + e);
            }
        }
        assertEquals(List.of(), failures);
        byte[] bytes = Files.readAllBytes(largest);
        long start = System.nanoTime();
        ModuleDescription m = ModuleDecoder.decode(largest.toString(), bytes);
        System.out.printf("decoding %s (%d bytes, %d functions) took %.2f ms%n", largest.getFileName(), bytes.length, m.functionCount(), (System.nanoTime() - start) / 1e6);
    }
}
