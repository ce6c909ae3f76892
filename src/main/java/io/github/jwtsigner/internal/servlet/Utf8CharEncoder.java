package io.github.jwtsigner.internal.servlet;

/**
 * Encodes the characters a servlet writes to {@code getWriter()} as UTF-8, chunk by chunk, keeping a high
 * surrogate that ends one chunk for the next. A lone surrogate has no UTF-8 form: it becomes {@code ?} (as a
 * container's writer would write it) and is remembered, so a body to sign that held one can fail closed.
 *
 * <p>One instance per response; not thread-safe.
 */
final class Utf8CharEncoder {
    /** The most bytes {@link #encode} writes for {@code n} characters. */
    static int maxBytes(int n) {
        return 3 * n + 1;
    }

    /**
     * True when {@code utf8}, the JDK's UTF-8 encoding of {@code chars} characters, has one byte per character
     * and no {@code '?'}: then every character was ASCII, since any other takes two bytes or more, except a lone
     * surrogate, which the JDK replaces with {@code '?'} (a real {@code '?'} just takes the slower path).
     */
    static boolean isAsciiWithoutReplacement(byte[] utf8, int chars) {
        if (utf8.length != chars) {
            return false;
        }
        for (byte b : utf8) {
            if (b == '?') {
                return false;
            }
        }
        return true;
    }

    private char pendingHigh;
    private boolean loneSurrogate;

    /**
     * Encodes {@code chars[from..to)} into {@code out} from index 0.
     *
     * @return the number of bytes written, at most {@link #maxBytes}{@code (to - from)}
     */
    int encode(char[] chars, int from, int to, byte[] out) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = chars[i];
            if (pendingHigh != 0) {
                char high = pendingHigh;
                pendingHigh = 0;
                if (Character.isLowSurrogate(c)) {
                    int cp = Character.toCodePoint(high, c);
                    out[n++] = (byte) (0xF0 | (cp >> 18));
                    out[n++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    out[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    out[n++] = (byte) (0x80 | (cp & 0x3F));
                    continue;
                }
                out[n++] = '?';
                loneSurrogate = true;
            }
            if (c < 0x80) {
                out[n++] = (byte) c;
            } else if (c < 0x800) {
                out[n++] = (byte) (0xC0 | (c >> 6));
                out[n++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c)) {
                pendingHigh = c;
            } else if (Character.isLowSurrogate(c)) {
                out[n++] = '?';
                loneSurrogate = true;
            } else {
                out[n++] = (byte) (0xE0 | (c >> 12));
                out[n++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[n++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return n;
    }

    /**
     * Ends the text: a high surrogate still waiting for its low half is lone.
     *
     * @return the bytes to append: {@code ?} for that surrogate, or none
     */
    byte[] finish() {
        if (pendingHigh == 0) {
            return new byte[0];
        }
        pendingHigh = 0;
        loneSurrogate = true;
        return new byte[] {'?'};
    }

    /** The high surrogate waiting for its low half, or 0. */
    char pendingHigh() {
        return pendingHigh;
    }

    void restorePendingHigh(char high) {
        this.pendingHigh = high;
    }

    /** True once a lone surrogate was written since the last {@link #clear()}. */
    boolean sawLoneSurrogate() {
        return loneSurrogate;
    }

    void clear() {
        pendingHigh = 0;
        loneSurrogate = false;
    }
}
