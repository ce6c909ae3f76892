package io.github.jwtsigner.internal.ed25519;

import static io.github.jwtsigner.internal.ed25519.Field25519.add;
import static io.github.jwtsigner.internal.ed25519.Field25519.mul;
import static io.github.jwtsigner.internal.ed25519.Field25519.square;
import static io.github.jwtsigner.internal.ed25519.Field25519.square2;
import static io.github.jwtsigner.internal.ed25519.Field25519.sub;

import io.github.jwtsigner.internal.ed25519.EdwardsPoint.P1P1;
import io.github.jwtsigner.internal.ed25519.EdwardsPoint.P2;
import io.github.jwtsigner.internal.ed25519.EdwardsPoint.P3;
import io.github.jwtsigner.internal.ed25519.EdwardsPoint.Precomputed;

import java.math.BigInteger;

/**
 * s * B + k * Q for public scalars s, k below 2^253 and a public point Q, in variable time, as ref10's
 * ge_double_scalarmult_vartime does (sliding-window digits, one shared chain of doublings), with two changes
 * that precomputation pays for: each scalar is cut into {@value #SPLITS} pieces of {@value #PIECE} bits, and
 * the pieces are multiplied by 2^(64 j) B and 2^(64 j) Q, so the chain has 64 doublings instead of 256; and the
 * tables of B, fixed, hold more odd multiples (up to 63) than those of Q (up to 15), which are made per key
 * ({@link #pointTable}). Only for verification: timing depends on the scalars and the point.
 *
 * <p>Stateless; the tables are immutable once made.
 */
final class DoubleScalarMultiplier {
    static final int SPLITS = 4;
    static final int PIECE = 256 / SPLITS;
    private static final int POINT_ENTRIES = 8;
    private static final int BASE_ENTRIES = 32;
    private static final long[] D2 = Field25519.fromBigInteger(BaseTable.D.shiftLeft(1));
    /** {@code BASE_ROWS[j][m]} = (2 m + 1) * 2^(64 j) * B. */
    private static final Precomputed[][] BASE_ROWS = baseRows();

    private DoubleScalarMultiplier() {
    }

    /** A point in extended coordinates as (Y + X, Y - X, Z, 2 d T), ready to be added. */
    static final class Cached {
        final long[] yPlusX = Field25519.zero();
        final long[] yMinusX = Field25519.zero();
        final long[] z = Field25519.zero();
        final long[] t2d = Field25519.zero();

        Cached(P3 p) {
            long[] sum = Field25519.zero();
            add(sum, p.y, p.x);
            mul(yPlusX, sum, BaseTable.ONE);
            sub(sum, p.y, p.x);
            mul(yMinusX, sum, BaseTable.ONE);
            Field25519.copy(z, p.z);
            mul(t2d, p.t, D2);
        }
    }

    /**
     * The table of Q = (x, y), a point of the curve, for {@link #multiplyAndEncode}: {@code [j][m]} =
     * (2 m + 1) * 2^(64 j) * Q. Costs about as much as one {@link #multiplyAndEncode}.
     */
    static Cached[][] pointTable(BigInteger x, BigInteger y) {
        Scratch w = new Scratch();
        P3 base = new P3();
        Field25519.copy(base.x, Field25519.fromBigInteger(x));
        Field25519.copy(base.y, Field25519.fromBigInteger(y));
        Field25519.copy(base.z, Field25519.one());
        Field25519.copy(base.t, Field25519.fromBigInteger(x.multiply(y)));
        Cached[][] rows = new Cached[SPLITS][POINT_ENTRIES];
        for (int j = 0; j < SPLITS; j++) {
            if (j > 0) {
                for (int i = 0; i < PIECE; i++) {
                    w.doubled(base);
                    EdwardsPoint.toP3(base, w.r);
                }
            }
            w.doubled(base);
            P3 twice = new P3();
            EdwardsPoint.toP3(twice, w.r);
            Cached step = new Cached(twice);
            P3 multiple = base;
            for (int m = 0; m < POINT_ENTRIES; m++) {
                rows[j][m] = new Cached(multiple);
                if (m + 1 < POINT_ENTRIES) {
                    w.addCached(multiple, step, false);
                    multiple = new P3();
                    EdwardsPoint.toP3(multiple, w.r);
                }
            }
        }
        return rows;
    }

    /**
     * @param s 32 bytes little-endian, below 2^253
     * @param k 32 bytes little-endian, below 2^253
     * @param point the table of Q from {@link #pointTable}
     * @return the 32-byte encoding of s * B + k * Q
     */
    static byte[] multiplyAndEncode(byte[] s, byte[] k, Cached[][] point) {
        byte[] sDigits = slide(s, 2 * BASE_ENTRIES - 1);
        byte[] kDigits = slide(k, 2 * POINT_ENTRIES - 1);
        int top = PIECE - 1;
        while (top >= 0 && allZero(sDigits, top) && allZero(kDigits, top)) {
            top--;
        }
        Scratch w = new Scratch();
        P2 h = new P2();
        Field25519.copy(h.y, BaseTable.ONE);
        Field25519.copy(h.z, BaseTable.ONE);
        P3 u = new P3();
        for (int i = top; i >= 0; i--) {
            w.doubled(h);
            for (int j = 0; j < SPLITS; j++) {
                int d = kDigits[i + PIECE * j];
                if (d != 0) {
                    EdwardsPoint.toP3(u, w.r);
                    w.addCached(u, point[j][Math.abs(d) >> 1], d < 0);
                }
                d = sDigits[i + PIECE * j];
                if (d != 0) {
                    EdwardsPoint.toP3(u, w.r);
                    w.addAffine(u, BASE_ROWS[j][Math.abs(d) >> 1], d < 0);
                }
            }
            EdwardsPoint.toP2(h, w.r);
        }
        return EdwardsPoint.encode(h.x, h.y, h.z);
    }

    private static boolean allZero(byte[] digits, int i) {
        for (int j = 0; j < SPLITS; j++) {
            if (digits[i + PIECE * j] != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * ref10's slide: digits r[i], each 0 or odd with |r[i]| <= {@code max}, with sum r[i] 2^i = the scalar, and
     * a nonzero digit followed by at least as many zeros as the window allows. The scalar must be below 2^253
     * so that no carry leaves the 256 digits.
     */
    static byte[] slide(byte[] scalar, int max) {
        int[] r = new int[256];
        for (int i = 0; i < 256; i++) {
            r[i] = (scalar[i >> 3] >> (i & 7)) & 1;
        }
        for (int i = 0; i < 256; i++) {
            if (r[i] == 0) {
                continue;
            }
            for (int b = 1; i + b < 256; b++) {
                if (r[i + b] == 0) {
                    continue;
                }
                int shifted = r[i + b] << b;
                if (r[i] + shifted <= max) {
                    r[i] += shifted;
                    r[i + b] = 0;
                } else if (r[i] - shifted >= -max) {
                    r[i] -= shifted;
                    for (int c = i + b; c < 256; c++) {
                        if (r[c] == 0) {
                            r[c] = 1;
                            break;
                        }
                        r[c] = 0;
                    }
                } else {
                    break;
                }
            }
        }
        byte[] digits = new byte[256];
        for (int i = 0; i < 256; i++) {
            digits[i] = (byte) r[i];
        }
        return digits;
    }

    /** The formulas of ref10 (ge_p2_dbl, ge_add, ge_sub, ge_madd, ge_msub) writing into {@link #r}. */
    private static final class Scratch {
        final P1P1 r = new P1P1();
        private final long[] t0 = Field25519.zero();
        private final P2 p2 = new P2();

        /** r = 2 * p. */
        void doubled(P3 p) {
            EdwardsPoint.toP2(p2, p);
            doubled(p2);
        }

        /** r = 2 * p. */
        void doubled(P2 p) {
            square(r.x, p.x);
            square(r.z, p.y);
            square2(r.t, p.z);
            add(r.y, p.x, p.y);
            square(t0, r.y);
            add(r.y, r.z, r.x);
            sub(r.z, r.z, r.x);
            sub(r.x, t0, r.y);
            sub(r.t, r.t, r.z);
        }

        /** r = p + q, or p - q when {@code negate}. */
        void addCached(P3 p, Cached q, boolean negate) {
            Field25519.add(r.x, p.y, p.x);
            sub(r.y, p.y, p.x);
            mul(r.z, r.x, negate ? q.yMinusX : q.yPlusX);
            mul(r.y, r.y, negate ? q.yPlusX : q.yMinusX);
            mul(r.t, q.t2d, p.t);
            mul(r.x, p.z, q.z);
            Field25519.add(t0, r.x, r.x);
            finish(negate);
        }

        /** r = p + q, or p - q when {@code negate}, for an affine q. */
        void addAffine(P3 p, Precomputed q, boolean negate) {
            Field25519.add(r.x, p.y, p.x);
            sub(r.y, p.y, p.x);
            mul(r.z, r.x, negate ? q.yMinusX : q.yPlusX);
            mul(r.y, r.y, negate ? q.yPlusX : q.yMinusX);
            mul(r.t, q.xy2d, p.t);
            Field25519.add(t0, p.z, p.z);
            finish(negate);
        }

        private void finish(boolean negate) {
            sub(r.x, r.z, r.y);
            Field25519.add(r.y, r.z, r.y);
            if (negate) {
                sub(r.z, t0, r.t);
                Field25519.add(r.t, t0, r.t);
            } else {
                Field25519.add(r.z, t0, r.t);
                sub(r.t, t0, r.t);
            }
        }
    }

    private static Precomputed[][] baseRows() {
        BigInteger p = BaseTable.P;
        BigInteger[][] points = new BigInteger[SPLITS * BASE_ENTRIES][];
        BigInteger[] base = {BaseTable.BASE_X, BaseTable.BASE_Y, BigInteger.ONE,
            BaseTable.BASE_X.multiply(BaseTable.BASE_Y).mod(p)};
        for (int j = 0; j < SPLITS; j++) {
            BigInteger[] twice = BaseTable.addExtended(base, base);
            BigInteger[] multiple = base;
            for (int m = 0; m < BASE_ENTRIES; m++) {
                points[BASE_ENTRIES * j + m] = multiple;
                multiple = BaseTable.addExtended(multiple, twice);
            }
            for (int i = 0; i < PIECE; i++) {
                base = BaseTable.addExtended(base, base);
            }
        }
        BigInteger[] inverses = BaseTable.invertAll(points);
        Precomputed[][] rows = new Precomputed[SPLITS][BASE_ENTRIES];
        for (int n = 0; n < points.length; n++) {
            BigInteger x = points[n][0].multiply(inverses[n]).mod(p);
            BigInteger y = points[n][1].multiply(inverses[n]).mod(p);
            rows[n / BASE_ENTRIES][n % BASE_ENTRIES] = BaseTable.precomputed(new BigInteger[] {x, y});
        }
        return rows;
    }
}
