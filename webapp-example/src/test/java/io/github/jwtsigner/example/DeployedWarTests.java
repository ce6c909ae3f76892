package io.github.jwtsigner.example;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a client of the monolith sees over real HTTP, once the packaged WAR file is deployed in a container;
 * each subclass deploys it in one container. The tokens are checked with Nimbus against the documented
 * key file, not with anything from this project.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DeployedWarTests {
    private static final String SIGNED_HEADER = "{\"alg\":\"HS256\",\"kid\":\"sim2\",\"typ\":\"JWT\"}";
    private static final String JSON = "application/json";
    private static final String FORM = "application/x-www-form-urlencoded";

    @TempDir
    static Path workDir;

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private URI base;
    private OctetSequenceKey key;

    /** Deploys {@code war} at the root context on a free loopback port and answers the base URI. */
    abstract URI deploy(Path war, Path workDir) throws Exception;

    abstract void undeploy() throws Exception;

    @BeforeAll
    void start() throws Exception {
        Path war = Path.of(requiredProperty("example.war"));
        assertTrue(Files.isRegularFile(war), "example.war [" + war + "] is not a file; expected `mvn verify` to package it");
        key = (OctetSequenceKey) JWKSet.load(Path.of(requiredProperty("example.jwk")).toFile()).getKeyByKeyId("sim2");
        base = deploy(war, workDir);
    }

    @AfterAll
    void stop() throws Exception {
        undeploy();
    }

    @Test
    void jsonLoginAnswersTokensSignedWithThePlaygroundKey() throws Exception {
        long before = System.currentTimeMillis() / 1000;
        HttpResponse<String> response = post("/token", JSON, "{\"user\":\"john\",\"pass\":\"doe\"}");

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(JSON));
        JsonObject body = JsonParser.parseString(response.body()).getAsJsonObject();
        assertEquals(List.of("access_token", "refresh_token", "exp"), List.copyOf(body.keySet()));

        JWTClaimsSet access = verified(body.get("access_token").getAsString());
        assertEquals("1001", access.getSubject());
        assertEquals(List.of("role_a", "role_b"), access.getStringListClaim("roles"));
        assertEquals(List.of(TokenIssuer.AUDIENCE), access.getAudience());
        assertEquals(TokenIssuer.ISSUER, access.getIssuer());
        long issuedAt = access.getIssueTime().getTime() / 1000;
        assertTrue(issuedAt >= before && issuedAt <= System.currentTimeMillis() / 1000 + 1, "iat " + issuedAt);
        assertEquals(issuedAt + 900, access.getExpirationTime().getTime() / 1000);
        assertEquals(issuedAt + 900, body.get("exp").getAsLong());

        JWTClaimsSet refresh = verified(body.get("refresh_token").getAsString());
        assertEquals("1001", refresh.getSubject());
        assertEquals(null, refresh.getClaim("roles"));
        assertEquals(issuedAt + 86_400, refresh.getExpirationTime().getTime() / 1000);
        assertNotEquals(access.getJWTID(), refresh.getJWTID());
    }

    @Test
    void formLoginAnswersSignedTokens() throws Exception {
        HttpResponse<String> response = post("/token", FORM, "user=jane&pass=secret");

        assertEquals(200, response.statusCode(), response.body());
        JsonObject body = JsonParser.parseString(response.body()).getAsJsonObject();
        JWTClaimsSet access = verified(body.get("access_token").getAsString());
        assertEquals("1002", access.getSubject());
        assertEquals(List.of("role_a"), access.getStringListClaim("roles"));
        verified(body.get("refresh_token").getAsString());
    }

    @Test
    void signedAnswersAreNotCacheable() throws Exception {
        HttpResponse<String> response = post("/token", JSON, "{\"user\":\"john\",\"pass\":\"doe\"}");

        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    void plainMappingShowsTheClaimSetsTheFilterSigns() throws Exception {
        HttpResponse<String> response = post("/token-plain", JSON, "{\"user\":\"john\",\"pass\":\"doe\"}");

        assertEquals(200, response.statusCode(), response.body());
        JsonObject body = JsonParser.parseString(response.body()).getAsJsonObject();
        JsonObject access = body.getAsJsonObject("access_token");
        assertEquals(List.of("aud", "iss", "sub", "jti", "roles", "iat", "exp"), List.copyOf(access.keySet()));
        assertEquals(List.of("aud", "iss", "sub", "jti", "iat", "exp"),
                List.copyOf(body.getAsJsonObject("refresh_token").keySet()));
    }

    @Test
    void wrongPasswordAnswersTheServletsOwn401Untouched() throws Exception {
        HttpResponse<String> response = post("/token", JSON, "{\"user\":\"john\",\"pass\":\"wrong\"}");

        assertEquals(401, response.statusCode());
        assertEquals("{\"error\":\"invalid_credentials\"}", response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(JSON));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "malformed JSON       | application/json | {\"user\":\"john\",",
        "missing password     | application/json | {\"user\":\"john\"}",
        "lenient JSON         | application/json | {'user':'john','pass':'doe'}",
        "form without pass    | application/x-www-form-urlencoded | user=john",
        "unsupported type     | text/plain       | user=john&pass=doe"})
    void malformedLoginAnswers400(String name, String contentType, String body) throws Exception {
        HttpResponse<String> response = post("/token", contentType, body);

        assertEquals(400, response.statusCode());
        assertEquals("{\"error\":\"invalid_request\"}", response.body());
    }

    @Test
    void refreshExchangesASignedRefreshTokenForANewSignedPair() throws Exception {
        JsonObject login = login("john", "doe");
        JWTClaimsSet oldRefresh = verified(login.get("refresh_token").getAsString());

        HttpResponse<String> response = post("/refresh", JSON,
                "{\"refresh_token\":\"" + login.get("refresh_token").getAsString() + "\"}");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
        JsonObject body = JsonParser.parseString(response.body()).getAsJsonObject();
        JWTClaimsSet access = verified(body.get("access_token").getAsString());
        JWTClaimsSet refresh = verified(body.get("refresh_token").getAsString());
        assertEquals("1001", access.getSubject());
        assertEquals(List.of("role_a", "role_b"), access.getStringListClaim("roles"));
        assertEquals("1001", refresh.getSubject());
        assertNotEquals(oldRefresh.getJWTID(), refresh.getJWTID());
    }

    @Test
    void refreshAcceptsAFormToo() throws Exception {
        JsonObject login = login("jane", "secret");

        HttpResponse<String> response = post("/refresh", FORM,
                "refresh_token=" + login.get("refresh_token").getAsString());

        assertEquals(200, response.statusCode(), response.body());
        JsonObject body = JsonParser.parseString(response.body()).getAsJsonObject();
        assertEquals("1002", verified(body.get("access_token").getAsString()).getSubject());
    }

    @Test
    void refreshTokenCanBeExchangedOnlyOnce() throws Exception {
        String refreshToken = login("john", "doe").get("refresh_token").getAsString();
        String request = "{\"refresh_token\":\"" + refreshToken + "\"}";
        assertEquals(200, post("/refresh", JSON, request).statusCode());

        HttpResponse<String> again = post("/refresh", JSON, request);

        assertEquals(401, again.statusCode());
        assertEquals("{\"error\":\"invalid_refresh_token\"}", again.body());
    }

    @Test
    void refreshRefusesAnAccessToken() throws Exception {
        String accessToken = login("john", "doe").get("access_token").getAsString();

        HttpResponse<String> response = post("/refresh", JSON, "{\"refresh_token\":\"" + accessToken + "\"}");

        assertEquals(401, response.statusCode());
        assertEquals("{\"error\":\"invalid_refresh_token\"}", response.body());
    }

    @Test
    void refreshRefusesATokenWithAForgedSubject() throws Exception {
        String[] parts = login("jane", "secret").get("refresh_token").getAsString().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"1002\"", "\"1001\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        HttpResponse<String> response = post("/refresh", JSON, "{\"refresh_token\":\"" + forged + "\"}");

        assertEquals(401, response.statusCode());
    }

    @Test
    void refreshWithoutATokenAnswers400() throws Exception {
        HttpResponse<String> response = post("/refresh", JSON, "{}");

        assertEquals(400, response.statusCode());
        assertEquals("{\"error\":\"invalid_request\"}", response.body());
    }

    private JsonObject login(String user, String pass) throws Exception {
        HttpResponse<String> response = post("/token", JSON,
                "{\"user\":\"" + user + "\",\"pass\":\"" + pass + "\"}");
        assertEquals(200, response.statusCode(), response.body());
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    private JWTClaimsSet verified(String token) throws Exception {
        String header = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                StandardCharsets.UTF_8);
        assertEquals(SIGNED_HEADER, header);
        SignedJWT jwt = SignedJWT.parse(token);
        assertEquals(JWSAlgorithm.HS256, jwt.getHeader().getAlgorithm());
        assertEquals(JOSEObjectType.JWT, jwt.getHeader().getType());
        assertTrue(jwt.verify(new MACVerifier(key)), "signature does not verify with kid sim2");
        return jwt.getJWTClaimsSet();
    }

    @Test
    void aSecondServiceVerifiesTheEs256TokensWithOnlyThePublishedJwkSet() throws Exception {
        HttpResponse<String> login = post("/token-es256", JSON, "{\"user\":\"john\",\"pass\":\"doe\"}");
        assertEquals(200, login.statusCode(), login.body());
        HttpResponse<String> jwks = client.send(HttpRequest.newBuilder(base.resolve("/.well-known/jwks.json"))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, jwks.statusCode(), jwks.body());
        assertEquals("application/jwk-set+json", jwks.headers().firstValue("Content-Type").orElse(""));
        JWKSet published = JWKSet.parse(jwks.body());
        assertEquals(1, published.getKeys().size(), jwks.body());
        ECKey key = (ECKey) published.getKeyByKeyId("es1");
        assertFalse(key.isPrivate(), "only the public half is published: " + jwks.body());
        assertFalse(jwks.body().contains("\"d\""), jwks.body());
        for (String member : List.of("access_token", "refresh_token")) {
            SignedJWT jwt = SignedJWT.parse(JsonParser.parseString(login.body()).getAsJsonObject().get(member)
                    .getAsString());
            assertEquals(JWSAlgorithm.ES256, jwt.getHeader().getAlgorithm());
            assertEquals("es1", jwt.getHeader().getKeyID());
            assertTrue(jwt.verify(new ECDSAVerifier(key)), member + " does not verify with the published key");
            assertEquals("1001", jwt.getJWTClaimsSet().getSubject());
        }
    }

    private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        assertTrue(value != null && !value.isBlank(),
                "system property [" + name + "] is missing; expected it from the failsafe configuration");
        return value;
    }
}
