package io.github.jwtsigner.internal.jws;

import io.github.jwtsigner.SigningAlgorithm;
import io.github.jwtsigner.SigningException;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.spec.PSSParameterSpec;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * An RS*, PS*, ES* or EdDSA signature made by {@link Signature} objects of one explicitly chosen
 * {@link Provider} — never installed into the JVM, so the rest of the application keeps its providers.
 *
 * <p>Initialised {@code Signature} objects are pooled (not thread-local, so an undeployed webapp leaves
 * nothing behind on container threads). Thread-safe.
 */
final class ProviderSignature implements SignatureFunction {
    private static final byte DOT = '.';

    private final SigningAlgorithm alg;
    private final PrivateKey key;
    private final Provider provider;
    private final ConcurrentLinkedQueue<Signature> pool = new ConcurrentLinkedQueue<>();

    /**
     * @throws GeneralSecurityException when the provider lacks the algorithm or refuses the key
     */
    ProviderSignature(SigningAlgorithm alg, PrivateKey key, Provider provider) throws GeneralSecurityException {
        this.alg = alg;
        this.key = key;
        this.provider = provider;
        pool.add(newSignature());
    }

    @Override
    public byte[] sign(byte[] headerB64, byte[] payloadB64) {
        Signature signature = pool.poll();
        try {
            if (signature == null) {
                signature = newSignature();
            }
            signature.update(headerB64);
            signature.update(DOT);
            signature.update(payloadB64);
            byte[] raw = signature.sign();
            pool.add(signature);
            return alg.keyType().equals("EC") ? EcdsaSignatureFormat.derToJose(raw, JcaAlgorithms.ecdsaPartBytes(alg)) : raw;
        } catch (GeneralSecurityException | RuntimeException e) {
            // A Signature in an unknown state is dropped, not returned to the pool.
            throw new SigningException(SigningException.Reason.SIGNATURE_FAILED, "alg [" + alg + "] signature by"
                    + " provider [" + provider.getName() + "] failed: " + e.getClass().getSimpleName(), e);
        }
    }

    private Signature newSignature() throws GeneralSecurityException {
        Signature signature = Signature.getInstance(JcaAlgorithms.signatureName(alg), provider);
        PSSParameterSpec pss = JcaAlgorithms.pssParameters(alg);
        if (pss != null) {
            signature.setParameter(pss);
        }
        signature.initSign(key);
        return signature;
    }

    @Override
    public String toString() {
        return "ProviderSignature{alg=" + alg + ", provider=" + provider.getName() + "}";
    }
}
