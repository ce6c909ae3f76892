package io.github.jwtsigner.internal.keys;

import static io.github.jwtsigner.internal.keys.TestJwks.assertNoKeyMaterial;
import static io.github.jwtsigner.internal.keys.TestJwks.jwk;
import static io.github.jwtsigner.internal.keys.TestJwks.resource;
import static io.github.jwtsigner.internal.keys.TestJwks.set;
import static io.github.jwtsigner.internal.keys.TestJwks.without;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;

import io.github.jwtsigner.InvalidConfigurationException;
import io.github.jwtsigner.SignerConfig;
import io.github.jwtsigner.SigningAlgorithm;
import io.github.jwtsigner.internal.jws.TokenSigner;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SigningKeysTest {
    private static final String SOURCE = "jwk_local_path [WEB-INF/jwk.json]";
    private static final String KRAKEND_PAYLOAD = "{\"aud\":\"http://api.example.com\",\"exp\":1735689600,"
            + "\"iss\":\"https://krakend.io\",\"jti\":\"mnb23vcsrt756yuiomnbvcx98ertyuiop\","
            + "\"roles\":[\"role_a\",\"role_b\"],\"sub\":\"1234567890qwertyuio\"}";
    private static final String KRAKEND_TOKEN = "eyJhbGciOiJIUzI1NiIsImtpZCI6InNpbTIiLCJ0eXAiOiJKV1QifQ"
            + ".eyJhdWQiOiJodHRwOi8vYXBpLmV4YW1wbGUuY29tIiwiZXhwIjoxNzM1Njg5NjAwLCJpc3MiOiJodHRwczovL2tyYWtlbmQuaW8iLC"
            + "JqdGkiOiJtbmIyM3Zjc3J0NzU2eXVpb21uYnZjeDk4ZXJ0eXVpb3AiLCJyb2xlcyI6WyJyb2xlX2EiLCJyb2xlX2IiXSwic3ViIjoiMT"
            + "IzNDU2Nzg5MHF3ZXJ0eXVpbyJ9"
            + ".-yLJg9QzQeVLEYIGYQneWfsSrQRAUf2JHgtKdvlL1nY";

    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private final Logger logger = Logger.getLogger("io.github.jwtsigner");

    @BeforeEach
    void captureLog() {
        logger.addHandler(handler);
        logger.setUseParentHandlers(false);
    }

    @AfterEach
    void releaseLog() {
        logger.removeHandler(handler);
        logger.setUseParentHandlers(true);
    }

    private static SignerConfig config(String alg, String kid, boolean full) {
        return SignerConfig.builder().alg(alg).kid(kid).keysToSign("access_token").jwkLocalPath("WEB-INF/jwk.json")
                .full(full).build();
    }

    private static InvalidConfigurationException loadFails(String alg, String kid, String json) {
        return assertThrows(InvalidConfigurationException.class,
                () -> SigningKeys.load(config(alg, kid, false), json, SOURCE));
    }

    private static SignerConfig kidless(String alg) {
        return SignerConfig.builder().alg(alg).keysToSign("access_token").jwkUrl("https://keys.example.com/jwks")
                .build();
    }

    /** The signer that loads: KrakenD's token byte for byte, compact or full, and no key in its toString. */
    @Nested
    class Signing {
        @Test
        void signsTheKrakendVectorByteForByte() {
            String json = resource(TestJwks.KRAKEND);
            TokenSigner signer = SigningKeys.load(config("HS256", "sim2", false), json, SOURCE);

            assertEquals(KRAKEND_TOKEN, signer.sign(KRAKEND_PAYLOAD.getBytes(StandardCharsets.UTF_8)));
        }

        @Test
        void signsTheKrakendVectorInFullSerialization() {
            String json = resource(TestJwks.KRAKEND);
            TokenSigner signer = SigningKeys.load(config("HS256", "sim2", true), json, SOURCE);
            String[] parts = KRAKEND_TOKEN.split("\\.");

            assertEquals("{\"payload\":\"" + parts[1] + "\",\"protected\":\"" + parts[0] + "\",\"signature\":\""
                    + parts[2] + "\"}", signer.sign(KRAKEND_PAYLOAD.getBytes(StandardCharsets.UTF_8)));
        }

        @Test
        void usesTheConfiguredTypInTheHeader() {
            SignerConfig config = SignerConfig.builder().alg("HS256").kid("sim2").keysToSign("a")
                    .jwkLocalPath("WEB-INF/jwk.json").typ("at+jwt").build();

            String token = SigningKeys.load(config, resource(TestJwks.KRAKEND), SOURCE).sign("{}".getBytes());

            assertTrue(token.startsWith(TestJwks.base64url(
                    "{\"alg\":\"HS256\",\"kid\":\"sim2\",\"typ\":\"at+jwt\"}".getBytes(StandardCharsets.UTF_8)) + "."));
        }

        @Test
        void signsWithAnRsaKeyThatHasNoCrtMembers() throws Exception {
            JsonObject full = jwk(TestJwks.RFC7520_RSA, null);
            String dOnly = without(full, "p", "q", "dp", "dq", "qi").toString();
            TokenSigner signer = SigningKeys.load(config("RS256", "bilbo.baggins@hobbiton.example", false), dOnly,
                    SOURCE);
            JsonWebSignature jws = new JsonWebSignature();
            jws.setCompactSerialization(signer.sign(KRAKEND_PAYLOAD.getBytes(StandardCharsets.UTF_8)));
            jws.setKey(((PublicJsonWebKey) JsonWebKey.Factory.newJwk(full.toString())).getPublicKey());

            assertTrue(jws.verifySignature());
        }

        @Test
        void signsWithoutJacksonOnTheClasspath() {
            assertThrows(ClassNotFoundException.class,
                    () -> Class.forName("com.fasterxml.jackson.databind.ObjectMapper"));

            TokenSigner signer = SigningKeys.load(config("RS256", "2011-04-29", false),
                    resource(TestJwks.RFC7517_A2), SOURCE);

            assertEquals(3, signer.sign("{}".getBytes(StandardCharsets.UTF_8)).split("\\.").length);
        }

        @Test
        void signerToStringShowsNoKeyMaterial() {
            String json = resource(TestJwks.KRAKEND);

            String text = SigningKeys.load(config("HS256", "sim2", false), json, SOURCE).toString();

            assertEquals("JwsTokenSigner{alg=HS256, kid=sim2, typ=JWT, full=false}", text);
            assertNoKeyMaterial(text, json);
        }
    }

    /** The key with exactly the configured kid signs; a kid missing or there twice is named. */
    @Nested
    class SelectingTheKeyByKid {
        @Test
        void selectsTheKeyWithExactlyThisKid() {
            JwkSet set = JwkSet.parse(resource(TestJwks.KRAKEND), SOURCE);

            Jwk key = SigningKeys.select(set, SigningAlgorithm.HS256, "sim2", SOURCE);

            assertSame(set.keys().get(1), key);
        }

        @Test
        void matchesKidsCaseSensitively() {
            InvalidConfigurationException e = loadFails("HS256", "SIM2", resource(TestJwks.KRAKEND));

            assertTrue(e.getMessage().contains("kid [SIM2] not found"), e.getMessage());
        }

        @Test
        void namesTheMissingKidAndListsTheKidsThere() {
            String json = resource(TestJwks.KRAKEND);

            InvalidConfigurationException e = loadFails("HS256", "sim3", json);

            assertEquals(List.of("kid [sim3] not found in jwk_local_path [WEB-INF/jwk.json]; kids there: [sim1, sim2]"),
                    e.problems());
            assertNoKeyMaterial(e.getMessage(), json);
        }

        @Test
        void countsKeysWithoutAKidWhenTheKidIsMissing() {
            String json = set(without(jwk(TestJwks.KRAKEND, "sim1"), "kid"), jwk(TestJwks.KRAKEND, "sim2"));

            InvalidConfigurationException e = loadFails("HS256", "sim3", json);

            assertEquals(List.of("kid [sim3] not found in " + SOURCE + "; kids there: [sim2] (and [1] key without a kid)"),
                    e.problems());
        }

        @Test
        void saysAnEmptySetHoldsNoKeys() {
            InvalidConfigurationException e = loadFails("HS256", "sim2", "{\"keys\":[]}");

            assertEquals(List.of("kid [sim2] not found in " + SOURCE + "; the JWK Set holds no keys"), e.problems());
        }

        @Test
        void rejectsAKidThatAppearsTwice() {
            String json = set(jwk(TestJwks.KRAKEND, "sim2"), jwk(TestJwks.KRAKEND, "sim2"));

            InvalidConfigurationException e = loadFails("HS256", "sim2", json);

            assertEquals(List.of("kid [sim2] appears [2] times in " + SOURCE + "; expected exactly one key with that kid"),
                    e.problems());
        }

        @Test
        void rejectsMalformedJwkJsonWithoutQuotingIt() {
            String json = resource(TestJwks.KRAKEND).replace("\"kid\": \"sim2\"", "\"kid\": 'sim2'");

            InvalidConfigurationException e = loadFails("HS256", "sim2", json);

            assertEquals(List.of(SOURCE + " is not valid JSON at line 12 column 12; expected a strict RFC 8259 JWK Set"
                    + " or JWK"), e.problems());
            assertNoKeyMaterial(e.getMessage(), resource(TestJwks.KRAKEND));
        }

        @Test
        void signsWithAKeyBesideOnesItCannotRead() {
            JsonObject unknown = new JsonObject();
            unknown.addProperty("kty", "ML-DSA");
            unknown.addProperty("kid", "pq");
            JsonObject malformed = TestJwks.octKey("broken", 32);
            malformed.addProperty("k", "not base64url!");
            String json = set(unknown, malformed, jwk(TestJwks.KRAKEND, "sim2"));

            TokenSigner signer = SigningKeys.load(config("HS256", "sim2", false), json, SOURCE);

            assertEquals(KRAKEND_TOKEN, signer.sign(KRAKEND_PAYLOAD.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** Key type, curve, size and the key's own alg must fit the configured alg. */
    @Nested
    class KeysThatDoNotFitTheAlg {
        @Test
        void rejectsAKeyTypeThatDoesNotFitTheAlg() {
            String json = resource(TestJwks.KRAKEND);

            InvalidConfigurationException e = loadFails("ES256", "sim2", json);

            assertEquals(List.of("kid [sim2] is a key of kty [oct]; alg [ES256] needs kty [EC]",
                    "kid [sim2] declares alg [HS256]; expected [ES256], the configured alg"), e.problems());
            assertNoKeyMaterial(e.getMessage(), json);
        }

        @ParameterizedTest
        @CsvSource({
            "ES384, rfc7517-a2-private.json, 1, P-256, P-384",
            "ES256, rfc7520-3.2-ec-p521-private.json, bilbo.baggins@hobbiton.example, P-521, P-256",
            "ES512, generated-signing-keys.json, gen-p384, P-384, P-521",
        })
        void rejectsACurveThatDoesNotFitTheAlg(String alg, String resourceName, String kid, String crv, String needed) {
            String json = set(jwk(resourceName, kid));

            InvalidConfigurationException e = loadFails(alg, kid, json);

            assertEquals(List.of("kid [" + kid + "] is on curve [" + crv + "]; alg [" + alg + "] needs crv [" + needed
                    + "]"), e.problems());
            assertNoKeyMaterial(e.getMessage(), json);
        }

        @ParameterizedTest
        @CsvSource({
            "HS256, 31, 32",
            "HS384, 32, 48",
            "HS384, 47, 48",
            "HS512, 48, 64",
            "HS512, 63, 64",
        })
        void rejectsAnHmacKeyShorterThanTheHashOutput(String alg, int length, int needed) {
            String json = set(TestJwks.octKey("short", length));

            InvalidConfigurationException e = loadFails(alg, "short", json);

            assertEquals(List.of("kid [short] is an HMAC key of [" + length + "] bytes; alg [" + alg
                    + "] needs at least [" + needed + "] bytes (RFC 7518 §3.2)"), e.problems());
            assertNoKeyMaterial(e.getMessage(), json);
        }

        @ParameterizedTest
        @CsvSource({"HS256, 32", "HS384, 48", "HS512, 64"})
        void acceptsAnHmacKeyExactlyAsLongAsTheHashOutput(String alg, int length) {
            String json = set(TestJwks.octKey("exact", length));

            TokenSigner signer = SigningKeys.load(config(alg, "exact", false), json, SOURCE);

            assertEquals(SigningAlgorithm.valueOf(alg), signer.alg());
        }

        @Test
        void rejectsTheKrakendKeyWrapKeyForSigning() {
            String json = resource(TestJwks.KRAKEND);

            InvalidConfigurationException e = loadFails("HS256", "sim1", json);

            assertEquals(List.of("kid [sim1] is an HMAC key of [16] bytes; alg [HS256] needs at least [32] bytes"
                    + " (RFC 7518 §3.2)", "kid [sim1] declares alg [A128KW]; expected [HS256], the configured alg"),
                    e.problems());
            assertNoKeyMaterial(e.getMessage(), json);
        }

        @Test
        void rejectsAnRsaModulusShorterThan2048Bits() {
            String json = set(TestJwks.generatedRsa("rsa1024", 1024));

            InvalidConfigurationException e = loadFails("RS256", "rsa1024", json);

            assertEquals(List.of("kid [rsa1024] has an RSA modulus of [1024] bits; alg [RS256] needs at least [2048]"
                    + " bits (RFC 7518 §3.3)"), e.problems());
            assertNoKeyMaterial(e.getMessage(), json);
        }

        @Test
        void rejectsAJwkWhoseOwnAlgDisagrees() {
            String json = resource(TestJwks.KRAKEND);

            InvalidConfigurationException e = loadFails("HS512", "sim2", json);

            assertEquals(List.of("kid [sim2] declares alg [HS256]; expected [HS512], the configured alg"), e.problems());
            assertNoKeyMaterial(e.getMessage(), json);
        }
    }

    /** A public key, an unknown kty, a malformed or mismatched member: refused without quoting the key. */
    @Nested
    class KeysThatCannotSign {
        @ParameterizedTest
        @CsvSource({
            "RS256, rfc7517-a2-private.json, 2011-04-29",
            "PS384, rfc7520-3.4-rsa-private.json, bilbo.baggins@hobbiton.example",
            "ES256, rfc7517-a2-private.json, 1",
            "ES512, rfc7520-3.2-ec-p521-private.json, bilbo.baggins@hobbiton.example",
            "EdDSA, rfc8037-a1-ed25519.json, rfc8037-a1",
        })
        void rejectsAPublicKey(String alg, String resourceName, String kid) {
            String privateJson = set(jwk(resourceName, kid));
            String json = set(without(jwk(resourceName, kid), "d", "p", "q", "dp", "dq", "qi"));

            InvalidConfigurationException e = loadFails(alg, kid, json);

            assertEquals(List.of("kid [" + kid + "] is a public key; signing needs the private member [d]"),
                    e.problems());
            assertNoKeyMaterial(e.getMessage(), privateJson);
        }

        @Test
        void rejectsTheSelectedKeyOfAnUnknownType() {
            JsonObject unknown = new JsonObject();
            unknown.addProperty("kty", "ML-DSA");
            unknown.addProperty("kid", "pq");
            unknown.addProperty("d", "c2VjcmV0LXNlZWQtdGhhdC1tdXN0LW5vdC1sZWFr");
            String json = set(unknown, jwk(TestJwks.KRAKEND, "sim2"));

            InvalidConfigurationException e = loadFails("HS256", "pq", json);

            assertEquals(List.of("kid [pq] in " + SOURCE + " cannot be used: kty [ML-DSA] is not supported; expected one"
                    + " of [oct, RSA, EC, OKP]"), e.problems());
            assertNoKeyMaterial(e.getMessage(), json);
        }

        @Test
        void rejectsTheSelectedKeyWithAMalformedMemberWithoutQuotingIt() {
            JsonObject malformed = jwk(TestJwks.RFC7517_A2, "1").deepCopy();
            malformed.addProperty("d", "870MB6gfuTJ4HtUnUvYMyJpr5eUZNP4Bk43bVdj3e+AE");
            String json = set(malformed);

            InvalidConfigurationException e = loadFails("ES256", "1", json);

            assertEquals(List.of("kid [1] in " + SOURCE + " cannot be used: member [d] is not base64url; expected"
                    + " base64url without padding (RFC 7515 §2)"), e.problems());
            assertNoKeyMaterial(e.getMessage(), json);
        }

        @Test
        void rejectsAPrivateMemberThatDoesNotMatchThePublicOnes() {
            JsonObject mismatched = jwk(TestJwks.RFC7517_A2, "1").deepCopy();
            // The P-256 private key of RFC 7515 Appendix A.3, paired with another key's public point.
            mismatched.addProperty("d", "jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI");
            String json = set(mismatched);

            InvalidConfigurationException e = loadFails("ES256", "1", json);

            assertEquals(List.of("kid [1] in " + SOURCE + " cannot be used: its private member [d] does not belong to its"
                    + " public members; expected a matching key pair"), e.problems());
            assertNoKeyMaterial(e.getMessage(), json);
        }

        @Test
        void rejectsRsaCrtMembersThatDoNotMatchTheModulus() {
            JsonObject mismatched = jwk(TestJwks.RFC7520_RSA, null).deepCopy();
            JsonObject other = jwk(TestJwks.RFC7517_A2, "2011-04-29");
            for (String member : List.of("p", "q", "dp", "dq", "qi")) {
                mismatched.add(member, other.get(member));
            }
            String json = set(mismatched);

            InvalidConfigurationException e = loadFails("RS256", "bilbo.baggins@hobbiton.example", json);

            // The JDK notices the inconsistent CRT values while signing.
            assertEquals(List.of("kid [bilbo.baggins@hobbiton.example] in " + SOURCE + " cannot be used: it cannot sign"
                    + " (SignatureException); expected private members that belong to its public members"), e.problems());
            assertNoKeyMaterial(e.getMessage(), json);
        }

        @Test
        void reportsEveryProblemOfTheSelectedKeyAtOnce() {
            JsonObject key = without(TestJwks.generatedRsa("weak", 1024), "d", "p", "q", "dp", "dq", "qi");
            key.addProperty("alg", "RS512");

            InvalidConfigurationException e = loadFails("RS256", "weak", set(key));

            assertEquals(List.of(
                    "kid [weak] has an RSA modulus of [1024] bits; alg [RS256] needs at least [2048] bits (RFC 7518 §3.3)",
                    "kid [weak] is a public key; signing needs the private member [d]",
                    "kid [weak] declares alg [RS512]; expected [RS256], the configured alg"), e.problems());
        }
    }

    /** A key whose use is not sig signs all the same, as in KrakenD, with a warning. */
    @Nested
    class KeyUse {
        @Test
        void signsWithAKeyWhoseUseIsNotSigButWarns() {
            String json = resource(TestJwks.RFC7517_A2);

            SigningKeys.load(config("ES256", "1", false), json, SOURCE);

            assertEquals(1, logged.size());
            LogRecord record = logged.get(0);
            assertEquals(Level.WARNING, record.getLevel());
            assertEquals("kid [1] in " + SOURCE + " declares use [enc]; it signs all the same, as KrakenD does, but a"
                    + " signing key should declare use [sig]", record.getMessage());
            assertNoKeyMaterial(record.getMessage(), json);
        }

        @Test
        void doesNotWarnAboutASigningKey() {
            SigningKeys.load(config("HS256", "018c0ae5-4d9b-471b-bfd6-eef314bc7037", false),
                    resource(TestJwks.RFC7520_HMAC), SOURCE);
            SigningKeys.load(config("HS256", "sim2", false), resource(TestJwks.KRAKEND), SOURCE);

            assertEquals(List.of(), logged);
        }
    }

    /** The first key that fits signs, under its own kid. */
    @Nested
    class WhenKidIsLeftOut {
        @Test
        void withoutKidSignsWithTheFirstKeyThatFitsUnderItsOwnKid() {
            // sim1 declares alg A128KW, so sim2 is the first key that fits HS256: KrakenD's token, byte for byte.
            TokenSigner signer = SigningKeys.load(kidless("HS256"), resource(TestJwks.KRAKEND), SOURCE);

            assertEquals("sim2", signer.kid());
            assertEquals(KRAKEND_TOKEN, signer.sign(KRAKEND_PAYLOAD.getBytes(StandardCharsets.UTF_8)));
        }

        @Test
        void withoutKidTakesTheKeysInSetOrder() {
            String json = set(TestJwks.octKey("second-in-line", 32), TestJwks.octKey("third", 64));

            assertEquals("second-in-line", SigningKeys.load(kidless("HS256"), json, SOURCE).kid());
            assertEquals("third", SigningKeys.load(kidless("HS512"), json, SOURCE).kid());
        }

        @Test
        void withoutKidNamesWhyEachKeyWasSkipped() {
            JsonObject noKid = TestJwks.octKey("x", 32);
            noKid.remove("kid");
            JsonObject unknown = new JsonObject();
            unknown.addProperty("kty", "XYZ");
            unknown.addProperty("kid", "odd");
            String json = set(noKid, TestJwks.octKey("short", 16), jwk(TestJwks.GENERATED, "gen-p384"), unknown,
                    jwk(TestJwks.KRAKEND, "sim1"));

            InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                    () -> SigningKeys.load(kidless("HS256"), json, SOURCE));

            assertEquals(List.of(
                    "no key in " + SOURCE + " can sign with alg [HS256] (kid is left out, so the first key that fits is"
                            + " used); expected a key with a kid and private members that fits [HS256]. Skipped:",
                    "key [0] has no kid, which the token header needs",
                    "key [1] with kid [short] is an HMAC key of [16] bytes; alg [HS256] needs at least [32] bytes (RFC 7518"
                            + " §3.2)",
                    "key [2] with kid [gen-p384] is a key of kty [EC]; alg [HS256] needs kty [oct]",
                    "key [3] with kid [odd] cannot be read: kty [XYZ] is not supported; expected one of [oct, RSA, EC, OKP]",
                    "key [4] with kid [sim1] is an HMAC key of [16] bytes; alg [HS256] needs at least [32] bytes (RFC 7518"
                            + " §3.2)",
                    "key [4] with kid [sim1] declares alg [A128KW]; expected [HS256], the configured alg"), e.problems());
            assertNoKeyMaterial(e.getMessage(), json);
        }

        @Test
        void withoutKidSaysAnEmptySetHoldsNoKeys() {
            InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                    () -> SigningKeys.load(kidless("HS256"), "{\"keys\":[]}", SOURCE));

            assertEquals(List.of("no key in " + SOURCE + " can sign with alg [HS256] (kid is left out, so the first key"
                    + " that fits is used); the JWK Set holds no keys"), e.problems());
        }

        @Test
        void withoutKidSkipsAKeyWhosePrivateMemberDoesNotMatch() throws Exception {
            JsonObject good = jwk(TestJwks.GENERATED, "gen-p384");
            JsonObject mismatched = good.deepCopy();
            mismatched.addProperty("kid", "mismatched");
            mismatched.addProperty("d", TestJwks.base64url(new byte[48]).replace('A', 'B'));

            TokenSigner signer = SigningKeys.load(kidless("ES384"), set(mismatched, good), SOURCE);

            assertEquals("gen-p384", signer.kid());
        }
    }

    /** Keys from outside a JWK Set (PEM files and keystores), checked as a JWK is. */
    @Nested
    class JavaKeys {
        @Test
        void loadsAJavaKeyUnderTheConfiguredKid() throws Exception {
            java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("Ed25519");
            java.security.KeyPair pair = g.generateKeyPair();
            SignerConfig config = SignerConfig.builder().alg("EdDSA").kid("ed-pem").keysToSign("a").pemLocalPath("k.pem")
                    .build();

            TokenSigner signer = SigningKeys.load(config, pair.getPrivate(), pair.getPublic(), "pem_local_path [k.pem]");

            String token = signer.sign("{}".getBytes(StandardCharsets.UTF_8));
            JsonWebSignature jws = new JsonWebSignature();
            jws.setCompactSerialization(token);
            jws.setKey(pair.getPublic());
            assertTrue(jws.verifySignature());
            assertEquals("ed-pem", jws.getKeyIdHeaderValue());
        }

        @Test
        void checksAJavaKeyAsAJwkAndProvesThePair() throws Exception {
            java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            SignerConfig config = SignerConfig.builder().alg("RS256").kid("r").keysToSign("a").pemLocalPath("k.pem")
                    .build();

            InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                    () -> SigningKeys.load(config, g.generateKeyPair().getPrivate(), g.generateKeyPair().getPublic(),
                            "keystore_path [k.p12]"));

            assertEquals(List.of("the key in keystore_path [k.p12] cannot be used: its private member [d] does not belong"
                    + " to its public members; expected a matching key pair"), e.problems());
        }

        @Test
        void refusesAJavaKeyOfAKindNoJwsUses() throws Exception {
            java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("DSA");
            g.initialize(2048);
            SignerConfig config = SignerConfig.builder().alg("RS256").kid("r").keysToSign("a").pemLocalPath("k.pem")
                    .build();

            InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                    () -> SigningKeys.load(config, g.generateKeyPair().getPrivate(), null, "pem_local_path [k.pem]"));

            assertEquals(List.of("the key in pem_local_path [k.pem] cannot be used: it is a [DSA] key; expected an RSA, EC"
                    + " or Ed25519 private key, or an HMAC secret key"), e.problems());
        }

        @Test
        void needsAKidForAJavaKey() throws Exception {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SigningKeys.load(kidless("HS256"), new javax.crypto.spec.SecretKeySpec(new byte[32], "HmacSHA256"),
                            null, "x"));
            assertEquals("kid is required for a key outside a JWK Set", e.getMessage());
        }
    }
}
