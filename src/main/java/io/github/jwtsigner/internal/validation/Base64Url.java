package io.github.jwtsigner.internal.validation;

/**
 * Strict base64url without padding (RFC 7515 §2): only {@code A-Z a-z 0-9 - _}, no {@code =}, no line breaks,
 * and the unused low bits of the last character zero, so that each byte string has exactly one encoding and a
 * token cannot be varied without changing its bytes.
 *
 * <p>Stateless and thread-safe.
 */
public final class Base64Url {
    private static final byte[] VALUES = new byte[128];

    static {
        java.util.Arrays.fill(VALUES, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < alphabet.length(); i++) {
            VALUES[alphabet.charAt(i)] = (byte) i;
        }
    }

    private Base64Url() {
    }

    /** Decodes {@code s[from, to)}; null when it is not canonical base64url. */
    public static byte[] decode(String s, int from, int to) {
        int length = to - from;
        int rest = length % 4;
        if (rest == 1) {
            return null;
        }
        byte[] out = new byte[length / 4 * 3 + (rest == 0 ? 0 : rest - 1)];
        int o = 0;
        int i = from;
        for (int end = to - rest; i < end; i += 4) {
            int a = value(s.charAt(i));
            int b = value(s.charAt(i + 1));
            int c = value(s.charAt(i + 2));
            int d = value(s.charAt(i + 3));
            if ((a | b | c | d) < 0) {
                return null;
            }
            int quad = a << 18 | b << 12 | c << 6 | d;
            out[o++] = (byte) (quad >> 16);
            out[o++] = (byte) (quad >> 8);
            out[o++] = (byte) quad;
        }
        if (rest == 2) {
            int a = value(s.charAt(i));
            int b = value(s.charAt(i + 1));
            // 12 bits for one byte: the low 4 must be zero.
            if ((a | b) < 0 || (b & 0xF) != 0) {
                return null;
            }
            int pair = a << 6 | b;
            out[o] = (byte) (pair >> 4);
        } else if (rest == 3) {
            int a = value(s.charAt(i));
            int b = value(s.charAt(i + 1));
            int c = value(s.charAt(i + 2));
            // 18 bits for two bytes: the low 2 must be zero.
            if ((a | b | c) < 0 || (c & 0x3) != 0) {
                return null;
            }
            int triple = a << 12 | b << 6 | c;
            out[o++] = (byte) (triple >> 10);
            out[o] = (byte) (triple >> 2);
        }
        return out;
    }

    /** The 6-bit value of a base64url character; -1 for any other. */
    private static int value(char c) {
        return c < 128 ? VALUES[c] : -1;
    }
}
