package io.github.jwtsigner.example;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACSigner;
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
import java.util.Date;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a client of the monolith sees over real HTTP, once the packaged WAR file is deployed in a container;
 * each subclass deploys it in one container. The tokens are checked with Nimbus against the documented
 * key file, not with anything from this project; the API and the refresh endpoint are called with them as
 * bearer tokens.
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
        assertEquals("john", access.getStringClaim("preferred_username"));
        assertEquals(List.of("role_a", "role_b"), access.getStringListClaim("roles"));
        assertEquals(List.of(TokenIssuer.AUDIENCE), access.getAudience());
        assertEquals(TokenIssuer.ISSUER, access.getIssuer());
        long issuedAt = access.getIssueTime().getTime() / 1000;
        assertTrue(issuedAt >= before && issuedAt <= System.currentTimeMillis() / 1000 + 1, "iat " + issuedAt);
        assertEquals(issuedAt + 900, access.getExpirationTime().getTime() / 1000);
        assertEquals(issuedAt + 900, body.get("exp").getAsLong());

        JWTClaimsSet refresh = verified(body.get("refresh_token").getAsString());
        assertEquals("1001", refresh.getSubject());
        assertEquals(List.of(TokenIssuer.REFRESH_AUDIENCE), refresh.getAudience());
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
        assertEquals(List.of("aud", "iss", "sub", "preferred_username", "jti", "roles", "iat", "exp"),
                List.copyOf(access.keySet()));
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

        HttpResponse<String> response = postWithToken("/refresh", login.get("refresh_token").getAsString());

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
        JsonObject body = JsonParser.parseString(response.body()).getAsJsonObject();
        JWTClaimsSet access = verified(body.get("access_token").getAsString());
        JWTClaimsSet refresh = verified(body.get("refresh_token").getAsString());
        assertEquals("1001", access.getSubject());
        assertEquals(List.of("role_a", "role_b"), access.getStringListClaim("roles"));
        assertEquals("1001", refresh.getSubject());
        assertNotEquals(oldRefresh.getJWTID(), refresh.getJWTID());
        assertEquals("{\"user\":\"john\",\"admin\":false}",
                get("/api/me", body.get("access_token").getAsString()).body());
    }

    @Test
    void refreshTokenCanBeExchangedOnlyOnce() throws Exception {
        String refreshToken = login("john", "doe").get("refresh_token").getAsString();
        assertEquals(200, postWithToken("/refresh", refreshToken).statusCode());

        HttpResponse<String> again = postWithToken("/refresh", refreshToken);

        assertEquals(401, again.statusCode());
        assertEquals("{\"error\":\"invalid_refresh_token\"}", again.body());
    }

    @Test
    void refreshWithoutATokenAnswersTheValidatorsChallenge() throws Exception {
        HttpResponse<String> response = post("/refresh", JSON, "{}");

        assertRefusedByValidator(response, 401, "missing_token");
        assertEquals("Bearer", response.headers().firstValue("WWW-Authenticate").orElse(""));
    }

    @Test
    void refreshRefusesAnAccessTokenByItsAudience() throws Exception {
        String accessToken = login("john", "doe").get("access_token").getAsString();

        HttpResponse<String> response = postWithToken("/refresh", accessToken);

        assertRefusedByValidator(response, 401, "invalid_token");
        assertTrue(response.body().contains("audience"), response.body());
    }

    @Test
    void refreshRefusesATamperedTokenBeforeTheServletSeesIt() throws Exception {
        String refreshToken = login("jane", "secret").get("refresh_token").getAsString();

        HttpResponse<String> response = postWithToken("/refresh", tampered(refreshToken, "\"1002\"", "\"1001\""));

        assertRefusedByValidator(response, 401, "invalid_token");
        assertTrue(response.body().contains("signature"), response.body());
        // The servlet never ran, so the genuine token was not used up.
        assertEquals(200, postWithToken("/refresh", refreshToken).statusCode());
    }

    @Test
    void refreshRefusesAnExpiredTokenBeforeTheServletSeesIt() throws Exception {
        String refreshToken = login("jane", "secret").get("refresh_token").getAsString();

        HttpResponse<String> response = postWithToken("/refresh", expiredCopy(refreshToken));

        assertRefusedByValidator(response, 401, "invalid_token");
        assertTrue(response.body().contains("expired"), response.body());
        assertEquals(200, postWithToken("/refresh", refreshToken).statusCode());
    }

    @Test
    void apiAnswersTheUserOfTheAccessToken() throws Exception {
        String accessToken = login("john", "doe").get("access_token").getAsString();

        HttpResponse<String> response = get("/api/me", accessToken);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("{\"user\":\"john\",\"admin\":false}", response.body());
    }

    @Test
    void apiWithoutATokenAnswers401WithABearerChallenge() throws Exception {
        HttpResponse<String> response = get("/api/me", null);

        assertRefusedByValidator(response, 401, "missing_token");
        assertEquals("Bearer", response.headers().firstValue("WWW-Authenticate").orElse(""));
    }

    @Test
    void apiRefusesATamperedToken() throws Exception {
        String accessToken = login("jane", "secret").get("access_token").getAsString();

        HttpResponse<String> response = get("/api/me", tampered(accessToken, "\"jane\"", "\"ada\""));

        assertRefusedByValidator(response, 401, "invalid_token");
        assertTrue(response.body().contains("signature"), response.body());
    }

    @Test
    void apiRefusesAnExpiredToken() throws Exception {
        String accessToken = login("john", "doe").get("access_token").getAsString();

        HttpResponse<String> response = get("/api/me", expiredCopy(accessToken));

        assertRefusedByValidator(response, 401, "invalid_token");
        assertTrue(response.body().contains("expired"), response.body());
    }

    @Test
    void apiRefusesARefreshTokenByItsAudience() throws Exception {
        String refreshToken = login("john", "doe").get("refresh_token").getAsString();

        HttpResponse<String> response = get("/api/me", refreshToken);

        assertRefusedByValidator(response, 401, "invalid_token");
        assertTrue(response.body().contains("audience"), response.body());
    }

    @Test
    void apiRefusesTheEs256TokensItIsNotConfiguredFor() throws Exception {
        HttpResponse<String> login = post("/token-es256", JSON, "{\"user\":\"john\",\"pass\":\"doe\"}");
        String accessToken = JsonParser.parseString(login.body()).getAsJsonObject().get("access_token").getAsString();

        HttpResponse<String> response = get("/api/me", accessToken);

        assertRefusedByValidator(response, 401, "invalid_token");
        assertTrue(response.body().contains("alg"), response.body());
    }

    @Test
    void adminApiAnswers403ToAUserNotInRoleAdmin() throws Exception {
        String accessToken = login("john", "doe").get("access_token").getAsString();

        HttpResponse<String> response = get("/api/admin", accessToken);

        assertEquals(403, response.statusCode(), response.body());
        assertEquals("{\"error\":\"forbidden\"}", response.body());
    }

    @Test
    void adminApiAnswersAUserInRoleAdmin() throws Exception {
        String accessToken = login("ada", "lovelace").get("access_token").getAsString();
        assertEquals("{\"user\":\"ada\",\"admin\":true}", get("/api/me", accessToken).body());

        HttpResponse<String> response = get("/api/admin", accessToken);

        assertEquals(200, response.statusCode(), response.body());
        JsonObject body = JsonParser.parseString(response.body()).getAsJsonObject();
        assertEquals("ada", body.get("user").getAsString());
        assertTrue(body.get("refresh_tokens_waiting").getAsInt() >= 1, response.body());
    }

    /** A refusal written by the validator: the servlet behind it never ran. */
    private static void assertRefusedByValidator(HttpResponse<String> response, int status, String error) {
        assertEquals(status, response.statusCode(), response.body());
        String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
        assertTrue(challenge.equals("Bearer") || challenge.startsWith("Bearer error=\"" + error + "\""), challenge);
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
        assertEquals(error, JsonParser.parseString(response.body()).getAsJsonObject().get("error").getAsString());
    }

    /** The token with {@code from} replaced by {@code to} in its payload, and its original signature. */
    private static String tampered(String token, String from, String to) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertTrue(payload.contains(from), payload);
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.replace(from, to).getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    /** The token's claims, expired a minute ago, signed again with the right key: only its exp is wrong. */
    private String expiredCopy(String token) throws Exception {
        Date past = new Date(System.currentTimeMillis() - 60_000);
        JWTClaimsSet claims = new JWTClaimsSet.Builder(SignedJWT.parse(token).getJWTClaimsSet())
                .issueTime(new Date(past.getTime() - 60_000)).expirationTime(past).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("sim2")
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new MACSigner(key));
        return jwt.serialize();
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

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> postWithToken(String path, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody())
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
