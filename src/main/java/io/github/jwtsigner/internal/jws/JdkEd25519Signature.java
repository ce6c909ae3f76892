package io.github.jwtsigner.internal.jws;

import io.github.jwtsigner.SigningException;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;

/**
 * EdDSA over Ed25519 (RFC 8037 §3.1) with the JDK's own provider: for a key that does not expose its bytes
 * (one from a hardware token, say), and when {@link Ed25519Signature} disagrees with it.
 *
 * <p>Immutable and thread-safe: a {@link Signature} is not, so each call takes its own.
 */
final class JdkEd25519Signature implements SignatureFunction {
    private static final String JCA_NAME = "Ed25519";

    private final PrivateKey privateKey;

    JdkEd25519Signature(PrivateKey privateKey) {
        this.privateKey = privateKey;
    }

    @Override
    public byte[] sign(byte[] headerB64, byte[] payloadB64) {
        try {
            Signature signature = Signature.getInstance(JCA_NAME);
            signature.initSign(privateKey);
            signature.update(headerB64);
            signature.update((byte) '.');
            signature.update(payloadB64);
            return signature.sign();
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new SigningException(SigningException.Reason.SIGNATURE_FAILED,
                    "EdDSA signature failed (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    @Override
    public String toString() {
        return "JdkEd25519Signature";
    }
}
