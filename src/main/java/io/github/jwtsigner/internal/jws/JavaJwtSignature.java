package io.github.jwtsigner.internal.jws;

import com.auth0.jwt.algorithms.Algorithm;

import io.github.jwtsigner.SigningException;

/**
 * HS*, RS*, PS* and ES* signatures through java-jwt's {@link Algorithm}, whose
 * {@code sign(header, payload)} joins the two encoded parts with {@code .} itself and returns ECDSA
 * signatures as JOSE {@code R||S}.
 *
 * <p>Immutable and thread-safe (java-jwt creates a JCA instance per call).
 */
final class JavaJwtSignature implements SignatureFunction {
    private final Algorithm algorithm;

    JavaJwtSignature(Algorithm algorithm) {
        this.algorithm = algorithm;
    }

    @Override
    public byte[] sign(byte[] headerB64, byte[] payloadB64) {
        try {
            return algorithm.sign(headerB64, payloadB64);
        } catch (RuntimeException e) {
            // SignatureGenerationException, or a provider's own unchecked failure; neither message holds key
            // material, but only the type is named here to be sure.
            throw new SigningException(SigningException.Reason.SIGNATURE_FAILED, algorithm.getName()
                    + " signature failed (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    @Override
    public String toString() {
        return "JavaJwtSignature{" + algorithm.getName() + "}";
    }
}
