package org.wasmtruffle.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.wasmtruffle.validation.InvalidModuleException;

/**
 * Runs the decoder over the WebAssembly 2.0 spec suite (without the simd_ scripts): every module that
 * should load decodes, and every binary {@code assert_malformed} module is rejected for the expected
 * reason, except those whose problem lies inside a function body, which the function validator reports.
 *
 * <p>Reasons are compared as the spec suite's own harness compares them: the expected text is a prefix of
 * the reason (the suite writes "unexpected end" for what the reference decoder calls "unexpected end of
 * section or function" in some places and the full text in others).
 */
class ModuleDecoderSpecTest {
    /**
     * assert_malformed commands whose problem is inside a function body: the decoder only locates bodies,
     * so these decode, and {@code FunctionValidator} must reject them.
     */
    static final Set<String> BODY_PROBLEMS = Set.of(
                    "align:892", "align:911", "align:930", "align:949", "align:968", // malformed memop flags
                    "binary:56", // END opcode expected: end missing between two bodies
                    "binary:77", // unexpected end of section or function: end missing at the end of the module
                    "binary:93", // section size mismatch: end missing, and the next section starts with 0x0b
                    "binary:126", "binary:146", "binary:166", "binary:185", "binary:204", // zero byte expected (memory.grow)
                    "binary:224", "binary:243", "binary:262", "binary:280", "binary:298", // zero byte expected (memory.size)
                    "binary:317", "binary:334", // integer too large: a local count of 2^32
                    "binary:351", "binary:367", // too many locals
                    "binary:494", "binary:517", // data count section required (memory.init, data.drop)
                    "binary:1114", // unexpected end: br_table's targets run past the end of the body
                    "binary-leb128:424", "binary-leb128:443", "binary-leb128:990", // integer representation too long
                    "binary-leb128:771", "binary-leb128:789", "binary-leb128:808", "binary-leb128:827"); // integer too large

    @Test
    void specSuiteModulesDecodeAndMalformedOnesAreRejected() throws IOException {
        Path json = SpecSuite.specJsonDirectory();
        assumeTrue(json != null, "spec test suite not found: set -Dwasm.shared.dir or put shared/ beside the checkout");
        int decoded = 0;
        int rejected = 0;
        int rejectedExactly = 0;
        int bodyProblems = 0;
        List<String> failures = new ArrayList<>();
        for (SpecSuite.Command c : SpecSuite.commandsWithoutSimd(json)) {
            if (c.module() == null || !"binary".equals(c.moduleType()) && !c.type().equals("module")) {
                continue;
            }
            byte[] bytes = Files.readAllBytes(c.module());
            String key = c.script() + ":" + c.line();
            if (c.type().equals("assert_malformed")) {
                if (BODY_PROBLEMS.contains(key)) {
                    bodyProblems++;
                    try {
                        ModuleDecoder.decode(c.module().toString(), bytes);
                    } catch (RuntimeException e) {
                        failures.add(c + ": listed as a body problem but the decoder says " + e.getMessage());
                    }
                    continue;
                }
                try {
                    ModuleDecoder.decode(c.module().toString(), bytes);
                    failures.add(c + ": decoded without error");
                } catch (MalformedModuleException e) {
                    if (e.reason().startsWith(c.text())) {
                        rejected++;
                        if (e.reason().equals(c.text())) {
                            rejectedExactly++;
                        } else {
                            System.out.println("prefix match: " + c + ": reason \"" + e.reason() + "\"");
                        }
                    } else {
                        failures.add(c + ": reason \"" + e.reason() + "\"");
                    }
                } catch (RuntimeException e) {
                    failures.add(c + ": " + e);
                }
            } else {
                try {
                    ModuleDecoder.decode(c.module().toString(), bytes);
                    decoded++;
                } catch (InvalidModuleException e) {
                    if (c.type().equals("assert_invalid")) {
                        decoded++;
                    } else {
                        failures.add(c + ": " + e.getMessage());
                    }
                } catch (RuntimeException e) {
                    failures.add(c + ": " + e);
                }
            }
        }
        System.out.printf("spec suite decoding: %d modules decoded, %d malformed modules rejected (%d with exactly the expected text), %d left to the function validator, %d failures%n",
                        decoded, rejected, rejectedExactly, bodyProblems, failures.size());
        failures.forEach(System.out::println);
        assertEquals(List.of(), failures);
        assertTrue(decoded > 1000 && rejected > 500, "suspiciously few commands");
    }
}
