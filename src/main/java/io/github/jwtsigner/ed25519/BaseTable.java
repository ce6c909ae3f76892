package io.github.jwtsigner.ed25519;

import java.math.BigInteger;

/**
 * The curve constants and the table for fixed-base multiplication: {@code ROWS[i][j]} = (j + 1) * 256^i * B
 * for i in [0, 32), j in [0, 8), as in ref10. Computed once, when the class is first used, from the
 * definitions of RFC 8032 §5.1 with {@link BigInteger} affine arithmetic (public values only, so the
 * arithmetic need not be constant time), rather than copied as 768 literals.
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
        EdwardsPoint.Precomputed[][] rows = new EdwardsPoint.Precomputed[32][8];
        BigInteger[] rowBase = {BASE_X, BASE_Y};
        for (int i = 0; i < 32; i++) {
            BigInteger[] multiple = rowBase;
            for (int j = 0; j < 8; j++) {
                rows[i][j] = precomputed(multiple);
                multiple = add(multiple, rowBase);
            }
            for (int k = 0; k < 8; k++) {
                rowBase = add(rowBase, rowBase);
            }
        }
        return rows;
    }

    private static EdwardsPoint.Precomputed precomputed(BigInteger[] point) {
        BigInteger x = point[0];
        BigInteger y = point[1];
        EdwardsPoint.Precomputed q = new EdwardsPoint.Precomputed();
        Field25519.copy(q.yPlusX, Field25519.fromBigInteger(y.add(x)));
        Field25519.copy(q.yMinusX, Field25519.fromBigInteger(y.subtract(x)));
        Field25519.copy(q.xy2d, Field25519.fromBigInteger(x.multiply(y).multiply(D).shiftLeft(1)));
        return q;
    }

    /** Affine addition on -x^2 + y^2 = 1 + d x^2 y^2 (complete: also doubles). */
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
