package io.github.jwtsigner.internal.remote;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jwtsigner.InvalidConfigurationException;
import io.github.jwtsigner.SignerConfig;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RemoteJwkSettingsTest {
    private static final String URL = "https://keys.example.com/jwks.json";
    private static final String PIN = "A".repeat(43) + "=";

    private static String problem(RemoteJwkSettings.Builder builder) {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, builder::build);
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.problems().get(0);
    }

    @Test
    void defaultsToKrakenDsSuitesAndOurLimits() {
        RemoteJwkSettings s = RemoteJwkSettings.builder().url(URL).build();
        assertAll(
                () -> assertEquals(URL, s.url()),
                () -> assertFalse(s.disableJwkSecurity()),
                () -> assertEquals(List.of(), s.fingerprints()),
                () -> assertEquals(SignerConfig.DEFAULT_CIPHER_SUITES, s.cipherSuites()),
                () -> assertEquals(List.of(49199, 49195, 49200, 49196, 52392, 52393, 4865, 4866, 4867),
                        s.cipherSuites()),
                () -> assertEquals(Optional.empty(), s.localCaPath()),
                () -> assertEquals(Duration.ofSeconds(5), s.connectTimeout()),
                () -> assertEquals(Duration.ofSeconds(10), s.readTimeout()),
                () -> assertEquals(1_048_576, s.maxBytes()),
                () -> assertEquals(Optional.empty(), s.securityWarning()));
    }

    @Test
    void keepsEverySettingGiven() {
        RemoteJwkSettings s = RemoteJwkSettings.builder().url(URL).fingerprints(List.of(PIN))
                .cipherSuites(List.of(49196, 4866)).localCaPath("/etc/ca.pem").connectTimeout(Duration.ofMillis(250))
                .readTimeout(Duration.ofSeconds(3)).maxBytes(4096).build();
        assertAll(
                () -> assertEquals(List.of(PIN), s.fingerprints()),
                () -> assertEquals(List.of(49196, 4866), s.cipherSuites()),
                () -> assertEquals(List.of("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_AES_256_GCM_SHA384"),
                        s.jdkCipherSuites()),
                () -> assertEquals(Optional.of("/etc/ca.pem"), s.localCaPath()),
                () -> assertEquals(Duration.ofMillis(250), s.connectTimeout()),
                () -> assertEquals(Duration.ofSeconds(3), s.readTimeout()),
                () -> assertEquals(4096, s.maxBytes()));
    }

    @Test
    void requiresUrl() {
        assertEquals("jwk_url is required; expected an https:// URL serving the JWK Set",
                problem(RemoteJwkSettings.builder()));
    }

    @Test
    void refusesPlainHttpUnlessSecurityIsDisabled() {
        assertEquals("jwk_url [http://keys.example.com/jwks.json] is plain http; expected https://, or"
                        + " disable_jwk_security true to allow it (local testing only)",
                problem(RemoteJwkSettings.builder().url("http://keys.example.com/jwks.json")));
        RemoteJwkSettings s = RemoteJwkSettings.builder().url("HTTP://keys.example.com/jwks.json")
                .disableJwkSecurity(true).build();
        assertFalse(s.isHttps());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ftp://keys.example.com/jwks.json | has scheme [ftp]",
        "file:///etc/jwks.json            | has scheme [file]",
        "keys.example.com/jwks.json       | has no scheme",
        "https:///jwks.json               | has no host",
        "https://keys.example.com:70000/  | has port [70000]",
    })
    void refusesUrlsThatAreNotHttpOrHttpsWithAHost(String url, String expected) {
        String p = problem(RemoteJwkSettings.builder().url(url).disableJwkSecurity(true));
        assertTrue(p.startsWith("jwk_url [" + url + "] " + expected), p);
    }

    @Test
    void refusesMalformedUrlWithoutEchoingIt() {
        String p = problem(RemoteJwkSettings.builder().url("https://user:s3cret@keys example.com/"));
        assertAll(
                () -> assertTrue(p.startsWith("jwk_url is not a valid URL (Illegal character in authority at index"),
                        p),
                () -> assertFalse(p.contains("s3cret"), p));
    }

    @Test
    void warnsWhenSecurityIsDisabled() {
        String http = RemoteJwkSettings.builder().url("http://keys.local/jwks.json").disableJwkSecurity(true)
                .build().securityWarning().orElseThrow();
        String https = RemoteJwkSettings.builder().url(URL).disableJwkSecurity(true).build().securityWarning()
                .orElseThrow();
        String pinned = RemoteJwkSettings.builder().url(URL).disableJwkSecurity(true).fingerprints(List.of(PIN))
                .build().securityWarning().orElseThrow();
        assertAll(
                () -> assertEquals("disable_jwk_security is true: jwk_url [http://keys.local/jwks.json] is fetched"
                        + " over plain http, unencrypted and unauthenticated; anyone on the network path can read or"
                        + " replace the signing key. Use it for local testing only", http),
                () -> assertTrue(https.contains("without checking the certificate's issuer or host name;"), https),
                () -> assertTrue(pinned.contains("(the jwk_fingerprints pins are still checked)"), pinned));
    }

    @Test
    void hidesUrlPasswordInWarningAndToString() {
        RemoteJwkSettings s = RemoteJwkSettings.builder().url("http://reader:s3cret@keys.local/jwks.json")
                .disableJwkSecurity(true).build();
        assertAll(
                () -> assertTrue(s.toString().contains("jwk_url=http://***@keys.local/jwks.json"), s.toString()),
                () -> assertFalse(s.toString().contains("s3cret"), s.toString()),
                () -> assertFalse(s.securityWarning().orElseThrow().contains("s3cret")),
                () -> assertEquals("http://reader:s3cret@keys.local/jwks.json", s.url()));
    }

    @Test
    void refusesPinsThatAreNotSha256Digests() {
        assertTrue(problem(RemoteJwkSettings.builder().url(URL).fingerprints(List.of("S3Jha2VuRA==")))
                .startsWith("jwk_fingerprints entry [S3Jha2VuRA==] is not a base64url SHA-256 digest"));
    }

    @Test
    void refusesPinsForPlainHttp() {
        assertEquals("jwk_fingerprints is set but jwk_url [http://keys.local/jwks.json] is plain http, which has"
                        + " no certificate to pin; expected an https:// jwk_url",
                problem(RemoteJwkSettings.builder().url("http://keys.local/jwks.json").disableJwkSecurity(true)
                        .fingerprints(List.of(PIN))));
    }

    @Test
    void refusesEmptyOrUnusableCipherSuites() {
        assertAll(
                () -> assertEquals("cipher_suites is an empty list; leave it out for the defaults "
                                + SignerConfig.DEFAULT_CIPHER_SUITES,
                        problem(RemoteJwkSettings.builder().url(URL).cipherSuites(List.of()))),
                () -> assertTrue(problem(RemoteJwkSettings.builder().url(URL).cipherSuites(List.of(49199, 5)))
                        .startsWith("cipher_suites entry [5] (SSL_RSA_WITH_RC4_128_SHA) cannot be enabled")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"0", "-1"})
    void refusesTimeoutsAndLimitsThatAreNotPositive(long value) {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> RemoteJwkSettings.builder().url(URL).connectTimeout(Duration.ofMillis(value))
                        .readTimeout(Duration.ofMillis(value)).maxBytes((int) value).build());
        assertEquals(List.of(
                "jwk_connect_timeout [" + value + "ms] must be positive; the default is 5000ms",
                "jwk_read_timeout [" + value + "ms] must be positive; the default is 10000ms",
                "jwk_max_bytes [" + value + "] must be positive; the default is 1048576"), e.problems());
    }

    @Test
    void defaultsTheFetchDeadlineToThirtySecondsAndKeepsOneGiven() {
        assertEquals(Duration.ofSeconds(30), RemoteJwkSettings.builder().url(URL).build().fetchTimeout());
        assertEquals(Duration.ofMillis(1500), RemoteJwkSettings.builder().url(URL).fetchTimeout(Duration.ofMillis(1500))
                .build().fetchTimeout());
        assertTrue(RemoteJwkSettings.builder().url(URL).build().toString().contains(", jwk_fetch_timeout=30000ms,"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"0", "-1", "-30000"})
    void refusesAFetchDeadlineThatIsNotPositiveNamingTheValue(long value) {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> RemoteJwkSettings.builder().url(URL).fetchTimeout(Duration.ofMillis(value)).build());
        assertEquals(List.of("jwk_fetch_timeout [" + value + "ms] must be positive; the default is 30000ms"),
                e.problems());
    }

    @Test
    void refusesMissingAndOverlongTimeouts() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> RemoteJwkSettings.builder().url(URL).connectTimeout(null)
                        .readTimeout(Duration.ofSeconds(Long.MAX_VALUE)).build());
        assertEquals(List.of("jwk_connect_timeout [none] must be positive; the default is 5000ms",
                "jwk_read_timeout [" + Long.MAX_VALUE + "s] is too long; expected at most 2147483647ms"),
                e.problems());
    }

    @Test
    void reportsEveryProblemAtOnce() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> RemoteJwkSettings.builder().url("ftp://x/y").fingerprints(List.of("nope"))
                        .cipherSuites(List.of(1234)).localCaPath(" ").maxBytes(0).build());
        assertEquals(5, e.problems().size(), e.getMessage());
    }

    @Test
    void roundsSubMillisecondTimeoutsUpToOneMillisecond() {
        assertAll(
                () -> assertEquals(1, RemoteJwkSettings.millis(Duration.ofNanos(1))),
                () -> assertEquals(1500, RemoteJwkSettings.millis(Duration.ofMillis(1500))));
    }
}
