package io.github.jwtsigner.internal.validation;

import io.github.jwtsigner.SigningAlgorithm;
import io.github.jwtsigner.internal.ed25519.Ed25519Verifier;
import io.github.jwtsigner.internal.jws.JcaAlgorithms;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.EdECPoint;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.concurrent.atomic.AtomicReferenceArray;

import javax.crypto.Mac;

/**
 * Checks one JWS signature: HMAC compared in constant time, RSASSA-PKCS1-v1_5, RSASSA-PSS (salt as long as the
 * hash, RFC 7518 §3.5), ECDSA in the JWS form {@code R || S} of exactly the curve's length with the JDK's
 * providers; Ed25519 with {@link Ed25519Verifier}, which gives the JDK's verdicts about ten times faster. The
 * {@link Signature} and {@link Mac} objects are kept per thread and algorithm, and stay initialised with the key
 * they last had: one is initialised again only for another key object, or after it threw. The Ed25519 key's
 * tables are kept for the last {@value #ED25519_SLOTS} or so key objects.
 *
 * <p>Thread-safe.
 */
final class SignatureCheck {
    private static final SigningAlgorithm[] ALGS = SigningAlgorithm.values();
    /**
     * Per thread: the engine of each algorithm, then the key object each was initialised with. Only JDK types,
     * never a class of this library: the container's threads outlive a webapp, and a value of a webapp class
     * would keep the undeployed webapp's class loader alive (Tomcat reports such a value at every redeploy).
     */
    private static final ThreadLocal<Object[]> ENGINES = new ThreadLocal<>();
    private static final int ED25519_SLOTS = 16;
    /** Ed25519 keys by identity, each in one of two slots picked by its identity hash. */
    private static final AtomicReferenceArray<Ed25519Key> ED25519 = new AtomicReferenceArray<>(ED25519_SLOTS);

    private SignatureCheck() {
    }

    private static Object[] engines() {
        Object[] engines = ENGINES.get();
        if (engines == null) {
            engines = new Object[2 * ALGS.length];
            ENGINES.set(engines);
        }
        return engines;
    }

    private record Ed25519Key(Key key, Ed25519Verifier verifier) {
    }

    /**
     * @param key a secret for HS*, else a public key that {@link io.github.jwtsigner.internal.keys.VerificationKeys}
     *     found fitting {@code alg}
     * @return true when {@code signature} is {@code alg}'s signature of {@code input} under {@code key}
     */
    static boolean verify(SigningAlgorithm alg, Key key, byte[] input, byte[] signature) {
        try {
            return switch (alg.keyType()) {
                case "oct" -> MessageDigest.isEqual(hmac(alg, key, input), signature);
                case "EC" -> signature.length == 2 * JcaAlgorithms.ecdsaPartBytes(alg)
                        && check(alg, (PublicKey) key, input, signature);
                case "OKP" -> key instanceof EdECPublicKey ed && isEd25519(ed)
                        ? ed25519(ed).verify(input, signature)
                        : check(alg, (PublicKey) key, input, signature);
                default -> check(alg, (PublicKey) key, input, signature);
            };
        } catch (GeneralSecurityException | ClassCastException e) {
            return false;
        }
    }

    private static byte[] hmac(SigningAlgorithm alg, Key key, byte[] input) throws GeneralSecurityException {
        Object[] engines = engines();
        int i = alg.ordinal();
        int k = ALGS.length + i;
        Mac mac = (Mac) engines[i];
        if (mac == null) {
            mac = Mac.getInstance("HmacSHA" + alg.hashBits());
            engines[i] = mac;
        }
        if (engines[k] != key) {
            engines[k] = null;
            mac.init(key);
            engines[k] = key;
        }
        // doFinal leaves the Mac initialised with the same key, ready for the next input.
        return mac.doFinal(input);
    }

    private static boolean check(SigningAlgorithm alg, PublicKey key, byte[] input, byte[] signature)
            throws GeneralSecurityException {
        Object[] engines = engines();
        int i = alg.ordinal();
        int k = ALGS.length + i;
        Signature s = (Signature) engines[i];
        if (s == null) {
            s = newSignature(alg);
            engines[i] = s;
        }
        if (engines[k] != key) {
            engines[k] = null;
            s.initVerify(key);
            engines[k] = key;
        }
        // verify resets the object to its state after initVerify; when it throws, some providers (the JDK's
        // Ed25519 among them) keep the input, so the next call initialises it again.
        try {
            s.update(input);
            return s.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            engines[k] = null;
            throw e;
        }
    }

    private static boolean isEd25519(EdECPublicKey key) {
        NamedParameterSpec params = key.getParams();
        return params != null && NamedParameterSpec.ED25519.getName().equalsIgnoreCase(params.getName());
    }

    private static Ed25519Verifier ed25519(EdECPublicKey key) {
        int home = System.identityHashCode(key) & (ED25519_SLOTS - 1);
        int other = (home + 1) & (ED25519_SLOTS - 1);
        Ed25519Key atHome = ED25519.get(home);
        if (atHome != null && atHome.key() == key) {
            return atHome.verifier();
        }
        Ed25519Key atOther = ED25519.get(other);
        if (atOther != null && atOther.key() == key) {
            return atOther.verifier();
        }
        EdECPoint point = key.getPoint();
        Ed25519Verifier verifier = Ed25519Verifier.forPoint(point.isXOdd(), point.getY());
        ED25519.set(atHome == null || atOther != null ? home : other, new Ed25519Key(key, verifier));
        return verifier;
    }

    /** The JDK's engine for {@code alg}; ECDSA in the JWS form {@code R || S} (P1363), not DER. */
    private static Signature newSignature(SigningAlgorithm alg)
            throws NoSuchAlgorithmException, InvalidAlgorithmParameterException {
        String name = JcaAlgorithms.signatureName(alg);
        Signature signature = Signature.getInstance(alg.keyType().equals("EC") ? name + "inP1363Format" : name);
        PSSParameterSpec pss = JcaAlgorithms.pssParameters(alg);
        if (pss != null) {
            signature.setParameter(pss);
        }
        return signature;
    }
}
