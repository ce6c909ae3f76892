package io.github.jwtsigner.internal.ed25519;

import static io.github.jwtsigner.internal.ed25519.Field25519.add;
import static io.github.jwtsigner.internal.ed25519.Field25519.mul;
import static io.github.jwtsigner.internal.ed25519.Field25519.square;
import static io.github.jwtsigner.internal.ed25519.Field25519.square2;
import static io.github.jwtsigner.internal.ed25519.Field25519.sub;

import java.util.Arrays;

/**
 * Points of the twisted Edwards curve -x^2 + y^2 = 1 + d x^2 y^2 (edwards25519) in the coordinate systems
 * of ref10, and the fixed-base scalar multiplication that signing needs: s * B for a secret s, in constant
 * time (signed radix-16 digits, every table entry of a row read for every digit).
 *
 * <p>Not thread-safe: a {@link Multiplier} holds scratch space; make one per signature.
 */
final class EdwardsPoint {
    private EdwardsPoint() {
    }

    /** Extended coordinates: x = X/Z, y = Y/Z, x*y = T/Z. */
    static final class P3 {
        final long[] x = Field25519.zero();
        final long[] y = Field25519.one();
        final long[] z = Field25519.one();
        final long[] t = Field25519.zero();

        /** The 32-byte encoding of RFC 8032 §5.1.2: y, with the sign of x in the top bit. */
        byte[] encode() {
            return EdwardsPoint.encode(x, y, z);
        }
    }

    /** The 32-byte encoding of RFC 8032 §5.1.2 of the point (X/Z, Y/Z): y, with the sign of x in the top bit. */
    static byte[] encode(long[] x, long[] y, long[] z) {
        long[] recip = Field25519.zero();
        long[] ax = Field25519.zero();
        long[] ay = Field25519.zero();
        Field25519.invert(recip, z);
        mul(ax, x, recip);
        mul(ay, y, recip);
        byte[] s = Field25519.toBytes(ay);
        s[31] ^= (byte) (Field25519.isNegative(ax) << 7);
        return s;
    }

    /** Projective coordinates: x = X/Z, y = Y/Z. */
    static final class P2 {
        final long[] x = Field25519.zero();
        final long[] y = Field25519.zero();
        final long[] z = Field25519.zero();
    }

    /** "Completed" coordinates: x = X/Z, y = Y/T. */
    static final class P1P1 {
        final long[] x = Field25519.zero();
        final long[] y = Field25519.zero();
        final long[] z = Field25519.zero();
        final long[] t = Field25519.zero();
    }

    /** An affine point as (y + x, y - x, 2 d x y), ready to be added; the default is the neutral point. */
    static final class Precomputed {
        final long[] yPlusX = Field25519.one();
        final long[] yMinusX = Field25519.one();
        final long[] xy2d = Field25519.zero();

        void cmov(Precomputed other, int b) {
            Field25519.cmov(yPlusX, other.yPlusX, b);
            Field25519.cmov(yMinusX, other.yMinusX, b);
            Field25519.cmov(xy2d, other.xy2d, b);
        }
    }

    /** Computes s * B; one per signature, for the scratch space. */
    static final class Multiplier {
        private final P1P1 r = new P1P1();
        private final P2 s = new P2();
        private final Precomputed t = new Precomputed();
        private final Precomputed minusT = new Precomputed();
        private final long[] t0 = Field25519.zero();
        private final int[] digits = new int[64];

        /**
         * @param scalar 32 bytes little-endian, below 2^255 (a clamped secret or a value reduced mod L)
         * @return scalar * B in extended coordinates
         */
        P3 multiplyBase(byte[] scalar) {
            int[] e = digits;
            for (int i = 0; i < 32; i++) {
                e[2 * i] = scalar[i] & 15;
                e[2 * i + 1] = (scalar[i] >>> 4) & 15;
            }
            // Signed digits in [-8, 8): e[63] <= 8 since the scalar is below 2^255.
            int carry = 0;
            for (int i = 0; i < 63; i++) {
                e[i] += carry;
                carry = (e[i] + 8) >> 4;
                e[i] -= carry << 4;
            }
            e[63] += carry;

            P3 h = new P3();
            for (int i = 1; i < 64; i += 2) {
                select(i / 2, e[i]);
                madd(r, h, t);
                toP3(h, r);
            }
            toP2(s, h);
            dbl(r, s);
            toP2(s, r);
            dbl(r, s);
            toP2(s, r);
            dbl(r, s);
            toP2(s, r);
            dbl(r, s);
            toP3(h, r);
            for (int i = 0; i < 64; i += 2) {
                select(i / 2, e[i]);
                madd(r, h, t);
                toP3(h, r);
            }
            // The digits spell the scalar: a secret or a nonce.
            Arrays.fill(e, 0);
            return h;
        }

        /** t = b * 256^pos * B for b in [-8, 8], reading all eight entries of the row. */
        private void select(int pos, int b) {
            int negative = (b >> 31) & 1;
            int abs = b - ((-negative & b) << 1);
            Precomputed[] row = BaseTable.ROWS[pos];
            Field25519.copy(t.yPlusX, BaseTable.ONE);
            Field25519.copy(t.yMinusX, BaseTable.ONE);
            Field25519.copy(t.xy2d, BaseTable.ZERO);
            for (int j = 0; j < 8; j++) {
                t.cmov(row[j], equal(abs, j + 1));
            }
            Field25519.copy(minusT.yPlusX, t.yMinusX);
            Field25519.copy(minusT.yMinusX, t.yPlusX);
            Field25519.neg(minusT.xy2d, t.xy2d);
            t.cmov(minusT, negative);
        }

        /** r = p + q. */
        private void madd(P1P1 out, P3 p, Precomputed q) {
            add(out.x, p.y, p.x);
            sub(out.y, p.y, p.x);
            mul(out.z, out.x, q.yPlusX);
            mul(out.y, out.y, q.yMinusX);
            mul(out.t, q.xy2d, p.t);
            add(t0, p.z, p.z);
            sub(out.x, out.z, out.y);
            add(out.y, out.z, out.y);
            add(out.z, t0, out.t);
            sub(out.t, t0, out.t);
        }

        /** r = 2 * p. */
        private void dbl(P1P1 out, P2 p) {
            square(out.x, p.x);
            square(out.z, p.y);
            square2(out.t, p.z);
            add(out.y, p.x, p.y);
            square(t0, out.y);
            add(out.y, out.z, out.x);
            sub(out.z, out.z, out.x);
            sub(out.x, t0, out.y);
            sub(out.t, out.t, out.z);
        }
    }

    static void toP3(P3 h, P1P1 p) {
        mul(h.x, p.x, p.t);
        mul(h.y, p.y, p.z);
        mul(h.z, p.z, p.t);
        mul(h.t, p.x, p.y);
    }

    static void toP2(P2 h, P1P1 p) {
        mul(h.x, p.x, p.t);
        mul(h.y, p.y, p.z);
        mul(h.z, p.z, p.t);
    }

    static void toP2(P2 h, P3 p) {
        Field25519.copy(h.x, p.x);
        Field25519.copy(h.y, p.y);
        Field25519.copy(h.z, p.z);
    }

    /** 1 when a == b (both in [0, 255]), else 0; in constant time. */
    static int equal(int a, int b) {
        return ((a ^ b) - 1) >>> 31;
    }
}
