package io.github.jwtsigner.internal.rotation;

import io.github.jwtsigner.internal.jws.TokenSigner;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;

import io.github.jwtsigner.InvalidConfigurationException;
import io.github.jwtsigner.SignerConfig;
import io.github.jwtsigner.KeySource;
import io.github.jwtsigner.Setting;
import io.github.jwtsigner.internal.remote.TestPki;
import io.github.jwtsigner.testing.KeyServer;
import io.github.jwtsigner.testing.RecordingLogger;
import io.github.jwtsigner.testing.TestKeys;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jwk_url end to end, as the filter starts: settings, a real HTTPS key server, the fetch, the key checks, and a
 * token that an independent library verifies.
 */
class JwkUrlLoaderTest {
    private static final ECKey KEY = TestKeys.ec(Curve.P_256, "ec-1");

    @TempDir
    static Path dir;

    private static TestPki.Ca ca;
    private static Path caPem;
    private static Path strangerPem;
    private static KeyServer server;

    private final RecordingLogger log = new RecordingLogger();

    @BeforeAll
    static void startKeyServer() throws IOException {
        ca = TestPki.newCa("Key Server CA");
        caPem = ca.writePem(dir, "ca.pem");
        strangerPem = TestPki.newCa("Stranger CA").writePem(dir, "stranger.pem");
        server = KeyServer.https(ca.issue("localhost", "127.0.0.1")).serve(TestKeys.set(KEY));
    }

    @AfterAll
    static void stopKeyServer() {
        server.close();
    }

    /** A jwk_fingerprints pin, computed here as the spec defines it: base64url SHA-256 of the SPKI. */
    private static String pinOf(X509Certificate certificate) throws Exception {
        return Base64.getUrlEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(certificate.getPublicKey().getEncoded()));
    }

    private static SignerConfig.Builder config(String url) {
        return SignerConfig.builder().alg("ES256").keysToSign("access_token").jwkUrl(url)
                .jwkLocalCa(caPem.toString()).jwkConnectTimeout(Duration.ofSeconds(2))
                .jwkReadTimeout(Duration.ofSeconds(2));
    }

    private KeyRing<TokenSigner> start(SignerConfig.Builder config) {
        return KeyRing.start(config.build(), KeyFileOpener.files(), log);
    }

    private InvalidConfigurationException startFails(SignerConfig.Builder config) {
        return assertThrows(InvalidConfigurationException.class, () -> start(config));
    }

    private static void assertSignsWithTheServedKey(KeyRing<TokenSigner> ring) throws Exception {
        String token = SignedTokens.accessToken(ring);
        assertTrue(TestKeys.verifies(token, "ES256", KEY.toECPublicKey()), token);
        assertEquals("ec-1", TestKeys.kid(token));
    }

    @Test
    void signsWithAKeyFromAServerTrustedThroughTheLocalCa() throws Exception {
        try (KeyRing<TokenSigner> ring = start(config(server.url("/jwks.json")))) {
            assertSignsWithTheServedKey(ring);
            assertEquals("jwk_url [" + server.url("/jwks.json") + "], fetched again every 900s (cache_duration)",
                    ring.description());
        }
    }

    @Test
    void findsTheLocalCaWhereKeyFilesAreFoundSuchAsInsideTheWebapp() throws Exception {
        String webappCa = java.nio.file.Files.readString(caPem);
        jakarta.servlet.ServletContext webapp = io.github.jwtsigner.testing.TestFilterConfig.webapp(
                java.util.Map.of("/WEB-INF/tls/key-server-ca.pem", webappCa));
        KeyFileOpener locator = new io.github.jwtsigner.internal.servlet.WebappResourceLocator(webapp,
                getClass().getClassLoader());

        try (KeyRing<TokenSigner> ring = KeyRing.start(config(server.url("/jwks.json")).jwkLocalCa("WEB-INF/tls/key-server-ca.pem")
                .build(), locator, log)) {
            assertSignsWithTheServedKey(ring);
        }
    }

    @Test
    void namesTheMissingLocalCaTogetherWithTheOtherProblems() {
        jakarta.servlet.ServletContext webapp = io.github.jwtsigner.testing.TestFilterConfig.webapp(java.util.Map.of());
        KeyFileOpener locator = new io.github.jwtsigner.internal.servlet.WebappResourceLocator(webapp,
                getClass().getClassLoader());
        SignerConfig config = config("http://127.0.0.1:1/jwks.json").jwkLocalCa("WEB-INF/tls/missing-ca.pem")
                .build();

        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> KeyRing.start(config, locator, log));

        assertEquals(2, e.problems().size(), e.problems().toString());
        assertTrue(e.problems().get(0).startsWith("jwk_local_ca [WEB-INF/tls/missing-ca.pem] not found; looked in:"
                + " webapp resource [/WEB-INF/tls/missing-ca.pem]"), e.problems().get(0));
        assertTrue(e.problems().get(1).startsWith("jwk_url [http://127.0.0.1:1/jwks.json] is plain http"),
                e.problems().get(1));
    }

    @Test
    void refusesALocalCaFileOverTheLimit() throws Exception {
        String pem = java.nio.file.Files.readString(caPem);
        Path padded = java.nio.file.Files.writeString(dir.resolve("padded-ca.pem"),
                pem + "#".repeat(1_048_577 - pem.length()));

        InvalidConfigurationException e = startFails(config(server.url("/jwks.json")).jwkLocalCa(padded.toString()));

        assertEquals(List.of("jwk_local_ca [" + padded + "] is too large: file [" + padded + "] holds"
                + " [1048577] bytes; expected a key file of at most [1048576] bytes"), e.problems());
    }

    @Test
    void refusesToStartWhenTheServersCaIsNotTrusted() {
        InvalidConfigurationException e = startFails(config(server.url("/jwks.json")).jwkLocalCa(strangerPem.toString()));
        assertTrue(e.getMessage().contains("presented a certificate that is not trusted"), e.getMessage());
    }

    @Test
    void signsWhenThePinMatches() throws Exception {
        String pin = pinOf(ca.certificate);
        try (KeyRing<TokenSigner> ring = start(config(server.url("/jwks.json")).jwkFingerprints(List.of(pin)))) {
            assertSignsWithTheServedKey(ring);
        }
    }

    @Test
    void refusesToStartWhenNoPinMatches() throws Exception {
        String wrong = pinOf(TestPki.newCa("Other").certificate);
        InvalidConfigurationException e = startFails(config(server.url("/jwks.json")).jwkFingerprints(List.of(wrong)));
        assertTrue(e.getMessage().contains("presented no certificate matching jwk_fingerprints"), e.getMessage());
    }

    @Test
    void refusesPlainHttpWithoutDisableJwkSecurity() {
        try (KeyServer plain = KeyServer.http().serve(TestKeys.set(KEY))) {
            InvalidConfigurationException e = startFails(config(plain.url("/jwks.json")));
            assertTrue(e.getMessage().contains("jwk_url [" + plain.url("/jwks.json") + "] is plain http; expected"
                    + " https://, or disable_jwk_security true"), e.getMessage());
            assertEquals(0, plain.requests());
        }
    }

    @Test
    void allowsPlainHttpWithDisableJwkSecurityAndWarnsAtStartup() throws Exception {
        try (KeyServer plain = KeyServer.http().serve(TestKeys.set(KEY));
                KeyRing<TokenSigner> ring = start(config(plain.url("/jwks.json")).disableJwkSecurity(true).jwkLocalCa(null))) {
            assertSignsWithTheServedKey(ring);
            assertTrue(log.lines().stream().anyMatch(l -> l.level() == Level.WARNING
                    && l.message().startsWith("disable_jwk_security is true: jwk_url [" + plain.url("/jwks.json")
                            + "] is fetched over plain http")), log.lines().toString());
        }
    }

    @Test
    void failsTheHandshakeWhenTheServerAgreesToNoConfiguredCipherSuite() {
        try (KeyServer strict = KeyServer.httpsOnly(ca.issue("127.0.0.1"), "TLSv1.2",
                "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384")
                .serve(TestKeys.set(KEY))) {
            InvalidConfigurationException e = startFails(config(strict.url("/jwks.json")).cipherSuites(List.of(49195)));
            assertTrue(e.getMessage().contains("TLS handshake failed"), e.getMessage());
        }
    }

    @Test
    void refusesToStartOnAnAnswerThatIsNotA200JwkSet() {
        try (KeyServer odd = KeyServer.https(ca.issue("127.0.0.1"))) {
            odd.answer(404, "application/json", "{}");
            assertTrue(startFails(config(odd.url("/jwks.json"))).getMessage().contains("answered HTTP status [404];"
                    + " expected 200"));
            odd.answer(200, "text/html", TestKeys.set(KEY));
            assertTrue(startFails(config(odd.url("/jwks.json"))).getMessage().contains("answered Content-Type"
                    + " [text/html]; expected application/json or application/jwk-set+json"));
            odd.serve(TestKeys.set(KEY));
            InvalidConfigurationException tooBig = startFails(config(odd.url("/jwks.json")).jwkMaxBytes(100));
            assertTrue(tooBig.getMessage().contains("more than jwk_max_bytes [100] bytes"), tooBig.getMessage());
        }
    }

    @Test
    void givesUpOnAServerThatNeverAnswersWithinTheReadTimeout() {
        try (KeyServer silent = KeyServer.https(ca.issue("127.0.0.1")).silence()) {
            long start = System.nanoTime();
            InvalidConfigurationException e = startFails(config(silent.url("/jwks.json"))
                    .jwkReadTimeout(Duration.ofMillis(500)));
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertAll(
                    () -> assertTrue(e.getMessage().contains("did not answer in time while waiting for the response"
                            + " (jwk_connect_timeout 2000ms, jwk_read_timeout 500ms)"), e.getMessage()),
                    () -> assertTrue(millis >= 400 && millis < 3000, "took " + millis + " ms"));
        }
    }

    @Test
    void refusesToStartWhenTheServedSetHasNoKeyThatFits() {
        try (KeyServer wrongKey = KeyServer.https(ca.issue("127.0.0.1"))
                .serve(TestKeys.set(TestKeys.ec(Curve.P_384, "p384")))) {
            InvalidConfigurationException e = startFails(config(wrongKey.url("/jwks.json")));
            assertEquals(List.of("no key in jwk_url [" + wrongKey.url("/jwks.json") + "] can sign with alg [ES256]"
                    + " (kid is left out, so the first key that fits is used); expected a key with a kid and private"
                    + " members that fits [ES256]. Skipped:",
                    "key [0] with kid [p384] is on curve [P-384]; alg [ES256] needs crv [P-256]"), e.problems());
        }
    }

    @Test
    void givesUpOnAServerThatNeverAnswersAtTheFetchDeadline() {
        try (KeyServer silent = KeyServer.https(ca.issue("127.0.0.1")).silence()) {
            long start = System.nanoTime();
            InvalidConfigurationException e = startFails(config(silent.url("/jwks.json"))
                    .jwkReadTimeout(Duration.ofSeconds(10)).jwkFetchTimeout(Duration.ofSeconds(1)));
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertAll(
                    () -> assertTrue(e.getMessage().contains("did not complete the fetch within jwk_fetch_timeout"
                            + " [1000ms]"), e.getMessage()),
                    () -> assertTrue(millis >= 900 && millis < 5000, "took " + millis + " ms"));
        }
    }

    @Test
    void passesEveryFetchSettingOn() {
        SignerConfig config = config(server.url("/jwks.json")).jwkConnectTimeout(Duration.ofMillis(700))
                .jwkReadTimeout(Duration.ofMillis(900)).jwkMaxBytes(5000).build();
        assertEquals(Optional.empty(), SigningLoaders.jwkUrl(config, KeyFileOpener.files()).securityWarning());
        KeySource.JwkUrl url = (KeySource.JwkUrl) config.keySource();
        assertAll(
                () -> assertEquals(Duration.ofMillis(700), url.connectTimeout()),
                () -> assertEquals(Duration.ofMillis(900), url.readTimeout()),
                () -> assertEquals(Setting.JWK_FETCH_TIMEOUT.defaultValue(), url.fetchTimeout()),
                () -> assertEquals(5000, url.maxBytes()));
    }

    @Test
    void reloadsOnlyWhenTheServedSetChanges() throws Exception {
        try (KeyServer changing = KeyServer.https(ca.issue("127.0.0.1")).serve(TestKeys.set(KEY))) {
            JwkUrlLoader<TokenSigner> source = SigningLoaders.jwkUrl(config(changing.url("/jwks.json")).cacheDuration(7).build(),
                    KeyFileOpener.files());
            assertEquals("ec-1", source.load().kid());
            assertEquals(Optional.empty(), source.reload());
            changing.serve(TestKeys.set(TestKeys.ec(Curve.P_256, "ec-2"), KEY));
            assertEquals("ec-2", source.reload().orElseThrow().kid());
            assertEquals(Duration.ofSeconds(7), source.reloadInterval());
            assertEquals(Level.WARNING, source.failureLevel());
            assertFalse(source.description().isEmpty());
        }
    }
}
