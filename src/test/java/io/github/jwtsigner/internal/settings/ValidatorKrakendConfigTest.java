package io.github.jwtsigner.internal.settings;

import io.github.jwtsigner.InvalidConfigurationException;
import io.github.jwtsigner.KeySource;
import io.github.jwtsigner.Setting;
import io.github.jwtsigner.SigningAlgorithm;
import io.github.jwtsigner.ValidatorConfig;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link KrakendConfigReader#readValidator}: the {@code auth/validator} object in each of the three shapes. */
class ValidatorKrakendConfigTest {
    private static final String SOURCE = "config [WEB-INF/krakend.json]";
    private static final String MINIMAL = "\"alg\": \"RS256\", \"jwk_local_path\": \"WEB-INF/jwks.json\"";
    private static final Placeholders NO_VARIABLES = new Placeholders(name -> null, name -> null);

    private static String resource() throws IOException {
        try (InputStream in = ValidatorKrakendConfigTest.class.getResourceAsStream("krakend-validator.json")) {
            assertNotNull(in);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String validatorWith(String members) {
        return "{" + MINIMAL + (members.isEmpty() ? "" : ", " + members) + "}";
    }

    private static ValidatorConfig read(String json, String endpoint) {
        return KrakendConfigReader.readValidator(json, endpoint, SOURCE, NO_VARIABLES);
    }

    private static List<String> problems(String json, String endpoint) {
        return assertThrows(InvalidConfigurationException.class, () -> read(json, endpoint)).problems();
    }

    private static String problem(String members) {
        List<String> problems = problems(validatorWith(members), null);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(SOURCE + ": "), problems.get(0));
        return problems.get(0).substring(SOURCE.length() + 2);
    }

    @Nested
    class Shapes {
        @Test
        void readsTheValidatorObjectItself() {
            ValidatorConfig c = read(validatorWith("\"roles\": [\"admin\"]"), null);
            assertEquals(List.of(SigningAlgorithm.RS256), c.algorithms());
            assertEquals(List.of("admin"), c.texts(Setting.ROLES));
        }

        @Test
        void readsAnEndpointWithTheValidatorInItsExtraConfig() {
            String endpoint = "{\"endpoint\": \"/api\", \"extra_config\": {\"auth/validator\": " + validatorWith("")
                    + "}}";
            assertEquals(List.of(SigningAlgorithm.RS256), read(endpoint, null).algorithms());
            assertEquals(List.of(SigningAlgorithm.RS256), read(endpoint, "/api").algorithms());
            assertEquals(List.of(SOURCE + ": this endpoint is [/api], not [/other]; expected the endpoint name to"
                    + " match, or to be left out"), problems(endpoint, "/other"));
        }

        @Test
        void anEndpointWithOnlyASignerHasNoValidator() {
            String endpoint = "{\"endpoint\": \"/token\", \"extra_config\": {\"auth/signer\": {\"alg\": \"HS256\"}}}";
            assertEquals(List.of(SOURCE + ": endpoint [/token] has no extra_config.\"auth/validator\"; expected a JSON"
                    + " object there holding the validator settings"), problems(endpoint, null));
        }

        @Test
        void choosesTheEndpointOfAWholeConfiguration() throws IOException {
            String config = resource();
            ValidatorConfig orders = read(config, "/api/orders");
            ValidatorConfig admin = read(config, "/api/admin");
            assertEquals(List.of(SigningAlgorithm.RS256), orders.algorithms());
            assertEquals(List.of(SigningAlgorithm.HS256), admin.algorithms());
            assertInstanceOf(KeySource.JwkFile.class, admin.keySource());
        }

        @Test
        void namesTheEndpointsWithAValidatorWhenTheChoiceIsMissingOrWrong() throws IOException {
            String config = resource();
            String path = "extra_config.\"auth/validator\"";
            assertAll(
                    () -> assertEquals(List.of(SOURCE + ": 2 endpoints have " + path + ": [/api/orders, /api/admin];"
                            + " expected an endpoint name choosing one of them"), problems(config, null)),
                    () -> assertEquals(List.of(SOURCE + ": endpoint [/token] has no " + path + "; endpoints with "
                            + path + ": [/api/orders, /api/admin]"), problems(config, "/token")),
                    () -> assertEquals(List.of(SOURCE + ": endpoint [/api/order] not found; endpoints with " + path
                            + ": [/api/orders, /api/admin]"), problems(config, "/api/order")));
        }

        @Test
        void prefixesEachProblemWithTheEndpoint() throws IOException {
            String config = resource().replace("\"leeway\": \"2s\"", "\"leeway\": 2");
            assertEquals(List.of(SOURCE + ", endpoint [/api/admin]: leeway [2] is a JSON number; expected a JSON"
                    + " string"), problems(config, "/api/admin"));
        }
    }

    @Test
    void readsTheValidatorBlockAsKrakendDocumentsIt() throws IOException {
        ValidatorConfig c = read(resource(), "/api/orders");
        KeySource.JwkUrl url = assertInstanceOf(KeySource.JwkUrl.class, c.keySource());
        assertAll(
                () -> assertEquals(List.of(SigningAlgorithm.RS256), c.algorithms()),
                () -> assertEquals(List.of("http://api.example.com"), c.texts(Setting.AUDIENCE)),
                () -> assertEquals("https://albert-test.auth0.com/", c.text(Setting.ISSUER)),
                () -> assertEquals("http://api.example.com/custom/roles", c.text(Setting.ROLES_KEY)),
                () -> assertEquals(List.of("user", "admin"), c.texts(Setting.ROLES)),
                () -> assertEquals("https://albert-test.auth0.com/.well-known/jwks.json", url.url()),
                () -> assertEquals(3600, url.cacheDuration()),
                () -> assertFalse(url.disableJwkSecurity()),
                () -> assertTrue(c.flag(Setting.CACHE)),
                () -> assertTrue(c.flag(Setting.OPERATION_DEBUG)),
                () -> assertEquals(List.of(List.of("sub", "x-user"), List.of("http://api.example.com/custom/roles",
                        "x-roles")), c.propagatedClaims()),
                () -> assertEquals(Duration.ofSeconds(1), c.duration(Setting.LEEWAY)));
        ValidatorConfig admin = read(resource(), "/api/admin");
        assertAll(
                () -> assertTrue(admin.flag(Setting.ROLES_KEY_IS_NESTED)),
                () -> assertEquals("realm_access.roles", admin.text(Setting.ROLES_KEY)),
                () -> assertEquals(List.of("admin:read", "admin:write"), admin.texts(Setting.SCOPES)),
                () -> assertEquals(ValidatorConfig.ScopesMatcher.ALL, admin.scopesMatcher()),
                () -> assertEquals("access_token", admin.text(Setting.COOKIE_KEY)),
                () -> assertEquals(Duration.ofSeconds(2), admin.duration(Setting.LEEWAY)));
    }

    @Nested
    class Values {
        @Test
        void takesAlgAsOneStringOrAnArray() {
            assertEquals(List.of(SigningAlgorithm.HS256, SigningAlgorithm.RS256),
                    read("{\"alg\": [\"HS256\", \"RS256\"], \"jwk_local_path\": \"WEB-INF/jwks.json\"}", null)
                            .algorithms());
            String keys = ", \"jwk_local_path\": \"WEB-INF/jwks.json\"}";
            assertEquals(List.of(SOURCE + ": alg [256] is a JSON number; expected a JSON array of strings, or one JSON"
                    + " string"), problems("{\"alg\": 256" + keys, null));
            assertTrue(problems("{\"alg\": [\"RS256\", \"none\"]" + keys, null).get(0).startsWith(SOURCE
                    + ": alg [none] can never be allowed"));
        }

        @Test
        void takesPropagateClaimsAsAnArrayOfPairsOnly() {
            assertEquals("propagate_claims [[\"sub\",\"X-User\"]] is a JSON array of strings; expected an array of"
                    + " [claim, header] pairs, such as [[\"sub\", \"X-User\"]]",
                    problem("\"propagate_claims\": [\"sub\", \"X-User\"]"));
            assertEquals("propagate_claims item 2 [[\"roles\"]] is not a pair; expected [claim, header] such as"
                    + " [\"sub\", \"X-User\"]", problem("\"propagate_claims\": [[\"sub\", \"X-User\"], [\"roles\"]]"));
            assertEquals("propagate_claims [sub=X-User] is a JSON string; expected a JSON array of [claim, header]"
                    + " pairs", problem("\"propagate_claims\": \"sub=X-User\""));
        }

        @Test
        void namesAValueOfTheWrongTypeWithoutQuotingASecret() {
            List<String> problems = problems("{\"alg\": \"RS256\", \"keystore_path\": \"WEB-INF/k.p12\","
                    + " \"keystore_alias\": \"v\", \"keystore_password\": 12345678, \"roles\": \"admin\"}", null);
            assertEquals(List.of(SOURCE + ": keystore_password is a JSON number; expected a JSON string",
                    SOURCE + ": roles [admin] is a JSON string; expected a JSON array of strings"), problems);
        }

        @Test
        void expandsPlaceholdersAndReadsAListFromOne() {
            Placeholders variables = new Placeholders(Map.of("ALGS", "HS256, RS256", "LEEWAY", "3s",
                    "SIZE", "100")::get, name -> null);
            ValidatorConfig c = KrakendConfigReader.readValidator("{\"alg\": \"${env:ALGS}\", \"jwk_local_path\":"
                    + " \"WEB-INF/jwks.json\", \"leeway\": \"${env:LEEWAY}\", \"verified_cache_size\":"
                    + " \"${env:SIZE}\"}", null, SOURCE, variables);
            assertAll(
                    () -> assertEquals(List.of(SigningAlgorithm.HS256, SigningAlgorithm.RS256), c.algorithms()),
                    () -> assertEquals(Duration.ofSeconds(3), c.duration(Setting.LEEWAY)),
                    () -> assertEquals(100, c.wholeNumber(Setting.VERIFIED_CACHE_SIZE)));
        }

        @Test
        void rejectsUnknownNamesWithASuggestionAndNamesTheSignersOwn() {
            assertTrue(problem("\"audiences\": [\"api\"]").startsWith("unknown setting [audiences]; did you mean"
                    + " [audience]? known settings: [alg, kid, "));
            assertTrue(problem("\"keys_to_sign\": [\"access_token\"]").startsWith("setting [keys_to_sign] is one of"
                    + " the signer's (JwtSignerFilter), not of the validator; known settings: "));
        }

        @Test
        void aNullMemberSetsNothing() {
            assertEquals(Duration.ofSeconds(1), read(validatorWith("\"leeway\": null"), null)
                    .duration(Setting.LEEWAY));
        }
    }
}
