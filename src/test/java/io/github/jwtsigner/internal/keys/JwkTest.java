package io.github.jwtsigner.internal.keys;

import static io.github.jwtsigner.internal.keys.TestJwks.assertNoKeyMaterial;
import static io.github.jwtsigner.internal.keys.TestJwks.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JwkTest {
    @ParameterizedTest
    @ValueSource(strings = {TestJwks.KRAKEND, TestJwks.RFC7517_A2, TestJwks.RFC7520_EC_P521, TestJwks.RFC7520_RSA,
        TestJwks.RFC7520_HMAC, TestJwks.RFC8037_ED25519, TestJwks.GENERATED})
    void toStringShowsNoKeyMaterial(String resourceName) {
        String json = resource(resourceName);

        for (Jwk key : JwkSet.parse(json, "test").keys()) {
            String text = key.toString();
            assertTrue(text.startsWith("Jwk{kid="), text);
            assertNoKeyMaterial(text, json);
        }
    }

    @Test
    void toStringShowsKidKtyAndAlgOnly() {
        List<Jwk> keys = JwkSet.parse(resource(TestJwks.KRAKEND), "test").keys();

        assertEquals("Jwk{kid=sim1, kty=oct, alg=A128KW}", keys.get(0).toString());
        assertEquals("Jwk{kid=sim2, kty=oct, alg=HS256}", keys.get(1).toString());
    }

    @Test
    void keepsItsOwnCopyOfTheSecret() {
        byte[] secret = {1, 2, 3};
        Jwk key = Jwk.symmetric(new JwkMetadata("oct", "a", null, null, null), secret);

        secret[0] = 9;

        assertEquals(1, key.secret()[0]);
    }

    @Test
    void canSignOnlyWithSecretOrPrivateKey() {
        Jwk publicOnly = Jwk.asymmetric(new JwkMetadata("EC", "a", null, null, "P-256"), null, null, 256);

        assertFalse(publicOnly.canSign());
    }
}
