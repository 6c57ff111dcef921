package org.wasmtruffle.binary;

/**
 * Well-formedness of UTF-8 as names in the binary format require (RFC 3629): no overlong forms, no
 * surrogate code points, nothing above U+10FFFF, no truncated or stray continuation bytes.
 */
final class Utf8 {
    private Utf8() {
    }

    /** Whether {@code bytes[from .. from + length)} is well-formed UTF-8. */
    static boolean isWellFormed(byte[] bytes, int from, int length) {
        int i = from;
        int end = from + length;
        while (i < end) {
            int b = bytes[i];
            if (b >= 0) {
                i++;
                continue;
            }
            b &= 0xFF;
            int need;
            // The allowed range of the second byte narrows for E0, ED, F0 and F4 to exclude overlong
            // forms, surrogates and code points above U+10FFFF.
            int lo = 0x80;
            int hi = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) {
                need = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                need = 2;
                if (b == 0xE0) {
                    lo = 0xA0;
                } else if (b == 0xED) {
                    hi = 0x9F;
                }
            } else if (b >= 0xF0 && b <= 0xF4) {
                need = 3;
                if (b == 0xF0) {
                    lo = 0x90;
                } else if (b == 0xF4) {
                    hi = 0x8F;
                }
            } else {
                return false;
            }
            if (end - i - 1 < need) {
                return false;
            }
            int second = bytes[i + 1] & 0xFF;
            if (second < lo || second > hi) {
                return false;
            }
            for (int k = 2; k <= need; k++) {
                int c = bytes[i + k] & 0xFF;
                if (c < 0x80 || c > 0xBF) {
                    return false;
                }
            }
            i += need + 1;
        }
        return true;
    }
}
