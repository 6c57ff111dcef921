package org.wasmtruffle.launcher;

import java.util.concurrent.Callable;

/**
 * Runs guest code on a thread of its own whose stack size the launcher chooses: deep wasm recursion
 * needs far more than the JVM's default main-thread stack.
 */
final class GuestThread {
    private GuestThread() {
    }

    /** Calls {@code task} on a new thread with a {@code stackSize}-byte stack and waits for its result. */
    static <T> T call(String name, long stackSize, Callable<T> task) {
        Object[] outcome = new Object[2]; // [result, throwable]; join() makes the writes visible
        Thread thread = new Thread(null, () -> {
            try {
                outcome[0] = task.call();
            } catch (Throwable t) {
                outcome[1] = t;
            }
        }, name, stackSize);
        thread.start();
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the guest decides when to stop; keep waiting for it
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (outcome[1] instanceof RuntimeException e) {
            throw e;
        }
        if (outcome[1] instanceof Error e) {
            throw e;
        }
        if (outcome[1] != null) {
            throw new IllegalStateException((Throwable) outcome[1]);
        }
        @SuppressWarnings("unchecked")
        T result = (T) outcome[0];
        return result;
    }
}
