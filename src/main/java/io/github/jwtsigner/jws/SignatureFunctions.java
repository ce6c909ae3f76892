package io.github.jwtsigner.jws;

import com.auth0.jwt.algorithms.Algorithm;

import io.github.jwtsigner.SigningAlgorithm;

import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateKey;

/**
 * Makes the {@link SignatureFunction} for an algorithm and a key: java-jwt's {@link Algorithm} for HS*, RS*,
 * PS* and ES*, the JDK's Ed25519 for EdDSA. Checks of key size and curve belong to the caller (the JWK
 * loader); these factories only refuse a key of the wrong kind.
 *
 * <p>Stateless and thread-safe; the functions made are immutable and thread-safe.
 */
public final class SignatureFunctions {
    private SignatureFunctions() {
    }

    /**
     * An HMAC signature for HS256, HS384 or HS512.
     *
     * @param secret the key bytes; copied
     * @throws IllegalArgumentException when {@code alg} is not an HMAC algorithm
     */
    public static SignatureFunction hmac(SigningAlgorithm alg, byte[] secret) {
        return new JavaJwtSignature(switch (alg) {
            case HS256 -> Algorithm.HMAC256(secret);
            case HS384 -> Algorithm.HMAC384(secret);
            case HS512 -> Algorithm.HMAC512(secret);
            default -> throw new IllegalArgumentException("alg [" + alg + "] is not an HMAC algorithm; expected"
                    + " one of [HS256, HS384, HS512]");
        });
    }

    /**
     * A signature with an RSA, EC or Ed25519 private key.
     *
     * @throws IllegalArgumentException when {@code alg} is HMAC, or the key is not of the kind it needs
     */
    public static SignatureFunction privateKey(SigningAlgorithm alg, PrivateKey key) {
        return switch (alg) {
            case RS256 -> new JavaJwtSignature(Algorithm.RSA256(null, rsa(alg, key)));
            case RS384 -> new JavaJwtSignature(Algorithm.RSA384(null, rsa(alg, key)));
            case RS512 -> new JavaJwtSignature(Algorithm.RSA512(null, rsa(alg, key)));
            case PS256 -> new JavaJwtSignature(Algorithm.RSA256PSS(null, rsa(alg, key)));
            case PS384 -> new JavaJwtSignature(Algorithm.RSA384PSS(null, rsa(alg, key)));
            case PS512 -> new JavaJwtSignature(Algorithm.RSA512PSS(null, rsa(alg, key)));
            case ES256 -> new JavaJwtSignature(Algorithm.ECDSA256(null, ec(alg, key)));
            case ES384 -> new JavaJwtSignature(Algorithm.ECDSA384(null, ec(alg, key)));
            case ES512 -> new JavaJwtSignature(Algorithm.ECDSA512(null, ec(alg, key)));
            case EdDSA -> new Ed25519Signature(ed25519(alg, key));
            default -> throw new IllegalArgumentException("alg [" + alg + "] signs with a shared secret, not a"
                    + " private key; use hmac(alg, secret)");
        };
    }

    private static RSAPrivateKey rsa(SigningAlgorithm alg, PrivateKey key) {
        if (key instanceof RSAPrivateKey rsa) {
            return rsa;
        }
        throw wrongKey(alg, key);
    }

    private static ECPrivateKey ec(SigningAlgorithm alg, PrivateKey key) {
        if (key instanceof ECPrivateKey ec) {
            return ec;
        }
        throw wrongKey(alg, key);
    }

    private static PrivateKey ed25519(SigningAlgorithm alg, PrivateKey key) {
        if (key instanceof EdECPrivateKey ed && ed.getParams() != null
                && "Ed25519".equalsIgnoreCase(ed.getParams().getName())) {
            return key;
        }
        throw wrongKey(alg, key);
    }

    private static IllegalArgumentException wrongKey(SigningAlgorithm alg, PrivateKey key) {
        return new IllegalArgumentException("alg [" + alg + "] needs a private key of kty [" + alg.keyType()
                + "]; got [" + (key == null ? "null" : key.getAlgorithm()) + "]");
    }
}
