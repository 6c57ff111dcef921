/**
 * The {@code wasi_snapshot_preview1} host module (WASI preview 1) for wasm-truffle.
 *
 * <p>{@link org.wasmtruffle.wasi.WasiModule} is found through {@code META-INF/services} and is enabled
 * whenever this jar is on the class path. Per context it creates a {@link org.wasmtruffle.wasi.WasiState}
 * and one {@link org.wasmtruffle.wasi.WasiBuiltinRootNode} per function; the functions are grouped by
 * family ({@code ArgsEnvFunctions}, {@code ClockFunctions}, {@code FdFunctions}, {@code PathFunctions},
 * {@code PollFunctions}, {@code ProcessFunctions}, {@code RandomFunctions}, {@code SocketFunctions}).
 *
 * <p>Descriptor numbering: 0, 1, 2 are the context's stdin, stdout and stderr; then one fd per entry of
 * {@code --wasm-truffle.WasiDirs} in order (3, 4, ...); then one fd per entry of
 * {@code --wasm-truffle.WasiTcpListen} in order. New descriptors take the lowest free number.
 *
 * <p>File access goes only through {@link com.oracle.truffle.api.TruffleFile}, so the embedder's IO policy
 * and file system apply; a denied access reaches the guest as EACCES. Paths are resolved by
 * {@link org.wasmtruffle.wasi.fs.SandboxResolver} relative to a directory descriptor, which is the limit
 * of what they can reach.
 */
package org.wasmtruffle.wasi;
