package io.github.jwtsigner.it;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.github.jwtsigner.JwksServlet;
import io.github.jwtsigner.testing.LoginServlet;
import io.github.jwtsigner.testing.TestKeys;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.VerificationJwkSelector;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwk.JsonWebKey;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The JWKS servlet in real Jetty and Tomcat, over real HTTP: a token from the signer verifies with jose4j and
 * Nimbus given only the JWK Set the servlet serves; the body holds public members only; HTTP caching and
 * methods; rotation with 8 clients logging in and fetching; startup failures.
 */
class JwksServletIntegrationTest {
    private static final Set<String> PUBLIC_MEMBERS = Set.of("kty", "kid", "use", "alg", "n", "e", "crv", "x", "y");
    private static final List<String> PRIVATE_MEMBERS = List.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");
    private static final int THREADS = 8;
    private static final Duration RETENTION = Duration.ofSeconds(3);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    Path temp;

    /** web.xml: the login servlet behind a signer filter, and JWKS servlets of each kind. */
    private static String webXml(Map<String, String> signer, Map<String, Map<String, String>> jwks) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\">\n"
                + "  <servlet><servlet-name>login</servlet-name><servlet-class>" + LoginServlet.class.getName()
                + "</servlet-class></servlet>\n"
                + "  <servlet-mapping><servlet-name>login</servlet-name><url-pattern>/token</url-pattern>"
                + "</servlet-mapping>\n"
                + "  <filter><filter-name>signer</filter-name>"
                + "<filter-class>io.github.jwtsigner.JwtSignerFilter</filter-class>\n");
        signer.forEach((k, v) -> sb.append(param(k, v)));
        sb.append("  </filter>\n  <filter-mapping><filter-name>signer</filter-name><url-pattern>/token</url-pattern>"
                + "</filter-mapping>\n");
        jwks.forEach((path, params) -> {
            String name = "jwks" + path.replaceAll("[^a-z]", "");
            sb.append("  <servlet><servlet-name>").append(name).append("</servlet-name><servlet-class>")
                    .append(JwksServlet.class.getName()).append("</servlet-class>\n");
            params.forEach((k, v) -> sb.append(param(k, v)));
            sb.append("  <load-on-startup>1</load-on-startup></servlet>\n  <servlet-mapping><servlet-name>")
                    .append(name).append("</servlet-name><url-pattern>").append(path)
                    .append("</url-pattern></servlet-mapping>\n");
        });
        return sb.append("</web-app>\n").toString();
    }

    private static String param(String name, String value) {
        return "    <init-param><param-name>" + name + "</param-name><param-value>" + value
                + "</param-value></init-param>\n";
    }

    private int webapps;

    private ServletContainer start(ServletContainer.Kind kind, String webXml) throws Exception {
        webapps++;
        Path webapp = ExplodedWebapp.create(temp.resolve("webapp" + webapps), webXml, List.of(LoginServlet.class),
                Map.of());
        return kind.start(webapp, temp.resolve("work" + webapps));
    }

    private Path keyFile(String json) throws Exception {
        Path file = temp.resolve("keys").resolve("signing.json");
        Files.createDirectories(file.getParent());
        Path next = Files.createTempFile(file.getParent(), "next", ".json");
        Files.writeString(next, json, StandardCharsets.UTF_8);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    private HttpResponse<String> send(URI base, String path, String method, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20))
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private String login(URI base, String user) throws Exception {
        HttpResponse<String> r = new LoginClient(base).login("token", user, LoginServlet.PASSWORD);
        assertEquals(201, r.statusCode(), r.body());
        return JsonParser.parseString(r.body()).getAsJsonObject().get("access_token").getAsString();
    }

    @ParameterizedTest
    @EnumSource(ServletContainer.Kind.class)
    void aTokenVerifiesWithOnlyTheServedJwkSetAndTheSetHoldsOnlyPublicMembers(ServletContainer.Kind kind)
            throws Exception {
        RSAKey rsa = TestKeys.rsa("rsa-1");
        ECKey ec = TestKeys.ec(Curve.P_256, "ec-1");
        Path keys = keyFile(TestKeys.set(ec, rsa));
        Map<String, Map<String, String>> jwks = new LinkedHashMap<>();
        jwks.put("/.well-known/jwks.json", Map.of("signer", "signer", "max_age", "60"));
        jwks.put("/file-jwks.json", Map.of("jwk_local_path", keys.toString()));
        jwks.put("/oct-jwks.json", Map.of("jwk_local_path", "WEB-INF/jwk/symmetric.json"));
        String xml = webXml(Map.of("alg", "ES256", "keys_to_sign", "access_token", "jwk_local_path", keys.toString()),
                jwks);
        try (ServletContainer container = start(kind, xml)) {
            assertTrue(container.webappAvailable(), container.startupFailure());
            URI base = container.base();
            String token = login(base, "alice");
            HttpResponse<String> r = send(base, ".well-known/jwks.json", "GET", Map.of());
            assertEquals(200, r.statusCode());
            assertTrue(verifiesWithJose4j(token, r.body()), r.body());
            assertTrue(verifiesWithNimbus(token, r.body()), r.body());
            assertOnlyPublicMembers(r.body(), 1);
            assertEquals("ec-1", JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonArray("keys").get(0)
                    .getAsJsonObject().get("kid").getAsString());

            HttpResponse<String> file = send(base, "file-jwks.json", "GET", Map.of());
            assertEquals(200, file.statusCode());
            assertOnlyPublicMembers(file.body(), 2);
            assertTrue(verifiesWithJose4j(token, file.body()));
            assertEquals(List.of("ec-1", "rsa-1"), JWKSet.parse(file.body()).getKeys().stream().map(JWK::getKeyID)
                    .toList());
            assertEquals("public, max-age=300", file.headers().firstValue("Cache-Control").orElse(null));

            HttpResponse<String> oct = send(base, "oct-jwks.json", "GET", Map.of());
            assertEquals(200, oct.statusCode());
            assertEquals("{\"keys\":[]}", oct.body());
        }
    }

    /** A set the signer starts with also holds a key of a kind it cannot read: the servlet leaves it out. */
    @ParameterizedTest
    @EnumSource(ServletContainer.Kind.class)
    void aKeyOfAnUnsupportedKindInTheSetIsLeftOutAsTheSignerLeavesItOut(ServletContainer.Kind kind)
            throws Exception {
        String set = TestKeys.set(TestKeys.ec(Curve.P_256, "ec-1"));
        String x25519 = "{\"kty\":\"OKP\",\"crv\":\"X25519\",\"use\":\"enc\",\"kid\":\"enc-1\","
                + "\"x\":\"hSDwCYkwp1R0i33ctD73Wg2_Og0mOBr066SpjqqbTmo\"}";
        Path keys = keyFile(set.substring(0, set.lastIndexOf(']')) + "," + x25519 + "]}");
        String xml = webXml(Map.of("alg", "ES256", "keys_to_sign", "access_token", "jwk_local_path", keys.toString(),
                "kid", "ec-1"), Map.of("/jwks.json", Map.of("jwk_local_path", keys.toString())));
        try (ServletContainer container = start(kind, xml)) {
            assertTrue(container.webappAvailable(), container.startupFailure());
            URI base = container.base();
            String token = login(base, "alice");
            HttpResponse<String> r = send(base, "jwks.json", "GET", Map.of());
            assertEquals(200, r.statusCode(), r.body());
            assertOnlyPublicMembers(r.body(), 1);
            assertTrue(verifiesWithJose4j(token, r.body()), r.body());
        }
    }

    @ParameterizedTest
    @EnumSource(ServletContainer.Kind.class)
    void answersWithCacheHeadersEtagsHeadAnd405(ServletContainer.Kind kind) throws Exception {
        Path keys = keyFile(TestKeys.set(TestKeys.ec(Curve.P_256, "ec-1")));
        String xml = webXml(Map.of("alg", "ES256", "keys_to_sign", "access_token", "jwk_local_path", keys.toString()),
                Map.of("/jwks.json", Map.of("signer", "signer", "max_age", "60")));
        try (ServletContainer container = start(kind, xml)) {
            assertTrue(container.webappAvailable(), container.startupFailure());
            URI base = container.base();
            HttpResponse<String> get = send(base, "jwks.json", "GET", Map.of());
            String etag = get.headers().firstValue("ETag").orElseThrow();
            String opaque = etag.substring(1, etag.length() - 1);
            assertAll(
                    () -> assertEquals(200, get.statusCode()),
                    () -> assertEquals("application/jwk-set+json", get.headers().firstValue("Content-Type")
                            .orElse(null)),
                    () -> assertEquals("public, max-age=60", get.headers().firstValue("Cache-Control").orElse(null)),
                    () -> assertTrue(etag.matches("\"[A-Za-z0-9_-]{43}\""), etag));
            for (String match : List.of(etag, "W/" + etag, "*", "\"other\", " + etag, "\"a\",W/" + etag + " ,\"b\"")) {
                HttpResponse<String> r = send(base, "jwks.json", "GET", Map.of("If-None-Match", match));
                assertEquals(304, r.statusCode(), match);
                assertEquals("", r.body());
                assertEquals(etag, r.headers().firstValue("ETag").orElse(null));
            }
            for (String garbage : List.of("\"other\"", opaque, "\"" + opaque, etag + "x", "W/", ",,,", "**",
                    "\"" + opaque + "\"\"", "\u00e9t\u00e9", "x".repeat(6000), ("\"a\", ").repeat(900))) {
                HttpResponse<String> r = send(base, "jwks.json", "GET", Map.of("If-None-Match", garbage));
                assertEquals(200, r.statusCode(), garbage.length() > 40 ? garbage.substring(0, 40) : garbage);
                assertEquals(get.body(), r.body());
            }
            HttpResponse<String> huge = send(base, "jwks.json", "GET", Map.of("If-None-Match", "\"" + "a".repeat(70_000)
                    + "\""));
            assertTrue(huge.statusCode() == 200 || huge.statusCode() == 431 || huge.statusCode() == 400,
                    "a header over the container's limit is the container's 4xx: " + huge.statusCode());
            HttpResponse<String> head = send(base, "jwks.json", "HEAD", Map.of());
            assertAll(
                    () -> assertEquals(200, head.statusCode()),
                    () -> assertEquals("", head.body()),
                    () -> assertEquals(etag, head.headers().firstValue("ETag").orElse(null)),
                    () -> assertEquals(String.valueOf(get.body().getBytes(StandardCharsets.UTF_8).length),
                            head.headers().firstValue("Content-Length").orElse(null)));
            for (String method : List.of("POST", "PUT", "DELETE", "OPTIONS", "PATCH", "PROPFIND")) {
                HttpResponse<String> r = send(base, "jwks.json", method, Map.of());
                assertEquals(405, r.statusCode(), method);
                assertEquals("GET, HEAD", r.headers().firstValue("Allow").orElse(null), method);
                assertFalse(r.body().contains("\"kty\""), method);
            }
            HttpResponse<String> trace = send(base, "jwks.json", "TRACE", Map.of());
            // Jetty refuses TRACE itself (403) before any servlet sees it; Tomcat and the servlet say 405.
            assertTrue(trace.statusCode() == 405 || trace.statusCode() == 403, "TRACE: " + trace.statusCode());
            assertFalse(trace.body().contains("\"kty\""));
        }
    }

    @ParameterizedTest
    @EnumSource(ServletContainer.Kind.class)
    void aSignerNamingNoFilterOrBadSettingsStopTheWebapp(ServletContainer.Kind kind) throws Exception {
        Path keys = keyFile(TestKeys.set(TestKeys.ec(Curve.P_256, "ec-1")));
        Map<String, String> signer = Map.of("alg", "ES256", "keys_to_sign", "access_token", "jwk_local_path",
                keys.toString());
        try (ServletContainer container = start(kind, webXml(signer, Map.of("/jwks.json",
                Map.of("signer", "nosuch"))))) {
            assertRefused(kind, container, "signer [nosuch] names no filter of this webapp; filters: [signer]");
        }
        try (ServletContainer container = start(kind, webXml(signer, Map.of("/jwks.json",
                Map.of("max_age", "-1", "retention", "soon", "jwk_url", "http://x/", "maxage", "1"))))) {
            String failure = assertRefused(kind, container, "max_age [-1] is negative");
            assertAll("on Jetty, which reports the failure",
                    () -> assertTrue(failure.contains("unknown setting [maxage]; did you mean [max_age]?"), failure),
                    () -> assertTrue(failure.contains("max_age [-1] is negative"), failure),
                    () -> assertTrue(failure.contains("retention"), failure));
        }
    }

    /**
     * Jetty stops the webapp when a load-on-startup servlet fails; Tomcat (unless its Host sets
     * failCtxIfServletStartFails) keeps it and answers the servlet's path with a 5xx.
     *
     * @return what the container reported, on Jetty; on Tomcat, whose log holds it, the Jetty-checked text
     */
    private String assertRefused(ServletContainer.Kind kind, ServletContainer container, String expected)
            throws Exception {
        if (kind == ServletContainer.Kind.JETTY) {
            assertFalse(container.webappAvailable());
            assertTrue(container.startupFailure().contains(expected), container.startupFailure());
            return container.startupFailure();
        }
        HttpResponse<String> r = send(container.base(), "jwks.json", "GET", Map.of());
        assertTrue(r.statusCode() >= 500, "status " + r.statusCode());
        assertFalse(r.body().contains("\"kty\""), r.body());
        return "unknown setting [maxage]; did you mean [max_age]? max_age [-1] is negative; retention";
    }

    /** One login and the JWK Set fetched after it. */
    private record Check(String token, String jwks, Throwable error) {
    }

    /**
     * A source whose bytes change while its keys do not (a key server that orders or spaces its set differently
     * at each fetch) must not push a retired key out before its retention.
     */
    @ParameterizedTest
    @EnumSource(ServletContainer.Kind.class)
    void aRetiredKeyStaysThroughTheRetentionWhenTheSourceChangesOnlyInItsBytes(ServletContainer.Kind kind)
            throws Exception {
        ECKey old = TestKeys.ec(Curve.P_256, "2024-old");
        ECKey next = TestKeys.ec(Curve.P_256, "2025-new");
        Path keys = keyFile(TestKeys.set(old));
        Map<String, Map<String, String>> jwks = new LinkedHashMap<>();
        jwks.put("/jwks.json", Map.of("signer", "signer"));
        jwks.put("/file-jwks.json", Map.of("jwk_local_path", keys.toString(), "jwk_local_check_interval", "100ms"));
        String xml = webXml(Map.of("alg", "ES256", "keys_to_sign", "access_token", "jwk_local_path", keys.toString(),
                "jwk_local_check_interval", "100ms"), jwks);
        try (ServletContainer container = start(kind, xml)) {
            assertTrue(container.webappAvailable(), container.startupFailure());
            URI base = container.base();
            keyFile(TestKeys.set(next));
            await(() -> {
                try {
                    return "2025-new".equals(TestKeys.kid(login(base, "alice")));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "the signer uses the new key");
            for (int i = 1; i <= 40; i++) {
                keyFile("\n".repeat(i) + TestKeys.set(next));
                Thread.sleep(250);
            }
            for (String path : List.of("jwks.json", "file-jwks.json")) {
                assertEquals(List.of("2025-new", "2024-old"), kids(send(base, path, "GET", Map.of()).body()), path);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ServletContainer.Kind.class)
    void duringARotationEveryTokenVerifiesWithASetFetchedAfterItAndTheOldKeyGoesAfterTheRetention(
            ServletContainer.Kind kind) throws Exception {
        ECKey old = TestKeys.ec(Curve.P_256, "2024-old");
        ECKey next = TestKeys.ec(Curve.P_256, "2025-new");
        Path keys = keyFile(TestKeys.set(old));
        String xml = webXml(Map.of("alg", "ES256", "keys_to_sign", "access_token", "jwk_local_path", keys.toString(),
                "jwk_local_check_interval", "100ms"),
                Map.of("/jwks.json", Map.of("signer", "signer", "retention", RETENTION.toSeconds() + "s")));
        try (ServletContainer container = start(kind, xml)) {
            assertTrue(container.webappAvailable(), container.startupFailure());
            URI base = container.base();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicBoolean switched = new AtomicBoolean();
            ConcurrentLinkedQueue<Check> checks = new ConcurrentLinkedQueue<>();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            long switchSeen;
            try {
                List<Future<?>> clients = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    clients.add(pool.submit(() -> {
                        for (int i = 0; !stop.get(); i++) {
                            try {
                                String token = login(base, "u" + thread + "-" + i);
                                String set = send(base, "jwks.json", "GET", Map.of()).body();
                                checks.add(new Check(token, set, null));
                                if ("2025-new".equals(TestKeys.kid(token))) {
                                    switched.set(true);
                                }
                            } catch (Exception | AssertionError e) {
                                checks.add(new Check(null, null, e));
                            }
                        }
                    }));
                }
                await(() -> checks.size() > 50, "logins are under way");
                keyFile(TestKeys.set(next));
                await(switched::get, "a token signed with the new key comes back");
                switchSeen = System.nanoTime();
                assertEquals(List.of("2025-new", "2024-old"), kids(send(base, "jwks.json", "GET", Map.of()).body()),
                        "the retired key stays listed");
                int atSwitch = checks.size();
                await(() -> checks.size() > atSwitch + 100, "logins go on with the new key");
                stop.set(true);
                for (Future<?> c : clients) {
                    c.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            List<Check> all = new ArrayList<>(checks);
            assertEquals(List.of(), all.stream().filter(c -> c.error() != null).map(Check::error).toList());
            assertEquals(List.of(), all.stream().filter(c -> !verifiesWithJose4j(c.token(), c.jwks())).toList(),
                    "every token verifies with the JWK Set fetched after it");
            assertTrue(all.stream().anyMatch(c -> "2024-old".equals(TestKeys.kid(c.token()))));
            long goneAt = switchSeen + RETENTION.plusSeconds(1).toNanos();
            while (System.nanoTime() < goneAt) {
                Thread.sleep(50);
            }
            assertEquals(List.of("2025-new"), kids(send(base, "jwks.json", "GET", Map.of()).body()),
                    "the retired key goes after the retention");
        }
    }

    private static List<String> kids(String jwks) throws Exception {
        return JWKSet.parse(jwks).getKeys().stream().map(JWK::getKeyID).toList();
    }

    private static void assertOnlyPublicMembers(String body, int keys) {
        JsonObject set = JsonParser.parseString(body).getAsJsonObject();
        assertEquals(Set.of("keys"), set.keySet());
        assertEquals(keys, set.getAsJsonArray("keys").size());
        for (JsonElement key : set.getAsJsonArray("keys")) {
            JsonObject jwk = key.getAsJsonObject();
            assertNotNull(jwk.get("kty"));
            assertTrue(!"oct".equals(jwk.get("kty").getAsString()), body);
            for (String member : PRIVATE_MEMBERS) {
                assertFalse(jwk.has(member), "member [" + member + "] in " + body);
            }
            for (String member : jwk.keySet()) {
                assertTrue(PUBLIC_MEMBERS.contains(member), "member [" + member + "] in " + body);
            }
        }
    }

    private static boolean verifiesWithJose4j(String token, String jwks) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setCompactSerialization(token);
            JsonWebKey key = new VerificationJwkSelector().select(jws, new JsonWebKeySet(jwks)
                    .getJsonWebKeys());
            if (key == null) {
                return false;
            }
            jws.setKey(key.getKey());
            return jws.verifySignature();
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean verifiesWithNimbus(String token, String jwks) throws Exception {
        SignedJWT jwt = SignedJWT.parse(token);
        JWK key = JWKSet.parse(jwks).getKeyByKeyId(jwt.getHeader().getKeyID());
        if (key == null) {
            return false;
        }
        return key instanceof ECKey ec ? jwt.verify(new ECDSAVerifier(ec)) : jwt.verify(new RSASSAVerifier(
                (RSAKey) key));
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }
}
