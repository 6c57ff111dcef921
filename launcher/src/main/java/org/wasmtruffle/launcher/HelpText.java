package org.wasmtruffle.launcher;

/** The text {@code wasm-truffle --help} prints. */
final class HelpText {
    static final String TEXT = """
                    Usage:
                      wasm-truffle [run] [OPTIONS] MODULE.wasm [ARGS...]
                      wasm-truffle wast [OPTIONS] PATH...
                      wasm-truffle --version | --help

                    Runs WebAssembly 2.0 modules on Truffle, with the Graal optimizing JIT when the JVM has it
                    (bin/wasm-truffle sets that up).

                    Running a module:
                      Loads MODULE (a binary .wasm file), instantiates it with no imports (WASI is not supported
                      yet) and calls its _start export. ARGS are given to the guest as its arguments.
                      --invoke FUNC          call the export FUNC instead of _start, with ARGS as its arguments,
                                             parsed per FUNC's parameter types (integers in decimal or 0x hex,
                                             signed or unsigned; floats like 1.5, -2e3, inf, nan), and print
                                             each result on its own line
                      --stack-size=SIZE      stack of the thread that runs the guest, e.g. 512m (default 64m);
                                             deep guest recursion needs a big one

                    Running spec test scripts (wast):
                      wasm-truffle wast [--summary] [--timeout=SECONDS] [--stack-size=SIZE] PATH...
                      PATH is a wast2json .json script (with its .wasm modules beside it), a folder searched
                      recursively for such scripts, or a .wast file (converted with wast2json from wabt, which
                      must be on PATH). Prints one line per script, "NAME: P passed, F failed, S skipped" and
                      the first failure if any, then the totals over all scripts:
                      "N passed, M failed, K skipped". Scripts that need SIMD are skipped, as are
                      assert_malformed commands on text modules.
                      --summary              print only the scripts that had failures, then the totals
                      --timeout=SECONDS      cancel a script that runs longer than this (default 600)
                      --stack-size=SIZE      stack of the thread that runs each script (default 16m)

                    Other options (before MODULE):
                      -h, --help             print this help
                      --version              print the versions and whether the optimizing JIT is in use
                      --java-stack-trace     show the Java stack trace of errors (to debug wasm-truffle)
                      --vm.OPTION            a JVM option, e.g. --vm.Xmx4g for -Xmx4g (bin/wasm-truffle passes
                                             it to java)
                      --NAME[=VALUE]         a polyglot option, passed to the engine: --engine.*, --compiler.*,
                                             --log.*, --wasm-truffle.*, tool options such as --cpusampler when
                                             the tool is on the class path. Without =VALUE it means true, e.g.
                                             --engine.TraceCompilation. A --log.* option also turns on Java
                                             stack traces.
                      --                     ends the options (for a MODULE whose name starts with -)

                    Exit status:
                      0      success; for wast: no command failed
                      1      the module could not be read, decoded (malformed), validated (invalid) or linked
                             (unlinkable), or it has no _start export; for wast: a command failed
                      2      wrong command line: unknown option, missing or bad argument, no such export or
                             wrong arguments for --invoke
                      70     internal error of wasm-truffle (a bug; please report it)
                      134    the guest trapped: "Error: wasm trap: MESSAGE" and the wasm backtrace on stderr
                      other  the guest asked to exit with that status
                    """;

    private HelpText() {
    }
}
