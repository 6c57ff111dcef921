#!/usr/bin/env python3
"""Runs python.wasm (CPython 3.12 for WASI) with a wasm-truffle executable on cases of
tests/.../PythonTest.java: the command line, exit statuses, the standard library, stdin, the
environment, argv[0], a preopened folder and a closed pipe; compares exit status and output.

Usage: python_cases.py EXECUTABLE PYTHON_WASM WORK_DIR
Prints each case with its wall time, one line per failure and a summary; exit status 1 if a case failed.
"""
import os
import shutil
import subprocess
import sys
import time

TIMEOUT_SECONDS = 300

# Other modules than PythonTest's standard library case; the expected output is CPython's (python.wasm on
# Node.js and a native CPython 3.11 print the same).
STDLIB = """\
import collections, itertools, struct, base64, datetime, statistics
print(collections.Counter('mississippi').most_common(2))
print(list(itertools.accumulate(range(1, 6), lambda a, b: a * b)))
print(struct.pack('<IhB', 0xDEADBEEF, -2, 7).hex(), struct.unpack('>d', bytes.fromhex('400921fb54442d18'))[0])
print(base64.b64encode(b'wasm-truffle').decode(), base64.b32decode('MFRGG===').decode())
print(datetime.date(2024, 2, 28) + datetime.timedelta(days=2), datetime.date(2000, 1, 1).isoweekday())
print(statistics.median([5, 1, 4, 2, 3]), statistics.mean([1, 2, 3, 4]))
"""
STDLIB_OUT = """\
[('i', 4), ('s', 4)]
[1, 2, 6, 24, 120]
efbeaddefeff07 3.141592653589793
d2FzbS10cnVmZmxl abc
2024-03-01 6
3 2.5
"""
SCRIPT = """\
import os
words = open('/data/input.txt').read().split()
with open('/data/sub/reversed.txt', 'w') as f:
    f.write('\\n'.join(reversed(words)) + '\\n')
print(len(words), max(words, key=len))
print(sorted((name, os.path.isdir('/data/' + name)) for name in os.listdir('/data')))
"""


def cases(python, data):
    """(name, launcher options, python arguments, stdin, expected status, expected stdout, check of stderr)."""
    empty = lambda err: err == ""
    return [
        ("-c pass", [], ["-c", "pass"], None, 0, "", empty),
        ("print", [], ["-c", "print(2+3)"], None, 0, "5\n", empty),
        ("sys.exit(3)", [], ["-c", "import sys; print('bye'); sys.exit(3)"], None, 3, "bye\n", empty),
        ("uncaught exception", [], ["-c", "def f():\n    raise ValueError('boom')\nf()"], None, 1, "",
         lambda err: err.startswith("Traceback (most recent call last):") and "in f\n" in err
         and err.strip().endswith("ValueError: boom") and "\tat " not in err),
        ("standard library", [], ["-c", STDLIB], None, 0, STDLIB_OUT, empty),
        ("stdin", [], ["-c", "import sys\nfor line in sys.stdin:\n    print(line.strip().upper()[::-1])"],
         "hello\nworld\n", 0, "OLLEH\nDLROW\n", empty),
        ("environment", ["--env", "GREETING=hello world", "--env", "EMPTY="],
         ["-c", "import os; print(sorted(os.environ.items()))"], None, 0,
         "[('EMPTY', ''), ('GREETING', 'hello world')]\n", empty),
        ("argv0", ["--argv0", "python3"], ["-c", "import sys; print(sys.argv, sys.orig_argv[0])", "a b", "c"], None, 0,
         "['-c', 'a b', 'c'] python3\n", empty),
        ("no file outside the preopens", [], ["-c", "open('/etc/passwd')"], None, 1, "",
         lambda err: any(e in err for e in ("FileNotFoundError", "PermissionError", "OSError"))),
        ("script in a --dir folder", ["--dir", f"{data}::/data"], ["/data/script.py"], None, 0,
         "3 three\n[('input.txt', False), ('script.py', False), ('sub', True)]\n", empty),
    ]


def main(argv):
    if len(argv) != 4:
        print(__doc__.strip().splitlines()[-2], file=sys.stderr)
        return 2
    exe, python, work = argv[1:]
    data = os.path.join(work, "data")
    shutil.rmtree(data, ignore_errors=True)
    os.makedirs(os.path.join(data, "sub"))
    with open(os.path.join(data, "input.txt"), "w") as f:
        f.write("one\ntwo\nthree\n")
    with open(os.path.join(data, "script.py"), "w") as f:
        f.write(SCRIPT)
    failed = 0
    all_cases = cases(python, data)
    for name, options, args, stdin, status, stdout, stderr_ok in all_cases:
        start = time.monotonic()
        try:
            r = subprocess.run([exe] + options + [python] + args, input=(stdin or "").encode(), capture_output=True,
                               timeout=TIMEOUT_SECONDS)
            out, err, code = r.stdout.decode("utf-8", "replace"), r.stderr.decode("utf-8", "replace"), r.returncode
            problems = []
            if code != status:
                problems.append(f"exit status {code}, expected {status}")
            if out != stdout:
                problems.append(f"stdout {out!r}, expected {stdout!r}")
            if not stderr_ok(err):
                problems.append(f"unexpected stderr {err[-2000:]!r}")
        except subprocess.TimeoutExpired:
            problems = [f"timed out after {TIMEOUT_SECONDS} s"]
        millis = int((time.monotonic() - start) * 1000)
        if problems:
            failed += 1
            print(f"FAILED python.wasm {name} ({millis} ms): {'; '.join(problems)}")
        else:
            print(f"ok python.wasm {name} ({millis} ms)")
    if failed == 0:
        with open(os.path.join(data, "sub", "reversed.txt")) as f:
            written = f.read()
        if written != "three\ntwo\none\n":
            failed += 1
            print(f"FAILED python.wasm script in a --dir folder: wrote {written!r}")
    # A guest writing into a closed pipe gets EPIPE and ends quietly (no Java stack trace).
    start = time.monotonic()
    pipe = subprocess.run(f"'{exe}' '{python}' -c 'for i in range(1000000): print(i)' | head -1", shell=True,
                          capture_output=True, timeout=TIMEOUT_SECONDS, executable="/bin/bash")
    millis = int((time.monotonic() - start) * 1000)
    perr = pipe.stderr.decode("utf-8", "replace")
    if pipe.returncode != 0 or pipe.stdout != b"0\n" or "\tat " in perr or "internal error" in perr:
        failed += 1
        print(f"FAILED python.wasm closed pipe ({millis} ms): status {pipe.returncode}, stdout {pipe.stdout!r}, stderr {perr[-2000:]!r}")
    else:
        print(f"ok python.wasm closed pipe ({millis} ms)")
    total = len(all_cases) + 1
    print(f"python.wasm: {total - failed} passed, {failed} failed of {total}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
