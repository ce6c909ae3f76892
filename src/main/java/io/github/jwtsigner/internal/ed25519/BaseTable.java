package io.github.jwtsigner.internal.ed25519;

import java.math.BigInteger;

/**
 * The curve constants and the table for fixed-base multiplication: {@code ROWS[i][j]} = (j + 1) * 256^i * B
 * for i in [0, 32), j in [0, 8), as in ref10. Computed once, when the class is first used, from the
 * definitions of RFC 8032 §5.1 with {@link BigInteger} arithmetic in extended coordinates and one batch
 * inversion (public values only, so it need not be constant time), rather than copied as 768 literals.
 * {@link #add} is the plain affine formula, kept for tests as an independent reference.
 */
final class BaseTable {
    static final BigInteger P = Field25519.P;
    /** d = -121665 / 121666 mod p. */
    static final BigInteger D = BigInteger.valueOf(-121665).multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
    /** The base point B: y = 4/5, x the even root. */
    static final BigInteger BASE_Y = BigInteger.valueOf(4).multiply(BigInteger.valueOf(5).modInverse(P)).mod(P);
    static final BigInteger BASE_X = recoverX(BASE_Y);
    /** L, the order of B. */
    static final BigInteger ORDER = BigInteger.ONE.shiftLeft(252)
            .add(new BigInteger("27742317777372353535851937790883648493"));

    static final long[] ONE = Field25519.one();
    static final long[] ZERO = Field25519.zero();
    static final EdwardsPoint.Precomputed[][] ROWS = rows();

    private BaseTable() {
    }

    private static EdwardsPoint.Precomputed[][] rows() {
        // Extended coordinates (X:Y:Z:T) so that no addition divides; the 256 Z are inverted together at the end.
        BigInteger[][] points = new BigInteger[32 * 8][];
        BigInteger[] rowBase = {BASE_X, BASE_Y, BigInteger.ONE, BASE_X.multiply(BASE_Y).mod(P)};
        for (int i = 0; i < 32; i++) {
            BigInteger[] multiple = rowBase;
            for (int j = 0; j < 8; j++) {
                points[8 * i + j] = multiple;
                multiple = addExtended(multiple, rowBase);
            }
            for (int k = 0; k < 8; k++) {
                rowBase = addExtended(rowBase, rowBase);
            }
        }
        BigInteger[] inverses = invertAll(points);
        EdwardsPoint.Precomputed[][] rows = new EdwardsPoint.Precomputed[32][8];
        for (int n = 0; n < points.length; n++) {
            BigInteger x = points[n][0].multiply(inverses[n]).mod(P);
            BigInteger y = points[n][1].multiply(inverses[n]).mod(P);
            rows[n / 8][n % 8] = precomputed(new BigInteger[] {x, y});
        }
        return rows;
    }

    /**
     * Addition in extended coordinates on -x^2 + y^2 = 1 + d x^2 y^2 ("add-2008-hwcd-3" of Hisil, Wong, Carter
     * and Dawson, 2008), complete for this curve: it also doubles.
     */
    static BigInteger[] addExtended(BigInteger[] p, BigInteger[] q) {
        BigInteger a = p[1].subtract(p[0]).multiply(q[1].subtract(q[0])).mod(P);
        BigInteger b = p[1].add(p[0]).multiply(q[1].add(q[0])).mod(P);
        BigInteger c = p[3].multiply(q[3]).multiply(D).shiftLeft(1).mod(P);
        BigInteger d = p[2].multiply(q[2]).shiftLeft(1).mod(P);
        BigInteger e = b.subtract(a);
        BigInteger f = d.subtract(c);
        BigInteger g = d.add(c);
        BigInteger h = b.add(a);
        return new BigInteger[] {e.multiply(f).mod(P), g.multiply(h).mod(P), f.multiply(g).mod(P),
            e.multiply(h).mod(P)};
    }

    static EdwardsPoint.Precomputed precomputed(BigInteger[] point) {
        BigInteger x = point[0];
        BigInteger y = point[1];
        EdwardsPoint.Precomputed q = new EdwardsPoint.Precomputed();
        Field25519.copy(q.yPlusX, Field25519.fromBigInteger(y.add(x)));
        Field25519.copy(q.yMinusX, Field25519.fromBigInteger(y.subtract(x)));
        Field25519.copy(q.xy2d, Field25519.fromBigInteger(x.multiply(y).multiply(D).shiftLeft(1)));
        return q;
    }

    /** 1/Z of every point with one inversion (Montgomery's trick). */
    static BigInteger[] invertAll(BigInteger[][] points) {
        BigInteger[] prefix = new BigInteger[points.length];
        BigInteger running = BigInteger.ONE;
        for (int n = 0; n < points.length; n++) {
            prefix[n] = running;
            running = running.multiply(points[n][2]).mod(P);
        }
        BigInteger inverse = running.modInverse(P);
        BigInteger[] inverses = new BigInteger[points.length];
        for (int n = points.length - 1; n >= 0; n--) {
            inverses[n] = inverse.multiply(prefix[n]).mod(P);
            inverse = inverse.multiply(points[n][2]).mod(P);
        }
        return inverses;
    }

    /** Affine addition on -x^2 + y^2 = 1 + d x^2 y^2 (complete: also doubles); for tests. */
    static BigInteger[] add(BigInteger[] p, BigInteger[] q) {
        BigInteger x1 = p[0];
        BigInteger y1 = p[1];
        BigInteger x2 = q[0];
        BigInteger y2 = q[1];
        BigInteger dxxyy = D.multiply(x1).multiply(x2).multiply(y1).multiply(y2).mod(P);
        BigInteger x3 = x1.multiply(y2).add(y1.multiply(x2))
                .multiply(BigInteger.ONE.add(dxxyy).modInverse(P)).mod(P);
        BigInteger y3 = y1.multiply(y2).add(x1.multiply(x2))
                .multiply(BigInteger.ONE.subtract(dxxyy).mod(P).modInverse(P)).mod(P);
        return new BigInteger[] {x3, y3};
    }

    /** RFC 8032 §5.1.3 step 2-4 for a y on the curve, choosing the even x. */
    private static BigInteger recoverX(BigInteger y) {
        BigInteger yy = y.multiply(y).mod(P);
        BigInteger u = yy.subtract(BigInteger.ONE).mod(P);
        BigInteger v = D.multiply(yy).add(BigInteger.ONE).mod(P);
        BigInteger xx = u.multiply(v.modInverse(P)).mod(P);
        BigInteger x = xx.modPow(P.add(BigInteger.valueOf(3)).shiftRight(3), P);
        if (!x.multiply(x).mod(P).equals(xx)) {
            BigInteger sqrtMinusOne = BigInteger.TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P);
            x = x.multiply(sqrtMinusOne).mod(P);
        }
        if (!x.multiply(x).mod(P).equals(xx)) {
            throw new IllegalStateException("y has no x on edwards25519");
        }
        return x.testBit(0) ? P.subtract(x) : x;
    }
}
