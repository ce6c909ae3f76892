package io.github.jwtsigner.internal.jws;

/**
 * Computes a JWS signature (RFC 7515 §5.1 step 5) over {@code ASCII(headerB64 || '.' || payloadB64)}.
 *
 * <p>Implementations are immutable and thread-safe; ECDSA results are the JOSE {@code R||S} pair.
 */
@FunctionalInterface
public interface SignatureFunction {
    /**
     * @param headerB64 the base64url-encoded protected header, ASCII bytes
     * @param payloadB64 the base64url-encoded payload, ASCII bytes
     * @return the raw signature bytes (not encoded)
     * @throws io.github.jwtsigner.SigningException with reason {@code SIGNATURE_FAILED} when the provider fails
     */
    byte[] sign(byte[] headerB64, byte[] payloadB64);
}
