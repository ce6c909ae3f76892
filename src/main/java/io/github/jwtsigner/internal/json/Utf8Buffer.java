package io.github.jwtsigner.internal.json;

import java.util.Arrays;

/**
 * A growable byte array for writing canonical JSON; unlike {@code ByteArrayOutputStream} it takes no lock
 * per byte.
 *
 * <p>One instance per write; not thread-safe.
 */
final class Utf8Buffer {
    private byte[] bytes;
    private int size;

    Utf8Buffer(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    void write(int b) {
        if (size == bytes.length) {
            grow(1);
        }
        bytes[size++] = (byte) b;
    }

    void write(int b1, int b2) {
        if (size + 2 > bytes.length) {
            grow(2);
        }
        bytes[size++] = (byte) b1;
        bytes[size++] = (byte) b2;
    }

    /** Writes a string known to be ASCII, one byte per char. */
    void writeAscii(String ascii) {
        int n = ascii.length();
        if (size + n > bytes.length) {
            grow(n);
        }
        for (int i = 0; i < n; i++) {
            bytes[size++] = (byte) ascii.charAt(i);
        }
    }

    /** Writes a code point as 2 to 4 UTF-8 bytes; ASCII goes through {@link #write(int)}. */
    void writeUtf8(int codePoint) {
        if (size + 4 > bytes.length) {
            grow(4);
        }
        if (codePoint < 0x800) {
            bytes[size++] = (byte) (0xC0 | (codePoint >> 6));
        } else if (codePoint < 0x10000) {
            bytes[size++] = (byte) (0xE0 | (codePoint >> 12));
            bytes[size++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
        } else {
            bytes[size++] = (byte) (0xF0 | (codePoint >> 18));
            bytes[size++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
            bytes[size++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
        }
        bytes[size++] = (byte) (0x80 | (codePoint & 0x3F));
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void grow(int needed) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + needed));
    }
}
