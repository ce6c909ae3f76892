package io.github.jwtsigner.it;

import com.google.gson.JsonParser;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import io.github.jwtsigner.JwksServlet;
import io.github.jwtsigner.JwtSignerFilter;
import io.github.jwtsigner.JwtValidatorFilter;
import io.github.jwtsigner.internal.remote.TestPki;
import io.github.jwtsigner.testing.KeyServer;
import io.github.jwtsigner.testing.TestKeys;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import javax.management.ObjectName;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static io.github.jwtsigner.it.PlatformMBeans.await;
import static io.github.jwtsigner.it.PlatformMBeans.name;
import static io.github.jwtsigner.it.PlatformMBeans.read;
import static io.github.jwtsigner.it.PlatformMBeans.readLong;
import static io.github.jwtsigner.it.PlatformMBeans.readString;
import static io.github.jwtsigner.it.PlatformMBeans.registered;
import static io.github.jwtsigner.it.PlatformMBeans.registeredSince;
import static io.github.jwtsigner.it.WebXml.params;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The key health attributes in real Jetty and Tomcat, read through the platform MBean server while the keys
 * rotate and their source fails: a signer and a JWKS servlet on {@code jwk_url} (the HTTPS test key server,
 * {@code cache_duration} 1), a validator on a {@code jwk_local_path} file checked every 200 ms. After a rotation
 * {@code KeyId}, {@code KeyIds} and {@code KeyLoadedAt} follow it; while the source fails (a 500, a JWK Set of
 * secrets only, the server down, a broken file) {@code RefreshFailing} is true, {@code RefreshFailures} grows,
 * {@code LastRefreshError} names the failure without key material, and {@code LastRefreshSuccessAt} stays; once
 * the source answers again {@code RefreshFailing} is false.
 */
class OperationsKeyHealthIntegrationTest {
    private static final ECKey OLD = TestKeys.ec(Curve.P_256, "2024-old");
    private static final ECKey NEW = TestKeys.ec(Curve.P_256, "2025-new");
    /** A secret the failing key server offers: it must not show in any attribute. */
    private static final OctetSequenceKey SECRET = TestKeys.hmac(256, "only-secret");
    /** A private EC key member in a file that fails: it must not show either. */
    private static final ECKey BROKEN = TestKeys.ec(Curve.P_256, "broken");

    private static final ObjectName SIGNER = name("Signer", "health-signer");
    private static final ObjectName JWKS = name("Jwks", "health-jwks");
    private static final ObjectName VALIDATOR = name("Validator", "health-validator");

    @TempDir
    Path temp;

    static Stream<ServletContainer.Kind> kinds() {
        return ServletContainer.Kind.selected().stream();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void keyHealthFollowsARotationAnOutageAndTheRecovery(ServletContainer.Kind kind) throws Exception {
        TestPki.Ca ca = TestPki.newCa("Operations Key Server CA");
        Path caPem = ca.writePem(temp, "key-server-ca.pem");
        Path validatorKeys = temp.resolve("keys/validator.json");
        Files.createDirectories(validatorKeys.getParent());
        AtomicInteger versions = new AtomicInteger();
        replace(validatorKeys, TestKeys.set(OLD.toPublicJWK()), versions);
        Set<ObjectName> before = registered();
        try (KeyServer server = KeyServer.https(ca.issue("127.0.0.1")).serve(TestKeys.set(OLD))) {
            Map<String, String> url = params("jwk_url", server.url("/jwks.json"), "jwk_local_ca", caPem.toString(),
                    "cache_duration", "1", "jwk_connect_timeout", "1s", "jwk_read_timeout", "1s");
            Map<String, String> signer = params("alg", "ES256", "keys_to_sign", "access_token");
            signer.putAll(url);
            String xml = new WebXml()
                    .servlet("outcome", OutcomeServlet.class, Map.of(), "/login/*")
                    .servlet("recording", RecordingServlet.class, Map.of(), "/api/*")
                    .servlet("health-jwks", JwksServlet.class, url, "/jwks.json")
                    .filter("health-signer", JwtSignerFilter.class, signer, "/login/*")
                    .filter("health-validator", JwtValidatorFilter.class, params("alg", "ES256",
                            "jwk_local_path", validatorKeys.toString(), "jwk_local_check_interval", "200ms"),
                            "/api/*")
                    .text();
            Path webapp = ExplodedWebapp.create(temp.resolve("webapp"), xml, List.of(), Map.of());
            try (ServletContainer container = kind.start(webapp, temp.resolve("work"))) {
                assertTrue(container.webappAvailable(), container.startupFailure());
                assertEquals(Set.of(SIGNER, JWKS, VALIDATOR), registeredSince(before));
                AttackClient client = new AttackClient(container.base());
                assertAll(
                        () -> assertEquals("2024-old", readString(SIGNER, "KeyId")),
                        () -> assertEquals(List.of("2024-old"), read(JWKS, "KeyIds")),
                        () -> assertEquals(List.of("2024-old"), read(VALIDATOR, "KeyIds")));
                for (ObjectName bean : List.of(SIGNER, JWKS, VALIDATOR)) {
                    assertHealthy(bean, 0);
                }
                rotate(server, validatorKeys, versions, client);
                failAndRecover(server, validatorKeys, versions, client);
            }
        }
        assertEquals(before, registered(), "once the webapp stopped, its MBeans are gone");
    }

    private void rotate(KeyServer server, Path validatorKeys, AtomicInteger versions, AttackClient client)
            throws Exception {
        Instant signerLoaded = loadedAt(SIGNER);
        Instant jwksLoaded = loadedAt(JWKS);
        Instant validatorLoaded = loadedAt(VALIDATOR);
        server.serve(TestKeys.set(NEW, OLD));
        replace(validatorKeys, TestKeys.set(NEW.toPublicJWK(), OLD.toPublicJWK()), versions);
        await(() -> "2025-new".equals(readString(SIGNER, "KeyId")), "the signer signs with the new key");
        await(() -> List.of("2025-new", "2024-old").equals(read(JWKS, "KeyIds")), "the JWKS servlet publishes it");
        await(() -> List.of("2025-new", "2024-old").equals(read(VALIDATOR, "KeyIds")), "the validator knows it");
        assertAll(
                () -> assertTrue(loadedAt(SIGNER).isAfter(signerLoaded), "the signer's KeyLoadedAt moved forward"),
                () -> assertTrue(loadedAt(JWKS).isAfter(jwksLoaded), "the JWKS servlet's KeyLoadedAt moved forward"),
                () -> assertTrue(loadedAt(VALIDATOR).isAfter(validatorLoaded),
                        "the validator's KeyLoadedAt moved forward"),
                () -> assertEquals("2025-new", TestKeys.kid(accessToken(client.post("login/access")))));
        for (ObjectName bean : List.of(SIGNER, JWKS, VALIDATOR)) {
            assertHealthy(bean, 0);
        }
    }

    private void failAndRecover(KeyServer server, Path validatorKeys, AtomicInteger versions, AttackClient client)
            throws Exception {
        // The key server fails three ways: a 500 whose body is a JWK Set with private members, a JWK Set
        // of a secret only (no key for ES256), then no server at all.
        server.answer(500, "application/json", TestKeys.set(NEW, SECRET) + KeyServer.BODY_MARKER);
        String signerSuccess = awaitFailing(SIGNER);
        String status = "jwk_url [" + server.url("/jwks.json") + "] answered HTTP status [500]";
        assertFailure(SIGNER, signerSuccess, status);
        assertFailure(JWKS, awaitFailing(JWKS), status);

        server.serve(TestKeys.set(SECRET));
        String secretsOnly = "kid [only-secret] is a key of kty [oct]";
        await(() -> readString(SIGNER, "LastRefreshError").contains(secretsOnly), "a JWK Set of secrets fails");
        assertFailure(SIGNER, signerSuccess, secretsOnly);

        server.stop();
        String down = "jwk_url [" + server.url("/jwks.json") + "] cannot be reached";
        for (ObjectName bean : List.of(SIGNER, JWKS)) {
            await(() -> readString(bean, "LastRefreshError").contains(down), bean + " fails with the server down");
        }
        // To the JWKS servlet a set of secrets was no failure but a set with nothing new to publish: its last
        // success is the one before the server went down.
        String jwksSuccess = awaitFailing(JWKS);
        assertFailure(SIGNER, signerSuccess, down);
        assertFailure(JWKS, jwksSuccess, down);
        assertEquals("2025-new", TestKeys.kid(accessToken(client.post("login/access"))),
                "the last good key keeps signing");

        replace(validatorKeys, "{\"keys\":[{\"kty\":\"EC\",\"kid\":\"broken\",\"crv\":\"P-256\",\"x\":\"AA\","
                + "\"d\":\"" + BROKEN.getD() + "\"}]}", versions);
        await(() -> (Boolean) read(VALIDATOR, "RefreshFailing"), "the broken file fails");
        String validatorSuccess = readString(VALIDATOR, "LastRefreshSuccessAt");
        // The file is read once per change: the checks after that find it unchanged, and still broken.
        Thread.sleep(1000);
        assertFailure(VALIDATOR, validatorSuccess, "can verify tokens of alg [ES256]");
        assertEquals(1L, readLong(VALIDATOR, "RefreshFailures"), "a broken file fails once per change");
        Files.delete(validatorKeys);
        await(() -> readLong(VALIDATOR, "RefreshFailures") == 2, "the file gone fails");
        Thread.sleep(1000);
        assertFailure(VALIDATOR, validatorSuccess, validatorKeys + "] is gone");
        assertEquals(List.of("2025-new", "2024-old"), read(VALIDATOR, "KeyIds"), "the last good keys stay");

        long signerFailures = readLong(SIGNER, "RefreshFailures");
        long jwksFailures = readLong(JWKS, "RefreshFailures");
        long validatorFailures = readLong(VALIDATOR, "RefreshFailures");
        server.start();
        server.serve(TestKeys.set(NEW, OLD));
        replace(validatorKeys, TestKeys.set(NEW.toPublicJWK(), OLD.toPublicJWK()), versions);
        for (ObjectName bean : List.of(SIGNER, JWKS, VALIDATOR)) {
            await(() -> !(Boolean) read(bean, "RefreshFailing"), bean + " recovers");
        }
        assertAll(
                () -> assertRecovered(SIGNER, signerSuccess, signerFailures),
                () -> assertRecovered(JWKS, jwksSuccess, jwksFailures),
                () -> assertRecovered(VALIDATOR, validatorSuccess, validatorFailures),
                () -> assertEquals("2025-new", readString(SIGNER, "KeyId")));
    }

    /**
     * Waits until {@code bean}'s source fails, then for two more failures, and checks that its last success
     * stayed where it was all that time.
     *
     * @return the last success, as {@code LastRefreshSuccessAt} says it
     */
    private static String awaitFailing(ObjectName bean) throws InterruptedException {
        await(() -> (Boolean) read(bean, "RefreshFailing"), bean + " fails to refresh");
        String success = readString(bean, "LastRefreshSuccessAt");
        long failures = readLong(bean, "RefreshFailures");
        await(() -> readLong(bean, "RefreshFailures") >= failures + 2, bean + " fails twice more");
        assertEquals(success, readString(bean, "LastRefreshSuccessAt"), bean + ": the last success stays");
        return success;
    }

    /** Failing now, since the last success {@code success}; the error names {@code named} and no key material. */
    private static void assertFailure(ObjectName bean, String success, String named) {
        String error = readString(bean, "LastRefreshError");
        String errorAt = readString(bean, "LastRefreshErrorAt");
        assertAll(
                () -> assertEquals(true, read(bean, "RefreshFailing")),
                () -> assertTrue(readLong(bean, "RefreshFailures") > 0),
                () -> assertEquals(success, readString(bean, "LastRefreshSuccessAt")),
                () -> assertEquals(Instant.parse(success).toEpochMilli(),
                        readLong(bean, "LastRefreshSuccessEpochMillis")),
                () -> assertNotNull(errorAt),
                () -> assertTrue(Instant.parse(errorAt).isAfter(Instant.parse(success)), errorAt + " / " + success),
                () -> assertTrue(error != null && error.contains(named), bean + ": [" + error + "] names [" + named
                        + "]"),
                () -> assertNoKeyMaterial(bean, error));
    }

    private static void assertNoKeyMaterial(ObjectName bean, String error) {
        for (String secret : List.of("\"k\":", "\"d\":", SECRET.getKeyValue().toString(), NEW.getD().toString(),
                OLD.getD().toString(), BROKEN.getD().toString(), KeyServer.BODY_MARKER)) {
            assertFalse(error.contains(secret), () -> bean + ": LastRefreshError holds [" + secret + "]: " + error);
        }
    }

    private static void assertRecovered(ObjectName bean, String lastSuccessWhileFailing, long failures) {
        assertAll(
                () -> assertEquals(false, read(bean, "RefreshFailing")),
                () -> assertTrue(readLong(bean, "RefreshFailures") >= failures, "failures are never forgotten"),
                () -> assertTrue(Instant.parse(readString(bean, "LastRefreshSuccessAt"))
                        .isAfter(Instant.parse(lastSuccessWhileFailing)), "a new success"),
                () -> assertNotNull(readString(bean, "LastRefreshError"), "the last error stays readable"));
    }

    private static void assertHealthy(ObjectName bean, long failures) {
        assertAll(
                () -> assertEquals(false, read(bean, "RefreshFailing"), bean.toString()),
                () -> assertEquals(failures, readLong(bean, "RefreshFailures"), bean.toString()),
                () -> assertEquals(null, read(bean, "LastRefreshError"), bean.toString()),
                () -> assertEquals(null, read(bean, "LastRefreshErrorAt"), bean.toString()));
    }

    private static Instant loadedAt(ObjectName bean) {
        return Instant.parse(readString(bean, "KeyLoadedAt"));
    }

    private static String accessToken(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r::body);
        return JsonParser.parseString(r.body()).getAsJsonObject().get("access_token").getAsString();
    }

    /** Replaces {@code file} atomically, as a deployment tool would. */
    private static void replace(Path file, String text, AtomicInteger versions) throws Exception {
        Path next = file.resolveSibling(file.getFileName() + ".next-" + versions.incrementAndGet());
        Files.writeString(next, text, StandardCharsets.UTF_8);
        Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

}
