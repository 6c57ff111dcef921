package org.wasmtruffle.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CPython 3.12 for WASI ({@code python.wasm}, fetched by {@code tools/fetch-python-wasm}) run by
 * {@code bin/wasm-truffle}, as a user would: output, exit statuses, tracebacks, files in a
 * {@code --dir} folder, stdin, the environment, and some of the standard library.
 */
class PythonTest {
    private static Path python;
    private static Path work;

    @BeforeAll
    static void setUp() throws IOException, InterruptedException {
        python = PythonWasm.path();
        work = TestPaths.repositoryRoot().resolve("tests/target/python-test");
        ScratchFolder.deleteRecursively(work);
        Files.createDirectories(work);
    }

    private static LauncherProcess.Result python(String stdin, String... args) throws IOException, InterruptedException {
        return LauncherProcess.run(work, stdin, prepend(python.toString(), args));
    }

    private static String[] prepend(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    @Test
    void printsTheResultOfAnExpression() throws Exception {
        LauncherProcess.Result r = python(null, "-c", "print(2+3)");
        assertEquals(0, r.status(), r::toString);
        assertEquals("5\n", r.out(), r::toString);
    }

    @Test
    void sysExitGivesTheExitStatus() throws Exception {
        LauncherProcess.Result r = python(null, "-c", "import sys; print('bye'); sys.exit(3)");
        assertEquals(3, r.status(), r::toString);
        assertEquals("bye\n", r.out(), r::toString);
        assertEquals("", r.err(), r::toString);
    }

    @Test
    void anUncaughtExceptionPrintsTheTracebackAndExits1() throws Exception {
        LauncherProcess.Result r = python(null, "-c", "def f():\n    raise ValueError('boom')\nf()");
        assertEquals(1, r.status(), r::toString);
        assertTrue(r.err().startsWith("Traceback (most recent call last):"), r::toString);
        assertTrue(r.err().contains("in f\n"), r::toString);
        assertTrue(r.err().strip().endsWith("ValueError: boom"), r::toString);
        r.assertNoJavaStackTrace();
    }

    @Test
    void aScriptInADirFolderReadsWritesAndListsFiles() throws Exception {
        Path data = work.resolve("data");
        ScratchFolder.deleteRecursively(data);
        Files.createDirectories(data.resolve("sub"));
        Files.writeString(data.resolve("input.txt"), "one\ntwo\nthree\n");
        Files.writeString(data.resolve("script.py"), """
                        import os
                        with open('/data/input.txt') as f:
                            lines = f.read().splitlines()
                        with open('/data/output.txt', 'w') as f:
                            f.write(str(len(lines)) + ' lines, last ' + lines[-1] + '\\n')
                        print(sorted(os.listdir('/data')))
                        print(os.path.isdir('/data/sub'), os.path.getsize('/data/input.txt'))
                        """);
        LauncherProcess.Result r = LauncherProcess.run(work, null, "--dir", data + "::/data", python.toString(), "/data/script.py");
        assertEquals(0, r.status(), r::toString);
        assertEquals("['input.txt', 'output.txt', 'script.py', 'sub']\nTrue 14\n", r.out(), r::toString);
        assertEquals("3 lines, last three\n", Files.readString(data.resolve("output.txt")));
    }

    @Test
    void filesOutsideThePreopenedFoldersAreNotReachable() throws Exception {
        LauncherProcess.Result r = python(null, "-c", "open('/etc/passwd')");
        assertEquals(1, r.status(), r::toString);
        assertTrue(r.err().contains("FileNotFoundError") || r.err().contains("PermissionError") || r.err().contains("OSError"), r::toString);
    }

    @Test
    void stdinIsPipedThroughAScript() throws Exception {
        LauncherProcess.Result r = python("hello\nworld\n", "-c", "import sys\nfor line in sys.stdin:\n    print(line.strip().upper()[::-1])");
        assertEquals(0, r.status(), r::toString);
        assertEquals("OLLEH\nDLROW\n", r.out(), r::toString);
    }

    @Test
    void theGuestSeesTheGivenEnvironmentVariablesAndNoOthers() throws Exception {
        LauncherProcess.Result r = LauncherProcess.run(work, null, "--env", "GREETING=hello world", "--env", "EMPTY=", python.toString(), "-c",
                        "import os; print(sorted(os.environ.items()))");
        assertEquals(0, r.status(), r::toString);
        assertEquals("[('EMPTY', ''), ('GREETING', 'hello world')]\n", r.out(), r::toString);
    }

    @Test
    void standardLibraryModulesWork() throws Exception {
        LauncherProcess.Result r = python(null, "-c", """
                        import sys, json, re, hashlib, zlib, decimal
                        print(sys.platform)
                        print(json.dumps({'a': [1, 2.5, None]}, sort_keys=True), json.loads('[1, "x"]'))
                        print(re.sub(r'(\\d+)', r'<\\1>', 'a1b22c333'))
                        print(hashlib.sha256(b'abc').hexdigest())
                        print(zlib.decompress(zlib.compress(b'x' * 1000)) == b'x' * 1000, zlib.crc32(b'hello'))
                        decimal.getcontext().prec = 30
                        print(decimal.Decimal(1) / decimal.Decimal(7))
                        """);
        assertEquals(0, r.status(), r::toString);
        assertEquals(List.of("wasi", "{\"a\": [1, 2.5, null]} [1, 'x']", "a<1>b<22>c<333>",
                        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", "True 907060870", "0.142857142857142857142857142857"),
                        r.out().lines().toList(), r::toString);
    }

    @Test
    void argv0AndArgumentsReachTheGuest() throws Exception {
        LauncherProcess.Result r = LauncherProcess.run(work, null, "--argv0", "python3", python.toString(), "-c", "import sys; print(sys.argv, sys.orig_argv[0])",
                        "a b", "c");
        assertEquals(0, r.status(), r::toString);
        assertEquals("['-c', 'a b', 'c'] python3\n", r.out(), r::toString);
    }

    @Test
    void writingIntoAClosedPipeEndsQuietly() throws Exception {
        LauncherProcess.Result r = LauncherProcess.runShell(work, "\"$WASM_TRUFFLE\" " + python + " -c 'for i in range(1000000): print(i)' | head -1");
        assertEquals(0, r.status(), r::toString);
        assertEquals("0\n", r.out(), r::toString);
        r.assertNoJavaStackTrace();
        assertTrue(!r.err().contains("internal error"), r::toString);
    }
}
