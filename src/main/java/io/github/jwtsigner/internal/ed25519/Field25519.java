package io.github.jwtsigner.internal.ed25519;

import java.math.BigInteger;

/**
 * Arithmetic modulo p = 2^255 - 19 on ten signed 64-bit limbs of alternately 26 and 25 bits (radix 2^25.5),
 * the representation of the ref10 reference code of Bernstein, Duif, Lange, Schwabe and Yang, "High-speed
 * high-security signatures" (2011). Every operation takes the same time whatever the values: no branch and no
 * memory access depends on them.
 *
 * <p>Bounds, as in ref10: results of {@link #mul}, {@link #square}, {@link #square2} and {@link #invert} have
 * |limb| at most about 2^25 (even limbs) and 2^24 (odd limbs); those of {@link #add} and {@link #sub} of two
 * such results at most twice that; {@link #mul} and the squarings accept inputs up to 1.65 * 2^26 / 2^25.
 * The point formulas in {@link EdwardsPoint} stay within them.
 *
 * <p>Stateless; arrays are the caller's and are not shared.
 */
final class Field25519 {
    static final int LIMBS = 10;
    static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));

    private Field25519() {
    }

    static long[] zero() {
        return new long[LIMBS];
    }

    static long[] one() {
        long[] f = new long[LIMBS];
        f[0] = 1;
        return f;
    }

    static void copy(long[] h, long[] f) {
        System.arraycopy(f, 0, h, 0, LIMBS);
    }

    /** h = f + g, without carrying. */
    static void add(long[] h, long[] f, long[] g) {
        for (int i = 0; i < LIMBS; i++) {
            h[i] = f[i] + g[i];
        }
    }

    /** h = f - g, without carrying. */
    static void sub(long[] h, long[] f, long[] g) {
        for (int i = 0; i < LIMBS; i++) {
            h[i] = f[i] - g[i];
        }
    }

    /** h = -f. */
    static void neg(long[] h, long[] f) {
        for (int i = 0; i < LIMBS; i++) {
            h[i] = -f[i];
        }
    }

    /** f = g when {@code b} is 1, f unchanged when it is 0; in constant time. */
    static void cmov(long[] f, long[] g, int b) {
        long mask = -(long) b;
        for (int i = 0; i < LIMBS; i++) {
            f[i] ^= mask & (f[i] ^ g[i]);
        }
    }

    /** h = f * g. {@code h} may be {@code f} or {@code g}. */
    static void mul(long[] h, long[] f, long[] g) {
        long f0 = f[0], f1 = f[1], f2 = f[2], f3 = f[3], f4 = f[4];
        long f5 = f[5], f6 = f[6], f7 = f[7], f8 = f[8], f9 = f[9];
        long g0 = g[0], g1 = g[1], g2 = g[2], g3 = g[3], g4 = g[4];
        long g5 = g[5], g6 = g[6], g7 = g[7], g8 = g[8], g9 = g[9];
        long h0 = f0 * g0 + 38L * f1 * g9 + 19L * f2 * g8 + 38L * f3 * g7 + 19L * f4 * g6 + 38L * f5 * g5
                + 19L * f6 * g4 + 38L * f7 * g3 + 19L * f8 * g2 + 38L * f9 * g1;
        long h1 = f0 * g1 + f1 * g0 + 19L * f2 * g9 + 19L * f3 * g8 + 19L * f4 * g7 + 19L * f5 * g6 + 19L * f6 * g5
                + 19L * f7 * g4 + 19L * f8 * g3 + 19L * f9 * g2;
        long h2 = f0 * g2 + 2L * f1 * g1 + f2 * g0 + 38L * f3 * g9 + 19L * f4 * g8 + 38L * f5 * g7 + 19L * f6 * g6
                + 38L * f7 * g5 + 19L * f8 * g4 + 38L * f9 * g3;
        long h3 = f0 * g3 + f1 * g2 + f2 * g1 + f3 * g0 + 19L * f4 * g9 + 19L * f5 * g8 + 19L * f6 * g7
                + 19L * f7 * g6 + 19L * f8 * g5 + 19L * f9 * g4;
        long h4 = f0 * g4 + 2L * f1 * g3 + f2 * g2 + 2L * f3 * g1 + f4 * g0 + 38L * f5 * g9 + 19L * f6 * g8
                + 38L * f7 * g7 + 19L * f8 * g6 + 38L * f9 * g5;
        long h5 = f0 * g5 + f1 * g4 + f2 * g3 + f3 * g2 + f4 * g1 + f5 * g0 + 19L * f6 * g9 + 19L * f7 * g8
                + 19L * f8 * g7 + 19L * f9 * g6;
        long h6 = f0 * g6 + 2L * f1 * g5 + f2 * g4 + 2L * f3 * g3 + f4 * g2 + 2L * f5 * g1 + f6 * g0 + 38L * f7 * g9
                + 19L * f8 * g8 + 38L * f9 * g7;
        long h7 = f0 * g7 + f1 * g6 + f2 * g5 + f3 * g4 + f4 * g3 + f5 * g2 + f6 * g1 + f7 * g0 + 19L * f8 * g9
                + 19L * f9 * g8;
        long h8 = f0 * g8 + 2L * f1 * g7 + f2 * g6 + 2L * f3 * g5 + f4 * g4 + 2L * f5 * g3 + f6 * g2 + 2L * f7 * g1
                + f8 * g0 + 38L * f9 * g9;
        long h9 = f0 * g9 + f1 * g8 + f2 * g7 + f3 * g6 + f4 * g5 + f5 * g4 + f6 * g3 + f7 * g2 + f8 * g1 + f9 * g0;
        carry(h, h0, h1, h2, h3, h4, h5, h6, h7, h8, h9);
    }

    /** h = f * f. {@code h} may be {@code f}. */
    static void square(long[] h, long[] f) {
        square(h, f, false);
    }

    /** h = 2 * f * f, doubled before the carries as in ref10's fe_sq2. {@code h} may be {@code f}. */
    static void square2(long[] h, long[] f) {
        square(h, f, true);
    }

    private static void square(long[] h, long[] f, boolean doubled) {
        long f0 = f[0], f1 = f[1], f2 = f[2], f3 = f[3], f4 = f[4];
        long f5 = f[5], f6 = f[6], f7 = f[7], f8 = f[8], f9 = f[9];
        long h0 = f0 * f0 + 76L * f1 * f9 + 38L * f2 * f8 + 76L * f3 * f7 + 38L * f4 * f6 + 38L * f5 * f5;
        long h1 = 2L * f0 * f1 + 38L * f2 * f9 + 38L * f3 * f8 + 38L * f4 * f7 + 38L * f5 * f6;
        long h2 = 2L * f0 * f2 + 2L * f1 * f1 + 76L * f3 * f9 + 38L * f4 * f8 + 76L * f5 * f7 + 19L * f6 * f6;
        long h3 = 2L * f0 * f3 + 2L * f1 * f2 + 38L * f4 * f9 + 38L * f5 * f8 + 38L * f6 * f7;
        long h4 = 2L * f0 * f4 + 4L * f1 * f3 + f2 * f2 + 76L * f5 * f9 + 38L * f6 * f8 + 38L * f7 * f7;
        long h5 = 2L * f0 * f5 + 2L * f1 * f4 + 2L * f2 * f3 + 38L * f6 * f9 + 38L * f7 * f8;
        long h6 = 2L * f0 * f6 + 4L * f1 * f5 + 2L * f2 * f4 + 2L * f3 * f3 + 76L * f7 * f9 + 19L * f8 * f8;
        long h7 = 2L * f0 * f7 + 2L * f1 * f6 + 2L * f2 * f5 + 2L * f3 * f4 + 38L * f8 * f9;
        long h8 = 2L * f0 * f8 + 4L * f1 * f7 + 2L * f2 * f6 + 4L * f3 * f5 + f4 * f4 + 38L * f9 * f9;
        long h9 = 2L * f0 * f9 + 2L * f1 * f8 + 2L * f2 * f7 + 2L * f3 * f6 + 2L * f4 * f5;
        if (doubled) {
            h0 += h0; h1 += h1; h2 += h2; h3 += h3; h4 += h4;
            h5 += h5; h6 += h6; h7 += h7; h8 += h8; h9 += h9;
        }
        carry(h, h0, h1, h2, h3, h4, h5, h6, h7, h8, h9);
    }

    private static void carry(long[] h, long h0, long h1, long h2, long h3, long h4, long h5, long h6, long h7,
            long h8, long h9) {
        long c;
        c = (h0 + (1L << 25)) >> 26; h1 += c; h0 -= c << 26;
        c = (h4 + (1L << 25)) >> 26; h5 += c; h4 -= c << 26;
        c = (h1 + (1L << 24)) >> 25; h2 += c; h1 -= c << 25;
        c = (h5 + (1L << 24)) >> 25; h6 += c; h5 -= c << 25;
        c = (h2 + (1L << 25)) >> 26; h3 += c; h2 -= c << 26;
        c = (h6 + (1L << 25)) >> 26; h7 += c; h6 -= c << 26;
        c = (h3 + (1L << 24)) >> 25; h4 += c; h3 -= c << 25;
        c = (h7 + (1L << 24)) >> 25; h8 += c; h7 -= c << 25;
        c = (h4 + (1L << 25)) >> 26; h5 += c; h4 -= c << 26;
        c = (h8 + (1L << 25)) >> 26; h9 += c; h8 -= c << 26;
        c = (h9 + (1L << 24)) >> 25; h0 += c * 19; h9 -= c << 25;
        c = (h0 + (1L << 25)) >> 26; h1 += c; h0 -= c << 26;
        h[0] = h0; h[1] = h1; h[2] = h2; h[3] = h3; h[4] = h4;
        h[5] = h5; h[6] = h6; h[7] = h7; h[8] = h8; h[9] = h9;
    }

    /** out = z^(p - 2) = 1 / z (0 for 0), by ref10's chain of 254 squarings and 11 multiplications. */
    static void invert(long[] out, long[] z) {
        long[] t0 = new long[LIMBS];
        long[] t1 = new long[LIMBS];
        long[] t2 = new long[LIMBS];
        long[] t3 = new long[LIMBS];
        square(t0, z);                        // z^2
        squareTimes(t1, t0, 2);               // z^8
        mul(t1, z, t1);                       // z^9
        mul(t0, t0, t1);                      // z^11
        square(t2, t0);                       // z^22
        mul(t1, t1, t2);                      // z^(2^5 - 1)
        squareTimes(t2, t1, 5);
        mul(t1, t2, t1);                      // z^(2^10 - 1)
        squareTimes(t2, t1, 10);
        mul(t2, t2, t1);                      // z^(2^20 - 1)
        squareTimes(t3, t2, 20);
        mul(t2, t3, t2);                      // z^(2^40 - 1)
        squareTimes(t2, t2, 10);
        mul(t1, t2, t1);                      // z^(2^50 - 1)
        squareTimes(t2, t1, 50);
        mul(t2, t2, t1);                      // z^(2^100 - 1)
        squareTimes(t3, t2, 100);
        mul(t2, t3, t2);                      // z^(2^200 - 1)
        squareTimes(t2, t2, 50);
        mul(t1, t2, t1);                      // z^(2^250 - 1)
        squareTimes(t1, t1, 5);               // z^(2^255 - 32)
        mul(out, t1, t0);                     // z^(2^255 - 21)
    }

    private static void squareTimes(long[] h, long[] f, int times) {
        square(h, f);
        for (int i = 1; i < times; i++) {
            square(h, h);
        }
    }

    /** The 32-byte little-endian encoding of f reduced to [0, p), as ref10's fe_tobytes. */
    static byte[] toBytes(long[] f) {
        long h0 = f[0], h1 = f[1], h2 = f[2], h3 = f[3], h4 = f[4];
        long h5 = f[5], h6 = f[6], h7 = f[7], h8 = f[8], h9 = f[9];
        // q = 1 exactly when the value is in [p, 2^255): then subtract p, that is add 19 and drop bit 255.
        long q = (19 * h9 + (1L << 24)) >> 25;
        q = (h0 + q) >> 26; q = (h1 + q) >> 25; q = (h2 + q) >> 26; q = (h3 + q) >> 25; q = (h4 + q) >> 26;
        q = (h5 + q) >> 25; q = (h6 + q) >> 26; q = (h7 + q) >> 25; q = (h8 + q) >> 26; q = (h9 + q) >> 25;
        h0 += 19 * q;
        long c;
        c = h0 >> 26; h1 += c; h0 -= c << 26;
        c = h1 >> 25; h2 += c; h1 -= c << 25;
        c = h2 >> 26; h3 += c; h2 -= c << 26;
        c = h3 >> 25; h4 += c; h3 -= c << 25;
        c = h4 >> 26; h5 += c; h4 -= c << 26;
        c = h5 >> 25; h6 += c; h5 -= c << 25;
        c = h6 >> 26; h7 += c; h6 -= c << 26;
        c = h7 >> 25; h8 += c; h7 -= c << 25;
        c = h8 >> 26; h9 += c; h8 -= c << 26;
        c = h9 >> 25; h9 -= c << 25;
        long[] limbs = {h0, h1, h2, h3, h4, h5, h6, h7, h8, h9};
        byte[] s = new byte[32];
        long acc = 0;
        int bits = 0;
        int at = 0;
        for (int i = 0; i < LIMBS; i++) {
            acc |= limbs[i] << bits;
            bits += width(i);
            while (bits >= 8) {
                s[at++] = (byte) acc;
                acc >>>= 8;
                bits -= 8;
            }
        }
        s[at] = (byte) acc; // the last 7 bits; bit 255 is 0
        return s;
    }

    /** 1 when f mod p is odd (RFC 8032's "negative" x), else 0. */
    static int isNegative(long[] f) {
        return toBytes(f)[0] & 1;
    }

    /** For constants only (not constant time): v mod p as limbs, carried into the bounds above. */
    static long[] fromBigInteger(BigInteger v) {
        BigInteger reduced = v.mod(P);
        long[] raw = new long[LIMBS];
        int shift = 0;
        for (int i = 0; i < LIMBS; i++) {
            raw[i] = reduced.shiftRight(shift).longValue() & ((1L << width(i)) - 1);
            shift += width(i);
        }
        long[] h = new long[LIMBS];
        mul(h, raw, one());
        return h;
    }

    /** For tests and constants: the value of f in [0, p). */
    static BigInteger toBigInteger(long[] f) {
        byte[] le = toBytes(f);
        byte[] be = new byte[le.length];
        for (int i = 0; i < le.length; i++) {
            be[i] = le[le.length - 1 - i];
        }
        return new BigInteger(1, be);
    }

    private static int width(int limb) {
        return (limb & 1) == 0 ? 26 : 25;
    }
}
