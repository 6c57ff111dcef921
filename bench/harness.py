#!/usr/bin/env python3
"""The benchmark harness of wasm-truffle (see bench/README.md); run it through bench/run.

Builds the C kernels (wasm32-wasi and native), fetches GraalWasm and python.wasm, runs every workload
on every runtime, cold (whole process, median of N runs) and warm (steady state inside one process),
and writes bench/results/latest.md and latest.svg. Timing never makes it fail.
"""
import argparse
import datetime
import math
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
BUILD = BENCH / "build"
RESULTS = BENCH / "results"
JAVA_HOME = Path(os.environ.get("BENCH_JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"))
JAVA = JAVA_HOME / "bin" / "java"
JAVAC = JAVA_HOME / "bin" / "javac"
LAUNCHER = ROOT / "launcher" / "target"
# The native launcher (native-launcher/build-native); its column appears when the executable exists.
NATIVE_LAUNCHER = ROOT / "native-launcher" / "target" / "wasm-truffle"
GRAALWASM_LIB = BENCH / "graalwasm" / "target" / "lib"

# name -> arguments per size: full (~1-2 s natively), medium (~0.1-0.2 s natively), quick (tiny).
SIZES = ("full", "medium", "quick")
KERNELS = {
    "nbody": (["15000000"], ["1500000"], ["300000"]),
    "fannkuch": (["10", "6"], ["10"], ["9"]),
    "spectralnorm": (["5500"], ["1800"], ["400"]),
    "mandelbrot": (["5000"], ["1600"], ["600"]),
    "binarytrees": (["19"], ["16"], ["14"]),
    "sieve": (["50000000"], ["5000000"], ["2000000"]),
    "matmul": (["1100"], ["500"], ["200"]),
    "crc32": (["600"], ["60"], ["16"]),
    "qsort": (["2000000"], ["200000"], ["100000"]),
    "interp": (["600000"], ["60000"], ["30000"]),
}
# name -> arguments per size; "startup" is `python -c pass`.
PY_WORKLOADS = {
    "startup": (None, None, None),
    "calls": (["27"], ["22"], ["18"]),
    "objects": (["200000"], ["30000"], ["10000"]),
    "dicts": (["200000"], ["30000"], ["10000"]),
    "strings": (["100000"], ["15000"], ["5000"]),
    "bytearrays": (["600000"], ["90000"], ["30000"]),
    "generators": (["400000"], ["60000"], ["20000"]),
    "exceptions": (["200000"], ["30000"], ["10000"]),
}
# Quick mode keeps CI short: python.wasm start-up dominates, so a few Python workloads suffice there.
QUICK_PY_WORKLOADS = ("startup", "calls", "objects")

RUNTIMES = ["native", "node", "wasm-truffle", "wasm-truffle-native", "wasm-truffle-interp", "wasm-truffle-native-interp",
            "graalwasm"]
# The runtimes that run the interpreter only: slow, so they get the slow timeout and --interp-runs runs.
INTERPRETERS = ("wasm-truffle-interp", "wasm-truffle-native-interp")
# The runtimes that need the native launcher.
NATIVE_LAUNCHED = ("wasm-truffle-native", "wasm-truffle-native-interp")
LABELS = {
    "native": "native",
    "node": "Node.js",
    "wasm-truffle": "wasm-truffle (JIT)",
    "wasm-truffle-native": "wt native launcher (JIT)",
    "wasm-truffle-interp": "wasm-truffle (interpreter)",
    "wasm-truffle-native-interp": "wt native launcher (interpreter)",
    "graalwasm": "GraalWasm 25.0.2",
}
SHORT = {"native": "native", "node": "Node", "wasm-truffle": "wt-JIT", "wasm-truffle-native": "wt-native",
         "wasm-truffle-interp": "wt-interp", "wasm-truffle-native-interp": "wt-native-interp", "graalwasm": "GraalWasm"}
COLORS = {"native": "#555555", "node": "#3c873a", "wasm-truffle": "#1f77b4", "wasm-truffle-native": "#ff7f0e",
          "wasm-truffle-interp": "#9ecae1", "wasm-truffle-native-interp": "#fdd0a2", "graalwasm": "#d62728"}


def log(message):
    print(message, file=sys.stderr, flush=True)


def jvm_flags(cold):
    """The JVM options of bin/wasm-truffle, so that both Truffle engines run with the same JIT.

    Cold runs add the launcher's -XX:TieredStopAtLevel=1 (HotSpot's C1 only for the Java code, Graal's included);
    the warm runners keep the JVM's default tiers, as a long-lived embedding would."""
    flags = ["-XX:+UnlockExperimentalVMOptions", "-XX:+EnableJVMCI", f"--upgrade-module-path={LAUNCHER / 'jit'}",
             "-XX:JVMCINMethodSizeLimit=16777216", "-XX:+UseSerialGC",
             "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"]
    if cold:
        flags.append("-XX:TieredStopAtLevel=1")
    return flags


# ---------------------------------------------------------------------------------------------- setup

def build_kernels(names):
    BUILD.mkdir(exist_ok=True)
    for name in names:
        source = BENCH / "c" / f"{name}.c"
        for target, command in (
                (BUILD / f"{name}.wasm", ["clang", "--target=wasm32-wasi", "-O2", "-o", None, str(source)]),
                (BUILD / name, ["cc", "-O2", "-o", None, str(source), "-lm"])):
            if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
                continue
            command[command.index(None)] = str(target)
            log("build: " + " ".join(command))
            subprocess.run(command, check=True)


def setup_graalwasm():
    """GraalWasm's jars (Maven Central, bench/graalwasm/pom.xml) and the Java runner; None if unavailable."""
    if not any(GRAALWASM_LIB.glob("wasm-language-*.jar")):
        log("setup: fetching GraalWasm 25.0.2 with Maven")
        result = subprocess.run(["mvn", "-q", "-f", str(BENCH / "graalwasm" / "pom.xml"), "dependency:copy-dependencies",
                                 f"-DoutputDirectory={GRAALWASM_LIB}"], capture_output=True, text=True)
        if result.returncode != 0 or not any(GRAALWASM_LIB.glob("wasm-language-*.jar")):
            log("setup: GraalWasm unavailable, skipped:\n" + result.stdout[-2000:] + result.stderr[-2000:])
            return False
    return True


def setup_runner():
    source = BENCH / "java" / "WasiBenchRunner.java"
    classes = BENCH / "java" / "target"
    compiled = classes / "WasiBenchRunner.class"
    if compiled.exists() and compiled.stat().st_mtime >= source.stat().st_mtime:
        return True
    polyglot = sorted((LAUNCHER / "lib").glob("polyglot-*.jar"))
    if not polyglot:
        log("setup: no polyglot jar in launcher/target/lib (run bin/build); Java runner unavailable")
        return False
    classes.mkdir(parents=True, exist_ok=True)
    subprocess.run([str(JAVAC), "-d", str(classes), "-cp", str(polyglot[0]), str(source)], check=True)
    return True


def python_wasm():
    result = subprocess.run([str(ROOT / "tools" / "fetch-python-wasm")], capture_output=True, text=True)
    if result.returncode != 0:
        log("setup: python.wasm unavailable, Python workloads skipped: " + result.stderr.strip())
        return None
    return result.stdout.strip()


# ---------------------------------------------------------------------------------------------- running

class Outcome:
    def __init__(self, seconds=None, rss_mb=None, output="", error=None):
        self.seconds = seconds
        self.rss_mb = rss_mb
        self.output = output
        self.error = error


def run_process(command, timeout):
    """Runs command; wall seconds, peak RSS (MB, of the process itself through wait4), stdout, error."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        return Outcome(error=f"timeout ({timeout:.0f} s)"), ""
    seconds = time.perf_counter() - start
    # communicate() reaped the child; its own rusage is in RUSAGE_CHILDREN only in aggregate, so we
    # take the peak from /usr/bin/time-like accounting below when available.
    rss = None
    text_err = err.decode(errors="replace")
    if process.returncode != 0:
        return Outcome(seconds, rss, out.decode(errors="replace"),
                       f"exit status {process.returncode}: {text_err.strip()[-3000:]}"), text_err
    return Outcome(seconds, rss, out.decode(errors="replace")), text_err


def run_measured(command, timeout):
    """run_process with peak RSS through GNU time's %M when it is installed."""
    if Path("/usr/bin/time").exists():
        marker = "BENCH-PEAK-RSS-KB="
        outcome, err = run_process(["/usr/bin/time", "-f", marker + "%M"] + command, timeout)
        lines = [line for line in err.splitlines() if line.startswith(marker)]
        if lines:
            outcome.rss_mb = int(lines[-1][len(marker):]) / 1024
        if outcome.error:
            outcome.error = "\n".join(line for line in outcome.error.splitlines() if marker not in line)
            outcome.error = outcome.error.replace("Command exited with non-zero status", "").strip()
        return outcome, "\n".join(line for line in err.splitlines() if not line.startswith(marker))
    return run_process(command, timeout)


def commands(runtime, module, args, native_command, warm, warmup, measured):
    """The command line of runtime for a workload, cold or warm; None if the runtime does not apply."""
    runner_cp = str(BENCH / "java" / "target")
    if runtime == "native":
        return native_command
    if module is None:
        return None
    if runtime == "node":
        if warm:
            return ["node", "--no-warnings", "--expose-gc", str(BENCH / "node" / "warm.mjs"), str(warmup), str(measured), module] + args
        return ["node", "--no-warnings", str(ROOT / "tools" / "node-wasi-run.mjs"), module] + args
    if runtime == "wasm-truffle":
        if warm:
            cp = f"{runner_cp}:{LAUNCHER / 'wasm-truffle-launcher.jar'}:{LAUNCHER / 'lib'}/*"
            return [str(JAVA), *jvm_flags(False), "-cp", cp, "WasiBenchRunner", "wasm-truffle", str(warmup), str(measured), module] + args
        return [str(ROOT / "bin" / "wasm-truffle"), module] + args
    if runtime == "wasm-truffle-native":
        if warm:
            # The launcher's own repetition: every run in one engine, its compiled code kept (see --help).
            return [str(NATIVE_LAUNCHER), f"--repeat={warmup + measured}", module] + args
        return [str(NATIVE_LAUNCHER), module] + args
    if runtime == "wasm-truffle-interp":
        if warm:
            return None  # the interpreter has no warm-up beyond start-up; its cold time is what counts
        return [str(ROOT / "bin" / "wasm-truffle"), "--engine.Compilation=false", module] + args
    if runtime == "wasm-truffle-native-interp":
        if warm:
            return None
        return [str(NATIVE_LAUNCHER), "--engine.Compilation=false", module] + args
    if runtime == "graalwasm":
        cp = f"{runner_cp}:{GRAALWASM_LIB}/*"
        if warm:
            return [str(JAVA), *jvm_flags(False), "-cp", cp, "WasiBenchRunner", "wasm", str(warmup), str(measured), module] + args
        return [str(JAVA), *jvm_flags(True), "-cp", cp, "WasiBenchRunner", "wasm", "0", "1", module] + args
    raise ValueError(runtime)


LAUNCHER_RUN = re.compile(r"^wasm-truffle: run (\d+) of \d+: ([0-9.]+) s$")


def parse_iterations(err, warmup):
    """The measured iterations' times: the runners' "iteration N measured S" lines, or the launcher's
    "wasm-truffle: run K of N: S s" lines (--repeat) after the first warmup ones."""
    measured = []
    for line in err.splitlines():
        parts = line.split()
        if len(parts) == 4 and parts[0] == "iteration" and parts[2] == "measured":
            measured.append(float(parts[3]))
        run = LAUNCHER_RUN.match(line.strip())
        if run and int(run.group(1)) > warmup:
            measured.append(float(run.group(2)))
    return measured


def first_line(text):
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return ""


WORKLOAD_ARGS = {}


def measure(workloads, runtimes, options, python_path):
    """results[measure][group][workload][runtime] = dict(seconds, rss, error)."""
    results = {"cold": {}, "warm": {}}
    for group, name, module, args, native_command in workloads:
        WORKLOAD_ARGS[name] = "-c pass" if name == "startup" else " ".join(a for a in args if a not in ("-c",) and "\n" not in a)
        for measure_name in ("cold", "warm"):
            results[measure_name].setdefault(group, {})[name] = {}
        reference = None
        for runtime in runtimes:
            for measure_name in ("cold", "warm"):
                if measure_name == "warm" and options.no_warm:
                    continue
                warm = measure_name == "warm"
                cell = {"seconds": None, "rss": None, "error": None}
                results[measure_name][group][name][runtime] = cell
                if warm and runtime in ("native",):
                    # No warm-up in a native process (or in CPython): its warm time is its cold time.
                    cold = results["cold"][group][name].get(runtime)
                    if cold:
                        cell.update(cold, note="= cold")
                    continue
                command = commands(runtime, module, args, native_command, warm, options.warmup, options.warm_runs)
                if command is None:
                    results[measure_name][group][name].pop(runtime)
                    continue
                slow = runtime in INTERPRETERS or runtime == "graalwasm" and group == "python"
                timeout = (options.slow_timeout if slow else options.timeout) * (options.warmup + options.warm_runs if warm else 1)
                samples, rss = [], []
                repetitions = options.warm_processes if warm else options.runs
                if runtime in INTERPRETERS:
                    repetitions = min(repetitions, options.interp_runs)
                for _ in range(repetitions):
                    outcome, err = run_measured(command, timeout)
                    if outcome.error is None:
                        line = first_line(outcome.output)
                        if reference is None and runtime == "native":
                            reference = line
                        elif reference is not None and line != reference:
                            outcome.error = f"wrong output: {line!r}, expected {reference!r}"
                    if outcome.error:
                        cell["error"] = outcome.error
                        break
                    if warm:
                        times = parse_iterations(err, options.warmup)
                        if not times:
                            cell["error"] = "no measured iterations: " + err.strip()[-300:]
                            break
                        samples.append(statistics.median(times))
                    else:
                        samples.append(outcome.seconds)
                    if outcome.rss_mb:
                        rss.append(outcome.rss_mb)
                if samples and not cell["error"]:
                    cell["seconds"] = statistics.median(samples)
                    cell["rss"] = max(rss) if rss else None
                shown = f"{cell['seconds']:.3f} s" if cell["seconds"] is not None else cell["error"]
                log(f"{measure_name:4} {group:6} {name:12} {runtime:20} {shown}")
    return results


# ---------------------------------------------------------------------------------------------- reports

def geomean(values):
    values = [v for v in values if v and v > 0]
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else None


def fmt_seconds(cell):
    if cell is None:
        return "—"
    if cell.get("error"):
        return "timeout" if cell["error"].startswith("timeout") else "failed"
    return f"{cell['seconds']:.2f}"


def ratio(cell, base):
    if not cell or not base or cell.get("seconds") is None or base.get("seconds") is None or base["seconds"] <= 0:
        return None
    return cell["seconds"] / base["seconds"]


def markdown(results, runtimes, meta, errors):
    lines = [f"# Benchmark results", "", f"- Date: {meta['date']}", f"- Machine: {meta['machine']}",
             f"- Load: {meta['load']}", f"- Mode: {meta['mode']}", f"- Versions: {meta['versions']}", "",
             "Cold: whole process (start-up, loading, JIT warm-up included), median of the runs. Warm: one process, "
             "the module instantiated afresh and its `_start` run each iteration; median of the measured iterations "
             "after the warm-up ones (native code and native CPython have no warm-up: warm = cold). Times in seconds; "
             "ratios are time / time of the reference, so lower is better.", ""]
    for measure_name in ("cold", "warm"):
        for group, baseline in (("c", "native"), ("python", "native")):
            table = results.get(measure_name, {}).get(group)
            if not table or not any(table.values()):  # e.g. warm with --no-warm
                continue
            shown = [r for r in runtimes if any(r in row for row in table.values())]
            native_label = "native" if group == "c" else "python3"
            label = lambda r: native_label if r == "native" else SHORT[r]
            title = "C kernels (wasm32-wasi, clang -O2)" if group == "c" else "Python workloads (python.wasm, CPython 3.12)"
            lines += [f"## {measure_name.capitalize()}: {title}", ""]
            headers = (["workload", "args"] + [label(r) + " s" for r in shown]
                       + [f"{label(r)} ×Node" for r in shown if r not in ("node", "native")]
                       + [f"{label(r)} ×{native_label}" for r in shown if r != "native"])
            lines.append("| " + " | ".join(headers) + " |")
            lines.append("|---" * len(headers) + "|")
            for name, row in table.items():
                cells = [fmt_seconds(row.get(r)) for r in shown]
                for r in shown:
                    if r not in ("node", "native"):
                        value = ratio(row.get(r), row.get("node"))
                        cells.append(f"{value:.2f}" if value else "—")
                for r in shown:
                    if r != "native":
                        value = ratio(row.get(r), row.get("native"))
                        cells.append(f"{value:.1f}" if value else "—")
                lines.append(f"| {name} | {WORKLOAD_ARGS.get(name, '')} | " + " | ".join(cells) + " |")
            cells = [""] * len(shown)
            for r in shown:
                if r not in ("node", "native"):
                    value = geomean([ratio(row.get(r), row.get("node")) for row in table.values()])
                    cells.append(f"**{value:.2f}**" if value else "—")
            for r in shown:
                if r != "native":
                    value = geomean([ratio(row.get(r), row.get("native")) for row in table.values()])
                    cells.append(f"**{value:.1f}**" if value else "—")
            lines.append("| geometric mean | | " + " | ".join(cells) + " |")
            lines.append("")
            if measure_name == "cold":
                lines += ["Peak RSS of the cold runs (MB):", "", "| workload | " + " | ".join(label(r) for r in shown) + " |",
                          "|---" * (1 + len(shown)) + "|"]
                for name, row in table.items():
                    lines.append(f"| {name} | " + " | ".join(f"{row[r]['rss']:.0f}" if row.get(r) and row[r].get("rss") else "—"
                                                              for r in shown) + " |")
                lines.append("")
    if errors:
        lines += ["## Failures and timeouts", ""]
        lines += [f"- {e}" for e in errors]
        lines.append("")
    return "\n".join(lines)


def svg(results, runtimes, meta):
    """Horizontal grouped bars of the ratio to native (log scale), one panel per measure and group."""
    panels = []
    for measure_name in ("cold", "warm"):
        for group in ("c", "python"):
            table = results.get(measure_name, {}).get(group)
            if table and any(table.values()):
                panels.append((measure_name, group, table))
    bar, gap, left, width = 7, 10, 110, 560
    shown_all = [r for r in runtimes if r != "native"]
    ticks = [1, 2, 5, 10, 20, 50, 100, 200]
    max_ratio = 200.0
    scale = lambda v: left + width * math.log10(max(v, 1.0)) / math.log10(max_ratio)
    parts, y = [], 60
    for measure_name, group, table in panels:
        title = f"{measure_name.capitalize()}: {'C kernels' if group == 'c' else 'Python workloads'} — time / {'native' if group == 'c' else 'python3'} (log scale)"
        parts.append(f'<text x="10" y="{y}" font-weight="bold">{title}</text>')
        y += 12
        top = y
        for name, row in table.items():
            shown = [r for r in shown_all if r in row]
            parts.append(f'<text x="{left - 6}" y="{y + bar * len(shown) / 2 + 4}" text-anchor="end">{name}</text>')
            for r in shown:
                value = ratio(row.get(r), row.get("native"))
                if value is None:
                    cell = row.get(r) or {}
                    status = "timeout" if (cell.get("error") or "").startswith("timeout") else "n/a"
                    parts.append(f'<text x="{left + 3}" y="{y + bar - 1}" font-size="8" fill="{COLORS[r]}">{status}</text>')
                else:
                    end = min(scale(value), left + width)
                    parts.append(f'<rect x="{left}" y="{y}" width="{max(end - left, 1):.1f}" height="{bar - 1}" fill="{COLORS[r]}"/>')
                    parts.append(f'<text x="{end + 3:.1f}" y="{y + bar - 1}" font-size="7">{value:.1f}×</text>')
                y += bar
            y += gap
        for t in ticks:
            x = scale(t)
            parts.append(f'<line x1="{x:.1f}" y1="{top - 2}" x2="{x:.1f}" y2="{y - gap}" stroke="#ccc" stroke-width="0.5"/>')
            parts.append(f'<text x="{x:.1f}" y="{y + 2}" font-size="8" text-anchor="middle">{t}×</text>')
        y += 30
    legend_x = 10
    legend = []
    for r in shown_all:
        legend.append(f'<rect x="{legend_x}" y="34" width="10" height="10" fill="{COLORS[r]}"/>'
                      f'<text x="{legend_x + 14}" y="43">{LABELS[r]}</text>')
        legend_x += 14 + 7 * len(LABELS[r]) + 16
    header = (f'<text x="10" y="18" font-size="14" font-weight="bold">wasm-truffle benchmarks</text>'
              f'<text x="10" y="30" font-size="9">{meta["date"]} · {meta["machine"]} · load {meta["load"]} · {meta["mode"]}</text>')
    height = y + 10
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + width + 60}" height="{height}" '
            f'font-family="sans-serif" font-size="10">\n<rect width="100%" height="100%" fill="white"/>\n'
            + header + "\n" + "\n".join(legend) + "\n" + "\n".join(parts) + "\n</svg>\n")


def print_table(results, runtimes):
    for measure_name in ("cold", "warm"):
        for group, table in results.get(measure_name, {}).items():
            if not table or not any(table.values()):
                continue
            shown = [r for r in runtimes if any(r in row for row in table.values())]
            print(f"\n{measure_name.upper()} {group}: seconds (×Node.js, ×native)")
            print(f"{'':13}" + "".join(f"{(('python3' if group == 'python' and r == 'native' else LABELS[r]))[:24]:>26}" for r in shown))
            for name, row in table.items():
                cells = []
                for r in shown:
                    cell = row.get(r)
                    text = fmt_seconds(cell)
                    rn, rc = ratio(cell, row.get("node")), ratio(cell, row.get("native"))
                    if rn and r not in ("node", "native"):
                        text += f" ({rn:.2f}×N, {rc:.1f}×C)"
                    elif rc and r == "node":
                        text += f" ({rc:.1f}×C)"
                    cells.append(f"{text:>26}")
                print(f"{name:13}" + "".join(cells))


def versions():
    def out(command):
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=30)
            return (result.stdout.strip() or result.stderr.strip()).splitlines()[0]
        except Exception:
            return "?"
    return (f"node {out(['node', '--version'])}; {out(['clang', '--version'])}; {out(['python3', '--version'])}; "
            f"{out([str(JAVA), '-version'])}; GraalWasm 25.0.2 (org.graalvm.polyglot:wasm)"
            + (f"; native launcher: {out([str(NATIVE_LAUNCHER), '--version'])}" if os.access(NATIVE_LAUNCHER, os.X_OK) else ""))


def machine():
    cpu = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "?"
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GB"
    except OSError:
        pass
    return f"{platform.node()}, {cpu}, {os.cpu_count()} cores, {mem} RAM, {platform.system()} {platform.release()}"


def main():
    parser = argparse.ArgumentParser(description="wasm-truffle benchmark harness")
    parser.add_argument("--quick", action="store_true", help="small sizes, 1 run, 1+1 warm iterations")
    parser.add_argument("--size", choices=SIZES, default=None, help="workload sizes; default full, quick with --quick")
    parser.add_argument("--runs", type=int, default=None, help="cold runs per workload and runtime (median); default 3, quick 1")
    parser.add_argument("--warmup", type=int, default=None, help="warm-up iterations; default 3, quick 1")
    parser.add_argument("--warm-runs", type=int, default=None, help="measured warm iterations; default 3, quick 1")
    parser.add_argument("--warm-processes", type=int, default=1,
                        help="warm processes per workload and runtime, each with its warm-up (the median of their medians "
                             "is reported: a JIT's steady state differs from process to process); default 1")
    parser.add_argument("--interp-runs", type=int, default=1, help="cold runs of the interpreter-only engine (slow); default 1")
    parser.add_argument("--timeout", type=float, default=None, help="seconds per process run; default 120, quick 60")
    parser.add_argument("--slow-timeout", type=float, default=None,
                        help="seconds per run for the interpreter-only engine and GraalWasm on python.wasm; default 300, quick 60")
    parser.add_argument("--runtimes", default=",".join(RUNTIMES), help="comma-separated subset of " + ",".join(RUNTIMES))
    parser.add_argument("--only", default=None, help="comma-separated workload names")
    parser.add_argument("--no-python", action="store_true", help="skip the python.wasm workloads")
    parser.add_argument("--no-warm", action="store_true", help="cold measure only")
    parser.add_argument("--from-json", default=None, help="only rewrite the reports from a results .json written by a run")
    parser.add_argument("--output", default=str(RESULTS / "latest"), help="path prefix of the .md and .svg written")
    options = parser.parse_args()
    quick = options.quick
    options.size = options.size or ("quick" if quick else "full")
    size_index = SIZES.index(options.size)
    options.runs = options.runs or (1 if quick else 3)
    options.warmup = options.warmup if options.warmup is not None else (1 if quick else 3)
    options.warm_runs = options.warm_runs or (1 if quick else 3)
    options.timeout = options.timeout or (60 if quick else 120)
    options.slow_timeout = options.slow_timeout or (60 if quick else 300)
    if options.from_json:
        import json
        saved = json.loads(Path(options.from_json).read_text())
        WORKLOAD_ARGS.update(saved["args"])
        write_reports(saved["results"], saved["runtimes"], saved["meta"], Path(options.output))
        return 0
    runtimes = [r.strip() for r in options.runtimes.split(",") if r.strip()]
    for r in runtimes:
        if r not in RUNTIMES:
            parser.error(f"unknown runtime {r}")
    only = set(options.only.split(",")) if options.only else None
    if "native" not in runtimes:
        runtimes.insert(0, "native")  # the reference output and the denominator of the ratios
    if not (LAUNCHER / "wasm-truffle-launcher.jar").exists():
        log("bench: launcher/target/wasm-truffle-launcher.jar missing; run bin/build first")
        return 1

    kernels = [k for k in KERNELS if only is None or k in only]
    build_kernels(kernels)
    runner = setup_runner()
    if "graalwasm" in runtimes and not (runner and setup_graalwasm()):
        runtimes.remove("graalwasm")
    if not os.access(NATIVE_LAUNCHER, os.X_OK):
        for r in NATIVE_LAUNCHED:
            if r in runtimes:
                log(f"setup: no native launcher at {NATIVE_LAUNCHER} (native-launcher/build-native); the {SHORT[r]} column is skipped")
                runtimes.remove(r)
    python_path = None if options.no_python else python_wasm()

    workloads = []
    for k in kernels:
        args = KERNELS[k][size_index]
        workloads.append(("c", k, str(BUILD / f"{k}.wasm"), args, [str(BUILD / k)] + args))
    if python_path:
        for name, sizes in PY_WORKLOADS.items():
            if only is not None and name not in only or only is None and quick and name not in QUICK_PY_WORKLOADS:
                continue
            size = sizes[size_index]
            if name == "startup":
                guest = ["-c", "pass"]
                native = ["python3", "-c", "pass"]
            else:
                source = (BENCH / "python" / f"{name}.py").read_text()
                guest = ["-c", source] + size
                native = ["python3", "-c", source] + size
            workloads.append(("python", name, python_path, guest, native))

    load_before = os.getloadavg()
    started = time.time()
    results = measure(workloads, runtimes, options, python_path)
    load_after = os.getloadavg()
    meta = {
        "date": datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "machine": machine(),
        "load": f"1-min load average {load_before[0]:.1f} before, {load_after[0]:.1f} after ({os.cpu_count()} cores)",
        "mode": (f"{'quick mode, ' if quick else ''}{options.size} sizes: {options.runs} cold run(s) (interpreter-only: {min(options.runs, options.interp_runs)}), "
                 f"{options.warmup} warm-up + {options.warm_runs} measured warm iterations in {options.warm_processes} process(es) each; took {(time.time() - started) / 60:.1f} min"),
        "versions": versions(),
    }
    print_table(results, runtimes)
    out = Path(options.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    import json
    out.with_suffix(".json").write_text(json.dumps({"results": results, "runtimes": runtimes, "meta": meta, "args": WORKLOAD_ARGS}, indent=1))
    write_reports(results, runtimes, meta, out)
    return 0


def telling_line(error):
    """The line of an error's output that says most: an exception's message, else the first line."""
    lines = [line.strip() for line in error.splitlines() if line.strip()]
    for line in lines:
        if "Exception" in line or "Error" in line or "printed" in line or "exited" in line:
            return line[:400]
    return lines[0][:400] if lines else error


def write_reports(results, runtimes, meta, out):
    errors = []
    for measure_name, groups in results.items():
        for group, table in groups.items():
            for name, row in table.items():
                for r, cell in row.items():
                    if cell and cell.get("error"):
                        module = "python.wasm" if group == "python" else f"bench/build/{name}.wasm"
                        errors.append(f"{measure_name} {name} on {LABELS[r]} ({module}): {telling_line(cell['error'])}")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.with_suffix(".md").write_text(markdown(results, runtimes, meta, errors))
    out.with_suffix(".svg").write_text(svg(results, runtimes, meta))
    print(f"\nwrote {out.with_suffix('.md')} and {out.with_suffix('.svg')}")


if __name__ == "__main__":
    sys.exit(main())
