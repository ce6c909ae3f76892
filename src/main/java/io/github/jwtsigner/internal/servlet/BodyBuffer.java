package io.github.jwtsigner.internal.servlet;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A byte buffer that never holds more than its limit: an append that would pass the limit is refused whole.
 *
 * <p>One instance per response; not thread-safe.
 */
final class BodyBuffer {
    private static final int INITIAL_CAPACITY = 1024;

    private final int limit;
    private byte[] bytes;
    private int size;

    BodyBuffer(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit [" + limit + "] must be positive");
        }
        this.limit = limit;
        this.bytes = new byte[Math.min(limit, INITIAL_CAPACITY)];
    }

    /**
     * Appends {@code len} bytes, or nothing when they do not fit under the limit.
     *
     * @return false when the bytes were refused because the limit would be passed
     */
    boolean append(byte[] b, int off, int len) {
        if (len > limit - size) {
            return false;
        }
        if (size + len > bytes.length) {
            int capacity = (int) Math.min(limit, Math.max((long) bytes.length * 2, (long) size + len));
            bytes = Arrays.copyOf(bytes, capacity);
        }
        System.arraycopy(b, off, bytes, size, len);
        size += len;
        return true;
    }

    int size() {
        return size;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, size);
    }

    /** Empties the buffer and gives its memory back. */
    void clear() {
        size = 0;
        if (bytes.length > INITIAL_CAPACITY) {
            bytes = new byte[Math.min(limit, INITIAL_CAPACITY)];
        }
    }
}
