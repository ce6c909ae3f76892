package io.github.jwtsigner.internal.jws;

import com.auth0.jwt.algorithms.Algorithm;

import io.github.jwtsigner.SigningAlgorithm;
import io.github.jwtsigner.SigningException;
import io.github.jwtsigner.internal.ed25519.Ed25519Signer;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Optional;

/**
 * Makes the {@link SignatureFunction} for an algorithm and a key: java-jwt's {@link Algorithm} for HS*, RS*,
 * PS* and ES*; for EdDSA, which java-jwt lacks, this library's {@link Ed25519Signer} once its signature of a
 * probe has passed the checks of {@link #checkedAgainst}, else (or for a key that hides its bytes) the JDK's
 * Ed25519. Checks of key size and curve belong to the caller (the JWK loader); these factories only refuse a
 * key of the wrong kind.
 *
 * <p>Stateless and thread-safe; the functions made are immutable and thread-safe.
 */
public final class SignatureFunctions {
    private static final Logger LOG = System.getLogger("io.github.jwtsigner");
    private static final byte[] PROBE_HEADER = "eyJhbGciOiJFZERTQSJ9".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PROBE_PAYLOAD = "cHJvYmU".getBytes(StandardCharsets.US_ASCII);
    private static final String JDK_ED25519 = "Ed25519";
    /** DER SubjectPublicKeyInfo header for an Ed25519 key (RFC 8410 §4); the 32 key octets follow. */
    private static final byte[] ED25519_SPKI_PREFIX = {
        0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
    };

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
            case EdDSA -> ed25519Signature(ed25519(alg, key));
            default -> throw new IllegalArgumentException("alg [" + alg + "] signs with a shared secret, not a"
                    + " private key; use hmac(alg, secret)");
        };
    }

    private static SignatureFunction ed25519Signature(EdECPrivateKey key) {
        SignatureFunction jdk = new JdkEd25519Signature(key);
        Optional<byte[]> seed = key.getBytes();
        if (seed.isEmpty() || seed.get().length != Ed25519Signer.KEY_BYTES) {
            return jdk;
        }
        Ed25519Signer signer = Ed25519Signer.fromSeed(seed.get());
        Arrays.fill(seed.get(), (byte) 0);
        return checkedAgainst(jdk, new Ed25519Signature(signer), signer.publicKey(), LOG);
    }

    /**
     * Decides who signs with an Ed25519 key, from one probe signed by each. {@code own} signs when its
     * signature verifies, with the JDK's Ed25519, under {@code ownPublicKey} (the public key {@code own}
     * derived from the private key), and, when the JDK can sign with the key, equals the JDK's byte for byte
     * (Ed25519 is deterministic). Otherwise {@code jdk} signs, with a WARNING; and when the JDK cannot sign
     * with the key either, neither does: the function returned fails every signature with the reasons, so that
     * loading the key fails, naming its kid.
     */
    static SignatureFunction checkedAgainst(SignatureFunction jdk, SignatureFunction own, byte[] ownPublicKey,
            Logger log) {
        byte[] expected = null;
        SigningException jdkFailure = null;
        try {
            expected = jdk.sign(PROBE_HEADER, PROBE_PAYLOAD);
        } catch (SigningException e) {
            jdkFailure = e;
        }
        String problem;
        try {
            byte[] ours = own.sign(PROBE_HEADER, PROBE_PAYLOAD);
            if (expected != null && !Arrays.equals(expected, ours)) {
                problem = "signed a probe differently from the JDK's provider";
            } else {
                problem = verificationProblem(ours, ownPublicKey);
            }
        } catch (SigningException e) {
            problem = "failed on a probe (" + e.getMessage() + ")";
        }
        if (problem == null) {
            return own;
        }
        if (jdkFailure == null) {
            log.log(Level.WARNING, "EdDSA: this library's Ed25519 " + problem + "; signing with the JDK's provider"
                    + " (slower). Please report this with the Java vendor and version: "
                    + System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
            return jdk;
        }
        return refusing("the JDK's provider cannot sign with this key (" + jdkFailure.getMessage() + "), and this"
                + " library's Ed25519 " + problem + "; expected an Ed25519 key the JDK's provider can sign with");
    }

    /** Null when the JDK's Ed25519 verifies {@code signature} of the probe under {@code publicKey}. */
    private static String verificationProblem(byte[] signature, byte[] publicKey) {
        try {
            byte[] spki = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + publicKey.length);
            System.arraycopy(publicKey, 0, spki, ED25519_SPKI_PREFIX.length, publicKey.length);
            Signature verifier = Signature.getInstance(JDK_ED25519);
            verifier.initVerify(KeyFactory.getInstance(JDK_ED25519).generatePublic(new X509EncodedKeySpec(spki)));
            verifier.update(PROBE_HEADER);
            verifier.update((byte) '.');
            verifier.update(PROBE_PAYLOAD);
            return verifier.verify(signature) ? null
                    : "signed a probe that the JDK's Ed25519 does not verify with the key's public key";
        } catch (GeneralSecurityException | RuntimeException e) {
            return "signed a probe that the JDK's Ed25519 cannot verify (" + e.getClass().getSimpleName() + ")";
        }
    }

    private static SignatureFunction refusing(String reason) {
        return new SignatureFunction() {
            @Override
            public byte[] sign(byte[] headerB64, byte[] payloadB64) {
                throw new SigningException(SigningException.Reason.SIGNATURE_FAILED, reason);
            }

            @Override
            public String toString() {
                return "UnusableEd25519Signature";
            }
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

    private static EdECPrivateKey ed25519(SigningAlgorithm alg, PrivateKey key) {
        if (key instanceof EdECPrivateKey ed && ed.getParams() != null
                && "Ed25519".equalsIgnoreCase(ed.getParams().getName())) {
            return ed;
        }
        throw wrongKey(alg, key);
    }

    private static IllegalArgumentException wrongKey(SigningAlgorithm alg, PrivateKey key) {
        return new IllegalArgumentException("alg [" + alg + "] needs a private key of kty [" + alg.keyType()
                + "]; got [" + (key == null ? "null" : key.getAlgorithm()) + "]");
    }
}
