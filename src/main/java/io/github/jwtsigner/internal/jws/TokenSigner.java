package io.github.jwtsigner.internal.jws;

import io.github.jwtsigner.SigningAlgorithm;

import java.security.PublicKey;
import java.util.Optional;

/**
 * Turns a canonical claim payload into a serialized JWS: compact, or the flattened JSON serialization when
 * configured {@code full}. The protected header {@code {"alg":…,"kid":…,"typ":…}} is fixed per key.
 *
 * <p>{@link Signatures#tokenSigner} makes the real ones. It stays an interface because it is the unit the key
 * ring swaps on rotation, and what tests replace to hand {@link PayloadSigner} tokens of their choosing.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface TokenSigner {
    SigningAlgorithm alg();

    /** The kid written into the header. */
    String kid();

    /**
     * @param canonicalPayload the claim object as canonical JSON (sorted keys, Go escaping), UTF-8
     * @return the compact JWS {@code h.p.s}, or the flattened JSON serialization
     *     {@code {"payload":"…","protected":"…","signature":"…"}} when configured {@code full}
     */
    String sign(byte[] canonicalPayload);

    /** The public key that verifies this signer's tokens; empty for HMAC, or when it is not known. */
    default Optional<PublicKey> verificationKey() {
        return Optional.empty();
    }
}
