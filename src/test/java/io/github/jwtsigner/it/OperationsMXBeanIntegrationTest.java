package io.github.jwtsigner.it;

import com.google.gson.JsonParser;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.jwtsigner.JwksServlet;
import io.github.jwtsigner.JwtSignerFilter;
import io.github.jwtsigner.JwtValidatorFilter;
import io.github.jwtsigner.SigningException;
import io.github.jwtsigner.internal.validation.Rejection;
import io.github.jwtsigner.testing.TestKeys;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import javax.management.ObjectName;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

import static io.github.jwtsigner.it.PlatformMBeans.assertAttributes;
import static io.github.jwtsigner.it.PlatformMBeans.epochMillisOf;
import static io.github.jwtsigner.it.PlatformMBeans.instantBetween;
import static io.github.jwtsigner.it.PlatformMBeans.name;
import static io.github.jwtsigner.it.PlatformMBeans.readString;
import static io.github.jwtsigner.it.PlatformMBeans.registered;
import static io.github.jwtsigner.it.PlatformMBeans.registeredSince;
import static io.github.jwtsigner.it.WebXml.params;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The MXBeans of a webapp with two signers, two validators and two JWKS servlets in real Jetty and Tomcat, read
 * as a JMX client reads them: after a known sequence of requests over real HTTP every attribute of every MBean
 * holds exactly what those requests make, and once the webapp stops none of its MBeans is left; deployed again,
 * it gets the same names back. Two webapps in one JVM with the same filter-name get {@code name} and
 * {@code name-2}.
 */
class OperationsMXBeanIntegrationTest {
    private static final ECKey EC = TestKeys.ec(Curve.P_256, "ec-1");
    /** Another key that claims the trusted kid: its tokens have a bad signature. */
    private static final ECKey FORGER = TestKeys.ec(Curve.P_256, "ec-1");
    private static final ECKey STRANGER = TestKeys.ec(Curve.P_256, "ec-unknown");
    private static final String SYMMETRIC = "WEB-INF/jwk/symmetric.json";

    private static final ObjectName SIGNER = name("Signer", "jmx-signer");
    private static final ObjectName STRICT = name("Signer", "jmx-strict");
    private static final ObjectName VALIDATOR = name("Validator", "jmx-validator");
    private static final ObjectName ANONYMOUS = name("Validator", "jmx-anonymous");
    private static final ObjectName JWKS = name("Jwks", "jmx-jwks");
    private static final ObjectName IDLE_JWKS = name("Jwks", "jmx-jwks-idle");
    private static final Set<ObjectName> ALL = Set.of(SIGNER, STRICT, VALIDATOR, ANONYMOUS, JWKS, IDLE_JWKS);

    private static final Logger LOG = Logger.getLogger(JwtSignerFilter.LOGGER_NAME);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path temp;

    static Stream<ServletContainer.Kind> kinds() {
        return ServletContainer.Kind.selected().stream();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void everyAttributeOfEveryMBeanCountsExactlyTheRequestsMadeAndNoneIsLeftOnceTheWebappStops(
            ServletContainer.Kind kind) throws Exception {
        Path signerKeys = write("signer-keys.json", TestKeys.set(EC));
        Path validatorKeys = write("validator-keys.json", TestKeys.set(EC.toPublicJWK()));
        Path webapp = ExplodedWebapp.create(temp.resolve("webapp"), webXml(signerKeys, validatorKeys), List.of(),
                Map.of());
        Set<ObjectName> before = registered();
        Instant starting = nowMillis();
        try (ServletContainer container = kind.start(webapp, temp.resolve("work"))) {
            Instant started = nowMillis();
            assertTrue(container.webappAvailable(), container.startupFailure());
            assertEquals(ALL, registeredSince(before), "the MBeans this webapp registered");
            List<String> logged = new CopyOnWriteArrayList<>();
            Handler handler = recording(logged);
            LOG.addHandler(handler);
            try {
                for (ObjectName bean : ALL) {
                    for (String attribute : PlatformMBeans.attributeNames(bean)) {
                        PlatformMBeans.read(bean, attribute);
                    }
                }
                assertEquals(List.of(), logged, "a scrape of every attribute answers nothing, so it logs nothing");
                makeTheRequests(container.base());
            } finally {
                LOG.removeHandler(handler);
            }
            assertEquals(1, logged.stream().filter(line -> line.contains("[jmx-idle] names no JwtSignerFilter"))
                    .count(), () -> "one ERROR for the JWKS servlet with nothing to publish, at its answer: " + logged);
            Instant done = nowMillis();

            String signerSource = "jwk_local_path [" + signerKeys + "], read from file [" + signerKeys
                    + "], checked for changes every 3600000ms";
            Map<String, Object> signerHealth = healthyKeys("jmx-signer", signerSource, starting, started);
            Map<String, Object> signer = signer(signerHealth, 5, 3, Map.of(
                    SigningException.Reason.MALFORMED_JSON, 1L,
                    SigningException.Reason.NOT_AN_OBJECT, 1L,
                    SigningException.Reason.DUPLICATE_MEMBER, 1L,
                    SigningException.Reason.INVALID_STRING, 1L,
                    SigningException.Reason.INVALID_ENCODING, 1L,
                    SigningException.Reason.UNSUPPORTED_RESPONSE, 1L),
                    members("access_token", 5L, "refresh_token", 3L), "ES256", "ec-1");
            String strictSource = "jwk_local_path [" + SYMMETRIC + "], read from webapp resource [/" + SYMMETRIC
                    + "], checked for changes every 5000ms";
            Map<String, Object> strict = signer(refreshedKeys("jmx-strict", strictSource, starting, started), 1, 1,
                    Map.of(SigningException.Reason.MISSING_MEMBER, 1L,
                            SigningException.Reason.TOKEN_LIFETIME, 2L,
                            SigningException.Reason.TOO_LARGE, 1L),
                    members("access_token", 1L), "HS256", "sim2");
            Map<String, Object> validator = validator(validatorHealth(validatorKeys, starting, started, done), 3,
                    Map.of(Rejection.MISSING, 1L, Rejection.EXPIRED, 1L, Rejection.BAD_SIGNATURE, 1L,
                            Rejection.MALFORMED, 1L, Rejection.UNKNOWN_KID, 1L, Rejection.ALG_NOT_ALLOWED, 1L,
                            Rejection.AMBIGUOUS, 1L),
                    0, 1, 1);
            String onceSource = "jwk_local_path [" + validatorKeys + "], read once from file [" + validatorKeys
                    + "] (jwk_local_check_interval is 0s)";
            Map<String, Object> anonymous = validator(healthyKeys("jmx-anonymous", onceSource, starting, started), 1,
                    Map.of(Rejection.EXPIRED, 1L), 2, 0, 0);
            Map<String, Object> jwks = jwks(withName(signerHealth, "jmx-jwks"), 2, 1, 2, 0, List.of("ec-1"));
            Map<String, Object> idleJwks = jwks(noKeys("jmx-jwks-idle"), 0, 0, 0, 1, List.of());
            assertAll(
                    () -> assertAttributes(SIGNER, signer),
                    () -> assertAttributes(STRICT, strict),
                    () -> assertAttributes(VALIDATOR, validator),
                    () -> assertAttributes(ANONYMOUS, anonymous),
                    () -> assertAttributes(JWKS, jwks),
                    () -> assertAttributes(IDLE_JWKS, idleJwks));
        }
        assertEquals(before, registered(), "once the webapp stopped, its MBeans are gone and nothing else is left");

        try (ServletContainer again = kind.start(webapp, temp.resolve("work-again"))) {
            assertTrue(again.webappAvailable(), again.startupFailure());
            assertEquals(ALL, registeredSince(before), "deployed again, the webapp gets the same names");
            assertEquals(0L, PlatformMBeans.readLong(SIGNER, "Signed"), "the counts start again from 0");
        }
        assertEquals(before, registered(), "the second deployment leaves nothing either");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void twoWebappsInOneJvmWithTheSameFilterNameGetTheNameAndTheNameWithSuffix2(ServletContainer.Kind kind)
            throws Exception {
        Set<ObjectName> before = registered();
        ObjectName first = name("Signer", "jmx-twin");
        ObjectName second = name("Signer", "jmx-twin-2");
        ServletContainer one = kind.start(twin("one", TestKeys.ec(Curve.P_256, "twin-one")), temp.resolve("work-1"));
        boolean oneRunning = true;
        try {
            assertTrue(one.webappAvailable(), one.startupFailure());
            try (ServletContainer two = kind.start(twin("two", TestKeys.ec(Curve.P_256, "twin-two")),
                    temp.resolve("work-2"))) {
                assertTrue(two.webappAvailable(), two.startupFailure());
                assertEquals(Set.of(first, second), registeredSince(before));
                assertEquals(200, new AttackClient(two.base()).post("login/access").statusCode());
                assertAll(
                        () -> assertEquals("twin-one", readString(first, "KeyId")),
                        () -> assertEquals("twin-two", readString(second, "KeyId")),
                        () -> assertEquals("jmx-twin", readString(second, "Name"), "the Name is the filter-name"),
                        () -> assertEquals(0L, PlatformMBeans.readLong(first, "Signed")),
                        () -> assertEquals(1L, PlatformMBeans.readLong(second, "Signed")));
                oneRunning = false;
                one.close();
                assertEquals(Set.of(second), registeredSince(before),
                        "the first webapp stopped: its MBean is gone, the second's keeps its name");
            }
            assertEquals(before, registered());
        } finally {
            if (oneRunning) {
                one.close();
            }
        }
    }

    private static Handler recording(List<String> lines) {
        return new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getLevel() + " " + record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }

    /** The requests whose counts the test asserts, each answered as expected. */
    private void makeTheRequests(URI base) throws Exception {
        AttackClient client = new AttackClient(base);
        List<String> tokens = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tokens.add(signed(client.post("login/both")));
        }
        for (int i = 0; i < 2; i++) {
            tokens.add(signed(client.post("login/access")));
        }
        assertStatus(client, 401, "login/error-401");
        assertStatus(client, 200, "login/text");
        assertStatus(client, 204, "login/empty");
        for (String failing : List.of("malformed", "array", "duplicate", "lone-surrogate", "bad-utf8", "gzip")) {
            Answers.assertFailClosed(client.post("login/" + failing));
        }
        signed(client.post("strict/both"));
        assertStatus(client, 401, "strict/error-401");
        for (String failing : List.of("missing", "long-lived", "no-exp", "large")) {
            Answers.assertFailClosed(client.post("strict/" + failing));
        }

        ValidatorClient validator = new ValidatorClient(base);
        String fresh = token(EC, JWSAlgorithm.ES256, 300);
        assertEquals(200, validator.bearer("/api/x", tokens.get(0)).status());
        assertEquals(200, validator.bearer("/api/x", tokens.get(0)).status(), "the cache hit");
        assertEquals(200, validator.bearer("/api/x", fresh).status());
        assertEquals(401, validator.get("/api/x").status(), "missing");
        assertEquals(401, validator.bearer("/api/x", token(EC, JWSAlgorithm.ES256, -3600)).status(), "expired");
        assertEquals(401, validator.bearer("/api/x", token(FORGER, JWSAlgorithm.ES256, 300)).status(), "forged");
        assertEquals(401, validator.bearer("/api/x", "not-a-token").status(), "malformed");
        assertEquals(401, validator.bearer("/api/x", token(STRANGER, JWSAlgorithm.ES256, 300)).status(),
                "unknown kid");
        assertEquals(401, validator.bearer("/api/x", token(null, JWSAlgorithm.HS256, 300)).status(), "HS256");
        assertEquals(400, validator.get("/api/x", "Authorization", "Bearer " + fresh, "Authorization",
                "Bearer " + fresh).status(), "two tokens");

        assertEquals(200, validator.get("/open/x").status(), "anonymous");
        assertEquals(200, validator.get("/open/x").status(), "anonymous");
        assertEquals(200, validator.bearer("/open/x", tokens.get(1)).status());
        assertEquals(401, validator.bearer("/open/x", token(EC, JWSAlgorithm.ES256, -3600)).status(), "expired");

        HttpResponse<String> jwks = send(base, "GET", "jwks.json", Map.of());
        assertEquals(200, jwks.statusCode(), jwks.body());
        String etag = jwks.headers().firstValue("ETag").orElseThrow();
        assertEquals(200, send(base, "HEAD", "jwks.json", Map.of()).statusCode());
        assertEquals(304, send(base, "GET", "jwks.json", Map.of("If-None-Match", etag)).statusCode());
        assertEquals(405, send(base, "POST", "jwks.json", Map.of()).statusCode());
        assertEquals(405, send(base, "DELETE", "jwks.json", Map.of()).statusCode());
        assertEquals(500, send(base, "GET", "idle-jwks.json", Map.of()).statusCode());
    }

    private static String signed(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r::body);
        return JsonParser.parseString(r.body()).getAsJsonObject().get("access_token").getAsString();
    }

    private static void assertStatus(AttackClient client, int status, String path) throws Exception {
        HttpResponse<String> r = client.post(path);
        assertEquals(status, r.statusCode(), () -> path + ": " + r.body());
    }

    private HttpResponse<String> send(URI base, String method, String path, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20))
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A token by Nimbus, expiring {@code ttlSeconds} from now; {@code key} null for HS256 with a fresh secret. */
    private static String token(ECKey key, JWSAlgorithm alg, long ttlSeconds) throws JOSEException {
        JWSSigner signer = key == null ? new MACSigner(TestKeys.hmac(256, "hs"))
                : new ECDSASigner(key);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(key == null ? "hs" : key.getKeyID()).build(),
                new JWTClaimsSet.Builder().subject("alice")
                        .expirationTime(new Date(System.currentTimeMillis() + ttlSeconds * 1000)).build());
        jwt.sign(signer);
        return jwt.serialize();
    }

    // The expected attributes, each MBean's in full.

    private static Map<String, Object> healthyKeys(String name, String keySource, Instant from, Instant to) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Name", name);
        m.put("ContextPath", "");
        m.put("KeySource", keySource);
        m.put("KeyLoadedAt", instantBetween(from, to));
        m.put("LastRefreshSuccessAt", instantBetween(from, to));
        m.put("LastRefreshSuccessEpochMillis", new PlatformMBeans.Satisfies("epoch millis from " + from + " to " + to,
                v -> v instanceof Long l && l >= from.toEpochMilli() && l <= to.toEpochMilli()));
        m.put("LastRefreshError", null);
        m.put("LastRefreshErrorAt", null);
        m.put("RefreshFailures", 0L);
        m.put("RefreshFailing", false);
        return m;
    }

    /** Keys loaded at start and checked again every few seconds since: the last success is a moving target. */
    private static Map<String, Object> refreshedKeys(String name, String keySource, Instant starting,
            Instant started) {
        Map<String, Object> m = healthyKeys(name, keySource, starting, started);
        m.put("LastRefreshSuccessAt", instantBetween(starting, nowMillis()));
        m.put("LastRefreshSuccessEpochMillis", new PlatformMBeans.Satisfies("epoch millis from " + starting,
                v -> v instanceof Long l && l >= starting.toEpochMilli() && l <= System.currentTimeMillis()));
        return m;
    }

    /** The validator's keys: loaded at start, read again by the unknown kid's early reload since. */
    private Map<String, Object> validatorHealth(Path keys, Instant starting, Instant started, Instant done) {
        Map<String, Object> m = healthyKeys("jmx-validator", "jwk_local_path [" + keys + "], read from file ["
                + keys + "], checked for changes every 3600000ms", starting, started);
        m.put("LastRefreshSuccessAt", instantBetween(started, done));
        String success = readString(VALIDATOR, "LastRefreshSuccessAt");
        m.put("LastRefreshSuccessEpochMillis", epochMillisOf(success));
        return m;
    }

    private static Map<String, Object> withName(Map<String, Object> health, String name) {
        Map<String, Object> m = new LinkedHashMap<>(health);
        m.put("Name", name);
        return m;
    }

    /** A JWKS servlet whose signer filter never started: no key source, no times. */
    private static Map<String, Object> noKeys(String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Name", name);
        m.put("ContextPath", "");
        m.put("KeySource", null);
        m.put("KeyLoadedAt", null);
        m.put("LastRefreshSuccessAt", null);
        m.put("LastRefreshSuccessEpochMillis", 0L);
        m.put("LastRefreshError", null);
        m.put("LastRefreshErrorAt", null);
        m.put("RefreshFailures", 0L);
        m.put("RefreshFailing", false);
        return m;
    }

    private static Map<String, Object> signer(Map<String, Object> health, long signed, long passed,
            Map<SigningException.Reason, Long> failed, Map<String, Long> tokens, String alg, String kid) {
        Map<String, Object> m = new LinkedHashMap<>(health);
        Map<String, Long> byReason = new LinkedHashMap<>();
        for (SigningException.Reason r : SigningException.Reason.values()) {
            byReason.put(r.name(), failed.getOrDefault(r, 0L));
        }
        m.put("Signed", signed);
        m.put("PassedThrough", passed);
        m.put("FailedClosed", failed.values().stream().mapToLong(Long::longValue).sum());
        m.put("FailedClosedByReason", byReason);
        m.put("TokensIssued", tokens.values().stream().mapToLong(Long::longValue).sum());
        m.put("TokensIssuedByMember", tokens);
        m.put("Algorithm", alg);
        m.put("KeyId", kid);
        return m;
    }

    private static Map<String, Object> validator(Map<String, Object> health, long accepted,
            Map<Rejection, Long> rejected, long anonymous, long cacheHits, long earlyReloads) {
        Map<String, Object> m = new LinkedHashMap<>(health);
        Map<String, Long> byReason = new LinkedHashMap<>();
        for (Rejection r : Rejection.values()) {
            byReason.put(r.name().toLowerCase(Locale.ROOT), rejected.getOrDefault(r, 0L));
        }
        m.put("Accepted", accepted);
        m.put("Rejected", rejected.values().stream().mapToLong(Long::longValue).sum());
        m.put("RejectedByReason", byReason);
        m.put("Anonymous", anonymous);
        m.put("CacheHits", cacheHits);
        m.put("EarlyReloads", earlyReloads);
        m.put("KeyIds", List.of("ec-1"));
        return m;
    }

    private static Map<String, Object> jwks(Map<String, Object> health, long served, long notModified,
            long methodNotAllowed, long unavailable, List<String> kids) {
        Map<String, Object> m = new LinkedHashMap<>(health);
        m.put("Served", served);
        m.put("NotModified", notModified);
        m.put("MethodNotAllowed", methodNotAllowed);
        m.put("Unavailable", unavailable);
        m.put("KeyIds", kids);
        return m;
    }

    private static Map<String, Long> members(Object... namesAndCounts) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndCounts.length; i += 2) {
            m.put((String) namesAndCounts[i], (Long) namesAndCounts[i + 1]);
        }
        return m;
    }

    private static Instant nowMillis() {
        return Instant.ofEpochMilli(System.currentTimeMillis());
    }

    private Path write(String name, String text) throws Exception {
        Path file = temp.resolve("keys").resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    // The webapps.

    private static String webXml(Path signerKeys, Path validatorKeys) {
        return new WebXml()
                .servlet("outcome", OutcomeServlet.class, Map.of(), "/login/*", "/strict/*")
                .servlet("recording", RecordingServlet.class, Map.of(), "/api/*", "/open/*")
                .servlet("jmx-jwks", JwksServlet.class, params("signer", "jmx-signer"), "/jwks.json")
                .servlet("jmx-jwks-idle", JwksServlet.class, params("signer", "jmx-idle"), "/idle-jwks.json")
                .filter("jmx-signer", JwtSignerFilter.class, params("alg", "ES256",
                        "keys_to_sign", "access_token,refresh_token", "jwk_local_path", signerKeys.toString(),
                        "jwk_local_check_interval", "1h"), "/login/*")
                .filter("jmx-strict", JwtSignerFilter.class, params("alg", "HS256", "kid", "sim2",
                        "keys_to_sign", "access_token", "jwk_local_path", SYMMETRIC, "require_keys_to_sign", "true",
                        "max_ttl", "1h", "max_body_bytes", "1024"), "/strict/*")
                .filter("jmx-idle", UninitialisedSignerFilter.class, Map.of(), "/idle/*")
                .filter("jmx-validator", JwtValidatorFilter.class, params("alg", "ES256",
                        "jwk_local_path", validatorKeys.toString(), "jwk_local_check_interval", "1h"), "/api/*")
                .filter("jmx-anonymous", JwtValidatorFilter.class, params("alg", "ES256",
                        "jwk_local_path", validatorKeys.toString(), "jwk_local_check_interval", "0s",
                        "allow_anonymous", "true"), "/open/*")
                .text();
    }

    /** A webapp whose one signer is named {@code jmx-twin}, signing with {@code key}. */
    private Path twin(String which, ECKey key) throws Exception {
        Path keys = write("twin-" + which + ".json", TestKeys.set(key));
        String xml = new WebXml()
                .servlet("outcome", OutcomeServlet.class, Map.of(), "/login/*")
                .filter("jmx-twin", JwtSignerFilter.class, params("alg", "ES256", "keys_to_sign", "access_token",
                        "jwk_local_path", keys.toString()), "/login/*")
                .text();
        return ExplodedWebapp.create(temp.resolve("twin-" + which), xml, List.of(), Map.of());
    }
}
