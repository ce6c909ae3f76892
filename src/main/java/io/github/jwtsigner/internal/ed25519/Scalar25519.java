package io.github.jwtsigner.internal.ed25519;

import java.util.Arrays;

/**
 * Arithmetic modulo L = 2^252 + 27742317777372353535851937790883648493, the order of the base point, on
 * 21-bit signed limbs with ref10's schedule of folds and carries (sc_reduce, sc_muladd), written with loops.
 * 2^252 = -27742317777372353535851937790883648493 (mod L), which is {@link #FOLD} in six 21-bit limbs: a limb
 * at position i >= 12 is folded into positions i - 12 to i - 7. Constant time: no branch and no memory access
 * depends on the values.
 *
 * <p>Stateless.
 */
final class Scalar25519 {
    private static final long[] FOLD = {666643, 470296, 654183, -997805, 136657, -683901};

    private Scalar25519() {
    }

    /**
     * The 64-byte little-endian number {@code s} mod L, as 32 bytes little-endian in [0, L). The limbs, which
     * hold a nonce's hash when signing, are cleared before returning.
     */
    static byte[] reduce(byte[] s) {
        long[] limbs = new long[24];
        for (int i = 0; i < 23; i++) {
            limbs[i] = bits(s, 21 * i, 21);
        }
        limbs[23] = bits(s, 21 * 23, 512 - 21 * 23);
        return reduceLimbs(limbs);
    }

    /**
     * (a * b + c) mod L for 32-byte little-endian a, b, c below 2^256, as 32 bytes in [0, L). The limbs of b and
     * c, the secret scalar and the nonce when signing, and of the sum are cleared before returning.
     */
    static byte[] mulAdd(byte[] a, byte[] b, byte[] c) {
        long[] x = limbs32(a);
        long[] y = limbs32(b);
        long[] s = new long[24];
        long[] cLimbs = limbs32(c);
        System.arraycopy(cLimbs, 0, s, 0, 12);
        Arrays.fill(cLimbs, 0);
        for (int i = 0; i < 12; i++) {
            for (int j = 0; j < 12; j++) {
                s[i + j] += x[i] * y[j];
            }
        }
        for (int i = 0; i <= 22; i += 2) {
            carryRound(s, i);
        }
        for (int i = 1; i <= 21; i += 2) {
            carryRound(s, i);
        }
        Arrays.fill(y, 0);
        return reduceLimbs(s);
    }

    private static byte[] reduceLimbs(long[] s) {
        for (int i = 23; i >= 18; i--) {
            fold(s, i);
        }
        for (int i = 6; i <= 16; i += 2) {
            carryRound(s, i);
        }
        for (int i = 7; i <= 15; i += 2) {
            carryRound(s, i);
        }
        for (int i = 17; i >= 12; i--) {
            fold(s, i);
        }
        for (int i = 0; i <= 10; i += 2) {
            carryRound(s, i);
        }
        for (int i = 1; i <= 11; i += 2) {
            carryRound(s, i);
        }
        fold(s, 12);
        for (int i = 0; i <= 11; i++) {
            carryFloor(s, i);
        }
        fold(s, 12);
        for (int i = 0; i <= 10; i++) {
            carryFloor(s, i);
        }
        byte[] out = new byte[32];
        long acc = 0;
        int bits = 0;
        int at = 0;
        for (int i = 0; i < 12; i++) {
            acc |= s[i] << bits;
            bits += 21;
            while (bits >= 8 && at < 32) {
                out[at++] = (byte) acc;
                acc >>>= 8;
                bits -= 8;
            }
        }
        while (at < 32) {
            out[at++] = (byte) acc;
            acc >>>= 8;
        }
        Arrays.fill(s, 0);
        return out;
    }

    private static void fold(long[] s, int i) {
        long v = s[i];
        for (int j = 0; j < FOLD.length; j++) {
            s[i - 12 + j] += v * FOLD[j];
        }
        s[i] = 0;
    }

    private static void carryRound(long[] s, int i) {
        long c = (s[i] + (1L << 20)) >> 21;
        s[i + 1] += c;
        s[i] -= c << 21;
    }

    private static void carryFloor(long[] s, int i) {
        long c = s[i] >> 21;
        s[i + 1] += c;
        s[i] -= c << 21;
    }

    /** 12 limbs: eleven of 21 bits, the last with bits 231 to 255. */
    private static long[] limbs32(byte[] v) {
        long[] limbs = new long[12];
        for (int i = 0; i < 11; i++) {
            limbs[i] = bits(v, 21 * i, 21);
        }
        limbs[11] = bits(v, 231, 25);
        return limbs;
    }

    /** {@code count} (at most 32) bits of little-endian {@code v} from bit {@code from}. */
    private static long bits(byte[] v, int from, int count) {
        int first = from >>> 3;
        long acc = 0;
        for (int k = 0; k < 5 && first + k < v.length; k++) {
            acc |= (v[first + k] & 0xffL) << (8 * k);
        }
        return (acc >>> (from & 7)) & ((1L << count) - 1);
    }
}
