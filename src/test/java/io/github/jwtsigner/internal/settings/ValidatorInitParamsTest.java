package io.github.jwtsigner.internal.settings;

import io.github.jwtsigner.InvalidConfigurationException;
import io.github.jwtsigner.Setting;
import io.github.jwtsigner.SigningAlgorithm;
import io.github.jwtsigner.ValidatorConfig;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link InitParamsReader#readValidator}: the validator's settings from web.xml init-params. */
class ValidatorInitParamsTest {
    private static final String SOURCE = "init-params of filter [jwtValidator]";
    private static final List<String> OWN = List.of("config", "endpoint");
    private static final Placeholders NO_VARIABLES = new Placeholders(name -> null, name -> null);

    private static Map<String, String> minimalWith(String... nameValues) {
        Map<String, String> params = new HashMap<>();
        params.put("alg", "RS256");
        params.put("jwk_local_path", "WEB-INF/jwks.json");
        for (int i = 0; i < nameValues.length; i += 2) {
            params.put(nameValues[i], nameValues[i + 1]);
        }
        return params;
    }

    private static ValidatorConfig read(Map<String, String> params) {
        return InitParamsReader.readValidator(params, OWN, SOURCE, NO_VARIABLES);
    }

    private static List<String> problems(Map<String, String> params) {
        return assertThrows(InvalidConfigurationException.class, () -> read(params)).problems();
    }

    private static String problem(String... nameValues) {
        List<String> problems = problems(minimalWith(nameValues));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(SOURCE + ": "), problems.get(0));
        return problems.get(0).substring(SOURCE.length() + 2);
    }

    @Nested
    class Alg {
        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "HS256                     | HS256",
            "' HS256 '                 | HS256",
            "HS256, RS256              | HS256 RS256",
            "RS256,ES256,EdDSA         | RS256 ES256 EdDSA",
            "'[\"HS256\",\"RS256\"]'   | HS256 RS256",
            "'[ \"PS256\" ]'           | PS256"})
        void readsOneNameACommaListOrAJsonArray(String value, String expected) {
            List<SigningAlgorithm> algs = read(minimalWith("alg", value)).algorithms();
            assertEquals(expected, String.join(" ", algs.stream().map(SigningAlgorithm::jwaName).toList()));
        }

        @Test
        void namesTheBadFormsWithAnAlgExample() {
            String expected = "expected comma-separated names such as [HS256, RS256] or a JSON array such as"
                    + " [\"HS256\", \"RS256\"]";
            assertAll(
                    () -> assertEquals("alg [HS256,,RS256] has an empty item; " + expected,
                            problem("alg", "HS256,,RS256")),
                    () -> assertTrue(problem("alg", "[\"HS256\"").startsWith("alg [[\"HS256\"] is not a valid JSON"
                            + " array ("), problem("alg", "[\"HS256\"")),
                    () -> assertTrue(problem("alg", "[\"HS256\"").endsWith("); " + expected)),
                    () -> assertEquals("alg item 2 [256] is a JSON number; expected a JSON string",
                            problem("alg", "[\"HS256\", 256]")));
        }

        @Test
        void refusesNoneAndAnEmptyValue() {
            assertTrue(problem("alg", "RS256, NoNe").startsWith("alg [NoNe] can never be allowed"));
            assertTrue(problem("alg", "").startsWith("alg is required; expected one or more of [HS256,"));
        }
    }

    @Nested
    class Leeway {
        @Test
        void isAGoDurationOneSecondByDefault() {
            assertEquals(Duration.ofSeconds(1), read(minimalWith()).duration(Setting.LEEWAY));
            assertEquals(Duration.ofSeconds(2), read(minimalWith("leeway", "2s")).duration(Setting.LEEWAY));
            assertEquals(Duration.ofSeconds(90), read(minimalWith("leeway", " 1m30s ")).duration(Setting.LEEWAY));
            assertEquals(Duration.ZERO, read(minimalWith("leeway", "0")).duration(Setting.LEEWAY));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2", "soon", "2 s", "1d"})
        void refusesWhatIsNotAGoDuration(String value) {
            assertEquals("leeway [" + value + "] is not a duration; expected Go's syntax, a number and a unit (ns, us,"
                    + " ms, s, m, h), such as [500ms], [5s] or [1m30s]", problem("leeway", value));
        }

        @Test
        void refusesANegativeOne() {
            assertEquals("leeway [-1s] is negative; expected 0s or more, the default is 1s", problem("leeway", "-1s"));
        }
    }

    @Nested
    class PropagateClaims {
        @Test
        void readsClaimEqualsHeaderPairsAndAJsonArrayOfPairs() {
            assertEquals(List.of(List.of("sub", "X-User"), List.of("roles", "X-Roles")),
                    read(minimalWith("propagate_claims", "sub=X-User, roles = X-Roles")).propagatedClaims());
            assertEquals(List.of(List.of("sub", "X-User")),
                    read(minimalWith("propagate_claims", "[[\"sub\",\"X-User\"]]")).propagatedClaims());
            assertEquals(List.of(List.of("realm_access.roles", "X-Roles")),
                    read(minimalWith("propagate_claims", "realm_access.roles=X-Roles")).propagatedClaims());
            assertEquals(List.of(), read(minimalWith("propagate_claims", "")).propagatedClaims());
        }

        @Test
        void namesEachBadForm() {
            String pairExpected = "expected such as [sub=X-User]";
            assertAll(
                    () -> assertEquals("propagate_claims item 1 [sub] is not a claim=header pair; " + pairExpected,
                            problem("propagate_claims", "sub")),
                    () -> assertEquals("propagate_claims item 2 [=X-Roles] is not a claim=header pair; "
                            + pairExpected, problem("propagate_claims", "sub=X-User,=X-Roles")),
                    () -> assertEquals("propagate_claims item 1 [sub=] is not a claim=header pair; " + pairExpected,
                            problem("propagate_claims", "sub=")),
                    () -> assertEquals("propagate_claims [sub=X-User,,roles=X-Roles] has an empty item; expected"
                            + " comma-separated claim=header items such as [sub=X-User, roles=X-Roles] or a JSON"
                            + " array such as [[\"sub\", \"X-User\"]]",
                            problem("propagate_claims", "sub=X-User,,roles=X-Roles")),
                    () -> assertEquals("propagate_claims item 1 [[\"sub\"]] is not a pair; expected [claim, header]"
                            + " such as [\"sub\", \"X-User\"]", problem("propagate_claims", "[[\"sub\"]]")),
                    () -> assertEquals("propagate_claims [[\"sub\",\"X-User\"]] is a JSON array of strings; expected an"
                            + " array of [claim, header] pairs, such as [[\"sub\", \"X-User\"]]",
                            problem("propagate_claims", "[\"sub\", \"X-User\"]")),
                    () -> assertEquals("propagate_claims item 1 [sub, X User] names [X User], which is not a header"
                            + " name; expected letters, digits and -, such as [X-User]",
                            problem("propagate_claims", "sub=X User")),
                    () -> assertEquals("propagate_claims item 1 [sub, Authorization] names the header the token comes"
                            + " in (auth_header_name [Authorization]); expected another header, such as [X-User]",
                            problem("propagate_claims", "sub=Authorization")));
        }
    }

    @Nested
    class Names {
        @ParameterizedTest
        @CsvSource({
            "role_key, roles_key",
            "audiance, audience",
            "propagate_claim, propagate_claims",
            "cookieKey, cookie_key",
            "scope_matcher, scopes_matcher",
            "Allow-Anonymous, allow_anonymous",
            "principal_claims, principal_claim"})
        void suggestsTheClosestOfTheValidatorsNames(String typo, String meant) {
            String p = problem(typo, "x");
            assertTrue(p.startsWith("unknown setting [" + typo + "]; did you mean [" + meant + "]? known settings: "
                    + ValidatorConfig.settingNames().toString().replace("]", ", config, endpoint]")), p);
        }

        @Test
        void saysWhoseSettingANameOfTheSignerIs() {
            String p = problem("keys_to_sign", "access_token");
            assertTrue(p.startsWith("setting [keys_to_sign] is one of the signer's (JwtSignerFilter), not of the"
                    + " validator; known settings: [alg, kid, "), p);
            assertTrue(problem("max_age", "300").startsWith("setting [max_age] is one of the JWKS servlet's"
                    + " (JwksServlet), not of the validator; "));
        }

        @Test
        void neverSuggestsANameOnlyTheSignerReads() {
            String p = problem("keys_to_sig", "access_token");
            assertEquals("unknown setting [keys_to_sig]; known settings: "
                    + ValidatorConfig.settingNames().toString().replace("]", ", config, endpoint]"), p);
            assertFalse(ValidatorConfig.settingNames().contains("keys_to_sign"));
        }

        @Test
        void readsEveryValidatorSetting() {
            Map<String, String> params = minimalWith("kid", "k1", "audience", "api, admin", "issuer",
                    "https://login.example.com/", "roles_key", "realm_access.roles", "roles_key_is_nested", "TRUE",
                    "roles", "admin", "scopes_key", "scp", "scopes", "read write", "scopes_matcher", "all",
                    "cookie_key", "access_token", "auth_header_name", "X-Token", "principal_claim", "email",
                    "allow_anonymous", "true", "verified_cache_size", "0", "verified_cache_ttl", "1m",
                    "max_token_bytes", "4096", "unknown_kid_refetch_interval", "30s", "cache", "true",
                    "operation_debug", "false", "typ", "at+jwt");
            ValidatorConfig c = read(params);
            assertAll(
                    () -> assertEquals("k1", c.kid().orElseThrow()),
                    () -> assertEquals(List.of("api", "admin"), c.texts(Setting.AUDIENCE)),
                    () -> assertEquals("https://login.example.com/", c.text(Setting.ISSUER)),
                    () -> assertEquals("realm_access.roles", c.text(Setting.ROLES_KEY)),
                    () -> assertTrue(c.flag(Setting.ROLES_KEY_IS_NESTED)),
                    () -> assertEquals(List.of("admin"), c.texts(Setting.ROLES)),
                    () -> assertEquals("scp", c.text(Setting.SCOPES_KEY)),
                    () -> assertEquals(List.of("read write"), c.texts(Setting.SCOPES)),
                    () -> assertEquals(ValidatorConfig.ScopesMatcher.ALL, c.scopesMatcher()),
                    () -> assertEquals("access_token", c.text(Setting.COOKIE_KEY)),
                    () -> assertEquals("X-Token", c.text(Setting.AUTH_HEADER_NAME)),
                    () -> assertEquals("email", c.text(Setting.PRINCIPAL_CLAIM)),
                    () -> assertTrue(c.flag(Setting.ALLOW_ANONYMOUS)),
                    () -> assertEquals(0, c.wholeNumber(Setting.VERIFIED_CACHE_SIZE)),
                    () -> assertEquals(Duration.ofMinutes(1), c.duration(Setting.VERIFIED_CACHE_TTL)),
                    () -> assertEquals(4096, c.wholeNumber(Setting.MAX_TOKEN_BYTES)),
                    () -> assertEquals(Duration.ofSeconds(30), c.duration(Setting.UNKNOWN_KID_REFETCH_INTERVAL)),
                    () -> assertTrue(c.flag(Setting.CACHE)),
                    () -> assertEquals("at+jwt", c.text(Setting.TYP)));
        }

        @Test
        void reportsANameGivenTwiceAfterTrimming() {
            Map<String, String> params = minimalWith(" leeway", "2s", "leeway ", "3s");
            assertEquals(List.of(SOURCE + ": setting [leeway] is given twice (names are trimmed); expected it once"),
                    problems(params));
        }
    }

    @Nested
    class PlaceholderExpansion {
        private final Placeholders variables = new Placeholders(Map.of("ALGS", "HS256, RS256", "LEEWAY", "5s",
                "CLAIMS", "sub=X-User,roles=X-Roles", "KS_PASS", "p@ss")::get, Map.of("keys.dir", "/etc/keys")::get);

        @Test
        void expandsEveryValueBeforeReadingIt() {
            Map<String, String> params = new HashMap<>();
            params.put("alg", "${env:ALGS}");
            params.put("keystore_path", "${sys:keys.dir}/verify.p12");
            params.put("keystore_password", "${env:KS_PASS}");
            params.put("keystore_alias", "verify");
            params.put("leeway", "${env:LEEWAY}");
            params.put("propagate_claims", "${env:CLAIMS}");
            ValidatorConfig c = InitParamsReader.readValidator(params, OWN, SOURCE, variables);
            assertAll(
                    () -> assertEquals(List.of(SigningAlgorithm.HS256, SigningAlgorithm.RS256), c.algorithms()),
                    () -> assertEquals("keystore_path [/etc/keys/verify.p12] (keystore_type PKCS12, keystore_alias"
                            + " [verify])", c.keySource().description()),
                    () -> assertEquals(Duration.ofSeconds(5), c.duration(Setting.LEEWAY)),
                    () -> assertEquals(List.of(List.of("sub", "X-User"), List.of("roles", "X-Roles")),
                            c.propagatedClaims()));
        }

        @Test
        void namesAnUnsetVariableOnceAndNeverQuotesASecret() {
            Map<String, String> params = minimalWith("leeway", "${env:NO_LEEWAY}", "alg", "${env:NO_ALGS}");
            params.remove("jwk_local_path");
            params.put("keystore_path", "/etc/keys/verify.p12");
            params.put("keystore_alias", "verify");
            params.put("keystore_password", "${env:KS_PASS");
            List<String> problems = assertThrows(InvalidConfigurationException.class,
                    () -> InitParamsReader.readValidator(params, OWN, SOURCE, variables)).problems();
            assertEquals(List.of(
                    SOURCE + ": alg refers to environment variable [NO_ALGS], which is not set; expected it to be set"
                            + " in the server's environment",
                    SOURCE + ": leeway refers to environment variable [NO_LEEWAY], which is not set; expected it to"
                            + " be set in the server's environment",
                    SOURCE + ": keystore_password has a placeholder without its closing brace; expected ${env:NAME}"
                            + " or ${sys:name} (or $${ for a literal ${)"), problems);
        }
    }
}
