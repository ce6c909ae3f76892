package io.github.jwtsigner.internal.jws;

import io.github.jwtsigner.Setting;

import com.auth0.jwt.algorithms.Algorithm;

import io.github.jwtsigner.InvalidConfigurationException;
import io.github.jwtsigner.SignerConfig;
import io.github.jwtsigner.SigningAlgorithm;
import io.github.jwtsigner.SigningException;
import io.github.jwtsigner.internal.ed25519.Ed25519Signer;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Optional;

/**
 * Decides who signs, and makes the {@link TokenSigner} and {@link SignatureFunction} for a key, as the static
 * factories of java-jwt's {@link Algorithm} do.
 *
 * <p>Who signs:
 * <ul>
 *   <li>HS*: java-jwt.</li>
 *   <li>RS*, PS*, ES* and EdDSA, with {@code signature_provider} set: that provider, never installed into the
 *       JVM. If it cannot be loaded, lacks the algorithm or refuses the key, the JDK's providers sign instead,
 *       and a WARNING says why: a faster provider is an optimisation, never a reason not to start.</li>
 *   <li>RS*, PS* and ES* otherwise: java-jwt.</li>
 *   <li>EdDSA otherwise, which java-jwt lacks: this library's {@link Ed25519Signer} once its signature of a
 *       probe has passed the checks of {@link #checkedAgainst}; else, or for a key that hides its bytes, the
 *       JDK's Ed25519.</li>
 * </ul>
 *
 * <p>Key size and curve are checked by the caller (the JWK loader); these factories only refuse a key of the
 * wrong kind.
 *
 * <p>Stateless and thread-safe; what it makes is immutable and thread-safe.
 */
public final class Signatures {
    /** The setting value for the Amazon Corretto Crypto Provider. */
    static final String ACCP = "ACCP";
    static final String ACCP_CLASS = "com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider";

    private static final Logger LOG = System.getLogger("io.github.jwtsigner");
    private static final byte[] PROBE_TOKEN_PAYLOAD = "{}".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PROBE_HEADER = "eyJhbGciOiJFZERTQSJ9".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PROBE_PAYLOAD = "cHJvYmU".getBytes(StandardCharsets.US_ASCII);
    private static final String JDK_ED25519 = "Ed25519";
    /** DER SubjectPublicKeyInfo header for an Ed25519 key (RFC 8410 §4); the 32 key octets follow. */
    private static final byte[] ED25519_SPKI_PREFIX = {
        0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
    };

    private Signatures() {
    }

    /**
     * The token signer for an HMAC key under {@code kid}, with {@code config}'s alg, typ and serialization.
     * Signs once to prove the key works.
     *
     * @param secret the key bytes; copied
     * @param subject names the key in messages, such as {@code kid [sim2] in jwk_local_path [jwk.json]}
     * @throws InvalidConfigurationException when the key cannot sign, or kid or typ holds a lone surrogate
     */
    public static TokenSigner tokenSigner(SignerConfig config, String kid, byte[] secret, String subject) {
        return proven(config, kid, hmac(config.alg(), secret), null, subject);
    }

    /**
     * The token signer for a private key under {@code kid}, with {@code config}'s alg, typ, serialization and
     * signature provider (see {@link #withProvider(SigningAlgorithm, PrivateKey, String, Logger)}). Signs once
     * to prove the key works.
     *
     * @param subject names the key in messages, such as {@code the key in pem_local_path [key.pem]}
     * @throws InvalidConfigurationException when the key cannot sign, or kid or typ holds a lone surrogate
     */
    public static TokenSigner tokenSigner(SignerConfig config, String kid, PrivateKey key, String subject) {
        return tokenSigner(config, kid, key, null, subject);
    }

    /**
     * As {@link #tokenSigner(SignerConfig, String, PrivateKey, String)}, with the public key that verifies the
     * tokens, for {@link TokenSigner#verificationKey()}.
     *
     * @param publicKey the key's public half, or null when not known
     */
    public static TokenSigner tokenSigner(SignerConfig config, String kid, PrivateKey key, PublicKey publicKey,
            String subject) {
        SignatureFunction function = withProvider(config.alg(), key, config.signatureProvider().orElse(null), LOG);
        return proven(config, kid, function, publicKey, subject);
    }

    private static TokenSigner proven(SignerConfig config, String kid, SignatureFunction function,
            PublicKey publicKey, String subject) {
        TokenSigner signer = new JwsTokenSigner(config.alg(), kid, config.typ(), config.full(), function,
                publicKey);
        try {
            signer.sign(PROBE_TOKEN_PAYLOAD);
        } catch (SigningException e) {
            throw new InvalidConfigurationException(subject + " cannot sign with alg [" + config.alg() + "]: "
                    + e.getMessage(), e);
        }
        return signer;
    }

    /**
     * An HMAC signature for HS256, HS384 or HS512, by java-jwt.
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
     * A signature with an RSA, EC or Ed25519 private key by the JDK's providers: java-jwt for RS*, PS* and ES*,
     * this library's or the JDK's Ed25519 for EdDSA.
     *
     * @throws IllegalArgumentException when {@code alg} is HMAC, or the key is not of the kind it needs
     */
    static SignatureFunction privateKey(SigningAlgorithm alg, PrivateKey key) {
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

    /**
     * A signature with a private key by the provider the {@code signature_provider} setting names (see
     * {@link #resolve}), or by the JDK's (as {@link #privateKey}) when {@code providerName} is null or blank,
     * or, with a WARNING on {@code log}, when that provider cannot be loaded, lacks the algorithm or refuses
     * the key.
     */
    public static SignatureFunction withProvider(SigningAlgorithm alg, PrivateKey key, String providerName,
            Logger log) {
        Optional<Provider> provider = resolve(providerName, log);
        return provider.isPresent() ? withProvider(alg, key, provider.get(), log) : privateKey(alg, key);
    }

    /** The signature for {@code alg} from {@code provider}, or the JDK's when it cannot (with a WARNING). */
    static SignatureFunction withProvider(SigningAlgorithm alg, PrivateKey key, Provider provider, Logger log) {
        try {
            return new ProviderSignature(alg, key, provider);
        } catch (GeneralSecurityException | RuntimeException e) {
            log.log(Level.WARNING, Setting.SIGNATURE_PROVIDER + " [" + provider.getName() + "] cannot sign alg [" + alg
                    + "] (" + e.getClass().getSimpleName() + "); signing with the JDK's providers instead");
            return privateKey(alg, key);
        }
    }

    /**
     * Finds a provider without installing it into the JVM: {@code ACCP} is the Amazon Corretto Crypto Provider
     * (its jar must be on the class path); anything else is the name of a registered provider (such as
     * {@code SunEC}) or a {@link Provider} class with a public no-argument constructor.
     *
     * @param name the setting's value; null or blank means the JDK's providers
     * @return the provider, or empty for the JDK's own (also when {@code name} cannot be loaded, with a WARNING)
     */
    static Optional<Provider> resolve(String name, Logger log) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(load(name.trim()));
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            Throwable cause = e instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
            log.log(Level.WARNING, Setting.SIGNATURE_PROVIDER + " [" + name + "] cannot be loaded ("
                    + cause.getClass().getName()
                    + ": " + cause.getMessage() + "); signing with the JDK's providers instead");
            return Optional.empty();
        }
    }

    private static Provider load(String name) throws ReflectiveOperationException {
        if (name.equalsIgnoreCase(ACCP) || name.equals(ACCP_CLASS)) {
            Provider accp = (Provider) Class.forName(ACCP_CLASS).getField("INSTANCE").get(null);
            // Throws when the native library could not be loaded on this platform.
            accp.getClass().getMethod("assertHealthy").invoke(accp);
            return accp;
        }
        Provider registered = Security.getProvider(name);
        if (registered != null) {
            return registered;
        }
        return (Provider) Class.forName(name).getConstructor().newInstance();
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
     * (Ed25519 is deterministic). Otherwise {@code jdk} signs, with a WARNING. When the JDK cannot sign with
     * the key either, neither does: the function returned fails every signature with the reasons, so that
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
