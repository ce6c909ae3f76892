package io.github.jwtsigner.internal.keys;

import static io.github.jwtsigner.internal.keys.TestJwks.jwk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSObjectJSON;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;

import io.github.jwtsigner.SignerConfig;
import io.github.jwtsigner.SigningAlgorithm;
import io.github.jwtsigner.internal.jws.TokenSigner;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.util.Base64;
import java.util.stream.Stream;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every algorithm, compact and full, signed through {@link SigningKeys#load} with RFC example keys (RFC 7517
 * A.2, RFC 7520 §3.2/3.4/3.5, RFC 8037 A.1) or keys generated once, and verified by jose4j and Nimbus,
 * which we did not write. Nimbus needs Tink for EdDSA, so EdDSA is verified by jose4j alone.
 */
class SignedTokenVerificationTest {
    /** Canonical claims as the payload signer would write them: sorted keys, Go escaping, UTF-8. */
    private static final String PAYLOAD = "{\"aud\":\"http://api.example.com\",\"exp\":1735689600,"
            + "\"name\":\"Zoë \\u003c3 \\u2028\",\"roles\":[\"role_a\",\"role_b\"],\"sub\":\"1234567890qwertyuio\"}";
    private static final String BASE64URL = "[A-Za-z0-9_-]+";

    static Stream<Arguments> algorithms() {
        Object[][] keys = {
            {"HS256", TestJwks.RFC7520_HMAC, "018c0ae5-4d9b-471b-bfd6-eef314bc7037"},
            {"HS384", TestJwks.GENERATED, "gen-hs384"},
            {"HS512", TestJwks.GENERATED, "gen-hs512"},
            {"RS256", TestJwks.RFC7517_A2, "2011-04-29"},
            {"RS384", TestJwks.RFC7520_RSA, "bilbo.baggins@hobbiton.example"},
            {"RS512", TestJwks.GENERATED, "gen-rsa4096"},
            {"PS256", TestJwks.RFC7520_RSA, "bilbo.baggins@hobbiton.example"},
            {"PS384", TestJwks.GENERATED, "gen-rsa4096"},
            {"PS512", TestJwks.RFC7520_RSA, "bilbo.baggins@hobbiton.example"},
            {"ES256", TestJwks.RFC7517_A2, "1"},
            {"ES384", TestJwks.GENERATED, "gen-p384"},
            {"ES512", TestJwks.RFC7520_EC_P521, "bilbo.baggins@hobbiton.example"},
            {"EdDSA", TestJwks.RFC8037_ED25519, "rfc8037-a1"},
        };
        assertEquals(SigningAlgorithm.values().length, keys.length);
        return Stream.of(keys).flatMap(k -> Stream.of(Arguments.of(k[0], k[1], k[2], false),
                Arguments.of(k[0], k[1], k[2], true)));
    }

    @ParameterizedTest(name = "{0} full={3}")
    @MethodSource("algorithms")
    void signsTokensThatIndependentLibrariesVerify(String alg, String resourceName, String kid, boolean full)
            throws Exception {
        String jwkJson = jwk(resourceName, kid).toString();
        SignerConfig config = SignerConfig.builder().alg(alg).kid(kid).keysToSign("access_token")
                .jwkLocalPath(resourceName).full(full).build();
        TokenSigner signer = SigningKeys.load(config, TestJwks.resource(resourceName), config.keySource().description());

        String token = signer.sign(PAYLOAD.getBytes(StandardCharsets.UTF_8));

        String compact = full ? compactFromFull(token) : token;
        String[] parts = compact.split("\\.", -1);
        assertEquals(3, parts.length);
        assertEquals("{\"alg\":\"" + alg + "\",\"kid\":\"" + kid + "\",\"typ\":\"JWT\"}", decode(parts[0]));
        assertEquals(PAYLOAD, decode(parts[1]));
        assertTrue(verifiedByJose4j(alg, jwkJson, compact), "jose4j rejected the " + alg + " signature");
        if (!alg.equals("EdDSA")) {
            assertTrue(verifiedByNimbus(jwkJson, token, full), "Nimbus rejected the " + alg + " signature");
        }
    }

    @ParameterizedTest(name = "{0} full={3}")
    @MethodSource("algorithms")
    void independentLibrariesRejectTheSignatureOverOtherClaims(String alg, String resourceName, String kid,
            boolean full) throws Exception {
        String jwkJson = jwk(resourceName, kid).toString();
        SignerConfig config = SignerConfig.builder().alg(alg).kid(kid).keysToSign("access_token")
                .jwkLocalPath(resourceName).build();
        String[] parts = SigningKeys.load(config, TestJwks.resource(resourceName), config.keySource().description())
                .sign(PAYLOAD.getBytes(StandardCharsets.UTF_8)).split("\\.");
        String otherClaims = TestJwks.base64url("{\"sub\":\"admin\"}".getBytes(StandardCharsets.UTF_8));
        String forged = parts[0] + "." + otherClaims + "." + parts[2];
        String token = full ? "{\"payload\":\"" + otherClaims + "\",\"protected\":\"" + parts[0]
                + "\",\"signature\":\"" + parts[2] + "\"}" : forged;

        assertFalse(verifiedByJose4j(alg, jwkJson, forged));
        if (!alg.equals("EdDSA")) {
            assertFalse(verifiedByNimbus(jwkJson, token, full));
        }
    }

    private static String compactFromFull(String full) {
        assertTrue(full.matches("\\{\"payload\":\"" + BASE64URL + "\",\"protected\":\"" + BASE64URL
                + "\",\"signature\":\"" + BASE64URL + "\"\\}"), full);
        JsonObject o = JsonParser.parseString(full).getAsJsonObject();
        return o.get("protected").getAsString() + "." + o.get("payload").getAsString() + "."
                + o.get("signature").getAsString();
    }

    private static String decode(String base64url) {
        assertTrue(base64url.matches(BASE64URL), "not unpadded base64url: " + base64url);
        return new String(Base64.getUrlDecoder().decode(base64url), StandardCharsets.UTF_8);
    }

    private static boolean verifiedByJose4j(String alg, String jwkJson, String compact) throws Exception {
        JsonWebKey key = JsonWebKey.Factory.newJwk(jwkJson);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, alg));
        jws.setCompactSerialization(compact);
        jws.setKey(key instanceof PublicJsonWebKey publicKey ? publicKey.getPublicKey() : key.getKey());
        return jws.verifySignature();
    }

    private static boolean verifiedByNimbus(String jwkJson, String token, boolean full) throws Exception {
        JWK jwk = JWK.parse(jwkJson);
        Key key;
        if (jwk instanceof OctetSequenceKey oct) {
            key = oct.toSecretKey();
        } else if (jwk instanceof RSAKey rsa) {
            key = rsa.toRSAPublicKey();
        } else {
            key = ((ECKey) jwk).toECPublicKey();
        }
        DefaultJWSVerifierFactory verifiers = new DefaultJWSVerifierFactory();
        if (full) {
            JWSObjectJSON.Signature signature = JWSObjectJSON.parse(token).getSignatures().get(0);
            return signature.verify(verifiers.createJWSVerifier(signature.getHeader(), key));
        }
        JWSObject jws = JWSObject.parse(token);
        return jws.verify(verifiers.createJWSVerifier(jws.getHeader(), key));
    }
}
