package io.github.jwtsigner.tomcat9;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.jwtsigner.JwtSignerFilter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The signer of the javax jar in Tomcat 9, registered in web.xml: signs, passes through, fails closed. */
class SignerTomcat9Test {
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
    void runsOnTomcat9WithTheJavaxJar() {
        assertEquals(System.getProperty("it.tomcat.expected"), Tomcat9.version());
        String jar = JwtSignerFilter.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        assertTrue(jar.endsWith("-javax.jar"), jar);
        assertTrue(javax.servlet.Filter.class.isAssignableFrom(JwtSignerFilter.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"writer", "stream"})
    void signsTheAccessTokenWrittenThrough(String how) throws Exception {
        HttpResponse<String> response = tomcat.login("/login/" + how, "ada");

        assertEquals(200, response.statusCode(), response.body());
        Map<String, Object> body = JsonBodies.object(response.body());
        assertEquals("Bearer", body.get("token_type"));
        JWTClaimsSet claims = verified((String) body.get("access_token"));
        assertEquals("ada", claims.getSubject());
        assertEquals(List.of(LoginServlet.AUDIENCE), claims.getAudience());
        int bytes = response.body().getBytes(StandardCharsets.UTF_8).length;
        response.headers().firstValue("Content-Length")
                .ifPresent(length -> assertEquals(bytes, Integer.parseInt(length), "Content-Length"));
    }

    @Test
    void passesAFailedLoginThroughUntouched() throws Exception {
        HttpResponse<String> response = tomcat.login("/login/denied", "ada");

        assertEquals(401, response.statusCode());
        assertEquals("{\"error\": \"invalid_credentials\"}", response.body());
        assertEquals("Form", response.headers().firstValue("WWW-Authenticate").orElse(null));
    }

    @Test
    void failsClosedOnMalformedJson() throws Exception {
        HttpResponse<String> response = tomcat.login("/login/broken", "ada");

        assertEquals(500, response.statusCode());
        assertEquals("{\"error\":\"token signing failed\"}", response.body());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null));
        assertFalse(response.body().contains("ada"));
    }

    @Test
    void signsConcurrentLoginsEachForItsOwnUser() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> logins = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String user = "user-" + i;
                String how = i % 2 == 0 ? "writer" : "stream";
                logins.add(() -> {
                    HttpResponse<String> response = tomcat.login("/login/" + how, user);
                    assertEquals(200, response.statusCode(), response.body());
                    return verified((String) JsonBodies.object(response.body()).get("access_token")).getSubject();
                });
            }
            List<Future<String>> subjects = pool.invokeAll(logins);
            for (int i = 0; i < subjects.size(); i++) {
                assertEquals("user-" + i, subjects.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static JWTClaimsSet verified(String token) throws Exception {
        SignedJWT jwt = SignedJWT.parse(token);
        assertEquals(JWSAlgorithm.RS256, jwt.getHeader().getAlgorithm());
        assertEquals(Tomcat9.KID, jwt.getHeader().getKeyID());
        assertTrue(jwt.verify(new RSASSAVerifier(tomcat.key().toRSAPublicKey())), "signature of " + token);
        return jwt.getJWTClaimsSet();
    }
}
