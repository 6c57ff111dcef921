package org.wasmtruffle.launcher.wast;

/**
 * The host object a spec script's {@code ref.extern N} stands for. Passed to the guest as an opaque
 * host value; a result equals it when the guest hands back a reference with the same {@code N}.
 *
 * @param id the script's number for this reference
 */
public record ExternRef(long id) {
    @Override
    public String toString() {
        return "ref.extern " + id;
    }
}
