package io.github.jwtsigner;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The JWS algorithms the signer supports (RFC 7518 §3, RFC 8037 §3.1), with the key each one needs.
 *
 * <p>Immutable and thread-safe.
 */
public enum SigningAlgorithm {
    HS256("oct", null, 256),
    HS384("oct", null, 384),
    HS512("oct", null, 512),
    RS256("RSA", null, 256),
    RS384("RSA", null, 384),
    RS512("RSA", null, 512),
    PS256("RSA", null, 256),
    PS384("RSA", null, 384),
    PS512("RSA", null, 512),
    ES256("EC", "P-256", 256),
    ES384("EC", "P-384", 384),
    ES512("EC", "P-521", 512),
    EdDSA("OKP", "Ed25519", 0);

    private final String keyType;
    private final String curve;
    private final int hashBits;

    SigningAlgorithm(String keyType, String curve, int hashBits) {
        this.keyType = keyType;
        this.curve = curve;
        this.hashBits = hashBits;
    }

    /** The JWA name, as written in the {@code alg} header. */
    public String jwaName() {
        return name();
    }

    /** The JWK {@code kty} this algorithm signs with: {@code oct}, {@code RSA}, {@code EC} or {@code OKP}. */
    public String keyType() {
        return keyType;
    }

    /** The JWK {@code crv} this algorithm needs, or {@code null} for HMAC and RSA. */
    public String curve() {
        return curve;
    }

    /** Bits of the hash output (0 for EdDSA); the least HMAC key length in bits (RFC 7518 §3.2). */
    public int hashBits() {
        return hashBits;
    }

    /** True for the algorithms whose signature is the same every time (HS*, RS*, EdDSA). */
    public boolean isDeterministic() {
        return !keyType.equals("EC") && !name().startsWith("PS");
    }

    /** The algorithm with this exact JWA name (case-sensitive, as in JOSE headers). */
    public static Optional<SigningAlgorithm> fromJwaName(String name) {
        for (SigningAlgorithm a : values()) {
            if (a.name().equals(name)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** All JWA names, in declaration order; for error messages. */
    public static List<String> jwaNames() {
        return Arrays.stream(values()).map(SigningAlgorithm::jwaName).toList();
    }
}
