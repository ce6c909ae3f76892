package io.github.jwtsigner.internal.keys;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.github.jwtsigner.InvalidConfigurationException;
import io.github.jwtsigner.testing.TestKeys;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PublicJwksTest {
    private static final Set<String> PUBLIC = Set.of("kty", "kid", "use", "alg", "n", "e", "crv", "x", "y");

    private static List<JsonObject> keys(PublicJwks jwks) {
        JsonObject set = JsonParser.parseString(new String(jwks.json(), StandardCharsets.UTF_8)).getAsJsonObject();
        assertEquals(Set.of("keys"), set.keySet());
        List<JsonObject> keys = set.getAsJsonArray("keys").asList().stream().map(e -> e.getAsJsonObject()).toList();
        for (JsonObject k : keys) {
            assertTrue(PUBLIC.containsAll(k.keySet()), k.toString());
        }
        return keys;
    }

    @Test
    void aPrivateSetPublishesOnlyPublicMembersAndNoSymmetricKey() throws Exception {
        var rsa = TestKeys.rsa("r");
        var ec = TestKeys.ec(Curve.P_384, "e");
        String set = TestKeys.set(TestKeys.hmac(256, "h"), rsa, ec);
        PublicJwks all = PublicJwks.fromJwkSet(set, null, "jwk_local_path [k.json]");
        assertEquals(List.of("r", "e"), all.kids());
        assertEquals(1, all.symmetricLeftOut());
        keys(all);
        JWKSet parsed = JWKSet.parse(new String(all.json(), StandardCharsets.UTF_8));
        assertEquals(rsa.toPublicJWK().toRSAKey().toRSAPublicKey(), parsed.getKeyByKeyId("r").toRSAKey().toRSAPublicKey());
        assertEquals(ec.toECKey().toECPublicKey(), parsed.getKeyByKeyId("e").toECKey().toECPublicKey());
        assertEquals(List.of("e"), PublicJwks.fromJwkSet(set, "e", "src").kids());
        InvalidConfigurationException missing = assertThrows(InvalidConfigurationException.class,
                () -> PublicJwks.fromJwkSet(set, "nope", "src"));
        assertEquals("kid [nope] not found in src; kids there: [h, r, e]", missing.problems().get(0));
        PublicJwks oct = PublicJwks.fromJwkSet(TestKeys.set(TestKeys.hmac(256, "h")), null, "src");
        assertEquals("{\"keys\":[]}", new String(oct.json(), StandardCharsets.UTF_8));
    }

    @Test
    void aKeyOfAKindThatCannotBeReadIsLeftOutUnlessTheKidSelectsIt() throws Exception {
        String ec = TestKeys.set(TestKeys.ec(Curve.P_256, "e"));
        String set = ec.substring(0, ec.lastIndexOf(']')) + ",{\"kty\":\"OKP\",\"crv\":\"X25519\",\"kid\":\"x\","
                + "\"x\":\"hSDwCYkwp1R0i33ctD73Wg2_Og0mOBr066SpjqqbTmo\"},{\"kty\":\"XYZ\",\"kid\":\"z\"}]}";
        PublicJwks all = PublicJwks.fromJwkSet(set, null, "src");
        assertEquals(List.of("e"), all.kids());
        assertEquals(0, all.symmetricLeftOut());
        keys(all);
        InvalidConfigurationException selected = assertThrows(InvalidConfigurationException.class,
                () -> PublicJwks.fromJwkSet(set, "x", "src"));
        assertEquals("key [1] with kid [x] in src cannot be read: crv [X25519] is not supported for kty [OKP];"
                + " expected [Ed25519]", selected.problems().get(0));
    }

    @Test
    void pemKeysPublishTheirPublicHalfUnderTheKid() throws Exception {
        for (String[] f : new String[][] {{"rsa-pkcs8.pem", "rsa-public.pem", "RSA"}, {"rsa-pkcs1.pem", "rsa-public.pem", "RSA"},
                {"ec-pkcs8.pem", "ec-public.pem", "EC"}, {"ec-sec1.pem", "ec-public.pem", "EC"},
                {"ed25519-pkcs8.pem", "ed25519-public.pem", "Ed25519"}}) {
            PemKeyReader.PemKey key = PemKeyReader.read(KeyFixtures.bytes(f[0]), f[0]);
            PublicJwks jwks = PublicJwks.fromKey(key.privateKey(), key.publicKey(), "k1", f[0]);
            JsonObject jwk = keys(jwks).get(0);
            assertEquals("k1", jwk.get("kid").getAsString());
            assertEquals("sig", jwk.get("use").getAsString());
            PublicKey expected = KeyFixtures.publicKey(f[1], f[2]);
            PublicKey published = JWK.parse(jwk.toString()).getClass() == com.nimbusds.jose.jwk.OctetKeyPair.class
                    ? null : f[2].equals("RSA") ? JWK.parse(jwk.toString()).toRSAKey().toPublicKey()
                    : JWK.parse(jwk.toString()).toECKey().toPublicKey();
            if (published != null) {
                assertEquals(expected, published, f[0]);
            } else {
                byte[] spki = expected.getEncoded();
                assertEquals(java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                        java.util.Arrays.copyOfRange(spki, spki.length - 32, spki.length)), jwk.get("x").getAsString());
                assertEquals("OKP", jwk.get("kty").getAsString());
            }
        }
    }
}
