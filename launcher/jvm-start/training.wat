;; The program that launcher/jvm-start/prepare runs once at build time to record the JVM's AOT cache
;; (-XX:AOTCacheOutput): it loads and links the classes that every run needs (decoding, validation, the
;; interpreter, calls, memory, WASI) and, with background compilation off, the Graal compiler's classes for a
;; compilation of a function and of a loop. It prints nothing and exits with proc_exit(0).
;; training.wasm is `wat2wasm training.wat` (checked by the tests module's JvmStartTest).
(module
  (type $step (func (param i64 i32) (result i64)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_sizes_get" (func $args_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "clock_time_get" (func $clock_time_get (param i32 i64 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  (table 2 funcref)
  (elem (i32.const 0) $mix $scale)
  (global $calls (mut i32) (i32.const 0))

  (func $mix (type $step) (param $acc i64) (param $i i32) (result i64)
    (global.set $calls (i32.add (global.get $calls) (i32.const 1)))
    (i32.store (i32.and (i32.shl (local.get $i) (i32.const 2)) (i32.const 0xfffc))
      (i32.xor (i32.load (i32.and (i32.shl (local.get $i) (i32.const 2)) (i32.const 0xfffc))) (local.get $i)))
    (i64.add (i64.rotl (local.get $acc) (i64.const 7)) (i64.extend_i32_u (local.get $i))))

  (func $scale (type $step) (param $acc i64) (param $i i32) (result i64)
    (i64.trunc_sat_f64_s
      (f64.add (f64.mul (f64.convert_i64_s (local.get $acc)) (f64.const 0.5)) (f64.convert_i32_s (local.get $i)))))

  (func (export "_start")
    (local $i i32) (local $acc i64)
    (drop (call $args_sizes_get (i32.const 0) (i32.const 4)))
    (drop (call $clock_time_get (i32.const 1) (i64.const 1) (i32.const 8)))
    (loop $next
      (local.set $acc
        (call_indirect (type $step) (local.get $acc) (local.get $i) (i32.and (local.get $i) (i32.const 1))))
      (br_if $next (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 150000))))
    (i64.store (i32.const 16) (local.get $acc))
    ;; One empty write to stdout: the WASI output path without output.
    (i32.store (i32.const 24) (i32.const 16))
    (i32.store (i32.const 28) (i32.const 0))
    (drop (call $fd_write (i32.const 1) (i32.const 24) (i32.const 1) (i32.const 32)))
    (call $proc_exit (i32.const 0))))
