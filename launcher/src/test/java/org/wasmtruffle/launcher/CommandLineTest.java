package org.wasmtruffle.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandLineTest {
    private static CommandLine parse(String... args) throws UsageException {
        return CommandLine.parse(args);
    }

    @Test
    void runIsTheDefaultCommandAndTheModuleEndsTheOptions() throws UsageException {
        CommandLine cl = parse("--engine.TraceCompilation", "--stack-size=512m", "m.wasm", "--invoke", "x", "--engine.Foo=1");
        assertEquals(CommandLine.Command.RUN, cl.command());
        assertEquals("m.wasm", cl.module());
        assertEquals(List.of("--invoke", "x", "--engine.Foo=1"), cl.arguments(), "arguments after the module belong to the guest");
        assertEquals(Map.of("engine.TraceCompilation", "true"), cl.polyglotOptions());
        assertEquals(512L << 20, cl.stackSize());
        assertNull(cl.invoke());
        assertEquals(cl.module(), parse("run", "--engine.TraceCompilation", "m.wasm").module());
    }

    @Test
    void invokeTakesItsValueEitherWay() throws UsageException {
        CommandLine cl = parse("--invoke", "add", "m.wasm", "1", "2");
        assertEquals("add", cl.invoke());
        assertEquals(List.of("1", "2"), cl.arguments());
        assertEquals("add", parse("--invoke=add", "m.wasm").invoke());
        assertEquals(1L << 30, parse("--stack-size", "1g", "m.wasm").stackSize());
    }

    @Test
    void polyglotOptionsPassThroughInOrder() throws UsageException {
        CommandLine cl = parse("--wasm-truffle.SpecTestModule=true", "--log.level=FINE", "--cpusampler", "--compiler.Inlining=false", "m.wasm");
        assertEquals(List.of("wasm-truffle.SpecTestModule", "log.level", "cpusampler", "compiler.Inlining"), List.copyOf(cl.polyglotOptions().keySet()));
        assertEquals("FINE", cl.polyglotOptions().get("log.level"));
        assertTrue(cl.javaStackTrace(), "a --log.* option turns on Java stack traces");
        assertFalse(parse("m.wasm").javaStackTrace());
        assertTrue(parse("--java-stack-trace", "m.wasm").javaStackTrace());
    }

    @Test
    void wastTakesPathsAndItsOwnOptions() throws UsageException {
        CommandLine cl = parse("wast", "--summary", "a.json", "dir", "--timeout=30", "--engine.Compilation=false");
        assertEquals(CommandLine.Command.WAST, cl.command());
        assertTrue(cl.summary());
        assertEquals(Duration.ofSeconds(30), cl.timeout());
        assertEquals(List.of("a.json", "dir"), cl.arguments());
        assertEquals(Map.of("engine.Compilation", "false"), cl.polyglotOptions());
    }

    @Test
    void helpAndVersionWin() throws UsageException {
        assertEquals(CommandLine.Command.HELP, parse("--help").command());
        assertEquals(CommandLine.Command.HELP, parse("-h").command());
        assertEquals(CommandLine.Command.HELP, parse("wast", "--help").command());
        assertEquals(CommandLine.Command.VERSION, parse("--version", "--bogus").command());
    }

    @Test
    void doubleDashEndsTheOptions() throws UsageException {
        assertEquals("-odd.wasm", parse("--", "-odd.wasm").module());
    }

    @Test
    void usageErrors() {
        assertThrows(UsageException.class, () -> parse());
        assertThrows(UsageException.class, () -> parse("--engine.TraceCompilation"));
        assertThrows(UsageException.class, () -> parse("wast"));
        assertThrows(UsageException.class, () -> parse("-x", "m.wasm"));
        assertThrows(UsageException.class, () -> parse("--invoke"));
        assertThrows(UsageException.class, () -> parse("--summary", "m.wasm"));
        assertThrows(UsageException.class, () -> parse("wast", "--invoke", "f", "a.json"));
        assertThrows(UsageException.class, () -> parse("--stack-size=big", "m.wasm"));
        assertThrows(UsageException.class, () -> parse("--stack-size=0", "m.wasm"));
        assertThrows(UsageException.class, () -> parse("wast", "--timeout=-1", "a.json"));
        UsageException vm = assertThrows(UsageException.class, () -> parse("--vm.Xmx1g", "m.wasm"));
        assertTrue(vm.getMessage().contains("-Xmx1g"), vm.getMessage());
    }

    @Test
    void repeatTakesAPositiveCount() throws UsageException {
        assertEquals(1, parse("m.wasm").repeat());
        assertEquals(18, parse("--repeat", "18", "m.wasm").repeat());
        assertEquals(3, parse("--repeat=3", "m.wasm", "--repeat=5").repeat(), "after MODULE it is the guest's");
        assertEquals(java.util.List.of("--repeat=5"), parse("--repeat=3", "m.wasm", "--repeat=5").arguments());
        assertThrows(UsageException.class, () -> parse("--repeat=0", "m.wasm"));
        assertThrows(UsageException.class, () -> parse("--repeat=-2", "m.wasm"));
        assertThrows(UsageException.class, () -> parse("--repeat=many", "m.wasm"));
        assertThrows(UsageException.class, () -> parse("--repeat"));
        assertThrows(UsageException.class, () -> parse("wast", "--repeat=2", "a.json"));
    }

    @Test
    void sizes() throws UsageException {
        assertEquals(4096, CommandLine.parseSize("4096"));
        assertEquals(64 << 10, CommandLine.parseSize("64k"));
        assertEquals(16L << 20, CommandLine.parseSize("16M"));
        assertEquals(2L << 30, CommandLine.parseSize("2g"));
        assertThrows(UsageException.class, () -> CommandLine.parseSize("m"));
        assertThrows(UsageException.class, () -> CommandLine.parseSize("99999999999999g"));
    }

    @Test
    void wasiOptions() throws UsageException {
        CommandLine cl = parse("--dir", "data::/data", "--dir=.", "--env", "A=1", "--env=B=x=y", "--env", "HOME", "--inherit-env", "--argv0", "py",
                        "--tcplisten", "127.0.0.1:8080", "m.wasm", "--dir", "x");
        assertEquals(List.of(new PreopenedDir("data", "/data"), new PreopenedDir(".", ".")), cl.dirs());
        assertEquals("data::/data", cl.dirs().get(0).optionEntry());
        assertEquals(Map.of("A", "1", "B", "x=y"), cl.environment());
        assertEquals(List.of("A", "B"), List.copyOf(cl.environment().keySet()));
        assertEquals(List.of("HOME"), cl.inheritedVariables());
        assertTrue(cl.inheritEnv());
        assertEquals("py", cl.argv0());
        assertEquals(List.of("127.0.0.1:8080"), cl.tcpListen());
        assertEquals(List.of("--dir", "x"), cl.arguments(), "options after the module belong to the guest");
        assertTrue(cl.polyglotOptions().isEmpty());
        CommandLine plain = parse("m.wasm");
        assertFalse(plain.inheritEnv());
        assertNull(plain.argv0());
        assertTrue(plain.dirs().isEmpty() && plain.environment().isEmpty() && plain.tcpListen().isEmpty());
    }

    @Test
    void moduleCacheTakesADirectoryOrNone() throws UsageException {
        assertNull(parse("m.wasm").moduleCache(), "not given: the launcher's default");
        assertEquals("/tmp/c", parse("--module-cache=/tmp/c", "m.wasm").moduleCache());
        assertEquals("c", parse("--module-cache", "c", "m.wasm").moduleCache());
        assertEquals("", parse("--module-cache=none", "m.wasm").moduleCache(), "none: no cache");
        assertEquals("./none", parse("--module-cache=./none", "m.wasm").moduleCache());
        assertThrows(UsageException.class, () -> parse("--module-cache=", "m.wasm"));
        assertThrows(UsageException.class, () -> parse("--module-cache"));
        assertThrows(UsageException.class, () -> parse("wast", "--module-cache=c", "a.json"));
    }

    @Test
    void wasiOptionErrors() {
        assertThrows(UsageException.class, () -> parse("--dir", "::/x", "m.wasm"));
        assertThrows(UsageException.class, () -> parse("--dir", "a::", "m.wasm"));
        assertThrows(UsageException.class, () -> parse("--dir", "a;b", "m.wasm"));
        assertThrows(UsageException.class, () -> parse("--env", "=1", "m.wasm"));
        assertThrows(UsageException.class, () -> parse("--inherit-env=yes", "m.wasm"));
        assertThrows(UsageException.class, () -> parse("--tcplisten", "8080", "m.wasm"));
        assertThrows(UsageException.class, () -> parse("--tcplisten", "localhost:99999", "m.wasm"));
        assertThrows(UsageException.class, () -> parse("--tcplisten", "localhost:http", "m.wasm"));
        assertThrows(UsageException.class, () -> parse("wast", "--dir", "x", "a.json"));
        assertThrows(UsageException.class, () -> parse("--argv0"));
    }
}
