package org.wasmtruffle.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.wasmtruffle.binary.MalformedModuleException;
import org.wasmtruffle.binary.ModuleDecoder;
import org.wasmtruffle.binary.SpecSuite;
import org.wasmtruffle.module.ModuleDescription;

/**
 * Runs decoding and validation over the WebAssembly 2.0 spec suite (without the simd_ scripts): every
 * module that should load validates, and every {@code assert_invalid} module is rejected with the expected
 * reason (as a prefix, as the suite's harness compares). Function bodies are validated by
 * {@link FunctionValidator}, so this covers it too.
 */
class ModuleValidatorSpecTest {
    /** assert_invalid commands whose binary (from wast2json) cannot show the problem the script means. */
    static final Set<String> NOT_EXPRESSIBLE_IN_BINARY = Set.of(
                    // (select (result) ...): wast2json writes a plain select, which is merely ill-typed.
                    "select:324",
                    // data.drop without a data count section: the binary is malformed ("data count section
                    // required", as the reference decoder says) before the segment index is looked at.
                    "memory_init:190");

    @Test
    void specSuiteModulesValidateAndInvalidOnesAreRejected() throws IOException {
        Path json = SpecSuite.specJsonDirectory();
        assumeTrue(json != null, "spec test suite not found: set -Dwasm.shared.dir or put shared/ beside the checkout");
        int valid = 0;
        int rejected = 0;
        List<String> failures = new ArrayList<>();
        for (SpecSuite.Command c : SpecSuite.commandsWithoutSimd(json)) {
            boolean shouldLoad = c.type().equals("module") || c.type().equals("assert_unlinkable") || c.type().equals("assert_uninstantiable");
            boolean invalid = c.type().equals("assert_invalid") && "binary".equals(c.moduleType());
            if (c.module() == null || !shouldLoad && !invalid || NOT_EXPRESSIBLE_IN_BINARY.contains(c.script() + ":" + c.line())) {
                continue;
            }
            byte[] bytes = Files.readAllBytes(c.module());
            try {
                ModuleDescription m = ModuleDecoder.decode(c.module().toString(), bytes);
                ModuleValidator.validate(m);
                if (invalid) {
                    failures.add(c + ": validated");
                } else {
                    valid++;
                }
            } catch (InvalidModuleException e) {
                if (invalid && e.reason().startsWith(c.text())) {
                    rejected++;
                } else {
                    failures.add(c + ": " + e.getMessage());
                }
            } catch (MalformedModuleException e) {
                failures.add(c + ": " + e.getMessage());
            } catch (RuntimeException e) {
                failures.add(c + ": " + e);
            }
        }
        System.out.printf("spec suite validation: %d modules valid, %d invalid modules rejected, %d failures%n", valid, rejected, failures.size());
        failures.forEach(System.out::println);
        assertEquals(List.of(), failures);
    }
}
