package io.github.jwtsigner.internal.validation;

/**
 * Strict base64url without padding (RFC 7515 §2): only {@code A-Z a-z 0-9 - _}, no {@code =}, no line breaks,
 * and the unused low bits of the last character zero, so that each byte string has exactly one encoding and a
 * token cannot be varied without changing its bytes.
 *
 * <p>Stateless and thread-safe.
 */
final class Base64Url {
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
    static byte[] decode(String s, int from, int to) {
        int length = to - from;
        if (length % 4 == 1) {
            return null;
        }
        byte[] out = new byte[length * 3 / 4];
        int bits = 0;
        int buffer = 0;
        int o = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            int v = c < 128 ? VALUES[c] : -1;
            if (v < 0) {
                return null;
            }
            buffer = (buffer << 6) | v;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out[o++] = (byte) (buffer >> bits);
                buffer &= (1 << bits) - 1;
            }
        }
        return buffer == 0 ? out : null;
    }
}
