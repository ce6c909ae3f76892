package io.github.jwtsigner.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;

import io.github.jwtsigner.SigningAlgorithm;
import io.github.jwtsigner.internal.jws.SignatureFunction;
import io.github.jwtsigner.internal.jws.Signatures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.text.ParseException;

/**
 * The benchmark keys: one JWK Set on the classpath ({@value #RESOURCE}) holding a key per algorithm family, handed
 * out in the forms each contender needs (our signature function, JDK key, Nimbus signer and verifier).
 *
 * <p>The keys are test material generated for benchmarking only. Immutable and thread-safe.
 */
public final class BenchKeys {
    /** Classpath location of the JWK Set. */
    public static final String RESOURCE = "bench/bench-keys.json";

    private static final JWKSet KEYS = load();

    private BenchKeys() {
    }

    /** The JWK Set file's text. */
    public static String jwkSetJson() {
        try (InputStream in = resource()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read [" + RESOURCE + "]", e);
        }
    }

    /** The kid of the key {@code alg} signs with. */
    public static String kid(String alg) {
        switch (alg) {
            case "HS256":
                return "sim2";
            case "RS256":
            case "PS256":
                return "rsa1";
            case "ES256":
                return "ec1";
            case "EdDSA":
                return "ed1";
            default:
                throw new IllegalArgumentException("alg [" + alg + "] has no benchmark key; expected one of "
                        + "[HS256, RS256, PS256, ES256, EdDSA]");
        }
    }

    /**
     * The signature our core makes for {@code alg} with {@code signature_provider} = {@code provider}
     * ({@link BenchConfig#JDK} for none): java-jwt for HS256, RS256, PS256 and ES256 on the JDK, this library's
     * Ed25519 for EdDSA, or the named provider's.
     */
    public static SignatureFunction signatureFunction(String alg, String provider) {
        SigningAlgorithm algorithm = SigningAlgorithm.valueOf(alg);
        if (alg.equals("HS256")) {
            return Signatures.hmac(algorithm, ((OctetSequenceKey) jwk(alg)).toByteArray());
        }
        PrivateKey key = switch (alg) {
            case "EdDSA" -> ed25519PrivateKey();
            case "ES256" -> ecPrivateKey();
            default -> rsaPrivateKey();
        };
        System.Logger log = System.getLogger("io.github.jwtsigner.bench");
        return Signatures.withProvider(algorithm, key, BenchConfig.JDK.equals(provider) ? null : provider, log);
    }

    /** The JDK Ed25519 private key. */
    public static PrivateKey ed25519PrivateKey() {
        OctetKeyPair okp = (OctetKeyPair) jwk("EdDSA");
        try {
            return KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, okp.getDecodedD()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 key [ed1] cannot be converted", e);
        }
    }

    /** The JDK EC private key of ES256. */
    public static PrivateKey ecPrivateKey() {
        try {
            return ((ECKey) jwk("ES256")).toECPrivateKey();
        } catch (JOSEException e) {
            throw new IllegalStateException("EC key [ec1] cannot be converted", e);
        }
    }

    /** The JDK RSA private key of RS256 and PS256. */
    public static PrivateKey rsaPrivateKey() {
        try {
            return ((RSAKey) jwk("RS256")).toRSAPrivateKey();
        } catch (JOSEException e) {
            throw new IllegalStateException("RSA key [rsa1] cannot be converted", e);
        }
    }

    public static JWSAlgorithm nimbusAlgorithm(String alg) {
        return JWSAlgorithm.parse(alg);
    }

    /** A Nimbus signer; Ed25519 needs Google Tink on the classpath. */
    public static JWSSigner nimbusSigner(String alg) {
        JWK jwk = jwk(alg);
        try {
            switch (alg) {
                case "HS256":
                    return new MACSigner((OctetSequenceKey) jwk);
                case "RS256":
                case "PS256":
                    return new RSASSASigner((RSAKey) jwk);
                case "ES256":
                    return new ECDSASigner((ECKey) jwk);
                case "EdDSA":
                    return new Ed25519Signer((OctetKeyPair) jwk);
                default:
                    throw new IllegalArgumentException("alg [" + alg + "] has no benchmark key");
            }
        } catch (JOSEException e) {
            throw new IllegalStateException("key [" + kid(alg) + "] cannot make a signer", e);
        }
    }

    /** A Nimbus verifier, used to check that every contender really produced valid tokens. */
    public static JWSVerifier nimbusVerifier(String alg) {
        JWK jwk = jwk(alg);
        try {
            switch (alg) {
                case "HS256":
                    return new MACVerifier((OctetSequenceKey) jwk);
                case "RS256":
                case "PS256":
                    return new RSASSAVerifier(((RSAKey) jwk).toPublicJWK());
                case "ES256":
                    return new ECDSAVerifier(((ECKey) jwk).toPublicJWK());
                case "EdDSA":
                    return new Ed25519Verifier(((OctetKeyPair) jwk).toPublicJWK());
                default:
                    throw new IllegalArgumentException("alg [" + alg + "] has no benchmark key");
            }
        } catch (JOSEException e) {
            throw new IllegalStateException("key [" + kid(alg) + "] cannot make a verifier", e);
        }
    }

    /** The private JWK for {@code alg}. */
    public static JWK jwk(String alg) {
        JWK jwk = KEYS.getKeyByKeyId(kid(alg));
        if (jwk == null) {
            throw new IllegalStateException("kid [" + kid(alg) + "] not found in [" + RESOURCE + "]");
        }
        return jwk;
    }

    private static JWKSet load() {
        try {
            return JWKSet.parse(jwkSetJson());
        } catch (ParseException e) {
            throw new IllegalStateException("[" + RESOURCE + "] is not a JWK Set", e);
        }
    }

    private static InputStream resource() throws IOException {
        InputStream in = BenchKeys.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IOException("[" + RESOURCE + "] not on the classpath");
        }
        return in;
    }
}
