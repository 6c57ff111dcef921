package org.wasmtruffle.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * When the host refuses native memory, {@code memory.grow} returns -1 and instantiation traps with
 * "out of memory"; no {@link OutOfMemoryError} escapes. The host is made to refuse by running a child JVM
 * under a 3 GB address-space limit ({@code ulimit -v}), where a 4 GiB memory cannot exist.
 */
@EnabledOnOs(OS.LINUX)
class LinearMemoryAllocationFailureTest {

    /** Runs in the child JVM; prints one line per outcome. */
    public static void main(String[] args) {
        LinearMemory memory = new LinearMemory(1, LinearMemory.MAX_PAGES);
        memory.storeI32(0, 42, null);
        System.out.println("grow-all " + memory.grow(LinearMemory.MAX_PAGES - 1) + " " + memory.pages() + " "
                        + memory.loadI32(0, null));
        System.out.println("grow-one " + memory.grow(1) + " " + memory.pages());
        try {
            new LinearMemory(LinearMemory.MAX_PAGES, LinearMemory.MAX_PAGES);
            System.out.println("constructed");
        } catch (Trap trap) {
            System.out.println("trap " + trap.kind());
        }
    }

    /** This JVM's class path, plus what a launcher's class loader added (the console launcher's {@code -cp}). */
    private static String classPath() {
        StringBuilder path = new StringBuilder(System.getProperty("java.class.path"));
        if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader) {
            for (URL url : loader.getURLs()) {
                try {
                    path.append(File.pathSeparator).append(Path.of(url.toURI()));
                } catch (URISyntaxException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return path.toString();
    }

    @Test
    void refusedAllocationsAreReportedNotThrown() throws IOException, InterruptedException {
        Path bash = Path.of("/bin/bash");
        assumeTrue(Files.isExecutable(bash), "needs /bin/bash for ulimit");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = "ulimit -v 3000000 && exec \"$0\" -Xmx64m -XX:ReservedCodeCacheSize=32m"
                        + " -XX:CompressedClassSpaceSize=64m -XX:MaxMetaspaceSize=128m -XX:+UseSerialGC"
                        + " --sun-misc-unsafe-memory-access=allow -cp \"$1\" " + getClass().getName();
        Process process = new ProcessBuilder(bash.toString(), "-c", command, java, classPath())
                        .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(true, process.waitFor(60, TimeUnit.SECONDS), output);
        assertEquals(0, process.exitValue(), output);
        List<String> lines = output.lines().filter(l -> !l.startsWith("WARNING")).toList();
        assertEquals(List.of("grow-all -1 1 42", "grow-one 1 2", "trap OUT_OF_MEMORY"), lines, output);
    }
}
