// Runs a WASI preview1 command module on Node.js's own WASI (node:wasi), to compare with wasm-truffle:
//   node tools/node-wasi-run.mjs MODULE.wasm [ARGS...]
// The guest gets ARGS (argv[0] is MODULE as given), no environment variables, no preopened folders,
// and the process's stdin, stdout and stderr; the process exits with the guest's exit status.
import { readFile } from "node:fs/promises";
import { WASI } from "node:wasi";
import process from "node:process";

const [modulePath, ...args] = process.argv.slice(2);
if (!modulePath) {
    console.error("usage: node tools/node-wasi-run.mjs MODULE.wasm [ARGS...]");
    process.exit(2);
}
const wasi = new WASI({ version: "preview1", args: [modulePath, ...args], env: {}, preopens: {}, returnOnExit: true });
const module = await WebAssembly.compile(await readFile(modulePath));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
process.exitCode = wasi.start(instance);
