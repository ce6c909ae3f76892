package io.github.jwtsigner.internal.keys;

import static io.github.jwtsigner.internal.keys.TestJwks.assertNoKeyMaterial;
import static io.github.jwtsigner.internal.keys.TestJwks.jwk;
import static io.github.jwtsigner.internal.keys.TestJwks.resource;
import static io.github.jwtsigner.internal.keys.TestJwks.set;
import static io.github.jwtsigner.internal.keys.TestJwks.without;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;

import io.github.jwtsigner.InvalidConfigurationException;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JwkSetTest {
    private static final String SOURCE = "jwk_local_path [WEB-INF/jwk.json]";
    private static final String EXPECTED_DOCUMENT = "expected a JWK Set {\"keys\": [...]} or a single JWK";

    @Test
    void parsesKrakendSampleSetIncludingItsKeyWrapKey() {
        JwkSet set = JwkSet.parse(resource(TestJwks.KRAKEND), SOURCE);

        assertEquals(List.of("sim1", "sim2"), set.kids());
        assertEquals(2, set.keys().size());
        Jwk sim2 = set.keys().get(1);
        assertEquals("oct", sim2.kty());
        assertEquals(Optional.of("HS256"), sim2.alg());
        assertEquals(512, sim2.sizeBits());
    }

    @Test
    void parsesASingleJwkAsASetOfOne() {
        JwkSet set = JwkSet.parse(resource(TestJwks.RFC7520_HMAC), SOURCE);

        assertEquals(List.of("018c0ae5-4d9b-471b-bfd6-eef314bc7037"), set.kids());
        assertEquals(256, set.keys().get(0).sizeBits());
    }

    @Test
    void keepsKidKtyAlgUseAndCrv() {
        JwkSet set = JwkSet.parse(resource(TestJwks.RFC7517_A2), SOURCE);
        Jwk ec = set.keys().get(0);
        Jwk rsa = set.keys().get(1);

        assertAll(
                () -> assertEquals(Optional.of("1"), ec.kid()),
                () -> assertEquals("EC", ec.kty()),
                () -> assertEquals(Optional.empty(), ec.alg()),
                () -> assertEquals(Optional.of("enc"), ec.use()),
                () -> assertEquals(Optional.of("P-256"), ec.crv()),
                () -> assertEquals(Optional.of("2011-04-29"), rsa.kid()),
                () -> assertEquals(Optional.of("RS256"), rsa.alg()),
                () -> assertEquals(Optional.empty(), rsa.use()),
                () -> assertEquals(Optional.empty(), rsa.crv()));
    }

    @ParameterizedTest
    @CsvSource({
        "rfc7517-a2-private.json, 1, EC, 256",
        "rfc7517-a2-private.json, 2011-04-29, RSA, 2048",
        "rfc7520-3.2-ec-p521-private.json, bilbo.baggins@hobbiton.example, EC, 521",
        "rfc7520-3.4-rsa-private.json, bilbo.baggins@hobbiton.example, RSA, 2048",
        "rfc7520-3.5-hmac.json, 018c0ae5-4d9b-471b-bfd6-eef314bc7037, oct, 256",
        "rfc8037-a1-ed25519.json, rfc8037-a1, OKP, 256",
        "generated-signing-keys.json, gen-p384, EC, 384",
        "generated-signing-keys.json, gen-rsa4096, RSA, 4096",
        "generated-signing-keys.json, gen-hs384, oct, 384",
        "generated-signing-keys.json, gen-hs512, oct, 512",
    })
    void readsEveryFixtureKeyAsAPrivateKey(String resourceName, String kid, String kty, int bits) {
        Jwk key = JwkSet.parse(set(jwk(resourceName, kid)), SOURCE).keys().get(0);

        assertEquals(kty, key.kty());
        assertEquals(bits, key.sizeBits());
        assertTrue(key.canSign());
    }

    @Test
    void readsAnRsaPrivateKeyWithoutCrtMembers() {
        JsonObject dOnly = without(jwk(TestJwks.RFC7520_RSA, null), "p", "q", "dp", "dq", "qi");

        Jwk key = JwkSet.parse(dOnly.toString(), SOURCE).keys().get(0);

        assertTrue(key.canSign());
    }

    @Test
    void readsAPublicKeyAsOneThatCannotSign() {
        JsonObject publicOnly = without(jwk(TestJwks.RFC7520_EC_P521, null), "d");

        Jwk key = JwkSet.parse(publicOnly.toString(), SOURCE).keys().get(0);

        assertEquals(false, key.canSign());
    }

    @Test
    void recordsAnUnknownKeyTypeWithoutFailingTheSet() {
        JsonObject unknown = new JsonObject();
        unknown.addProperty("kty", "ML-DSA");
        unknown.addProperty("kid", "pq");
        String json = set(unknown, jwk(TestJwks.KRAKEND, "sim2"));

        JwkSet set = JwkSet.parse(json, SOURCE);

        assertEquals(List.of("pq", "sim2"), set.kids());
        assertEquals(1, set.keys().size());
        JwkSet.Entry entry = set.entries().get(0);
        assertNull(entry.key());
        assertEquals("kty [ML-DSA] is not supported; expected one of [oct, RSA, EC, OKP]", entry.problem());
    }

    @Test
    void recordsAMalformedMemberWithoutItsValue() {
        JsonObject bad = jwk(TestJwks.KRAKEND, "sim2").deepCopy();
        bad.addProperty("k", "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ+EstJQLr/T");
        String json = set(bad, jwk(TestJwks.RFC7520_HMAC, null));

        JwkSet set = JwkSet.parse(json, SOURCE);

        String problem = set.entries().get(0).problem();
        assertEquals("member [k] is not base64url; expected base64url without padding (RFC 7515 §2)", problem);
        assertNoKeyMaterial(problem, json);
        assertEquals(1, set.keys().size());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "kty|member [kty] is missing",
        "k|member [k] is missing",
    })
    void recordsAMissingMember(String member, String expected) {
        String json = set(without(jwk(TestJwks.KRAKEND, "sim2"), member));

        assertEquals(expected, JwkSet.parse(json, SOURCE).entries().get(0).problem());
    }

    @Test
    void recordsAMemberOfTheWrongJsonType() {
        String json = "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"n\",\"k\":42}]}";

        assertEquals("member [k] is not a string", JwkSet.parse(json, SOURCE).entries().get(0).problem());
    }

    @Test
    void recordsAnEntryThatIsNotAnObject() {
        JwkSet set = JwkSet.parse("{\"keys\":[\"sim2\", 7]}", SOURCE);

        assertEquals("entry [0] is a JSON string; expected a JWK object", set.entries().get(0).problem());
        assertEquals("entry [1] is a JSON number; expected a JWK object", set.entries().get(1).problem());
        assertEquals(List.of(), set.kids());
    }

    @Test
    void rejectsAnRsaKeyWithSomeButNotAllCrtMembers() {
        String json = without(jwk(TestJwks.RFC7520_RSA, null), "dp", "dq", "qi").toString();

        String problem = JwkSet.parse(json, SOURCE).entries().get(0).problem();

        assertEquals("it has the CRT members [p, q] but not all of [p, q, dp, dq, qi]; expected all five or none"
                + " (RFC 7518 §6.3.2)", problem);
        assertNoKeyMaterial(problem, json);
    }

    @Test
    void rejectsAnEcPointThatIsNotOnTheCurve() {
        JsonObject key = jwk(TestJwks.RFC7517_A2, "1").deepCopy();
        // Same length, different last coordinate octet.
        key.addProperty("y", "4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyA");

        String problem = JwkSet.parse(set(key), SOURCE).entries().get(0).problem();

        assertEquals("the point [x, y] is not on curve [P-256]", problem);
    }

    @Test
    void rejectsAnEcCoordinateThatIsNotFullLength() {
        JsonObject key = jwk(TestJwks.RFC7517_A2, "1").deepCopy();
        key.addProperty("x", "MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7A");

        String problem = JwkSet.parse(set(key), SOURCE).entries().get(0).problem();

        assertEquals("member [x] has [31] octets; expected [32] for crv [P-256] (RFC 7518 §6.2)", problem);
    }

    @Test
    void rejectsAnEcPrivateScalarOutsideTheGroupOrder() {
        JsonObject key = jwk(TestJwks.RFC7517_A2, "1").deepCopy();
        key.addProperty("d", TestJwks.base64url(new byte[32]));

        String problem = JwkSet.parse(set(key), SOURCE).entries().get(0).problem();

        assertEquals("member [d] is out of range for curve [P-256]; expected 1 <= d < n", problem);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "EC|secp256k1|crv [secp256k1] is not supported for kty [EC]; expected one of [P-256, P-384, P-521]",
        "OKP|Ed448|crv [Ed448] is not supported for kty [OKP]; expected [Ed25519]",
        "OKP|X25519|crv [X25519] is not supported for kty [OKP]; expected [Ed25519]",
    })
    void rejectsAnUnsupportedCurve(String kty, String crv, String expected) {
        JsonObject key = jwk(kty.equals("EC") ? TestJwks.RFC7517_A2 : TestJwks.RFC8037_ED25519, "1").deepCopy();
        key.addProperty("crv", crv);

        assertEquals(expected, JwkSet.parse(set(key), SOURCE).entries().get(0).problem());
    }

    @Test
    void rejectsAnEd25519KeyOfTheWrongLength() {
        JsonObject key = jwk(TestJwks.RFC8037_ED25519, null).deepCopy();
        key.addProperty("d", TestJwks.base64url(new byte[31]));

        assertEquals("member [d] has [31] octets; expected [32] for crv [Ed25519] (RFC 8037 §2)",
                JwkSet.parse(set(key), SOURCE).entries().get(0).problem());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"sim2\",\"k\":\"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ\"},]}",
        "{'keys':[{'kty':'oct','kid':'sim2','k':'AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ'}]}",
        "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"sim2\",\"k\":\"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ\" /* c */}]}",
        "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"sim2\",\"k\":\"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ\",\"n\":NaN}]}",
        "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"sim2\",\"k\":\"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ\\u12G4\"}]}",
        "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"sim2\",\"k\":\"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ\"}]} x",
        "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"sim2\",\"k\":\"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ\"}]}{}",
        "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"sim2\",\"k\":\"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ",
        "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"sim2\",\"k\":"
                + "[[[[[[[[[[[[[[[[[[\"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ\"]]]]]]]]]]]]]]]]]]}]}",
    })
    void rejectsAnythingButStrictJsonWithoutQuotingIt(String json) {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> JwkSet.parse(json, SOURCE));

        assertTrue(e.getMessage().contains(SOURCE + " is not valid JSON at line 1 column "), e.getMessage());
        assertTrue(e.getMessage().endsWith("; expected a strict RFC 8259 JWK Set or JWK"), e.getMessage());
        assertNoKeyMaterial(e.getMessage(), "{\"k\":\"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ\"}");
        assertTrue(!e.getMessage().contains("12G4"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[]|" + SOURCE + " holds a JSON array; " + EXPECTED_DOCUMENT,
        "\"sim2\"|" + SOURCE + " holds a JSON string; " + EXPECTED_DOCUMENT,
        "{\"keys\":{}}|member [keys] of " + SOURCE + " is a JSON object; expected an array of JWKs",
        "{\"kid\":\"sim2\"}|" + SOURCE + " has neither [keys] nor [kty]; " + EXPECTED_DOCUMENT,
    })
    void rejectsADocumentThatIsNotAJwkSetOrJwk(String json, String expected) {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> JwkSet.parse(json, SOURCE));

        assertEquals(List.of(expected), e.problems());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  \n"})
    void rejectsAnEmptyDocument(String json) {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> JwkSet.parse(json, SOURCE));

        assertEquals(List.of(SOURCE + " is empty; expected a JWK Set {\"keys\": [...]} or a single JWK"),
                e.problems());
    }

    @Test
    void acceptsAnEmptySet() {
        JwkSet set = JwkSet.parse("{\"keys\":[]}", SOURCE);

        assertEquals(List.of(), set.kids());
        assertEquals(List.of(), set.keys());
    }

    @Test
    void showsKidsButNoKeyMaterialInToString() {
        String json = resource(TestJwks.RFC7517_A2);

        String text = JwkSet.parse(json, SOURCE).toString();

        assertEquals("JwkSet{kids=[1, 2011-04-29], entries=2}", text);
        assertNoKeyMaterial(text, json);
    }
}
