package io.github.jwtsigner.tomcat9;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The validator of the javax jar in Tomcat 9, registered in web.xml: accepts a token Nimbus signed, and the
 * signer's own; refuses a missing token, a bad signature, {@code alg: none} and an expired token with 401, the
 * API servlet never reached.
 */
class ValidatorTomcat9Test {
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
    void acceptsATokenNimbusSignedAndAnswersTheContainerCallsFromIt() throws Exception {
        HttpResponse<String> response = api(signed(tomcat.key(), claims(600)));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(Map.of("user", "ada", "principal", "ada", "authType", "Bearer"),
                JsonBodies.object(response.body()));
    }

    @Test
    void acceptsTheSignersOwnToken() throws Exception {
        HttpResponse<String> login = tomcat.login("/login/writer", "grace");
        String token = (String) JsonBodies.object(login.body()).get("access_token");

        HttpResponse<String> response = api(token);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("grace", JsonBodies.object(response.body()).get("user"));
    }

    @Test
    void refusesARequestWithoutToken() throws Exception {
        HttpResponse<String> response = tomcat.get("/api/me");

        assertEquals(401, response.statusCode());
        assertEquals("Bearer", response.headers().firstValue("WWW-Authenticate").orElse(null));
        assertRefusedBeforeTheServlet(response);
    }

    @Test
    void refusesABadSignature() throws Exception {
        assertInvalidToken(api(signed(Tomcat9.newKey(Tomcat9.KID), claims(600))));
    }

    @Test
    void refusesAlgNone() throws Exception {
        assertInvalidToken(api(new PlainJWT(claims(600)).serialize()));
    }

    @Test
    void refusesAnExpiredToken() throws Exception {
        assertInvalidToken(api(signed(tomcat.key(), claims(-3600))));
    }

    private static void assertInvalidToken(HttpResponse<String> response) throws Exception {
        assertEquals(401, response.statusCode(), response.body());
        String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
        assertTrue(challenge.startsWith("Bearer error=\"invalid_token\""), challenge);
        assertEquals("invalid_token", JsonBodies.object(response.body()).get("error"));
        assertRefusedBeforeTheServlet(response);
    }

    private static void assertRefusedBeforeTheServlet(HttpResponse<String> response) {
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null));
        assertTrue(!response.body().contains("principal"), response.body());
    }

    private static HttpResponse<String> api(String token) throws Exception {
        return tomcat.get("/api/me", "Authorization", "Bearer " + token);
    }

    private static JWTClaimsSet claims(long expiresInSeconds) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().subject("ada").issuer(LoginServlet.ISSUER).audience(LoginServlet.AUDIENCE)
                .issueTime(Date.from(now.minusSeconds(5))).expirationTime(Date.from(now.plusSeconds(expiresInSeconds)))
                .build();
    }

    private static String signed(RSAKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
