// Steady-state ("warm") runs of a WASI command module on Node.js: compiles the module once, then
// instantiates it afresh for each iteration (a WASI command runs _start once per instance).
//   node --expose-gc bench/node/warm.mjs WARMUP MEASURED MODULE.wasm [ARGS...]
// The first iteration's output goes to stdout (for the checksum) and every later one must equal it;
// one line per iteration goes to stderr: "iteration N warmup|measured SECONDS".
import { readFile } from "node:fs/promises";
import { mkdtempSync, openSync, closeSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { WASI } from "node:wasi";
import process from "node:process";
import { performance } from "node:perf_hooks";

const [warmupText, measuredText, modulePath, ...args] = process.argv.slice(2);
const warmup = Number(warmupText), measured = Number(measuredText);
const module = await WebAssembly.compile(await readFile(modulePath));
const folder = mkdtempSync(join(tmpdir(), "bench-warm-"));
let first = null;
for (let i = 0; i < warmup + measured; i++) {
    // The guest writes to a file (node:wasi takes a file descriptor), compared after the iteration.
    const outputPath = join(folder, `out${i}`);
    const outputFd = openSync(outputPath, "w");
    const wasi = new WASI({ version: "preview1", args: [modulePath, ...args], env: {}, preopens: {}, returnOnExit: true,
                            stdout: outputFd });
    const start = performance.now();
    const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
    const status = wasi.start(instance);
    const seconds = (performance.now() - start) / 1000;
    closeSync(outputFd);
    const output = readFileSync(outputPath, "utf8");
    rmSync(outputPath);
    if (first === null) {
        first = output;
        process.stdout.write(output);
    } else if (output !== first) {
        console.error(`iteration ${i} printed ${output.trim()} instead of ${first.trim()}`);
        process.exit(1);
    }
    if (status !== 0) {
        console.error(`the guest exited with status ${status}`);
        process.exit(1);
    }
    console.error(`iteration ${i} ${i < warmup ? "warmup" : "measured"} ${seconds.toFixed(6)}`);
    // Frees the finished instance and its memory between iterations, outside the timed part: without it,
    // Node.js 20 crashes (SIGSEGV) after a handful of iterations of a module that grows a large memory.
    if (globalThis.gc) {
        globalThis.gc();
    }
}
rmSync(folder, { recursive: true });
