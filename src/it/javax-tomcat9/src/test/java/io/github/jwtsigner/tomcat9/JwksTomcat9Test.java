package io.github.jwtsigner.tomcat9;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JWKS servlet of the javax jar in Tomcat 9, publishing the signer's public key from web.xml. */
class JwksTomcat9Test {
    @TempDir
    static Path temp;

    private static Tomcat9 tomcat;

    @BeforeAll
    static void start() throws Exception {
        tomcat = Tomcat9.start(temp);
    }

    @AfterAll
    static void stop() throws Exception {
        tomcat.close();
    }

    @Test
    void publishesTheSignersPublicKeyOnly() throws Exception {
        HttpResponse<String> response = tomcat.get("/.well-known/jwks.json");

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/jwk-set+json"));
        List<JWK> keys = JWKSet.parse(response.body()).getKeys();
        assertEquals(1, keys.size(), response.body());
        assertEquals(Tomcat9.KID, keys.get(0).getKeyID());
        assertFalse(keys.get(0).isPrivate(), response.body());
        assertEquals(tomcat.key().toPublicJWK().toRSAKey().getModulus(), keys.get(0).toRSAKey().getModulus());
    }

    @Test
    void answers304ToAMatchingIfNoneMatch() throws Exception {
        String etag = tomcat.get("/.well-known/jwks.json").headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = tomcat.get("/.well-known/jwks.json", "If-None-Match", etag);

        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
        assertEquals(etag, again.headers().firstValue("ETag").orElse(null));
    }
}
