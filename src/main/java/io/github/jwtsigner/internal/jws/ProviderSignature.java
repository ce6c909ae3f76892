package io.github.jwtsigner.internal.jws;

import io.github.jwtsigner.SigningAlgorithm;
import io.github.jwtsigner.SigningException;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
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

    /** The JCA name of the signature for {@code alg}; PS* also need {@link #pssParameters}. */
    static String jcaName(SigningAlgorithm alg) {
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

    /** RFC 7518 §3.5: MGF1 with the same hash, salt as long as the hash. */
    static PSSParameterSpec pssParameters(SigningAlgorithm alg) {
        return switch (alg) {
            case PS256 -> new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);
            case PS384 -> new PSSParameterSpec("SHA-384", "MGF1", MGF1ParameterSpec.SHA384, 48, 1);
            case PS512 -> new PSSParameterSpec("SHA-512", "MGF1", MGF1ParameterSpec.SHA512, 64, 1);
            default -> null;
        };
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
            return alg.keyType().equals("EC") ? EcdsaSignatureFormat.derToJose(raw, partBytes()) : raw;
        } catch (GeneralSecurityException | RuntimeException e) {
            // A Signature in an unknown state is dropped, not returned to the pool.
            throw new SigningException(SigningException.Reason.SIGNATURE_FAILED, "alg [" + alg + "] signature by"
                    + " provider [" + provider.getName() + "] failed: " + e.getClass().getSimpleName(), e);
        }
    }

    private Signature newSignature() throws GeneralSecurityException {
        Signature signature = Signature.getInstance(jcaName(alg), provider);
        PSSParameterSpec pss = pssParameters(alg);
        if (pss != null) {
            signature.setParameter(pss);
        }
        signature.initSign(key);
        return signature;
    }

    private int partBytes() {
        return switch (alg) {
            case ES256 -> 32;
            case ES384 -> 48;
            default -> 66;
        };
    }

    @Override
    public String toString() {
        return "ProviderSignature{alg=" + alg + ", provider=" + provider.getName() + "}";
    }
}
