package io.github.jwtsigner.internal.jws;

import io.github.jwtsigner.SigningAlgorithm;

import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;

/**
 * What the JDK calls each private-key JWS algorithm (RFC 7518, RFC 8037): the {@code Signature} name, the PSS
 * parameters, and the size of each half of an ECDSA signature. One list for the signer's providers and the
 * validator's checks.
 *
 * <p>Stateless and thread-safe.
 */
public final class JcaAlgorithms {
    private JcaAlgorithms() {
    }

    /**
     * The JCA {@code Signature} name; ECDSA with DER signatures ({@code SHA256withECDSA}).
     *
     * @throws IllegalArgumentException for an HMAC algorithm
     */
    public static String signatureName(SigningAlgorithm alg) {
        return switch (alg) {
            case RS256 -> "SHA256withRSA";
            case RS384 -> "SHA384withRSA";
            case RS512 -> "SHA512withRSA";
            case PS256, PS384, PS512 -> "RSASSA-PSS";
            case ES256 -> "SHA256withECDSA";
            case ES384 -> "SHA384withECDSA";
            case ES512 -> "SHA512withECDSA";
            case EdDSA -> "Ed25519";
            default -> throw new IllegalArgumentException("alg [" + alg + "] is not a private-key algorithm");
        };
    }

    /** RFC 7518 §3.5: MGF1 with the same hash, salt as long as the hash; null for any other algorithm. */
    public static PSSParameterSpec pssParameters(SigningAlgorithm alg) {
        return switch (alg) {
            case PS256 -> new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);
            case PS384 -> new PSSParameterSpec("SHA-384", "MGF1", MGF1ParameterSpec.SHA384, 48, 1);
            case PS512 -> new PSSParameterSpec("SHA-512", "MGF1", MGF1ParameterSpec.SHA512, 64, 1);
            default -> null;
        };
    }

    /** RFC 7518 §3.4: the octets of R (and of S) in an ECDSA signature, 32, 48 or 66. */
    public static int ecdsaPartBytes(SigningAlgorithm alg) {
        return switch (alg) {
            case ES256 -> 32;
            case ES384 -> 48;
            case ES512 -> 66;
            default -> throw new IllegalArgumentException("alg [" + alg + "] is not ECDSA");
        };
    }
}
