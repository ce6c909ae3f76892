package io.github.jwtsigner;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;


import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignerConfigTest {

    private static SignerConfig.Builder base() {
        return SignerConfig.builder().alg("RS256").keysToSign("access_token");
    }

    private static List<String> problems(SignerConfig.Builder builder) {
        return assertThrows(InvalidConfigurationException.class, builder::build).problems();
    }

    private static KeySource.JwkUrl url(SignerConfig config) {
        return (KeySource.JwkUrl) config.keySource();
    }

    private static KeySource.KeyStoreEntry entry(SignerConfig config) {
        return (KeySource.KeyStoreEntry) config.keySource();
    }

    private static SignerConfig.Builder keystore() {
        return base().kid("rsa1").keystorePath("/keys/signing.p12").keystorePassword("store-secret")
                .keystoreAlias("signing");
    }

    @Test
    void knowsEachKeySourceType() {
        assertAll(
                () -> assertEquals(new KeySource.JwkFile("k.json", Duration.ofSeconds(5)),
                        base().jwkLocalPath("k.json").build().keySource()),
                () -> assertEquals("https://k/jwks", url(base().jwkUrl("https://k/jwks").build()).url()),
                () -> assertEquals(new KeySource.PemFile("k.pem"),
                        base().kid("k").pemLocalPath("k.pem").build().keySource()),
                () -> assertEquals(new KeySource.KeyStoreEntry("/keys/signing.p12", "PKCS12", "store-secret",
                        "signing", null), keystore().build().keySource()));
    }

    @Test
    void refusesANullCipherSuiteWhateverTheKeySource() {
        // As before the redesign, which copied cipher_suites into the configuration whatever the source.
        assertThrows(NullPointerException.class, () -> base().jwkLocalPath("k.json")
                .cipherSuites(java.util.Arrays.asList(49199, null)).build());
        assertThrows(NullPointerException.class, () -> base().jwkUrl("https://k/jwks")
                .cipherSuites(java.util.Arrays.asList(49199, null)).build());
    }

    @Test
    void namesANullEntryOfAListAsItNamesAnyOtherBadEntry() {
        List<String> problems = problems(base().jwkLocalPath("k.json").keysToSign(java.util.Arrays.asList("a", null))
                .jwkFingerprints(java.util.Arrays.asList((String) null)));
        assertEquals(2, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("keys_to_sign entry [null]"), problems::toString);
        assertTrue(problems.get(1).startsWith("jwk_fingerprints entry [null] is not a base64url SHA-256 digest"),
                problems::toString);
    }

    @Test
    void asksForAKeySourceNamingAllFour() {
        assertEquals(List.of("no key source: set one of jwk_local_path (a JWK Set file), jwk_url (a URL serving"
                + " one), pem_local_path (a PEM private key) or keystore_path (a PKCS#12 or JKS keystore)"),
                problems(base()));
    }

    @Test
    void refusesMoreThanOneKeySource() {
        assertEquals(List.of("both jwk_local_path [k.json] and pem_local_path [k.pem] are set; expected exactly one"
                + " key source"), problems(base().kid("k").jwkLocalPath("k.json").pemLocalPath("k.pem")));
        assertEquals(List.of("jwk_local_path [k.json], jwk_url [https://k/jwks] and keystore_path [k.p12] are all"
                + " set; expected exactly one key source"), problems(base().kid("k").jwkLocalPath("k.json")
                        .jwkUrl("https://k/jwks").keystorePath("k.p12").keystorePassword("p").keystoreAlias("a")));
    }

    @Test
    void letsKidBeLeftOutForAJwkSetOnly() {
        assertNull(base().jwkLocalPath("k.json").build().kid());
        assertNull(base().jwkUrl("https://k/jwks").kid("").build().kid());
        assertEquals(List.of("kid is required with pem_local_path: it is written into the token header; only a JWK"
                + " Set source may leave it out"), problems(base().pemLocalPath("k.pem")));
        assertEquals(List.of("kid is required with keystore_path: it is written into the token header; only a JWK"
                + " Set source may leave it out"), problems(keystore().kid(null)));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(nullValues = "none", value = {
        "/keys/signing.p12, none, PKCS12",
        "/keys/signing.pfx, none, PKCS12",
        "/keys/signing.JKS, none, JKS",
        "/keys/signing.jks, pkcs12, PKCS12",
        "/keys/signing.p12, jks, JKS",
        "/keys/signing, none, PKCS12"
    })
    void takesTheKeystoreTypeFromTheSettingOrTheFileName(String path, String type, String expected) {
        assertEquals(expected, entry(keystore().keystorePath(path).keystoreType(type).build()).type());
    }

    @Test
    void refusesAnUnknownKeystoreType() {
        assertEquals(List.of("keystore_type [JCEKS] is not supported; expected [PKCS12] or [JKS]"),
                problems(keystore().keystoreType("JCEKS")));
    }

    @Test
    void needsPasswordAndAliasWithAKeystore() {
        assertEquals(List.of(
                "keystore_password is required with keystore_path; expected the keystore's password, such as"
                        + " [${env:KEYSTORE_PASSWORD}]",
                "keystore_alias is required with keystore_path; expected the alias of the key entry (keytool -list"
                        + " shows them)"), problems(base().kid("k").keystorePath("k.p12")));
    }

    @Test
    void acceptsAnEmptyKeystorePassword() {
        assertEquals("", entry(keystore().keystorePassword("").build()).password());
    }

    @Test
    void refusesKeystoreSettingsWithoutAKeystore() {
        assertEquals(List.of("keystore_password, keystore_alias, key_password are set without keystore_path;"
                + " expected keystore_path naming the keystore, or none of them"),
                problems(base().jwkLocalPath("k.json").keystorePassword("x").keystoreAlias("a").keyPassword("y")));
    }

    @Test
    void leavesKeyPasswordUnsetUnlessGiven() {
        assertNull(entry(keystore().build()).keyPassword());
        assertEquals("key-secret", entry(keystore().keyPassword("key-secret").build()).keyPassword());
    }

    @Test
    void hasDefaultsForRefreshAndFetchLimits() {
        KeySource.JwkUrl config = url(base().jwkUrl("https://k/jwks").build());
        assertAll(
                () -> assertEquals(900, config.cacheDuration()),
                () -> assertEquals(Duration.ofSeconds(5), config.connectTimeout()),
                () -> assertEquals(Duration.ofSeconds(10), config.readTimeout()),
                () -> assertEquals(1_048_576, config.maxBytes()),
                () -> assertEquals(Duration.ofSeconds(5),
                        ((KeySource.JwkFile) base().jwkLocalPath("k.json").build().keySource()).checkInterval()));
    }

    @Test
    void reportsEveryLimitOutOfRange() {
        assertEquals(List.of(
                "cache_duration [0] must be a positive number of seconds; the default is 900",
                "jwk_connect_timeout [0s] must be positive; the default is 5s",
                "jwk_read_timeout [2160000s] is too long; expected at most 2147483647ms",
                "jwk_max_bytes [-1] must be positive; the default is 1048576",
                "jwk_local_check_interval [50ms] is out of range; expected 0s (never check) or at least 100ms; the"
                        + " default is 5s"),
                problems(base().jwkLocalPath("k.json").cacheDuration(0).jwkConnectTimeout(Duration.ZERO)
                        .jwkReadTimeout(Duration.ofDays(25)).jwkMaxBytes(-1)
                        .jwkLocalCheckInterval(Duration.ofMillis(50))));
    }

    @Test
    void defaultsTheFetchDeadlineToThirtySeconds() {
        assertEquals(Duration.ofSeconds(30), url(base().jwkUrl("https://k/jwks").build()).fetchTimeout());
        assertEquals(Duration.ofSeconds(30), Setting.JWK_FETCH_TIMEOUT.defaultValue());
        assertEquals(Duration.ofMillis(1500), url(base().jwkUrl("https://k/jwks")
                .jwkFetchTimeout(Duration.ofMillis(1500)).build()).fetchTimeout());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"PT0S, 0s", "PT-1S, PT-1S", "PT-0.25S, PT-0.25S"})
    void refusesAFetchDeadlineThatIsNotPositiveNamingTheValue(String iso, String shown) {
        assertEquals(List.of("jwk_fetch_timeout [" + shown + "] must be positive; the default is 30s"),
                problems(base().jwkUrl("https://k/jwks").jwkFetchTimeout(Duration.parse(iso))));
    }

    @Test
    void refusesAMissingOrOverlongFetchDeadline() {
        assertEquals(List.of("jwk_fetch_timeout [none] must be positive; the default is 30s"),
                problems(base().jwkUrl("https://k/jwks").jwkFetchTimeout(null)));
        assertEquals(List.of("jwk_fetch_timeout [2160000s] is too long; expected at most 2147483647ms"),
                problems(base().jwkUrl("https://k/jwks").jwkFetchTimeout(Duration.ofDays(25))));
    }

    @Test
    void acceptsZeroToTurnTheLocalCheckOff() {
        assertEquals(new KeySource.JwkFile("k.json", Duration.ZERO),
                base().jwkLocalPath("k.json").jwkLocalCheckInterval(Duration.ZERO).build().keySource());
    }

    @Test
    void namesTheKeySourceWithoutAPasswordInTheUrl() {
        assertEquals("jwk_url [https://***@keys.example.com/jwks]",
                base().jwkUrl("https://reader:hunter2@keys.example.com/jwks").build().keySource().description());
        assertEquals("keystore_path [/keys/signing.p12] (keystore_type PKCS12, keystore_alias [signing])",
                keystore().build().keySource().description());
        assertEquals("pem_local_path [k.pem]", base().kid("k").pemLocalPath("k.pem").build().keySource().toString());
    }

    @Test
    void keepsAPasswordInAnInvalidUrlOutOfMessages() {
        List<String> problems = problems(base().jwkUrl("https://reader:hunter2@keys.example.com/jwks")
                .jwkLocalPath("k.json"));
        assertTrue(problems.get(0).contains("jwk_url [https://***@keys.example.com/jwks]"), problems::toString);
        assertFalse(String.join(" ", problems).contains("hunter2"));
    }

    @Test
    void showsNoPasswordInToString() {
        String text = keystore().keyPassword("key-secret").build().toString();
        assertAll(
                () -> assertFalse(text.contains("store-secret"), text),
                () -> assertFalse(text.contains("key-secret"), text),
                () -> assertTrue(text.contains("keystore_path [/keys/signing.p12]"), text));
    }

    @Test
    void showsTheRefreshSettingsOfItsSourceInToString() {
        assertEquals("SignerConfig{alg=RS256, kid=null, keys_to_sign=[access_token], jwk_url [https://k/jwks],"
                + " full=false, typ=JWT, max_body_bytes=1048576, cache_duration=900, jwk_connect_timeout=5s,"
                + " jwk_read_timeout=10s, jwk_fetch_timeout=30s, jwk_max_bytes=1048576}",
                base().jwkUrl("https://k/jwks").build().toString());
        assertEquals("SignerConfig{alg=RS256, kid=k1, keys_to_sign=[access_token], jwk_local_path [k.json],"
                + " full=false, typ=JWT, max_body_bytes=1048576, jwk_local_check_interval=500ms}",
                base().kid("k1").jwkLocalPath("k.json").jwkLocalCheckInterval(Duration.ofMillis(500)).build()
                        .toString());
    }
}
