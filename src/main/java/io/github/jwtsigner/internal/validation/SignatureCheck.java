package io.github.jwtsigner.internal.validation;

import io.github.jwtsigner.SigningAlgorithm;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;

import javax.crypto.Mac;

/**
 * Checks one JWS signature with the JDK's providers: HMAC compared in constant time, RSASSA-PKCS1-v1_5,
 * RSASSA-PSS (salt as long as the hash, RFC 7518 §3.5), ECDSA in the JWS form {@code R || S} of exactly the
 * curve's length, Ed25519. The {@link Signature} and {@link Mac} objects are kept per thread and algorithm.
 *
 * <p>Thread-safe.
 */
final class SignatureCheck {
    private static final SigningAlgorithm[] ALGS = SigningAlgorithm.values();
    private static final ThreadLocal<Object[]> ENGINES = ThreadLocal.withInitial(() -> new Object[ALGS.length]);

    private SignatureCheck() {
    }

    /**
     * @param key a secret for HS*, else a public key that {@link io.github.jwtsigner.internal.keys.VerificationKeys}
     *     found fitting {@code alg}
     * @return true when {@code signature} is {@code alg}'s signature of {@code input} under {@code key}
     */
    static boolean verify(SigningAlgorithm alg, Key key, byte[] input, byte[] signature) {
        try {
            return switch (alg.keyType()) {
                case "oct" -> {
                    Mac mac = mac(alg);
                    mac.init(key);
                    yield MessageDigest.isEqual(mac.doFinal(input), signature);
                }
                case "EC" -> signature.length == 2 * ecOctets(alg) && check(alg, (PublicKey) key, input, signature);
                default -> check(alg, (PublicKey) key, input, signature);
            };
        } catch (GeneralSecurityException | ClassCastException e) {
            return false;
        }
    }

    private static boolean check(SigningAlgorithm alg, PublicKey key, byte[] input, byte[] signature)
            throws GeneralSecurityException {
        Signature s = signature(alg);
        s.initVerify(key);
        s.update(input);
        return s.verify(signature);
    }

    private static int ecOctets(SigningAlgorithm alg) {
        return switch (alg) {
            case ES256 -> 32;
            case ES384 -> 48;
            default -> 66;
        };
    }

    private static Mac mac(SigningAlgorithm alg) throws NoSuchAlgorithmException {
        Object[] engines = ENGINES.get();
        Object e = engines[alg.ordinal()];
        if (e == null) {
            e = Mac.getInstance("HmacSHA" + alg.hashBits());
            engines[alg.ordinal()] = e;
        }
        return (Mac) e;
    }

    private static Signature signature(SigningAlgorithm alg)
            throws NoSuchAlgorithmException, InvalidAlgorithmParameterException {
        Object[] engines = ENGINES.get();
        Object e = engines[alg.ordinal()];
        if (e == null) {
            e = newSignature(alg);
            engines[alg.ordinal()] = e;
        }
        return (Signature) e;
    }

    private static Signature newSignature(SigningAlgorithm alg)
            throws NoSuchAlgorithmException, InvalidAlgorithmParameterException {
        String hash = "SHA" + alg.hashBits();
        switch (alg.keyType()) {
            case "RSA":
                if (alg.name().startsWith("PS")) {
                    Signature pss = Signature.getInstance("RSASSA-PSS");
                    String digest = "SHA-" + alg.hashBits();
                    pss.setParameter(new PSSParameterSpec(digest, "MGF1", new MGF1ParameterSpec(digest),
                            alg.hashBits() / 8, PSSParameterSpec.TRAILER_FIELD_BC));
                    return pss;
                }
                return Signature.getInstance(hash + "withRSA");
            case "EC":
                return Signature.getInstance(hash + "withECDSAinP1363Format");
            default:
                return Signature.getInstance("Ed25519");
        }
    }
}
