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
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KrakendConfigReaderTest {
    private static final String SOURCE = "WEB-INF/signer.json";
    private static final String FP1 = "p4UFmRnKJtFKyuOPRffETqYe9ShSXDXWWh6PoD_zp-o=";
    private static final String FP2 = "DpTKEhE-pq5X_AmcUjmNzT94YBIqVh_d_Pkk8hpDrtw=";
    private static final String MINIMAL_MEMBERS =
            "\"alg\": \"HS256\", \"kid\": \"sim2\", \"keys_to_sign\": [\"access_token\"],"
                    + " \"jwk_local_path\": \"WEB-INF/jwk.json\"";

    private static String resource(String name) throws IOException {
        try (InputStream in = KrakendConfigReaderTest.class.getResourceAsStream(name)) {
            assertNotNull(in, name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A signer object with the minimal settings plus the given members. */
    private static String signerWith(String members) {
        return "{" + MINIMAL_MEMBERS + (members.isEmpty() ? "" : ", " + members) + "}";
    }

    private static List<String> problems(String json, String endpoint) {
        return assertThrows(InvalidConfigurationException.class,
                () -> KrakendConfigReader.read(json, endpoint, SOURCE)).problems();
    }

    /** The auth/signer settings as KrakenD writes them: every one, the defaults, null as not set. */
    @Nested
    class TheSignerObject {
        @Test
        void readsEverySettingFromTheSignerObject() {
            String json = """
                    {
                      "alg": "PS384",
                      "kid": "rsa-2024",
                      "keys_to_sign": ["access_token", "/data/refresh_token"],
                      "jwk_url": "https://keys.example.com/jwk.json",
                      "disable_jwk_security": true,
                      "full": true,
                      "jwk_fingerprints": ["%s", "%s"],
                      "cipher_suites": [49199, 52392, 4866],
                      "jwk_local_ca": "/etc/ssl/ca.pem",
                      "typ": "at+jwt",
                      "leeway": "1m",
                      "max_body_bytes": 4096
                    }
                    """.formatted(FP1, FP2);

            SignerConfig config = KrakendConfigReader.read(json, null, SOURCE);

            assertAll(
                    () -> assertEquals(SigningAlgorithm.PS384, config.alg()),
                    () -> assertEquals("rsa-2024", config.kid()),
                    () -> assertEquals("[access_token, /data/refresh_token]", config.keysToSign().toString()),
                    () -> assertEquals(Optional.of("https://keys.example.com/jwk.json"), ConfigView.jwkUrl(config)),
                    () -> assertTrue(ConfigView.disableJwkSecurity(config)),
                    () -> assertTrue(config.full()),
                    () -> assertEquals(List.of(FP1, FP2), ConfigView.jwkFingerprints(config)),
                    () -> assertEquals(List.of(49199, 52392, 4866), ConfigView.cipherSuites(config)),
                    () -> assertEquals(Optional.of("/etc/ssl/ca.pem"), ConfigView.jwkLocalCa(config)),
                    () -> assertEquals("at+jwt", config.typ()),
                    () -> assertEquals(Optional.of("1m"), config.leeway()),
                    () -> assertEquals(4096, config.maxBodyBytes()));
        }

        @Test
        void readsTheMinimalSignerObjectWithDefaults() {
            SignerConfig config = KrakendConfigReader.read(signerWith(""), null, SOURCE);

            assertAll(
                    () -> assertEquals(SigningAlgorithm.HS256, config.alg()),
                    () -> assertEquals(Optional.of("WEB-INF/jwk.json"), ConfigView.jwkLocalPath(config)),
                    () -> assertFalse(config.full()),
                    () -> assertEquals(Setting.CIPHER_SUITES.defaultValue(), ConfigView.cipherSuites(config)),
                    () -> assertEquals(Setting.TYP.defaultValue(), config.typ()),
                    () -> assertEquals(Setting.MAX_BODY_BYTES.defaultValue(), config.maxBodyBytes()));
        }

        @Test
        void takesNullAsNotSet() {
            SignerConfig config = KrakendConfigReader.read(signerWith("\"typ\": null, \"cipher_suites\": null,"
                    + " \"jwk_url\": null, \"cypher_key\": null"), null, SOURCE);

            assertEquals(Setting.TYP.defaultValue(), config.typ());
            assertEquals(Setting.CIPHER_SUITES.defaultValue(), ConfigView.cipherSuites(config));
            assertEquals(Optional.empty(), ConfigView.jwkUrl(config));
        }

        @Test
        void takesStringsExactlyAsWrittenButIgnoresJsonWhitespace() {
            String json = "\n\t{ \"alg\" :\"HS256\" ,\"kid\":\" sim2 \",\r\n\"keys_to_sign\":[ \"access_token\" ],"
                    + "\"jwk_local_path\":\"WEB-INF/jwk.json\"}\n ";

            SignerConfig config = KrakendConfigReader.read(json, null, SOURCE);

            assertEquals(" sim2 ", config.kid());
        }

        @Test
        void acceptsALeadingByteOrderMark() {
            assertEquals("sim2", KrakendConfigReader.read("\uFEFF" + signerWith(""), null, SOURCE).kid());
        }
    }

    /** A bare signer object, one endpoint holding it, or a whole KrakenD configuration, and nothing else. */
    @Nested
    class TheThreeShapes {
        @Test
        void readsTheSeedExampleAndRejectsItsPlaceholderFingerprint() throws IOException {
            List<String> problems = problems(resource("krakend-seed-example.json"), null);

            assertEquals(List.of(SOURCE + ", endpoint [/token]: jwk_fingerprints entry"
                    + " [S3Jha2VuRCBpcyB0aGUgYmVzdCBnYXRld2F5LCBhbmQgeW91IGtub3cgaXQ==] is not a base64url SHA-256"
                    + " digest; expected 44 characters such as [" + "A".repeat(43) + "=]"), problems);
        }

        @Test
        void readsTheSeedExampleWithARealFingerprint() throws IOException {
            String json = resource("krakend-seed-example.json")
                    .replace("S3Jha2VuRCBpcyB0aGUgYmVzdCBnYXRld2F5LCBhbmQgeW91IGtub3cgaXQ==", FP1);

            SignerConfig config = KrakendConfigReader.read(json, "/token", SOURCE);

            assertAll(
                    () -> assertEquals(SigningAlgorithm.HS256, config.alg()),
                    () -> assertEquals("sim2", config.kid()),
                    () -> assertEquals(Optional.of("http://your-backend/jwk/symmetric.json"), ConfigView.jwkUrl(config)),
                    () -> assertEquals("[access_token, refresh_token]", config.keysToSign().toString()),
                    // Ids the TLS layer will not know; here they are only whole numbers in range.
                    () -> assertEquals(List.of(5, 10), ConfigView.cipherSuites(config)),
                    () -> assertEquals(List.of(FP1), ConfigView.jwkFingerprints(config)),
                    () -> assertFalse(config.full()),
                    () -> assertFalse(ConfigView.disableJwkSecurity(config)));
        }

        @Test
        void readsTheSeedEndpointExample() throws IOException {
            SignerConfig config = KrakendConfigReader.read(resource("krakend-seed-endpoint.json"), null, SOURCE);

            assertAll(
                    () -> assertEquals("sim2", config.kid()),
                    () -> assertEquals(Optional.of("jwk_private_key.json"), ConfigView.jwkLocalPath(config)),
                    () -> assertTrue(ConfigView.disableJwkSecurity(config)),
                    () -> assertEquals("[access_token, refresh_token]", config.keysToSign().toString()));
        }

        @Test
        void rejectsAnEndpointWithoutSigner() {
            String json = "{\"endpoint\": \"/login\", \"extra_config\": {\"auth/validator\": {}}}";

            assertEquals(List.of(SOURCE + ": endpoint [/login] has no extra_config.\"auth/signer\"; expected a JSON"
                    + " object there holding the signer settings"), problems(json, null));
        }

        @Test
        void namesTheEndpointInProblemsOfItsSigner() {
            String json = "{\"endpoint\": \"/login\", \"extra_config\": {\"auth/signer\": {\"alg\": \"HS256\"}}}";

            assertEquals(List.of(
                    SOURCE + ", endpoint [/login]: keys_to_sign is required; expected at least one member name, such"
                            + " as [access_token]",
                    SOURCE + ", endpoint [/login]: no key source: set one of jwk_local_path (a JWK Set file), jwk_url"
                            + " (a URL serving one), pem_local_path (a PEM private key) or keystore_path (a PKCS#12 or"
                            + " JKS keystore)"), problems(json, null));
        }

        @Test
        void rejectsASignerThatIsNotAnObject() {
            String json = "{\"endpoint\": \"/token\", \"extra_config\": {\"auth/signer\": [\"HS256\"]}}";

            assertEquals(List.of(SOURCE + ", endpoint [/token]: extra_config.\"auth/signer\" is a JSON array; expected a"
                    + " JSON object holding the signer settings"), problems(json, null));
        }

        @Test
        void rejectsAWholeConfigWithoutAnEndpointsArray() {
            assertEquals(List.of(SOURCE + ": endpoints is missing; expected a KrakenD configuration with a JSON array"
                    + " of endpoints"), problems("{\"version\": 3}", null));
            assertEquals(List.of(SOURCE + ": endpoints is a JSON object; expected a KrakenD configuration with a JSON"
                    + " array of endpoints"), problems("{\"version\": 3, \"endpoints\": {}}", null));
        }

        @Test
        void rejectsAWholeConfigWithoutSignerEndpoints() {
            String json = "{\"version\": 3, \"endpoints\": [{\"endpoint\": \"/health\"}]}";

            assertEquals(List.of(SOURCE + ": no endpoint has extra_config.\"auth/signer\"; expected one endpoint with"
                    + " the signer settings"), problems(json, null));
        }

        @Test
        void rejectsATopLevelThatIsNotAnObject() {
            assertEquals(List.of(SOURCE + ": the top level is a JSON array; expected a JSON object: the auth/signer"
                    + " settings, an endpoint with extra_config.\"auth/signer\", or a whole KrakenD configuration"),
                    problems("[" + signerWith("") + "]", null));
        }
    }

    /** The endpoint setting picks one by its exact name; without it, the only one with a signer. */
    @Nested
    class ChoosingTheEndpoint {
        @Test
        void readsAnEndpointWhoseNameMatches() throws IOException {
            assertEquals("sim2", KrakendConfigReader.read(resource("krakend-seed-endpoint.json"), "/login", SOURCE)
                    .kid());
        }

        @Test
        void rejectsAnEndpointWhoseNameDoesNotMatch() throws IOException {
            assertEquals(List.of(SOURCE + ": this endpoint is [/login], not [/token]; expected the endpoint name to"
                    + " match, or to be left out"), problems(resource("krakend-seed-endpoint.json"), "/token"));
        }

        @Test
        void picksTheNamedEndpointOfAWholeConfig() throws IOException {
            String json = resource("krakend-realistic.json");

            SignerConfig token = KrakendConfigReader.read(json, "/token", SOURCE);
            SignerConfig refresh = KrakendConfigReader.read(json, " /token/refresh ", SOURCE);

            assertAll(
                    () -> assertEquals(SigningAlgorithm.RS256, token.alg()),
                    () -> assertEquals("2024-11-login", token.kid()),
                    () -> assertEquals(Optional.of("https://keys.internal.example.com/jwk/private.json"), ConfigView.jwkUrl(token)),
                    () -> assertEquals(Optional.of("/etc/ssl/internal-ca.pem"), ConfigView.jwkLocalCa(token)),
                    () -> assertEquals(List.of(FP1, FP2), ConfigView.jwkFingerprints(token)),
                    () -> assertEquals(List.of(49199, 49195, 4865), ConfigView.cipherSuites(token)),
                    () -> assertEquals(SigningAlgorithm.HS256, refresh.alg()),
                    () -> assertEquals("[/data/access_token]", refresh.keysToSign().toString()),
                    () -> assertEquals(Optional.of("WEB-INF/jwk/symmetric.json"), ConfigView.jwkLocalPath(refresh)),
                    () -> assertTrue(refresh.full()));
        }

        @Test
        void usesTheOnlySignerEndpointWhenNoneIsNamed() {
            String json = "{\"version\": 3, \"endpoints\": [{\"endpoint\": \"/health\"},"
                    + " {\"endpoint\": \"/token\", \"extra_config\": {\"auth/signer\": " + signerWith("") + "}}]}";

            assertEquals("sim2", KrakendConfigReader.read(json, null, SOURCE).kid());
        }

        @ParameterizedTest(name = "endpoint [{0}]")
        @NullSource
        @ValueSource(strings = {"", "  "})
        void asksForAnEndpointWhenSeveralHaveASigner(String endpoint) throws IOException {
            assertEquals(List.of(SOURCE + ": 2 endpoints have extra_config.\"auth/signer\": [/token, /token/refresh];"
                    + " expected an endpoint name choosing one of them"),
                    problems(resource("krakend-realistic.json"), endpoint));
        }

        @Test
        void listsTheSignerEndpointsWhenTheNamedOneIsMissing() throws IOException {
            assertEquals(List.of(SOURCE + ": endpoint [/tokens] not found; endpoints with extra_config.\"auth/signer\":"
                    + " [/token, /token/refresh]"), problems(resource("krakend-realistic.json"), "/tokens"));
        }

        @Test
        void listsTheSignerEndpointsWhenTheNamedOneHasNoSigner() throws IOException {
            assertEquals(List.of(SOURCE + ": endpoint [/orders] has no extra_config.\"auth/signer\"; endpoints with"
                    + " extra_config.\"auth/signer\": [/token, /token/refresh]"),
                    problems(resource("krakend-realistic.json"), "/orders"));
        }

        @Test
        void matchesTheEndpointNameExactly() throws IOException {
            assertEquals(List.of(SOURCE + ": endpoint [/TOKEN] not found; endpoints with extra_config.\"auth/signer\":"
                    + " [/token, /token/refresh]"), problems(resource("krakend-realistic.json"), "/TOKEN"));
        }

        @Test
        void acceptsOneEndpointNameUnderSeveralMethodsWithTheSameSigner() {
            String signer = signerWith("");
            String json = "{\"version\": 3, \"endpoints\": ["
                    + "{\"endpoint\": \"/token\", \"method\": \"GET\", \"extra_config\": {\"auth/signer\": " + signer + "}},"
                    + "{\"endpoint\": \"/token\", \"method\": \"POST\", \"extra_config\": {\"auth/signer\": " + signer
                    + "}}]}";

            assertEquals("sim2", KrakendConfigReader.read(json, "/token", SOURCE).kid());
        }

        @Test
        void rejectsOneEndpointNameUnderSeveralMethodsWithDifferentSigners() {
            String json = "{\"version\": 3, \"endpoints\": ["
                    + "{\"endpoint\": \"/token\", \"method\": \"GET\", \"extra_config\": {\"auth/signer\": "
                    + signerWith("") + "}},"
                    + "{\"endpoint\": \"/token\", \"method\": \"POST\", \"extra_config\": {\"auth/signer\": "
                    + signerWith("\"full\": true") + "}}]}";

            assertEquals(List.of(SOURCE + ": endpoint [/token] appears 2 times (methods [GET, POST]) with different"
                    + " extra_config.\"auth/signer\"; expected the same signer settings for one endpoint name"),
                    problems(json, "/token"));
        }

        @Test
        void rejectsAnEndpointNameForABareSignerObject() {
            assertEquals(List.of(SOURCE + ": endpoint [/token] is set, but this holds the auth/signer settings"
                    + " themselves, not a KrakenD configuration with endpoints; expected no endpoint, or a whole KrakenD"
                    + " configuration"), problems(signerWith(""), "/token"));
        }
    }

    /** Anything but strict JSON is refused, naming the source and the position. */
    @Nested
    class MalformedJson {
        static Stream<Arguments> malformedJson() {
            return Stream.of(
                    Arguments.of("single quotes", "{'alg': 'HS256'}",
                            "malformed JSON at line 1 column 3 path $."),
                    Arguments.of("a comment", "{\n  // signer\n  \"alg\": \"HS256\"\n}",
                            "malformed JSON at line 2 column 4 path $."),
                    Arguments.of("a trailing comma", "{\n  \"alg\": \"HS256\",\n}",
                            "Expected name at line 3 column 2 path $.alg"),
                    Arguments.of("NaN", "{\"max_body_bytes\": NaN}",
                            "malformed JSON at line 1 column 20 path $.max_body_bytes"),
                    Arguments.of("cut short", "{\"alg\": \"HS256\", \"kid\":",
                            "End of input at line 1 column 24 path $.kid"),
                    Arguments.of("empty", "", "End of input at line 1 column 1 path $"),
                    Arguments.of("content after the object", "{\"alg\": \"HS256\"} {}",
                            "content after the JSON value at line 1 column 19 path $"),
                    Arguments.of("a member twice", "{\"alg\": \"HS256\",\n \"alg\": \"RS256\"}",
                            "member [alg] appears twice in one object at line 2 column 7 path $.alg"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("malformedJson")
        void rejectsMalformedJsonNamingTheSourceAndPosition(String what, String json, String detail) {
            assertEquals(List.of(SOURCE + ": not valid JSON: " + detail + "; expected strict JSON (RFC 8259)"),
                    problems(json, null));
        }
    }

    /** A value of the wrong JSON type is refused, naming the type expected. */
    @Nested
    class WrongTypes {
        static Stream<Arguments> wrongTypes() {
            String suites = "an IANA cipher suite id from 0 to 65535, such as [49199]";
            String bytes = "a whole number of bytes up to 2147483647, such as [1048576]";
            return Stream.of(
                    Arguments.of("alg a number", "alg", "256",
                            "alg [256] is a JSON number; expected a JSON string"),
                    Arguments.of("kid a boolean", "kid", "true",
                            "kid [true] is a JSON boolean; expected a JSON string"),
                    Arguments.of("jwk_local_path an array", "jwk_local_path", "[\"a.json\"]",
                            "jwk_local_path [[\"a.json\"]] is a JSON array; expected a JSON string"),
                    Arguments.of("typ an object", "typ", "{\"v\": \"JWT\"}",
                            "typ [{\"v\":\"JWT\"}] is a JSON object; expected a JSON string"),
                    Arguments.of("leeway a number", "leeway", "60",
                            "leeway [60] is a JSON number; expected a JSON string"),
                    Arguments.of("keys_to_sign a string", "keys_to_sign", "\"access_token\"",
                            "keys_to_sign [access_token] is a JSON string; expected a JSON array of strings"),
                    Arguments.of("keys_to_sign item a number", "keys_to_sign", "[\"access_token\", 7]",
                            "keys_to_sign item 2 [7] is a JSON number; expected a JSON string"),
                    Arguments.of("jwk_fingerprints item null", "jwk_fingerprints", "[null]",
                            "jwk_fingerprints item 1 [null] is JSON null; expected a JSON string"),
                    Arguments.of("full a string", "full", "\"true\"",
                            "full [true] is a JSON string; expected a JSON boolean (true or false)"),
                    Arguments.of("disable_jwk_security a number", "disable_jwk_security", "1",
                            "disable_jwk_security [1] is a JSON number; expected a JSON boolean (true or false)"),
                    Arguments.of("cipher_suites a number", "cipher_suites", "49199",
                            "cipher_suites [49199] is a JSON number; expected a JSON array of whole numbers"),
                    Arguments.of("cipher_suites item a string", "cipher_suites", "[\"49199\"]",
                            "cipher_suites item 1 [49199] is a JSON string; expected a JSON number: " + suites),
                    Arguments.of("cipher_suites item a fraction", "cipher_suites", "[49199, 4865.5]",
                            "cipher_suites item 2 [4865.5] is not a whole number; expected " + suites),
                    Arguments.of("cipher_suites item out of range", "cipher_suites", "[65536]",
                            "cipher_suites item 1 [65536] is out of range; expected " + suites),
                    Arguments.of("max_body_bytes a string", "max_body_bytes", "\"1048576\"",
                            "max_body_bytes [1048576] is a JSON string; expected a JSON number: " + bytes),
                    Arguments.of("max_body_bytes a fraction", "max_body_bytes", "1024.0",
                            "max_body_bytes [1024.0] is not a whole number; expected " + bytes),
                    Arguments.of("max_body_bytes an exponent", "max_body_bytes", "1e6",
                            "max_body_bytes [1e6] is not a whole number; expected " + bytes),
                    Arguments.of("max_body_bytes beyond an int", "max_body_bytes", "9999999999",
                            "max_body_bytes [9999999999] is out of range; expected " + bytes),
                    Arguments.of("max_body_bytes a huge exponent", "max_body_bytes", "1e999999",
                            "max_body_bytes [1e999999] is not a whole number; expected " + bytes),
                    Arguments.of("cipher_suites item very long", "cipher_suites", "[" + "9".repeat(100) + "]",
                            "cipher_suites item 1 [" + "9".repeat(60) + "...] is out of range; expected " + suites),
                    Arguments.of("secret_url a number", "secret_url", "5",
                            "secret_url [5] is a JSON number; expected a JSON string"),
                    Arguments.of("jwk_url an array, with a password", "jwk_url",
                            "[\"https://reader:s3cret@keys.example.com/jwks\"]",
                            "jwk_url [[\"https://***@keys.example.com/jwks\"]] is a JSON array; expected a JSON"
                                    + " string"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("wrongTypes")
        void rejectsAValueOfTheWrongJsonType(String what, String name, String jsonValue, String problem) {
            Map<String, String> members = new LinkedHashMap<>(Map.of("alg", "\"HS256\"", "kid", "\"sim2\"",
                    "keys_to_sign", "[\"access_token\"]", "jwk_local_path", "\"WEB-INF/jwk.json\""));
            members.put(name, jsonValue);
            String json = members.entrySet().stream().map(e -> "\"" + e.getKey() + "\": " + e.getValue())
                    .collect(Collectors.joining(", ", "{", "}"));

            assertEquals(List.of(SOURCE + ": " + problem), problems(json, null));
        }
    }

    /** Unknown names get a suggestion, unsupported ones are refused without their value; every problem at once. */
    @Nested
    class UnknownAndUnsupportedSettings {
        @Test
        void namesAnUnknownSettingAndSuggestsTheClosest() {
            String json = "{\"alg\": \"HS256\", \"kid\": \"sim2\", \"keysToSign\": [\"access_token\"],"
                    + " \"jwk_local_path\": \"WEB-INF/jwk.json\"}";

            assertEquals(List.of(
                    SOURCE + ": unknown setting [keysToSign]; did you mean [keys_to_sign]? known settings: "
                            + Setting.names(Setting.Scope.SIGNER, Setting.Scope.KEYS),
                    SOURCE + ": keys_to_sign is required; expected at least one member name, such as [access_token]"),
                    problems(json, null));
        }

        @Test
        void rejectsUnknownSettingsInsideTheSignerOnly() throws IOException {
            String json = resource("krakend-seed-endpoint.json").replace("\"kid\": \"sim2\",",
                    "\"kid\": \"sim2\", \"cache\": true,");

            assertEquals(List.of(SOURCE + ", endpoint [/login]: unknown setting [cache]; known settings: "
                    + Setting.names(Setting.Scope.SIGNER, Setting.Scope.KEYS)), problems(json, null));
        }

        @Test
        void reportsEveryProblemAtOnce() {
            String json = """
                    {
                      "alg": "HS257",
                      "keys_to_sign": ["access_token", "access_token"],
                      "jwk_local_path": "WEB-INF/jwk.json",
                      "jwk_url": "https://keys.example.com/jwk.json",
                      "full": "yes",
                      "cipher_suites": [49199, "4865"],
                      "max_body_bytes": 0,
                      "tpy": "JWT"
                    }
                    """;

            InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                    () -> KrakendConfigReader.read(json, null, SOURCE));

            assertEquals(List.of(
                    SOURCE + ": unknown setting [tpy]; did you mean [typ]? known settings: " + Setting.names(Setting.Scope.SIGNER, Setting.Scope.KEYS),
                    SOURCE + ": full [yes] is a JSON string; expected a JSON boolean (true or false)",
                    SOURCE + ": cipher_suites item 2 [4865] is a JSON string; expected a JSON number: an IANA cipher"
                            + " suite id from 0 to 65535, such as [49199]",
                    SOURCE + ": alg [HS257] is not supported; expected one of " + SigningAlgorithm.jwaNames(),
                    SOURCE + ": keys_to_sign lists [access_token] twice",
                    SOURCE + ": both jwk_local_path [WEB-INF/jwk.json] and jwk_url [https://keys.example.com/jwk.json]"
                            + " are set; expected exactly one key source",
                    SOURCE + ": max_body_bytes [0] must be positive; the default is 1048576"), e.problems());
            assertTrue(e.getMessage().startsWith("invalid JWT signer configuration, 7 problems:"), e.getMessage());
        }

        @Test
        void rejectsSecretUrlAsNotSupported() {
            assertEquals(List.of(SOURCE + ": secret_url [file:///etc/jwk.enc] is not supported yet (KrakenD's encrypted"
                    + " JWK files); expected jwk_local_path or jwk_url with a plain JWK Set"),
                    problems(signerWith("\"secret_url\": \"file:///etc/jwk.enc\""), null));
        }

        @Test
        void rejectsCypherKeyAsNotSupportedWithoutShowingIt() {
            String secret = "dGhpcyBpcyB0aGUgY3lwaGVyIGtleQ";
            InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                    () -> KrakendConfigReader.read(signerWith("\"cypher_key\": \"" + secret + "\""), null, SOURCE));

            assertEquals(List.of(SOURCE + ": cypher_key is not supported yet (KrakenD's encrypted JWK files); expected"
                    + " jwk_local_path or jwk_url with a plain JWK Set"), e.problems());
            assertFalse(e.getMessage().contains(secret), e.getMessage());
        }

        @Test
        void neverShowsACypherKeyOfTheWrongType() {
            InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                    () -> KrakendConfigReader.read(signerWith("\"cypher_key\": 8675309"), null, SOURCE));

            assertEquals(List.of(SOURCE + ": cypher_key is a JSON number; expected a JSON string"), e.problems());
            assertFalse(e.getMessage().contains("8675309"), e.getMessage());
        }
    }

    /** Durations as Go strings such as "2.5s"; seconds and sizes as JSON numbers. */
    @Nested
    class DurationsAndSizes {
        @Test
        void readsDurationsAsGoStringsAndSizesAsNumbers() {
            String json = """
                    {
                      "alg": "ES256",
                      "keys_to_sign": ["access_token"],
                      "jwk_url": "https://keys.example.com/jwks.json",
                      "cache_duration": 300,
                      "jwk_connect_timeout": "2s",
                      "jwk_read_timeout": "2.5s",
                      "jwk_max_bytes": 65536
                    }
                    """;

            SignerConfig config = KrakendConfigReader.read(json, null, SOURCE);

            assertAll(
                    () -> assertEquals(null, config.kid()),
                    () -> assertEquals(KeySource.JwkUrl.class, ConfigView.keySourceType(config)),
                    () -> assertEquals(300, ConfigView.cacheDuration(config)),
                    () -> assertEquals(java.time.Duration.ofSeconds(2), ConfigView.jwkConnectTimeout(config)),
                    () -> assertEquals(java.time.Duration.ofMillis(2500), ConfigView.jwkReadTimeout(config)),
                    () -> assertEquals(65536, ConfigView.jwkMaxBytes(config)));
        }

        @Test
        void readsTheFetchDeadlineAsAGoString() {
            SignerConfig given = KrakendConfigReader.read(signerWith("\"jwk_fetch_timeout\": \"1.5s\""), null, SOURCE);
            SignerConfig unset = KrakendConfigReader.read(signerWith("\"jwk_fetch_timeout\": null"), null, SOURCE);
            assertEquals(java.time.Duration.ofMillis(1500), ConfigView.jwkFetchTimeout(given));
            assertEquals(java.time.Duration.ofSeconds(30), ConfigView.jwkFetchTimeout(unset));
        }

        @Test
        void refusesAFetchDeadlineThatIsNotPositiveOrNotAString() {
            assertEquals(List.of(SOURCE + ": jwk_fetch_timeout [0s] must be positive; the default is 30s"),
                    problems(signerWith("\"jwk_fetch_timeout\": \"0s\""), null));
            assertEquals(List.of(SOURCE + ": jwk_fetch_timeout [30] is a JSON number; expected a JSON string"),
                    problems(signerWith("\"jwk_fetch_timeout\": 30"), null));
        }

        @Test
        void refusesADurationGivenAsANumber() {
            assertEquals(List.of(SOURCE + ": jwk_local_check_interval [5] is a JSON number; expected a JSON string"),
                    problems(signerWith("\"jwk_local_check_interval\": 5"), null));
        }
    }

    /** ${env:...} and ${sys:...} in strings and list items; a number may then come as a string. */
    @Nested
    class PlaceholderExpansion {
        @Test
        void expandsPlaceholdersInStringsAndListItems() {
            Placeholders placeholders = new Placeholders(Map.of("PEM", "/etc/keys/signing.pem", "KEY2", "id_token",
                    "SECONDS", "120", "FULL", "true")::get, Map.of("kid", "ec-1")::get);
            String json = """
                    {
                      "alg": "ES256",
                      "kid": "${sys:kid}",
                      "keys_to_sign": ["access_token", "${env:KEY2}"],
                      "pem_local_path": "${env:PEM}",
                      "cache_duration": "${env:SECONDS}",
                      "full": "${env:FULL}"
                    }
                    """;

            SignerConfig config = KrakendConfigReader.read(json, null, SOURCE, placeholders);

            assertAll(
                    () -> assertEquals("ec-1", config.kid()),
                    () -> assertEquals("[access_token, id_token]", config.keysToSign().toString()),
                    () -> assertEquals(Optional.of("/etc/keys/signing.pem"), ConfigView.pemLocalPath(config)),
                    () -> assertEquals(120, ConfigView.cacheDuration(config)),
                    () -> assertTrue(config.full()));
        }

        @Test
        void readsANumberGivenAsAStringWithAPlaceholderAsAnInitParamWouldBe() {
            Placeholders placeholders = new Placeholders(Map.of("SECONDS", "soon")::get, name -> null);

            InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                    () -> KrakendConfigReader.read(signerWith("\"cache_duration\": \"${env:SECONDS}\""), null, SOURCE,
                            placeholders));

            assertEquals(List.of(SOURCE + ": cache_duration [soon] is not a whole number; expected a whole number of"
                    + " seconds up to 2147483647, such as [900]"), e.problems());
        }

        @Test
        void namesAnUnsetVariableInAListItem() {
            Placeholders none = new Placeholders(name -> null, name -> null);

            InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                    () -> KrakendConfigReader.read(signerWith("\"jwk_fingerprints\": [\"${env:PIN}\"]"), null, SOURCE,
                            none));

            assertEquals(List.of(SOURCE + ": jwk_fingerprints item 1 refers to environment variable [PIN], which is not"
                    + " set; expected it to be set in the server's environment"), e.problems());
        }

        @Test
        void leavesAStringWithoutPlaceholderForANumberSettingATypeError() {
            assertEquals(List.of(SOURCE + ": cache_duration [60] is a JSON string; expected a JSON number: a whole"
                    + " number of seconds up to 2147483647, such as [900]"),
                    problems(signerWith("\"cache_duration\": \"60\""), null));
        }
    }
}
