package io.github.jwtsigner.internal.keys;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The NIST curves a JWK of kty {@code EC} may name (RFC 7518 §6.2.1.1), with their JDK parameters.
 *
 * <p>Immutable and thread-safe.
 */
enum EcCurve {
    P_256("P-256", "secp256r1"),
    P_384("P-384", "secp384r1"),
    P_521("P-521", "secp521r1");

    private final String jwkName;
    private final ECParameterSpec spec;

    EcCurve(String jwkName, String jdkName) {
        this.jwkName = jwkName;
        this.spec = parameters(jdkName);
    }

    static Optional<EcCurve> fromJwkName(String name) {
        return Arrays.stream(values()).filter(c -> c.jwkName.equals(name)).findFirst();
    }

    /** The curve these parameters describe, compared by value (field, coefficients, base point, order). */
    static Optional<EcCurve> matching(ECParameterSpec parameters) {
        return Arrays.stream(values()).filter(c -> sameCurve(c.spec, parameters)).findFirst();
    }

    private static boolean sameCurve(ECParameterSpec a, ECParameterSpec b) {
        return a.getCurve().equals(b.getCurve()) && a.getGenerator().equals(b.getGenerator())
                && a.getOrder().equals(b.getOrder()) && a.getCofactor() == b.getCofactor();
    }

    static List<String> jwkNames() {
        return Arrays.stream(values()).map(c -> c.jwkName).toList();
    }

    String jwkName() {
        return jwkName;
    }

    ECParameterSpec spec() {
        return spec;
    }

    /** Octets of a coordinate or private scalar: RFC 7518 §6.2.1.2 and §6.2.2.1 require exactly this many. */
    int octets() {
        return (spec.getCurve().getField().getFieldSize() + 7) / 8;
    }

    int fieldBits() {
        return spec.getCurve().getField().getFieldSize();
    }

    /** True when (x, y) is an affine point of this curve: y² = x³ + ax + b (mod p), both below p. */
    boolean contains(BigInteger x, BigInteger y) {
        BigInteger p = ((ECFieldFp) spec.getCurve().getField()).getP();
        if (x.signum() < 0 || y.signum() < 0 || x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            return false;
        }
        BigInteger left = y.multiply(y).mod(p);
        BigInteger right = x.pow(3).add(spec.getCurve().getA().multiply(x)).add(spec.getCurve().getB()).mod(p);
        return left.equals(right);
    }

    /** True when the private scalar lies in [1, n-1], n being the order of the base point. */
    boolean isValidScalar(BigInteger d) {
        return d.signum() > 0 && d.compareTo(spec.getOrder()) < 0;
    }

    private static ECParameterSpec parameters(String jdkName) {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec(jdkName));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            // Every Java 17+ runtime ships these three curves; without them nothing here can work.
            throw new IllegalStateException("the JDK does not know curve [" + jdkName + "]", e);
        }
    }
}
