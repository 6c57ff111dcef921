package org.wasmtruffle.binary;

/**
 * The ids of the binary format's sections and the order in which the non-custom ones must appear (each at
 * most once). The data count section (12) sits between the element (9) and code (10) sections.
 */
final class SectionId {
    static final int CUSTOM = 0;
    static final int TYPE = 1;
    static final int IMPORT = 2;
    static final int FUNCTION = 3;
    static final int TABLE = 4;
    static final int MEMORY = 5;
    static final int GLOBAL = 6;
    static final int EXPORT = 7;
    static final int START = 8;
    static final int ELEMENT = 9;
    static final int CODE = 10;
    static final int DATA = 11;
    static final int DATA_COUNT = 12;

    /** The largest id of Wasm 2.0; larger ids are malformed. */
    static final int MAX = DATA_COUNT;

    /** Position of each non-custom section in the required order, by id. */
    private static final int[] ORDER = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 10};

    private SectionId() {
    }

    /** Where section {@code id} (1..12) must come in the module; higher means later. */
    static int order(int id) {
        return ORDER[id];
    }
}
