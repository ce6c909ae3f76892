package io.github.jwtsigner;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each key source's own checks, through the builder that makes it. */
class KeySourceTest {
    private static final String URL = "https://keys.example.com/jwks.json";
    private static final String PIN = "A".repeat(43) + "=";

    private static SignerConfig.Builder base() {
        return SignerConfig.builder().alg("RS256").keysToSign("access_token");
    }

    private static List<String> problems(SignerConfig.Builder builder) {
        return assertThrows(InvalidConfigurationException.class, builder::build).problems();
    }

    private static String problem(SignerConfig.Builder builder) {
        List<String> problems = problems(builder);
        assertEquals(1, problems.size(), problems::toString);
        return problems.get(0);
    }

    /** The one problem the key source finds in its URL when the key is loaded. */
    private static String urlProblem(SignerConfig.Builder builder) {
        Problems problems = new Problems();
        url(builder).checkUrl(problems);
        assertEquals(1, problems.messages().size(), problems::toString);
        return problems.messages().get(0);
    }

    private static KeySource.JwkUrl url(SignerConfig.Builder builder) {
        return (KeySource.JwkUrl) builder.build().keySource();
    }

    @Nested
    class KeyStoreEntry {
        @ParameterizedTest(name = "{0} {1} -> {2}")
        @CsvSource(nullValues = "none", value = {
            "none, keys.jks, JKS",
            "none, KEYS.JKS, JKS",
            "none, keys.p12, PKCS12",
            "none, keys, PKCS12",
            " jks , keys.p12, JKS",
            "Pkcs12, keys.jks, PKCS12",
            "JCEKS, keys.jceks, none",
            "PKCS#12, keys.p12, none"
        })
        void choosesTheKeystoreType(String explicit, String path, String expected) {
            assertEquals(expected, KeySource.KeyStoreEntry.type(explicit, path));
        }

        @Test
        void needsNoKeystoreTypeWithoutAKeystore() {
            assertEquals(new KeySource.JwkFile("k.json", Duration.ofSeconds(5)),
                    base().jwkLocalPath("k.json").build().keySource());
        }

        @Test
        void showsNeitherPasswordInToString() {
            KeySource entry = new KeySource.KeyStoreEntry("k.p12", "PKCS12", "store-secret", "a", "key-secret");
            assertEquals("keystore_path [k.p12] (keystore_type PKCS12, keystore_alias [a])", entry.toString());
        }
    }

    @Nested
    class JwkUrl {
        @ParameterizedTest(name = "{0}")
        @CsvSource({
            "https://keys.example.com/jwks, https://keys.example.com/jwks",
            "https://reader:s3cret@keys.example.com/jwks, https://***@keys.example.com/jwks",
            "https://reader@keys.example.com/jwks, https://***@keys.example.com/jwks",
            "https://reader:s3 cret@keys example/jwks, https://***@keys example/jwks",
            "https:reader:s3cret@keys.example.com/jwks, https:***@keys.example.com/jwks"
        })
        void hidesUserInfoInAUrl(String url, String shown) {
            assertEquals(shown, KeySource.JwkUrl.redactUserInfo(url));
        }

        @Test
        void defaultsToKrakenDsSuitesAndOurLimits() {
            KeySource.JwkUrl s = url(base().jwkUrl(URL));
            assertAll(
                    () -> assertEquals(URL, s.url()),
                    () -> assertFalse(s.disableJwkSecurity()),
                    () -> assertEquals(List.of(), s.fingerprints()),
                    () -> assertEquals(Setting.CIPHER_SUITES.defaultValue(), s.cipherSuites()),
                    () -> assertEquals(List.of(49199, 49195, 49200, 49196, 52392, 52393, 4865, 4866, 4867),
                            s.cipherSuites()),
                    () -> assertEquals(null, s.localCa()),
                    () -> assertEquals(Duration.ofSeconds(5), s.connectTimeout()),
                    () -> assertEquals(Duration.ofSeconds(10), s.readTimeout()),
                    () -> assertEquals(Duration.ofSeconds(30), s.fetchTimeout()),
                    () -> assertEquals(1_048_576, s.maxBytes()));
        }

        @Test
        void keepsEverySettingGiven() {
            KeySource.JwkUrl s = url(base().jwkUrl(URL).jwkFingerprints(List.of(PIN)).cipherSuites(List.of(49196, 4866))
                    .jwkLocalCa("/etc/ca.pem").jwkConnectTimeout(Duration.ofMillis(250))
                    .jwkReadTimeout(Duration.ofSeconds(3)).jwkFetchTimeout(Duration.ofMillis(1500)).jwkMaxBytes(4096));
            assertAll(
                    () -> assertEquals(List.of(PIN), s.fingerprints()),
                    () -> assertEquals(List.of(49196, 4866), s.cipherSuites()),
                    () -> assertEquals("/etc/ca.pem", s.localCa()),
                    () -> assertEquals(Duration.ofMillis(250), s.connectTimeout()),
                    () -> assertEquals(Duration.ofSeconds(3), s.readTimeout()),
                    () -> assertEquals(Duration.ofMillis(1500), s.fetchTimeout()),
                    () -> assertEquals(4096, s.maxBytes()));
        }

        @Test
        void refusesPlainHttpUnlessSecurityIsDisabled() {
            assertEquals("jwk_url [http://keys.example.com/jwks.json] is plain http; expected https://, or"
                            + " disable_jwk_security true to allow it (local testing only)",
                    urlProblem(base().jwkUrl("http://keys.example.com/jwks.json")));
            assertFalse(url(base().jwkUrl("HTTP://keys.example.com/jwks.json").disableJwkSecurity(true)).isHttps());
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
            String p = urlProblem(base().jwkUrl(url).disableJwkSecurity(true));
            assertTrue(p.startsWith("jwk_url [" + url + "] " + expected), p);
        }

        @Test
        void refusesMalformedUrlWithoutEchoingIt() {
            String p = urlProblem(base().jwkUrl("https://user:s3cret@keys example.com/"));
            assertAll(
                    () -> assertTrue(p.startsWith("jwk_url is not a valid URL (Illegal character in authority at"
                            + " index"), p),
                    () -> assertFalse(p.contains("s3cret"), p));
        }

        @Test
        void keepsAPasswordOutOfTheNoHostMessageOfAUrlWithoutSlashes() {
            String p = urlProblem(base().jwkUrl("https:reader:s3cret@keys.example.com/jwks"));
            assertEquals("jwk_url [https:***@keys.example.com/jwks] has no host; expected a URL such as"
                    + " [https://keys.example.com/jwks.json]", p);
        }

        @Test
        void refusesPinsThatAreNotSha256Digests() {
            assertTrue(problem(base().jwkUrl(URL).jwkFingerprints(List.of("S3Jha2VuRA==")))
                    .startsWith("jwk_fingerprints entry [S3Jha2VuRA==] is not a base64url SHA-256 digest"));
        }

        @Test
        void refusesPinsForPlainHttp() {
            assertEquals("jwk_fingerprints is set but jwk_url [http://keys.local/jwks.json] is plain http, which has"
                            + " no certificate to pin; expected an https:// jwk_url",
                    urlProblem(base().jwkUrl("http://keys.local/jwks.json").disableJwkSecurity(true)
                            .jwkFingerprints(List.of(PIN))));
        }

        @Test
        void refusesAnEmptyListOfCipherSuites() {
            assertEquals("cipher_suites is an empty list; leave it out for the defaults "
                    + Setting.CIPHER_SUITES.defaultValue(), problem(base().jwkUrl(URL).cipherSuites(List.of())));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({"0", "-1"})
        void refusesTimeoutsAndLimitsThatAreNotPositive(long value) {
            assertEquals(List.of(
                    "jwk_connect_timeout [" + ConfigText.show(Duration.ofMillis(value))
                            + "] must be positive; the default is 5s",
                    "jwk_read_timeout [" + ConfigText.show(Duration.ofMillis(value))
                            + "] must be positive; the default is 10s",
                    "jwk_max_bytes [" + value + "] must be positive; the default is 1048576"),
                    problems(base().jwkUrl(URL).jwkConnectTimeout(Duration.ofMillis(value))
                            .jwkReadTimeout(Duration.ofMillis(value)).jwkMaxBytes((int) value)));
        }

        @Test
        void refusesMissingAndOverlongTimeouts() {
            assertEquals(List.of("jwk_connect_timeout [none] must be positive; the default is 5s",
                    "jwk_read_timeout [" + Long.MAX_VALUE + "s] is too long; expected at most 2147483647ms"),
                    problems(base().jwkUrl(URL).jwkConnectTimeout(null)
                            .jwkReadTimeout(Duration.ofSeconds(Long.MAX_VALUE))));
        }

        @Test
        void reportsEveryProblemOfTheSettingsAtOnce() {
            assertEquals(3, problems(base().jwkUrl("ftp://x/y").jwkFingerprints(List.of("nope"))
                    .cipherSuites(List.of()).jwkMaxBytes(0)).size());
        }

        @Test
        void readsAConfigurationWhoseUrlIsNotUsableYet() {
            KeySource.JwkUrl s = url(base().jwkUrl("http://your-backend/jwk/symmetric.json"));
            assertEquals("jwk_url [http://your-backend/jwk/symmetric.json]", s.description());
        }
    }

    @Test
    void showsDurationsShortly() {
        assertEquals("5s", ConfigText.show(Duration.ofSeconds(5)));
        assertEquals("1500ms", ConfigText.show(Duration.ofMillis(1500)));
        assertEquals("0s", ConfigText.show(Duration.ZERO));
        assertEquals("PT-1S", ConfigText.show(Duration.ofSeconds(-1)));
        assertEquals("PT0.000001S", ConfigText.show(Duration.ofNanos(1000)));
        assertEquals("none", ConfigText.show(null));
        assertEquals("9223372036854775807s", ConfigText.show(Duration.ofSeconds(Long.MAX_VALUE)));
    }
}
