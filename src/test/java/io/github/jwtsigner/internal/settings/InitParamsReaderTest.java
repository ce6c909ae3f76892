package io.github.jwtsigner.internal.settings;

import io.github.jwtsigner.KeySource;

import io.github.jwtsigner.testing.ConfigView;

import io.github.jwtsigner.Setting;

import io.github.jwtsigner.InvalidConfigurationException;
import io.github.jwtsigner.SignerConfig;
import io.github.jwtsigner.SigningAlgorithm;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertAll;

class InitParamsReaderTest {
    private static final String SOURCE = "filter [jwtSigner] init-params";
    private static final String FP1 = "p4UFmRnKJtFKyuOPRffETqYe9ShSXDXWWh6PoD_zp-o=";
    private static final String FP2 = "DpTKEhE-pq5X_AmcUjmNzT94YBIqVh_d_Pkk8hpDrtw=";

    /** The least a valid configuration needs. */
    private static Map<String, String> minimal() {
        Map<String, String> params = new HashMap<>();
        params.put("alg", "HS256");
        params.put("kid", "sim2");
        params.put("keys_to_sign", "access_token");
        params.put("jwk_local_path", "WEB-INF/jwk.json");
        return params;
    }

    private static Map<String, String> minimalWith(String name, String value) {
        Map<String, String> params = minimal();
        params.put(name, value);
        return params;
    }

    private static List<String> problems(Map<String, String> params) {
        return assertThrows(InvalidConfigurationException.class, () -> InitParamsReader.read(params, SOURCE))
                .problems();
    }

    /** Every setting from its init-param, names and values trimmed, the defaults for the rest. */
    @Nested
    class Settings {
        @Test
        void readsEverySetting() {
            Map<String, String> params = new HashMap<>();
            params.put("alg", "ES256");
            params.put("kid", "ec-2024");
            params.put("keys_to_sign", "access_token,/data/refresh_token");
            params.put("jwk_url", "https://keys.example.com/jwk.json");
            params.put("disable_jwk_security", "true");
            params.put("full", "true");
            params.put("jwk_fingerprints", FP1 + "," + FP2);
            params.put("cipher_suites", "49199,4865");
            params.put("jwk_local_ca", "/etc/ssl/ca.pem");
            params.put("typ", "at+jwt");
            params.put("leeway", "30s");
            params.put("max_body_bytes", "65536");

            SignerConfig config = InitParamsReader.read(params, SOURCE);

            assertAll(
                    () -> assertEquals(SigningAlgorithm.ES256, config.alg()),
                    () -> assertEquals("ec-2024", config.kid()),
                    () -> assertEquals("[access_token, /data/refresh_token]", config.keysToSign().toString()),
                    () -> assertEquals(Optional.of("https://keys.example.com/jwk.json"), ConfigView.jwkUrl(config)),
                    () -> assertEquals(Optional.empty(), ConfigView.jwkLocalPath(config)),
                    () -> assertTrue(ConfigView.disableJwkSecurity(config)),
                    () -> assertTrue(config.full()),
                    () -> assertEquals(List.of(FP1, FP2), ConfigView.jwkFingerprints(config)),
                    () -> assertEquals(List.of(49199, 4865), ConfigView.cipherSuites(config)),
                    () -> assertEquals(Optional.of("/etc/ssl/ca.pem"), ConfigView.jwkLocalCa(config)),
                    () -> assertEquals("at+jwt", config.typ()),
                    () -> assertEquals(Optional.of("30s"), config.leeway()),
                    () -> assertEquals(65536, config.maxBodyBytes()));
        }

        @Test
        void readsJwkLocalPathAndLeavesDefaults() {
            SignerConfig config = InitParamsReader.read(minimal(), SOURCE);

            assertAll(
                    () -> assertEquals(Optional.of("WEB-INF/jwk.json"), ConfigView.jwkLocalPath(config)),
                    () -> assertFalse(ConfigView.disableJwkSecurity(config)),
                    () -> assertFalse(config.full()),
                    () -> assertEquals(List.of(), ConfigView.jwkFingerprints(config)),
                    () -> assertEquals(Setting.CIPHER_SUITES.defaultValue(), ConfigView.cipherSuites(config)),
                    () -> assertEquals(Setting.TYP.defaultValue(), config.typ()),
                    () -> assertEquals(Optional.empty(), config.leeway()),
                    () -> assertEquals(Setting.MAX_BODY_BYTES.defaultValue(), config.maxBodyBytes()));
        }

        @Test
        void trimsNamesAndValues() {
            Map<String, String> params = new HashMap<>();
            params.put(" alg ", "  HS512 \n");
            params.put("\tkid\n", "\n    sim2\n  ");
            params.put("keys_to_sign", " access_token ");
            params.put("jwk_local_path ", " WEB-INF/jwk.json ");
            params.put("max_body_bytes", " 2048 ");

            SignerConfig config = InitParamsReader.read(params, SOURCE);

            assertAll(
                    () -> assertEquals(SigningAlgorithm.HS512, config.alg()),
                    () -> assertEquals("sim2", config.kid()),
                    () -> assertEquals("[access_token]", config.keysToSign().toString()),
                    () -> assertEquals(Optional.of("WEB-INF/jwk.json"), ConfigView.jwkLocalPath(config)),
                    () -> assertEquals(2048, config.maxBodyBytes()));
        }

        @Test
        void rejectsANameGivenTwiceOnceTrimmed() {
            Map<String, String> params = minimalWith(" kid", "sim1");

            assertEquals(List.of(SOURCE + ": setting [kid] is given twice (names are trimmed); expected it once"),
                    problems(params));
        }

        @Test
        void leavesKidOutForAJwkSetSource() {
            Map<String, String> params = minimal();
            params.remove("kid");

            SignerConfig config = InitParamsReader.read(params, SOURCE);

            assertEquals(null, config.kid());
        }
    }

    /** List settings as comma-separated values or a JSON array. */
    @Nested
    class Lists {
        static Stream<Arguments> keysToSignForms() {
            return Stream.of(
                    Arguments.of("one name", "access_token", List.of("access_token")),
                    Arguments.of("comma-separated", "access_token,refresh_token", List.of("access_token", "refresh_token")),
                    Arguments.of("comma-separated with spaces", " access_token , refresh_token ",
                            List.of("access_token", "refresh_token")),
                    Arguments.of("comma-separated over lines", "\n  access_token,\n  refresh_token\n",
                            List.of("access_token", "refresh_token")),
                    Arguments.of("JSON array", "[\"access_token\", \"refresh_token\"]",
                            List.of("access_token", "refresh_token")),
                    Arguments.of("JSON array over lines", "\n  [\"access_token\",\n   \"/data/id_token\"]\n",
                            List.of("access_token", "/data/id_token")),
                    Arguments.of("JSON array holding a comma", "[\"a,b\"]", List.of("a,b")));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("keysToSignForms")
        void readsKeysToSignInEitherListForm(String form, String value, List<String> expected) {
            SignerConfig config = InitParamsReader.read(minimalWith("keys_to_sign", value), SOURCE);

            assertEquals(expected, config.keysToSign().stream().map(Object::toString).toList());
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "comma-separated | 49199, 49195 ,4865",
                "JSON array      | [49199, 49195, 4865]",
                "JSON array tight| [49199,49195,4865]"})
        void readsCipherSuitesInEitherListForm(String form, String value) {
            SignerConfig config = InitParamsReader.read(minimalWith("cipher_suites", value), SOURCE);

            assertEquals(List.of(49199, 49195, 4865), ConfigView.cipherSuites(config));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("fingerprintForms")
        void readsFingerprintsInEitherListForm(String form, String value) {
            SignerConfig config = InitParamsReader.read(minimalWith("jwk_fingerprints", value), SOURCE);

            assertEquals(List.of(FP1, FP2), ConfigView.jwkFingerprints(config));
        }

        static Stream<Arguments> fingerprintForms() {
            return Stream.of(
                    Arguments.of("comma-separated", FP1 + ", " + FP2),
                    Arguments.of("JSON array", "[\"" + FP1 + "\", \"" + FP2 + "\"]"));
        }

        @Test
        void readsAnEmptyListValueAsAnEmptyList() {
            assertEquals(List.of(SOURCE + ": keys_to_sign is required; expected at least one member name, such as"
                    + " [access_token]"), problems(minimalWith("keys_to_sign", "  ")));
            assertEquals(List.of(), ConfigView.jwkFingerprints(InitParamsReader.read(minimalWith("jwk_fingerprints", ""),
                    SOURCE)));
        }

        @ParameterizedTest(name = "[{0}]")
        @CsvSource(delimiter = '|', value = {"access_token,,refresh_token", "access_token,", ",access_token",
                "access_token, ,refresh_token"})
        void rejectsAnEmptyListItemWithoutClaimingTheListIsMissing(String value) {
            assertEquals(List.of(SOURCE + ": keys_to_sign [" + value + "] has an empty item; expected comma-separated"
                    + " values such as [access_token, refresh_token] or a JSON array such as"
                    + " [\"access_token\", \"refresh_token\"]"),
                    problems(minimalWith("keys_to_sign", value)));
        }

        @Test
        void rejectsAnEmptyCipherSuiteItemWithANumericExample() {
            assertEquals(List.of(SOURCE + ": cipher_suites [49199,,4865] has an empty item; expected comma-separated"
                    + " values such as [49199, 4865] or a JSON array such as [49199, 4865]"),
                    problems(minimalWith("cipher_suites", "49199,,4865")));
        }

        @Test
        void rejectsAMalformedJsonArrayWithItsPosition() {
            assertEquals(List.of(SOURCE + ": keys_to_sign [[\"access_token\",]] is not a valid JSON array (malformed"
                    + " JSON at line 1 column 18 path $[1]); expected comma-separated values such as"
                    + " [access_token, refresh_token] or a JSON array such as [\"access_token\", \"refresh_token\"]"),
                    problems(minimalWith("keys_to_sign", "[\"access_token\",]")));
        }

        @Test
        void rejectsAJsonArrayWithTheWrongItemTypes() {
            assertEquals(List.of(
                    SOURCE + ": keys_to_sign item 2 [42] is a JSON number; expected a JSON string",
                    SOURCE + ": keys_to_sign item 3 [{\"a\":1}] is a JSON object; expected a JSON string"),
                    problems(minimalWith("keys_to_sign", "[\"access_token\", 42, {\"a\": 1}]")));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "not a number            | 49199, abc     | cipher_suites item 2 [abc] is not a whole number",
                "a fraction              | 49199.5        | cipher_suites item 1 [49199.5] is not a whole number",
                "above 65535             | 4865, 70000    | cipher_suites item 2 [70000] is out of range",
                "negative                | -1             | cipher_suites item 1 [-1] is out of range",
                "JSON array, a string    | [\"49199\"]    | cipher_suites item 1 [49199] is a JSON string",
                "JSON array, a fraction  | [49199.0]      | cipher_suites item 1 [49199.0] is not a whole number",
                "JSON array, above 65535 | [4865, 65536]  | cipher_suites item 2 [65536] is out of range"})
        void rejectsCipherSuitesThatAreNotSuiteIds(String form, String value, String problem) {
            String expected = problem.endsWith("string")
                    ? problem + "; expected a JSON number: an IANA cipher suite id from 0 to 65535, such as [49199]"
                    : problem + "; expected an IANA cipher suite id from 0 to 65535, such as [49199]";

            assertEquals(List.of(SOURCE + ": " + expected), problems(minimalWith("cipher_suites", value)));
        }
    }

    /** true or false in any case; max_body_bytes a whole number that fits an int. */
    @Nested
    class BooleansAndNumbers {
        @ParameterizedTest(name = "[{0}] is {1}")
        @CsvSource({"true, true", "TRUE, true", "True, true", "' true ', true", "false, false", "FALSE, false",
                "'\tFalse\n', false"})
        void readsBooleansInAnyCase(String value, boolean expected) {
            Map<String, String> params = minimalWith("full", value);
            params.put("disable_jwk_security", value);

            SignerConfig config = InitParamsReader.read(params, SOURCE);

            assertEquals(expected, config.full());
            assertEquals(expected, ConfigView.disableJwkSecurity(config));
        }

        @ParameterizedTest(name = "{0} [{1}]")
        @CsvSource(delimiter = '|', value = {
                "full                 | yes",
                "full                 | 1",
                "full                 | ''",
                "disable_jwk_security | on",
                "disable_jwk_security | truee"})
        void rejectsABooleanThatIsNotTrueOrFalse(String name, String value) {
            assertEquals(List.of(SOURCE + ": " + name + " [" + value + "] is not a boolean; expected true or false"),
                    problems(minimalWith(name, value)));
        }

        @ParameterizedTest(name = "[{0}]")
        @CsvSource(delimiter = '|', value = {"1MB", "1.5", "0x100", "+1024", "1e6", "''", "1 024"})
        void rejectsMaxBodyBytesThatIsNotAWholeNumber(String value) {
            assertEquals(List.of(SOURCE + ": max_body_bytes [" + value + "] is not a whole number; expected a whole"
                    + " number of bytes up to 2147483647, such as [1048576]"),
                    problems(minimalWith("max_body_bytes", value)));
        }

        @Test
        void rejectsMaxBodyBytesBeyondAnInt() {
            assertEquals(List.of(SOURCE + ": max_body_bytes [2147483648] is out of range; expected a whole number of"
                    + " bytes up to 2147483647, such as [1048576]"),
                    problems(minimalWith("max_body_bytes", "2147483648")));
        }

        @Test
        void leavesAZeroOrNegativeMaxBodyBytesToTheBuilder() {
            assertEquals(List.of(SOURCE + ": max_body_bytes [-1] must be positive; the default is 1048576"),
                    problems(minimalWith("max_body_bytes", "-1")));
        }
    }

    /** Unknown names get a suggestion, unsupported ones are refused without their value; every problem at once. */
    @Nested
    class UnknownAndUnsupportedSettings {
        @Test
        void namesAnUnknownSettingAndSuggestsTheClosest() {
            Map<String, String> params = minimal();
            params.remove("keys_to_sign");
            params.put("keys_to_sing", "access_token");

            assertEquals(List.of(
                    SOURCE + ": unknown setting [keys_to_sing]; did you mean [keys_to_sign]? known settings: "
                            + Setting.names(Setting.Scope.SIGNER, Setting.Scope.KEYS),
                    SOURCE + ": keys_to_sign is required; expected at least one member name, such as [access_token]"),
                    problems(params));
        }

        @Test
        void namesAnUnknownSettingWithoutASuggestionWhenNothingIsClose() {
            assertEquals(List.of(SOURCE + ": unknown setting [colour]; known settings: " + Setting.names(Setting.Scope.SIGNER, Setting.Scope.KEYS)),
                    problems(minimalWith("colour", "blue")));
        }

        @Test
        void acceptsTheFilterOwnNamesWhenAllowed() {
            Map<String, String> params = minimalWith("config", "WEB-INF/krakend.json");
            params.put("endpoint", "/token");

            SignerConfig config = InitParamsReader.read(params, Set.of("config", "endpoint"), SOURCE);

            assertEquals("sim2", config.kid());
        }

        @Test
        void listsAllowedNamesAmongTheKnownOnesAndSuggestsThem() {
            InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                    () -> InitParamsReader.read(minimalWith("endpont", "/token"), List.of("config", "endpoint"), SOURCE));

            String known = Setting.names(Setting.Scope.SIGNER, Setting.Scope.KEYS).toString().replace("]", ", config, endpoint]");
            assertEquals(List.of(SOURCE + ": unknown setting [endpont]; did you mean [endpoint]? known settings: "
                    + known), e.problems());
        }

        @Test
        void rejectsTheFilterOwnNamesWhenNotAllowed() {
            assertEquals(List.of(SOURCE + ": unknown setting [config]; known settings: " + Setting.names(Setting.Scope.SIGNER, Setting.Scope.KEYS)),
                    problems(minimalWith("config", "WEB-INF/krakend.json")));
        }

        @Test
        void reportsEveryProblemAtOnce() {
            Map<String, String> params = new HashMap<>();
            params.put("alg", "HS257");
            params.put("keys_to_sign", "access_token");
            params.put("jwk_local_path", "WEB-INF/jwk.json");
            params.put("full", "maybe");
            params.put("max_body_bytes", "lots");
            params.put("kdi", "sim2");

            InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                    () -> InitParamsReader.read(params, SOURCE));

            assertEquals(List.of(
                    SOURCE + ": unknown setting [kdi]; did you mean [kid]? known settings: " + Setting.names(Setting.Scope.SIGNER, Setting.Scope.KEYS),
                    SOURCE + ": full [maybe] is not a boolean; expected true or false",
                    SOURCE + ": max_body_bytes [lots] is not a whole number; expected a whole number of bytes up to"
                            + " 2147483647, such as [1048576]",
                    SOURCE + ": alg [HS257] is not supported; expected one of " + SigningAlgorithm.jwaNames()),
                    e.problems());
            assertTrue(e.getMessage().startsWith("invalid JWT signer configuration, 4 problems:"), e.getMessage());
        }

        @Test
        void rejectsSecretUrlAsNotSupported() {
            assertEquals(List.of(SOURCE + ": secret_url [s3://bucket/jwk.enc] is not supported yet (KrakenD's"
                    + " encrypted JWK files); expected jwk_local_path or jwk_url with a plain JWK Set"),
                    problems(minimalWith("secret_url", "s3://bucket/jwk.enc")));
        }

        @Test
        void rejectsCypherKeyAsNotSupportedWithoutShowingIt() {
            String secret = "c2VjcmV0LWtleS1tYXRlcmlhbA";
            InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                    () -> InitParamsReader.read(minimalWith("cypher_key", secret), SOURCE));

            assertEquals(List.of(SOURCE + ": cypher_key is not supported yet (KrakenD's encrypted JWK files);"
                    + " expected jwk_local_path or jwk_url with a plain JWK Set"), e.problems());
            assertFalse(e.getMessage().contains(secret), e.getMessage());
        }
    }

    /** The keystore and refresh settings; durations in Go's syntax. */
    @Nested
    class KeystoreAndDurations {
        @Test
        void readsKeystoreAndRefreshSettings() {
            Map<String, String> params = new HashMap<>();
            params.put("alg", "RS256");
            params.put("kid", "rsa-2025");
            params.put("keys_to_sign", "access_token");
            params.put("keystore_path", "/etc/keys/signing.jks");
            params.put("keystore_password", "store-pass");
            params.put("keystore_alias", "signing");
            params.put("key_password", "key-pass");
            params.put("cache_duration", "60");
            params.put("jwk_connect_timeout", "750ms");
            params.put("jwk_read_timeout", "1m30s");
            params.put("jwk_max_bytes", "4096");
            params.put("jwk_local_check_interval", "0s");

            SignerConfig config = InitParamsReader.read(params, SOURCE);

            assertAll(
                    () -> assertEquals(KeySource.KeyStoreEntry.class, ConfigView.keySourceType(config)),
                    () -> assertEquals(Optional.of("/etc/keys/signing.jks"), ConfigView.keystorePath(config)),
                    () -> assertEquals(Optional.of("JKS"), ConfigView.keystoreType(config)),
                    () -> assertEquals(Optional.of("store-pass"), ConfigView.keystorePassword(config)),
                    () -> assertEquals(Optional.of("signing"), ConfigView.keystoreAlias(config)),
                    () -> assertEquals(Optional.of("key-pass"), ConfigView.keyPassword(config)),
                    () -> assertEquals(60, ConfigView.cacheDuration(config)),
                    () -> assertEquals(java.time.Duration.ofMillis(750), ConfigView.jwkConnectTimeout(config)),
                    () -> assertEquals(java.time.Duration.ofSeconds(90), ConfigView.jwkReadTimeout(config)),
                    () -> assertEquals(4096, ConfigView.jwkMaxBytes(config)),
                    () -> assertEquals(java.time.Duration.ZERO, ConfigView.jwkLocalCheckInterval(config)));
        }

        @Test
        void readsTheFetchDeadlineOrLeavesItAtItsDefault() {
            assertEquals(java.time.Duration.ofSeconds(45),
                    ConfigView.jwkFetchTimeout(InitParamsReader.read(minimalWith("jwk_fetch_timeout", "45s"), SOURCE)));
            assertEquals(java.time.Duration.ofSeconds(30), ConfigView.jwkFetchTimeout(InitParamsReader.read(minimal(), SOURCE)));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({"0s, 0s", "-2s, PT-2S"})
        void refusesAFetchDeadlineThatIsNotPositiveNamingTheValue(String value, String shown) {
            assertEquals(List.of(SOURCE + ": jwk_fetch_timeout [" + shown + "] must be positive; the default is 30s"),
                    problems(minimalWith("jwk_fetch_timeout", value)));
        }

        @Test
        void refusesADurationNotInGoSyntax() {
            assertEquals(List.of(SOURCE + ": jwk_read_timeout [10 seconds] is not a duration; expected Go's syntax, a"
                    + " number and a unit (ns, us, ms, s, m, h), such as [500ms], [5s] or [1m30s]"),
                    problems(minimalWith("jwk_read_timeout", "10 seconds")));
        }
    }

    /** ${env:...} and ${sys:...} expanded in every value before it is read. */
    @Nested
    class PlaceholderExpansion {
        private static final Placeholders TEST_PLACEHOLDERS = new Placeholders(
                Map.of("KS_PASS", "pkcs12-pass", "KEYS", "access_token, refresh_token", "CACHE", "60")::get,
                Map.of("keys.dir", "/etc/keys")::get);

        @Test
        void expandsPlaceholdersInEveryValueBeforeReadingIt() {
            Map<String, String> params = new HashMap<>();
            params.put("alg", "RS256");
            params.put("kid", "rsa-2025");
            params.put("keys_to_sign", "${env:KEYS}");
            params.put("keystore_path", "${sys:keys.dir}/signing.p12");
            params.put("keystore_password", "${env:KS_PASS}");
            params.put("keystore_alias", "signing");
            params.put("cache_duration", "${env:CACHE}");

            SignerConfig config = InitParamsReader.read(params, Set.of(), SOURCE, TEST_PLACEHOLDERS);

            assertAll(
                    () -> assertEquals("[access_token, refresh_token]", config.keysToSign().toString()),
                    () -> assertEquals(Optional.of("/etc/keys/signing.p12"), ConfigView.keystorePath(config)),
                    () -> assertEquals(Optional.of("PKCS12"), ConfigView.keystoreType(config)),
                    () -> assertEquals(Optional.of("pkcs12-pass"), ConfigView.keystorePassword(config)),
                    () -> assertEquals(60, ConfigView.cacheDuration(config)));
        }

        @Test
        void namesAnUnsetVariableAndItsSettingOnceWithoutRestatingIt() {
            Map<String, String> params = new HashMap<>();
            params.put("alg", "RS256");
            params.put("kid", "rsa-2025");
            params.put("keys_to_sign", "access_token");
            params.put("keystore_path", "/etc/keys/signing.p12");
            params.put("keystore_password", "${env:NO_SUCH_PASSWORD}");
            params.put("keystore_alias", "signing");

            InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                    () -> InitParamsReader.read(params, Set.of(), SOURCE, TEST_PLACEHOLDERS));

            assertEquals(List.of(SOURCE + ": keystore_password refers to environment variable [NO_SUCH_PASSWORD], which"
                    + " is not set; expected it to be set in the server's environment"), e.problems());
        }

        @Test
        void keepsSpacesAVariableBringsButTrimsTheParamAroundIt() {
            Placeholders spaced = new Placeholders(Map.of("PASS", " with spaces ")::get, name -> null);
            Map<String, String> params = new HashMap<>();
            params.put("alg", "RS256");
            params.put("kid", "rsa-2025");
            params.put("keys_to_sign", "access_token");
            params.put("keystore_path", "/etc/keys/signing.p12");
            params.put("keystore_password", "\n   ${env:PASS}\n ");
            params.put("keystore_alias", "signing");

            SignerConfig config = InitParamsReader.read(params, Set.of(), SOURCE, spaced);

            assertEquals(Optional.of(" with spaces "), ConfigView.keystorePassword(config));
        }
    }
}
