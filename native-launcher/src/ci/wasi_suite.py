#!/usr/bin/env python3
"""Runs the WASI preview1 test suite (testsuite/wasi/{assemblyscript,c,rust} of the shared material) with a
wasm-truffle executable, as tests/.../WasiTestSuiteTest.java does in the JVM: each NAME.wasm with the
arguments, environment and preopened root folder of its NAME.json, compared with the expected exit code,
stdout and stderr. Each test works on a private copy of its root folder, so the shared material is
never modified.

Usage: wasi_suite.py EXECUTABLE SUITE_ROOT WORK_DIR [SUITE...]   (default suites: assemblyscript c rust)
Prints one line per failure and a summary; exit status 1 if a test failed or none ran.
"""
import json
import os
import shutil
import stat
import subprocess
import sys
import time

TIMEOUT_SECONDS = 120


def copy_writable(source, target):
    """Copies a test's root folder and makes the copy writable (the shared material may be read-only)."""
    shutil.copytree(source, target, symlinks=True)
    for folder, dirs, files in os.walk(target):
        for name in dirs + files:
            path = os.path.join(folder, name)
            if not os.path.islink(path):
                os.chmod(path, os.stat(path).st_mode | stat.S_IWUSR)


def delete_cleanup_files(root):
    """Removes the files and folders named *.cleanup, as the suite asks before and after each test."""
    for folder, dirs, files in os.walk(root, topdown=True):
        for name in list(dirs) + files:
            if name.endswith(".cleanup"):
                path = os.path.join(folder, name)
                if os.path.isdir(path) and not os.path.islink(path):
                    shutil.rmtree(path)
                    dirs.remove(name)
                else:
                    os.remove(path)


def run_test(exe, module, work):
    """Runs one test; returns None when it passed, else what went wrong."""
    spec_path = module[:-len(".wasm")] + ".json"
    spec = {}
    if os.path.isfile(spec_path):
        with open(spec_path, encoding="utf-8") as f:
            spec = json.load(f)
    name = os.path.basename(module)
    command = [exe, "--argv0", name]
    for key, value in (spec.get("env") or {}).items():
        command += ["--env", f"{key}={value}"]
    root = None
    if spec.get("root"):
        root = os.path.join(work, spec["root"])
        shutil.rmtree(work, ignore_errors=True)
        copy_writable(os.path.join(os.path.dirname(module), spec["root"]), root)
        delete_cleanup_files(root)
        command += ["--dir", f"{root}::/"]
    command += [module] + [str(a) for a in spec.get("args") or []]
    try:
        result = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True, timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        return f"timed out after {TIMEOUT_SECONDS} s"
    finally:
        if root is not None:
            delete_cleanup_files(root)
    out = result.stdout.decode("utf-8", "replace")
    err = result.stderr.decode("utf-8", "replace")
    problems = []
    want_exit = spec.get("exit_code", 0)
    if result.returncode != want_exit:
        problems.append(f"exit code {result.returncode}, expected {want_exit}")
    if spec.get("stdout") is not None and out != spec["stdout"]:
        problems.append(f"stdout {out!r}, expected {spec['stdout']!r}")
    if spec.get("stderr") is not None and err != spec["stderr"]:
        problems.append(f"stderr {err!r}, expected {spec['stderr']!r}")
    if problems:
        return "; ".join(problems) + (f"\n    stderr: {err.strip()[:2000]}" if err.strip() and spec.get("stderr") is None else "")
    return None


def main(argv):
    if len(argv) < 4:
        print(__doc__.strip().splitlines()[-2], file=sys.stderr)
        return 2
    exe, suite_root, work = argv[1], argv[2], argv[3]
    suites = argv[4:] or ["assemblyscript", "c", "rust"]
    modules = []
    for suite in suites:
        folder = os.path.join(suite_root, suite)
        if not os.path.isdir(folder):
            print(f"the WASI test suite is missing: {folder} does not exist", file=sys.stderr)
            return 1
        modules += sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".wasm"))
    if not modules:
        print(f"no WASI tests (*.wasm) in {suite_root}", file=sys.stderr)
        return 1
    failed = 0
    start = time.monotonic()
    for module in modules:
        suite = os.path.basename(os.path.dirname(module))
        name = os.path.basename(module)[:-len(".wasm")]
        problem = run_test(exe, module, os.path.join(work, suite, name))
        if problem is not None:
            failed += 1
            print(f"FAILED {suite}/{name}: {problem}")
    millis = int((time.monotonic() - start) * 1000)
    print(f"WASI test suite: {len(modules) - failed} passed, {failed} failed of {len(modules)} in {millis} ms")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
