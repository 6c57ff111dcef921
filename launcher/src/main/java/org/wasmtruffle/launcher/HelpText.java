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
                      Loads MODULE (a binary .wasm file), instantiates it and calls its _start export. WASI
                      (wasi_snapshot_preview1) imports are served by wasm-truffle: ARGS are the guest's
                      arguments after argv[0], stdin, stdout and stderr are the launcher's, and the guest sees
                      no environment variables and no files unless given with the options below.
                      --dir HOST[::GUEST]    give the guest the host folder HOST, named GUEST (default: HOST
                                             as written), e.g. --dir .::/ or --dir data::/data; repeatable.
                                             The guest reaches no files outside these folders
                      --env NAME=VALUE       set an environment variable for the guest; --env NAME passes the
                                             host's value of NAME; repeatable
                      --inherit-env          give the guest the whole host environment (--env ones on top)
                      --argv0 NAME           the guest's argv[0] (default: MODULE as written)
                      --tcplisten HOST:PORT  listen on a TCP socket the guest can accept connections from
                                             (its fd follows the --dir ones); repeatable
                      --invoke FUNC          call the export FUNC instead of _start, with ARGS as its arguments,
                                             parsed per FUNC's parameter types (integers in decimal or 0x hex,
                                             signed or unsigned; floats like 1.5, -2e3, inf, nan), and print
                                             each result on its own line
                      --stack-size=SIZE      stack of the thread that runs the guest, e.g. 512m (default 256m);
                                             deep guest recursion needs a big one
                      --module-cache=DIR|none
                                             remember validated modules in DIR, so that the next run of the
                                             same module starts faster (default: $XDG_CACHE_HOME/wasm-truffle/
                                             modules, or ~/.cache/wasm-truffle/modules); none: no cache
                      --repeat N             run the module N times, one after the other, each in a fresh
                                             instance but all in one engine, so later runs reuse the code the
                                             JIT compiled in earlier ones (steady-state timing); prints
                                             "wasm-truffle: run K of N: SECONDS s" on stderr after each run
                                             and stops at the first that fails, with its exit status

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
                                             --log.*, --wasm-truffle.*, and the profilers --cpusampler,
                                             --cputracer, --memtracer. Without =VALUE it means true, e.g.
                                             --engine.TraceCompilation. A --log.* option also turns on Java
                                             stack traces.
                      --                     ends the options (for a MODULE whose name starts with -)

                    Exit status:
                      0      success; for wast: no command failed
                      1      the module could not be read, decoded (malformed), validated (invalid) or linked
                             (unlinkable), it has no _start export, or a --dir folder does not exist;
                             for wast: a command failed
                      2      wrong command line: unknown option, missing or bad argument, no such export or
                             wrong arguments for --invoke
                      70     internal error of wasm-truffle (a bug; please report it)
                      134    the guest trapped: "Error: wasm trap: MESSAGE" and the wasm backtrace on stderr
                      other  the guest asked to exit with that status (WASI proc_exit)
                    """;

    private HelpText() {
    }
}
