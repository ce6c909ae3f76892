package io.github.jwtsigner.internal.remote;

import io.github.jwtsigner.KeySource;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jwtsigner.InvalidConfigurationException;
import io.github.jwtsigner.internal.remote.KeyFetchException.Reason;
import io.github.jwtsigner.testing.KeyServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class JwkFetcherTest {
    private static final Duration SHORT = Duration.ofMillis(500);
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);
    /** Leaves a loaded build machine time for the handshake, so that the deadline passes where intended. */
    private static final Duration TWO_SECONDS = Duration.ofSeconds(2);

    @TempDir
    static Path dir;

    private static TestPki.Ca trustedCa;
    private static TestPki.Ca strangerCa;
    private static TestPki.Server trustedCert;
    private static Path trustedCaPem;
    private static Path strangerCaPem;
    private static KeyServer trusted;
    private static KeyServer untrusted;
    private static KeyServer wrongHost;
    private static KeyServer plain;
    private static TestPki.Ca genuineRoot;
    private static TestPki.Ca genuineIntermediate;
    private static TestPki.Server genuineLeaf;
    private static Path genuineRootPem;
    /** Sends [leaf, intermediate]. */
    private static KeyServer genuine;
    /** Sends [leaf, intermediate, root]. */
    private static KeyServer genuineFullChain;

    @BeforeAll
    static void startServers() throws IOException {
        trustedCa = TestPki.newCa("Key Server Test CA");
        strangerCa = TestPki.newCa("Stranger CA");
        trustedCert = trustedCa.issue("localhost", "127.0.0.1");
        trustedCaPem = trustedCa.writePem(dir, "trusted-ca.pem");
        strangerCaPem = strangerCa.writePem(dir, "stranger-ca.pem");
        trusted = KeyServer.https(trustedCert);
        untrusted = KeyServer.https(strangerCa.issue("localhost", "127.0.0.1"));
        wrongHost = KeyServer.https(trustedCa.issue("keys.example.com"));
        plain = KeyServer.http();
        genuineRoot = TestPki.newCa("Genuine Root CA");
        genuineIntermediate = genuineRoot.issueCa("Genuine Intermediate CA");
        genuineLeaf = genuineIntermediate.issue("localhost", "127.0.0.1");
        genuineRootPem = genuineRoot.writePem(dir, "genuine-root.pem");
        genuine = KeyServer.https(genuineLeaf);
        genuineFullChain = KeyServer.https(genuineLeaf.followedBy(genuineIntermediate.certificate,
                genuineRoot.certificate));
    }

    @AfterAll
    static void stopServers() {
        for (KeyServer s : new KeyServer[] {trusted, untrusted, wrongHost, plain, genuine,
                genuineFullChain}) {
            if (s != null) {
                s.close();
            }
        }
    }

    private static JwkUrlSettings settings(String url) {
        return JwkUrlSettings.url(url).localCaPath(trustedCaPem.toString())
                .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(2));
    }

    private static String fetch(JwkUrlSettings settings) {
        return settings.fetcher().fetch();
    }

    private static KeyFetchException fetchFails(JwkUrlSettings settings, Reason reason) {
        KeyFetchException e = assertThrows(KeyFetchException.class, () -> fetch(settings));
        assertEquals(reason, e.reason(), e.getMessage());
        assertFalse(e.getMessage().contains(KeyServer.BODY_MARKER), e.getMessage());
        return e;
    }

    // Certificate trust and host name.

    @Test
    void fetchesFromServerWhoseCaIsTheLocalCa() {
        assertEquals(KeyServer.JWKS, fetch(settings(trusted.url("/jwks.json"))));
    }

    @Test
    void checksHostNameAgainstDnsNameToo() {
        assertEquals(KeyServer.JWKS, fetch(settings(trusted.localhostUrl("/jwks.json"))));
    }

    @Test
    void refusesServerTrustedByNeitherSystemStoreNorLocalCa() {
        KeyFetchException e = fetchFails(settings(untrusted.url("/jwks.json")), Reason.TLS);
        assertAll(
                () -> assertTrue(e.getMessage().startsWith("jwk_url [" + untrusted.url("/jwks.json") + "]"),
                        e.getMessage()),
                () -> assertTrue(e.getMessage().contains("not trusted"), e.getMessage()),
                () -> assertTrue(e.getMessage().contains("jwk_local_ca [" + trustedCaPem + "]"), e.getMessage()));
    }

    @Test
    void refusesServerWithoutLocalCaWhenSystemStoreDoesNotKnowItsCa() {
        KeyFetchException e = fetchFails(settings(trusted.url("/jwks.json")).localCaPath(null), Reason.TLS);
        assertTrue(e.getMessage().contains("issued by the system trust store"), e.getMessage());
    }

    @Test
    void refusesTrustedCertificateIssuedForAnotherHost() {
        KeyFetchException e = fetchFails(settings(wrongHost.url("/jwks.json")), Reason.TLS);
        assertAll(
                () -> assertTrue(e.getMessage().contains("No subject alternative names matching IP address 127.0.0.1"),
                        e.getMessage()),
                () -> assertTrue(e.getMessage().contains("for host [127.0.0.1]"), e.getMessage()));
    }

    @Test
    void acceptsUntrustedCertificateAndAnyHostWithDisabledSecurity() {
        assertAll(
                () -> assertEquals(KeyServer.JWKS,
                        fetch(settings(untrusted.url("/jwks.json")).localCaPath(null).disableJwkSecurity(true))),
                () -> assertEquals(KeyServer.JWKS,
                        fetch(settings(wrongHost.url("/jwks.json")).disableJwkSecurity(true))));
    }

    // Public key pins (jwk_fingerprints).

    @Test
    void fetchesWhenServerCertificateKeyIsPinned() {
        String pin = PublicKeyPins.pinOf(trustedCert.certificate);
        assertEquals(KeyServer.JWKS, fetch(settings(trusted.url("/jwks.json")).fingerprints(List.of(pin))));
    }

    @Test
    void fetchesWhenCaKeyTheServerPresentsIsPinned() {
        String pin = PublicKeyPins.pinOf(trustedCa.certificate);
        assertEquals(KeyServer.JWKS, fetch(settings(trusted.url("/jwks.json")).fingerprints(List.of(pin))));
    }

    @Test
    void refusesWhenNoPresentedKeyIsPinnedAndListsThePinsSeen() {
        String wrong = PublicKeyPins.pinOf(strangerCa.certificate);
        KeyFetchException e = fetchFails(settings(trusted.url("/jwks.json")).fingerprints(List.of(wrong)),
                Reason.PIN_MISMATCH);
        assertAll(
                () -> assertTrue(e.getMessage().contains(PublicKeyPins.pinOf(trustedCert.certificate)),
                        e.getMessage()),
                () -> assertTrue(e.getMessage().contains(PublicKeyPins.pinOf(trustedCa.certificate)),
                        e.getMessage()),
                () -> assertTrue(e.getMessage().contains("expected one of [" + wrong + "]"), e.getMessage()));
    }

    @Test
    void stillRequiresATrustedCertificateWhenThePinMatches() {
        String pin = PublicKeyPins.pinOf(strangerCa.certificate);
        fetchFails(settings(untrusted.url("/jwks.json")).fingerprints(List.of(pin)), Reason.TLS);
    }

    @Test
    void stillChecksPinsWithDisabledSecurity() {
        String wrong = PublicKeyPins.pinOf(trustedCa.certificate);
        fetchFails(settings(untrusted.url("/jwks.json")).disableJwkSecurity(true).fingerprints(List.of(wrong)),
                Reason.PIN_MISMATCH);
    }

    // A pin vouches only for the leaf and the CAs that signed it: anything else a server sends is public data
    // a man in the middle can append (the bug class of OkHttp's CVE-2016-2402).

    static Stream<Arguments> pinsOnTheSignedPath() {
        return Stream.of(false, true).flatMap(disabled -> Stream.of(
                Arguments.of(Named.of(disabled ? "disable_jwk_security" : "verifying", disabled),
                        Named.of("leaf", genuineLeaf.certificate)),
                Arguments.of(Named.of(disabled ? "disable_jwk_security" : "verifying", disabled),
                        Named.of("intermediate that signed the leaf", genuineIntermediate.certificate)),
                Arguments.of(Named.of(disabled ? "disable_jwk_security" : "verifying", disabled),
                        Named.of("root the server sends", genuineRoot.certificate))));
    }

    @ParameterizedTest(name = "{0}, pin of the {1}")
    @MethodSource("pinsOnTheSignedPath")
    void acceptsAPinOfTheLeafOrOfACaThatSignedIt(boolean disabled, X509Certificate pinned) {
        assertEquals(KeyServer.JWKS, fetch(settings(genuineFullChain.url("/jwks.json"))
                .localCaPath(genuineRootPem.toString()).disableJwkSecurity(disabled)
                .fingerprints(List.of(PublicKeyPins.pinOf(pinned)))));
    }

    @Test
    void acceptsAPinnedRootTheServerDoesNotSendWhenJwkLocalCaHoldsIt() {
        assertEquals(KeyServer.JWKS, fetch(settings(genuine.url("/jwks.json"))
                .localCaPath(genuineRootPem.toString())
                .fingerprints(List.of(PublicKeyPins.pinOf(genuineRoot.certificate)))));
    }

    @Test
    void cannotMatchAPinnedRootTheServerDoesNotSendWithDisabledSecurity() {
        // Without verification there are no trust anchors: only what the server sends can be on the path.
        fetchFails(settings(genuine.url("/jwks.json")).disableJwkSecurity(true)
                .fingerprints(List.of(PublicKeyPins.pinOf(genuineRoot.certificate))), Reason.PIN_MISMATCH);
    }

    static Stream<Named<X509Certificate>> genuinePinnedCertificates() {
        return Stream.of(Named.of("genuine leaf", genuineLeaf.certificate),
                Named.of("genuine intermediate", genuineIntermediate.certificate),
                Named.of("genuine root", genuineRoot.certificate));
    }

    @ParameterizedTest(name = "pin of the {0}")
    @MethodSource("genuinePinnedCertificates")
    void refusesAManInTheMiddleThatAppendsThePinnedCertificateWithDisabledSecurity(X509Certificate pinned) {
        TestPki.Ca attackerCa = TestPki.newCa("Attacker CA");
        TestPki.Server attacker = attackerCa.issue("localhost", "127.0.0.1")
                .followedBy(attackerCa.certificate, pinned);
        try (KeyServer mitm = KeyServer.https(attacker)) {
            KeyFetchException e = fetchFails(settings(mitm.url("/jwks.json")).localCaPath(null)
                    .disableJwkSecurity(true).fingerprints(List.of(PublicKeyPins.pinOf(pinned))),
                    Reason.PIN_MISMATCH);
            assertTrue(e.getMessage().contains("pins of the presented certificates ["
                    + PublicKeyPins.pinOf(attacker.certificate) + ", " + PublicKeyPins.pinOf(attackerCa.certificate)
                    + ", " + PublicKeyPins.pinOf(pinned) + "]"), e.getMessage());
        }
    }

    static Stream<Arguments> trustedManInTheMiddle() {
        return Stream.of(
                Arguments.of(Named.of("genuine leaf of the same CA", trustedCert.certificate), false),
                Arguments.of(Named.of("genuine leaf of the same CA", trustedCert.certificate), true),
                Arguments.of(Named.of("genuine intermediate of another trusted CA", genuineIntermediate.certificate),
                        false),
                Arguments.of(Named.of("genuine intermediate of another trusted CA", genuineIntermediate.certificate),
                        true));
    }

    @ParameterizedTest(name = "pin of the {0}, attacker sends its CA too: {1}")
    @MethodSource("trustedManInTheMiddle")
    void refusesAManInTheMiddleWithATrustedCertificateThatAppendsThePinnedCertificate(X509Certificate pinned,
            boolean sendsItsCa) throws IOException {
        // The attacker holds a real certificate for the host from a CA that jwk_local_ca trusts.
        TestPki.Server issued = trustedCa.issue("localhost", "127.0.0.1");
        TestPki.Server attacker = sendsItsCa ? issued.followedBy(trustedCa.certificate, pinned)
                : issued.followedBy(pinned);
        Path bothCas = Files.writeString(dir.resolve("trusted-and-genuine.pem"),
                TestPki.pem(trustedCa.certificate, genuineRoot.certificate));
        try (KeyServer mitm = KeyServer.https(attacker)) {
            assertEquals(KeyServer.JWKS, fetch(settings(mitm.url("/jwks.json")).localCaPath(bothCas.toString())),
                    "the attacker's certificate is trusted without pins");
            fetchFails(settings(mitm.url("/jwks.json")).localCaPath(bothCas.toString())
                    .fingerprints(List.of(PublicKeyPins.pinOf(pinned))), Reason.PIN_MISMATCH);
        }
    }

    // Plain http and disable_jwk_security.

    @Test
    void refusesPlainHttpWithoutDisabledSecurity() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> settings(plain.url("/jwks.json")).fetcher());
        assertTrue(e.getMessage().contains("is plain http"), e.getMessage());
    }

    @Test
    void refusesPinsOverPlainHttpEvenWhenBuiltDirectly() {
        // The loader checks the URL before it makes the fetcher; the fetcher checks again on its own.
        KeySource.JwkUrl pinned = new KeySource.JwkUrl(plain.url("/jwks.json"), true, List.of("A".repeat(43) + "="),
                List.of(49199), null, 900, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), 1024);
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> new JwkFetcher(pinned, null));
        assertTrue(e.getMessage().contains("has no certificate to pin"), e.getMessage());
        KeySource.JwkUrl open = new KeySource.JwkUrl(plain.url("/jwks.json"), false, List.of(), List.of(49199), null,
                900, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), 1024);
        assertThrows(InvalidConfigurationException.class, () -> new JwkFetcher(open, null));
    }

    @Test
    void fetchesPlainHttpWithDisabledSecurity() {
        assertEquals(KeyServer.JWKS, fetch(settings(plain.url("/jwks.json")).disableJwkSecurity(true)));
    }

    @Test
    void httpsUrlOnPlainHttpServerFailsTheHandshake() {
        String url = plain.url("/jwks.json").replace("http:", "https:");
        fetchFails(settings(url), Reason.TLS);
    }

    // Cipher suites and protocol versions.

    @Test
    void failsTheHandshakeWhenServerAcceptsNoConfiguredSuite() throws Exception {
        try (KeyServer only = KeyServer.httpsOnly(trustedCert, "TLSv1.2",
                "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384")) {
            KeyFetchException e = fetchFails(settings(only.url("/jwks.json")).cipherSuites(List.of(49195)),
                    Reason.TLS);
            assertTrue(e.getMessage().contains("cipher_suites [49195]"), e.getMessage());
        }
    }

    @Test
    void agreesOnTheOneSuiteBothSidesAccept() throws Exception {
        try (KeyServer only = KeyServer.httpsOnly(trustedCert, "TLSv1.2",
                "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384")) {
            assertEquals(KeyServer.JWKS,
                    fetch(settings(only.url("/jwks.json")).cipherSuites(List.of(49195, 49196))));
        }
    }

    @Test
    void usesTls13WithTheDefaultSuites() throws Exception {
        try (KeyServer only = KeyServer.httpsOnly(trustedCert, "TLSv1.3", "TLS_AES_256_GCM_SHA384")) {
            assertEquals(KeyServer.JWKS, fetch(settings(only.url("/jwks.json"))));
        }
    }

    // What the server answers.

    @Test
    void refusesNotFoundNamingTheStatus() {
        KeyFetchException e = fetchFails(settings(trusted.url("/missing")), Reason.HTTP_STATUS);
        assertEquals("jwk_url [" + trusted.url("/missing") + "] answered HTTP status [404]; expected 200",
                e.getMessage());
    }

    @Test
    void doesNotFollowRedirects() {
        KeyFetchException e = fetchFails(settings(trusted.url("/redirect")), Reason.HTTP_STATUS);
        assertAll(
                () -> assertTrue(e.getMessage().contains("HTTP status [302]"), e.getMessage()),
                () -> assertTrue(e.getMessage().contains("/jwks.json]"), e.getMessage()),
                () -> assertTrue(e.getMessage().contains("redirects are not followed"), e.getMessage()));
    }

    @Test
    void acceptsJwkSetMediaTypeInAnyCaseWithParameters() {
        assertEquals(KeyServer.JWKS, fetch(settings(trusted.url("/jwk-set"))));
    }

    @Test
    void refusesOtherContentTypeNamingIt() {
        KeyFetchException e = fetchFails(settings(trusted.url("/html")), Reason.CONTENT_TYPE);
        assertTrue(e.getMessage().contains("Content-Type [text/html]"), e.getMessage());
    }

    @Test
    void refusesMissingContentType() {
        KeyFetchException e = fetchFails(settings(trusted.url("/no-type")), Reason.CONTENT_TYPE);
        assertTrue(e.getMessage().contains("Content-Type [none]"), e.getMessage());
    }

    @Test
    void refusesCompressedBody() {
        KeyFetchException e = fetchFails(settings(trusted.url("/gzip")), Reason.CONTENT_TYPE);
        assertTrue(e.getMessage().contains("Content-Encoding [gzip]"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/big", "/big-chunked"})
    void refusesBodyLargerThanTheLimit(String path) {
        KeyFetchException e = fetchFails(settings(trusted.url(path)).maxBytes(1024), Reason.TOO_LARGE);
        assertTrue(e.getMessage().contains("jwk_max_bytes [1024]"), e.getMessage());
    }

    @Test
    void acceptsBodyOfExactlyTheLimit() {
        assertEquals(1024, fetch(settings(trusted.url("/exactly-1024")).maxBytes(1024)).length());
    }

    @Test
    void refusesBodyThatIsNotUtf8() {
        fetchFails(settings(trusted.url("/not-utf8")), Reason.INVALID_ENCODING);
    }

    @Test
    void dropsLeadingByteOrderMark() {
        assertEquals(KeyServer.JWKS, fetch(settings(trusted.url("/bom"))));
    }

    @Test
    void sendsUserInfoAsBasicCredentialsAndNeverPrintsThePassword() {
        String userInfo = "key%20reader:p%40ss%3Aword@";
        String url = trusted.url("/basic").replace("://", "://" + userInfo);
        assertEquals(KeyServer.JWKS, fetch(settings(url)));
        String wrong = trusted.url("/basic").replace("://", "://key%20reader:guess@");
        KeyFetchException e = fetchFails(settings(wrong), Reason.HTTP_STATUS);
        assertAll(
                () -> assertTrue(e.getMessage().contains("[401]"), e.getMessage()),
                () -> assertTrue(e.getMessage().contains("https://***@127.0.0.1:"), e.getMessage()),
                () -> assertFalse(e.getMessage().contains("guess"), e.getMessage()));
    }

    @Test
    void oneFetcherServesManyThreadsAtOnce() throws Exception {
        JwkFetcher fetcher = settings(trusted.url("/jwks.json"))
                .fingerprints(List.of(PublicKeyPins.pinOf(trustedCa.certificate))).fetcher();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                results.add(pool.submit(fetcher::fetch));
            }
            for (Future<String> r : results) {
                assertEquals(KeyServer.JWKS, r.get(10, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // Servers that cannot be reached or never answer.

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http", "https"})
    void givesUpOnServerThatNeverAnswersWithinTheReadTimeout(String scheme) throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String url = scheme + "://127.0.0.1:" + silent.getLocalPort() + "/jwks.json";
            long start = System.nanoTime();
            KeyFetchException e = fetchFails(settings(url).disableJwkSecurity(true).readTimeout(SHORT),
                    Reason.TIMEOUT);
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertTrue(millis >= 400 && millis < 3000, "took " + millis + " ms");
            assertTrue(e.getMessage().contains("jwk_read_timeout 500ms"), e.getMessage());
        }
    }

    // The deadline of a whole fetch (jwk_fetch_timeout).

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/drip", "/drip-sized"})
    void cutsOffABodySentAByteAtATimeAtTheFetchDeadline(String path) {
        String url = trusted.url(path);
        long start = System.nanoTime();
        KeyFetchException e = fetchFails(settings(url).readTimeout(ONE_SECOND).fetchTimeout(TWO_SECONDS),
                Reason.TIMEOUT);
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertTrue(millis >= 1900 && millis < 6000, "took " + millis + " ms");
        assertEquals("jwk_url [" + url + "] did not complete the fetch within jwk_fetch_timeout [2000ms] (stopped"
                + " while reading the body); expected a key server that sends the whole JWK Set within it",
                e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http", "https"})
    void cutsOffHeadersSentAByteAtATimeAtTheFetchDeadline(String scheme) throws IOException {
        try (SlowHeadersServer slow = scheme.equals("https") ? SlowHeadersServer.https(trustedCert)
                : SlowHeadersServer.http()) {
            long start = System.nanoTime();
            KeyFetchException e = fetchFails(settings(slow.url("/jwks.json")).disableJwkSecurity(scheme.equals("http"))
                    .readTimeout(ONE_SECOND).fetchTimeout(TWO_SECONDS), Reason.TIMEOUT);
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertTrue(millis >= 1900 && millis < 6000, "took " + millis + " ms");
            assertTrue(e.getMessage().endsWith("did not complete the fetch within jwk_fetch_timeout [2000ms] (stopped"
                    + " while waiting for the response); expected a key server that sends the whole JWK Set within"
                    + " it"), e.getMessage());
        }
    }

    @Test
    void namesTheUrlWithoutItsPasswordWhenTheDeadlinePasses() {
        String url = trusted.url("/drip").replace("://", "://reader:hunter2@");
        KeyFetchException e = fetchFails(settings(url).fetchTimeout(Duration.ofMillis(300)), Reason.TIMEOUT);
        assertAll(
                () -> assertTrue(e.getMessage().startsWith("jwk_url [https://***@127.0.0.1:"), e.getMessage()),
                () -> assertTrue(e.getMessage().contains("jwk_fetch_timeout [300ms]"), e.getMessage()),
                () -> assertFalse(e.getMessage().contains("hunter2"), e.getMessage()));
    }

    @Test
    void reportsRefusedConnection() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        KeyFetchException e = fetchFails(settings("https://127.0.0.1:" + port + "/jwks.json"), Reason.CONNECTION);
        assertTrue(e.getMessage().contains("cannot be reached"), e.getMessage());
    }

    @Test
    void refusesAnApplicationServersOwnUrlHandler() throws IOException {
        URLConnection foreign = new URLConnection(new URL("https://keys.example.com/jwks.json")) {
            @Override
            public void connect() {
                // Never used: only the type matters.
            }
        };
        assertEquals("is handled by [" + foreign.getClass().getName() + "], not by javax.net.ssl.HttpsURLConnection,"
                + " so the settings cannot apply; expected the JDK's URL handler (on WebLogic, start the JVM with"
                + " -DUseSunHttpHandler=true)", JwkFetcher.unusableHandler(foreign, true));
        assertEquals(null, JwkFetcher.unusableHandler(new URL(trusted.url("/")).openConnection(), true));
        assertEquals(null, JwkFetcher.unusableHandler(new URL(plain.url("/")).openConnection(), false));
    }

    // The jwk_local_ca file.

    @Test
    void missingLocalCaFileIsAConfigurationError() {
        JwkUrlSettings s = settings(trusted.url("/jwks.json")).localCaPath(dir.resolve("nope.pem").toString());
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, s::fetcher);
        assertTrue(e.getMessage().contains("jwk_local_ca [" + dir.resolve("nope.pem") + "] cannot be read"),
                e.getMessage());
    }

    @Test
    void doesNotReadLocalCaFileForPlainHttp() {
        JwkUrlSettings s = settings(plain.url("/jwks.json")).disableJwkSecurity(true)
                .localCaPath(dir.resolve("nope.pem").toString());
        assertEquals(KeyServer.JWKS, s.fetcher().fetch());
    }

    @Test
    void trustsEveryCaInTheLocalCaFile() throws IOException {
        Path both = Files.writeString(dir.resolve("both.pem"),
                TestPki.pem(trustedCa.certificate, strangerCa.certificate));
        assertEquals(KeyServer.JWKS,
                fetch(settings(untrusted.url("/jwks.json")).localCaPath(both.toString())));
        assertEquals(KeyServer.JWKS, fetch(settings(trusted.url("/jwks.json")).localCaPath(both.toString())));
    }

    @Test
    void trustsNoOtherCaThanTheLocalCaFileBesidesTheSystemStore() {
        KeyFetchException e = fetchFails(settings(trusted.url("/jwks.json")).localCaPath(strangerCaPem.toString()),
                Reason.TLS);
        assertTrue(e.getMessage().contains("jwk_local_ca [" + strangerCaPem + "]"), e.getMessage());
    }
}
