package io.github.jwtsigner;

import io.github.jwtsigner.testing.TestFilterConfig;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link ValidatorConfig.Builder#build()}: every problem it reports, all at once, and what it never shows. */
class ValidatorConfigTest {
    private static final String ALGS = "[HS256, HS384, HS512, RS256, RS384, RS512, PS256, PS384, PS512, ES256,"
            + " ES384, ES512, EdDSA]";
    private static final String SECRET = "S3cret-value-never-shown";

    private static ValidatorConfig.Builder valid() {
        return ValidatorConfig.builder().alg("RS256").jwkLocalPath("WEB-INF/jwks.json");
    }

    private static List<String> problems(ValidatorConfig.Builder b) {
        return assertThrows(InvalidConfigurationException.class, b::build).problems();
    }

    private static String problem(ValidatorConfig.Builder b) {
        List<String> problems = problems(b);
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0);
    }

    @Test
    void buildsWithTheDocumentedDefaults() {
        ValidatorConfig c = valid().build();
        assertAll(
                () -> assertEquals(List.of(SigningAlgorithm.RS256), c.algorithms()),
                () -> assertInstanceOf(KeySource.JwkFile.class, c.keySource()),
                () -> assertTrue(c.kid().isEmpty()),
                () -> assertEquals(Duration.ofSeconds(1), c.duration(Setting.LEEWAY)),
                () -> assertEquals("JWT", c.text(Setting.TYP)),
                () -> assertEquals("roles", c.text(Setting.ROLES_KEY)),
                () -> assertEquals("scope", c.text(Setting.SCOPES_KEY)),
                () -> assertEquals("sub", c.text(Setting.PRINCIPAL_CLAIM)),
                () -> assertEquals("Authorization", c.text(Setting.AUTH_HEADER_NAME)),
                () -> assertEquals(ValidatorConfig.ScopesMatcher.ANY, c.scopesMatcher()),
                () -> assertEquals(10_000, c.wholeNumber(Setting.VERIFIED_CACHE_SIZE)),
                () -> assertEquals(Duration.ofMinutes(5), c.duration(Setting.VERIFIED_CACHE_TTL)),
                () -> assertEquals(8192, c.wholeNumber(Setting.MAX_TOKEN_BYTES)),
                () -> assertEquals(Duration.ofSeconds(10), c.duration(Setting.UNKNOWN_KID_REFETCH_INTERVAL)),
                () -> assertFalse(c.flag(Setting.ALLOW_ANONYMOUS)),
                () -> assertEquals(List.of(), c.propagatedClaims()));
    }

    @Test
    void keepsTheKidAndTheValuesGiven() {
        ValidatorConfig c = valid().alg("HS256", "RS256").set(Setting.KID, "k1").set(Setting.TYP, "")
                .set(Setting.LEEWAY, Duration.ofSeconds(3)).set(Setting.SCOPES_MATCHER, "ALL")
                .set(Setting.PROPAGATE_CLAIMS, List.of(List.of("sub", "X-User"))).build();
        assertAll(
                () -> assertEquals(List.of(SigningAlgorithm.HS256, SigningAlgorithm.RS256), c.algorithms()),
                () -> assertEquals("k1", c.kid().orElseThrow()),
                () -> assertEquals("k1", c.value(Setting.KID)),
                () -> assertEquals("", c.text(Setting.TYP)),
                () -> assertEquals(Duration.ofSeconds(3), c.duration(Setting.LEEWAY)),
                () -> assertEquals(ValidatorConfig.ScopesMatcher.ALL, c.scopesMatcher()),
                () -> assertEquals(List.of(List.of("sub", "X-User")), c.propagatedClaims()));
    }

    @Nested
    class KeySources {
        @Test
        void noKeySourceNamesTheFourAndWhatAPemFileMayHold() {
            assertEquals("no key source: set one of jwk_local_path (a JWK Set file), jwk_url (a URL serving one),"
                    + " pem_local_path (a PEM public key, or a private key whose public half is used) or"
                    + " keystore_path (a PKCS#12 or JKS keystore)", problem(ValidatorConfig.builder().alg("RS256")));
        }

        @Test
        void twoKeySourcesAreNamedWithTheirValues() {
            assertEquals("both jwk_local_path [WEB-INF/jwks.json] and jwk_url [https://***@keys.example.com/jwks]"
                    + " are set; expected exactly one key source",
                    problem(valid().jwkUrl("https://user:" + SECRET + "@keys.example.com/jwks")));
        }
    }

    @Nested
    class Alg {
        @Test
        void isRequired() {
            assertEquals("alg is required; expected one or more of " + ALGS + ", such as [RS256] or [HS256, RS256]",
                    problem(ValidatorConfig.builder().jwkLocalPath("WEB-INF/jwks.json")));
            assertEquals("alg is required; expected one or more of " + ALGS + ", such as [RS256] or [HS256, RS256]",
                    problem(valid().alg()));
        }

        @ParameterizedTest
        @ValueSource(strings = {"none", "NONE", "None", "nOnE"})
        void neverAllowsNoneInAnyCase(String none) {
            assertEquals("alg [" + none + "] can never be allowed: an unsigned token proves nothing; expected one or"
                    + " more of " + ALGS, problem(valid().alg("RS256", none)));
        }

        @Test
        void refusesAnUnknownNameAndHintsAtTheCaseOfAKnownOne() {
            assertEquals("alg [HS257] is not supported; expected one or more of " + ALGS,
                    problem(valid().alg("HS257")));
            assertEquals("alg [hs256] is not supported (did you mean [HS256]? algorithm names are case-sensitive);"
                    + " expected one or more of " + ALGS, problem(valid().alg("hs256")));
            assertEquals("alg [HS256 RS256] is not supported (one name each; separate them with commas: [HS256,"
                    + " RS256]); expected one or more of " + ALGS, problem(valid().alg("HS256 RS256")));
        }

        @Test
        void refusesANameListedTwiceAndAnEmptyItem() {
            assertEquals("alg lists [HS256] twice; expected each algorithm once",
                    problem(valid().alg("HS256", "RS256", " HS256")));
            assertEquals("alg item 2 is empty; expected one or more of " + ALGS,
                    problem(valid().set(Setting.ALG, Arrays.asList("RS256", null))));
            assertEquals("alg is empty; expected one or more of " + ALGS, problem(valid().alg(" ")));
        }

        @Test
        void takesOneNameAsAListOfOne() {
            assertEquals(List.of(SigningAlgorithm.EdDSA), valid().set(Setting.ALG, "EdDSA").build().algorithms());
        }
    }

    @Test
    void scopesMatcherIsAnyOrAll() {
        String expected = "expected [any] (at least one of scopes) or [all] (every one of them)";
        assertEquals("scopes_matcher [some] is not a matcher; " + expected,
                problem(valid().set(Setting.SCOPES_MATCHER, "some")));
        assertEquals("scopes_matcher is empty; " + expected + ", the default is [any]",
                problem(valid().set(Setting.SCOPES_MATCHER, " ")));
        assertEquals(ValidatorConfig.ScopesMatcher.ANY, valid().set(Setting.SCOPES_MATCHER, "Any").build()
                .scopesMatcher());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void claimAndHeaderNamesMustNotBeEmpty(String empty) {
        assertEquals(List.of(
                "roles_key is empty; expected a claim name, the default is [roles]",
                "scopes_key is empty; expected a claim name, the default is [scope]",
                "principal_claim is empty; expected a claim name, the default is [sub]",
                "auth_header_name is empty; expected a header name, the default is [Authorization]"),
                problems(valid().set(Setting.ROLES_KEY, empty).set(Setting.SCOPES_KEY, empty)
                        .set(Setting.PRINCIPAL_CLAIM, empty).set(Setting.AUTH_HEADER_NAME, empty)));
    }

    @Test
    void headerAndCookieNamesMustBeTokens() {
        assertAll(
                () -> assertEquals("auth_header_name [X Token] is not a header name; expected letters, digits and -,"
                        + " such as [Authorization] or [X-Token]", problem(valid().set(Setting.AUTH_HEADER_NAME,
                        "X Token"))),
                () -> assertEquals("auth_header_name [cookie] is the header every cookie comes in; expected another"
                        + " header, and cookie_key naming the cookie that holds the token",
                        problem(valid().set(Setting.AUTH_HEADER_NAME, "cookie"))),
                () -> assertEquals("cookie_key [jwt;path=/] is not a cookie name; expected letters, digits, - and _,"
                        + " such as [access_token]", problem(valid().set(Setting.COOKIE_KEY, "jwt;path=/"))),
                () -> assertEquals("cookie_key is empty; expected a cookie name such as [access_token], or leave"
                        + " cookie_key out to read no cookie", problem(valid().set(Setting.COOKIE_KEY, ""))),
                () -> assertEquals("X-Token", valid().set(Setting.AUTH_HEADER_NAME, "X-Token")
                        .set(Setting.COOKIE_KEY, "access_token").build().text(Setting.AUTH_HEADER_NAME)));
    }

    @Test
    void anEmptyIssuerIsRefusedSinceNoTokenWouldPassAndAnIssuerIsKept() {
        assertAll(
                () -> assertEquals("issuer is empty, so no token would be accepted; expected the issuer tokens carry in"
                        + " iss, such as [https://login.example.com], or leave issuer out to accept any",
                        problem(valid().set(Setting.ISSUER, " "))),
                () -> assertEquals("https://login.example.com", valid().issuer("https://login.example.com").build()
                        .text(Setting.ISSUER)));
    }

    @Nested
    class PropagateClaims {
        private List<String> of(List<List<String>> pairs) {
            return problems(valid().set(Setting.PROPAGATE_CLAIMS, pairs));
        }

        @Test
        void refusesAHeaderThatIsNoHeaderName() {
            assertEquals(List.of("propagate_claims item 1 [sub, X User] names [X User], which is not a header name;"
                    + " expected letters, digits and -, such as [X-User]"), of(List.of(List.of("sub", "X User"))));
        }

        @Test
        void refusesAnEmptyClaimName() {
            assertEquals(List.of("propagate_claims item 2 [ , X-Roles] has an empty claim name; expected [claim,"
                    + " header] such as [sub, X-User]"),
                    of(List.of(List.of("sub", "X-User"), List.of(" ", "X-Roles"))));
        }

        @Test
        void refusesAHeaderNamedTwiceInAnyCase() {
            assertEquals(List.of("propagate_claims item 3 [email, x-user] names header [x-user] again, after item 1"
                    + " (header names ignore case); expected one claim per header"),
                    of(List.of(List.of("sub", "X-User"), List.of("roles", "X-Roles"), List.of("email", "x-user"))));
        }

        @Test
        void refusesTheHeaderTheTokenComesInAndCookie() {
            assertEquals(List.of(
                    "propagate_claims item 1 [sub, authorization] names the header the token comes in"
                            + " (auth_header_name [Authorization]); expected another header, such as [X-User]",
                    "propagate_claims item 2 [roles, Cookie] names the Cookie header, which would hide the request's"
                            + " cookies (the session among them) from the servlet; expected another header, such as"
                            + " [X-User]"),
                    of(List.of(List.of("sub", "authorization"), List.of("roles", "Cookie"))));
            assertEquals(List.of("propagate_claims item 1 [sub, X-Token] names the header the token comes in"
                    + " (auth_header_name [X-Token]); expected another header, such as [X-User]"),
                    problems(valid().set(Setting.AUTH_HEADER_NAME, "X-Token")
                            .set(Setting.PROPAGATE_CLAIMS, List.of(List.of("sub", "X-Token")))));
        }

        @Test
        void takesAnyOtherHeaderAndTheAuthorizationHeaderWhenTheTokenComesElsewhere() {
            assertEquals(List.of(List.of("sub", "Authorization")), valid().set(Setting.AUTH_HEADER_NAME, "X-Token")
                    .set(Setting.PROPAGATE_CLAIMS, List.of(List.of("sub", "Authorization"))).build()
                    .propagatedClaims());
        }
    }

    @Test
    void durationsMustNotBeNegative() {
        assertEquals(List.of(
                "leeway [-1s] is negative; expected 0s or more, the default is 1s",
                "verified_cache_ttl [-1500ms] is negative; expected 0s or more, the default is 300s",
                "unknown_kid_refetch_interval [-10s] is negative; expected 0s or more, the default is 10s"),
                problems(valid().set(Setting.LEEWAY, Duration.ofSeconds(-1))
                        .set(Setting.VERIFIED_CACHE_TTL, Duration.ofMillis(-1500))
                        .set(Setting.UNKNOWN_KID_REFETCH_INTERVAL, Duration.ofSeconds(-10))));
        assertEquals("leeway is empty; expected a duration of 0s or more, such as [5s], the default is 1s",
                problem(valid().set(Setting.LEEWAY, null)));
        assertEquals(Duration.ZERO, valid().set(Setting.LEEWAY, Duration.ZERO).build().duration(Setting.LEEWAY));
    }

    @Test
    void limitsMustFit() {
        assertEquals(List.of(
                "verified_cache_size [-1] is negative; expected 0 (no cache) or more entries, the default is 10000",
                "max_token_bytes [63] is too small for any signed token; expected at least 64, the default is 8192",
                "typ is null; expected the header type tokens must have, such as [JWT], or an empty string to"
                        + " accept any"),
                problems(valid().set(Setting.VERIFIED_CACHE_SIZE, -1).set(Setting.MAX_TOKEN_BYTES, 63)
                        .set(Setting.TYP, null)));
        assertEquals(64, valid().set(Setting.MAX_TOKEN_BYTES, 64).set(Setting.VERIFIED_CACHE_SIZE, 0).build()
                .wholeNumber(Setting.MAX_TOKEN_BYTES));
    }

    @Test
    void reportsEveryProblemAtOnceEachNamingItsSettingAndNoSecret() {
        ValidatorConfig.Builder b = ValidatorConfig.builder().alg("none", "HS257", "HS256", "HS256")
                .set(Setting.SCOPES_MATCHER, "most").set(Setting.ROLES_KEY, "").set(Setting.AUTH_HEADER_NAME, "X Y")
                .set(Setting.COOKIE_KEY, "a b").set(Setting.PROPAGATE_CLAIMS, List.of(List.of("sub", "Cookie")))
                .set(Setting.LEEWAY, Duration.ofSeconds(-2)).set(Setting.VERIFIED_CACHE_SIZE, -5)
                .set(Setting.MAX_TOKEN_BYTES, 10).set(Setting.TYP, null)
                .set(Setting.KEYSTORE_PASSWORD, SECRET).set(Setting.KEY_PASSWORD, SECRET)
                .set(Setting.CYPHER_KEY, SECRET);
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, b::build);
        List<String> expectedStarts = List.of("cypher_key is not supported yet", "no key source: set one of",
                "keystore_password, key_password are set without keystore_path", "alg [none] can never be allowed",
                "alg [HS257] is not supported", "alg lists [HS256] twice", "scopes_matcher [most] is not a matcher",
                "roles_key is empty", "auth_header_name [X Y] is not a header name", "cookie_key [a b] is not a cookie",
                "propagate_claims item 1 [sub, Cookie] names the Cookie header", "leeway [-2s] is negative",
                "verified_cache_size [-5] is negative", "max_token_bytes [10] is too small", "typ is null");
        List<String> unmatched = new ArrayList<>(e.problems());
        for (String start : expectedStarts) {
            assertTrue(unmatched.removeIf(p -> p.startsWith(start)), start + " in " + e.problems());
        }
        assertEquals(List.of(), unmatched);
        assertTrue(e.getMessage().startsWith("invalid JWT validator configuration, 15 problems:\n  - "),
                e.getMessage());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    }

    @Test
    void toStringShowsWhatWasSetButNeverAPassword() {
        ValidatorConfig c = ValidatorConfig.builder().alg("RS256").set(Setting.KEYSTORE_PATH, "WEB-INF/keys.p12")
                .set(Setting.KEYSTORE_PASSWORD, SECRET).set(Setting.KEYSTORE_ALIAS, "verify")
                .set(Setting.KEY_PASSWORD, SECRET + "-key").set(Setting.KID, "k1").audience("api")
                .set(Setting.LEEWAY, Duration.ofSeconds(2)).build();
        String shown = c.toString();
        assertEquals("ValidatorConfig{alg=[RS256], keystore_path [WEB-INF/keys.p12] (keystore_type PKCS12,"
                + " keystore_alias [verify]), kid=k1, leeway=2s, audience=[api]}", shown);
        assertFalse(shown.contains(SECRET), shown);
        assertEquals(SECRET, c.value(Setting.KEYSTORE_PASSWORD), "the value is kept for the key loader");
    }

    @Test
    void setRefusesWhatTheValidatorDoesNotReadAndValuesOfTheWrongType() {
        assertAll(
                () -> assertTrue(assertThrows(IllegalArgumentException.class,
                        () -> valid().set(Setting.KEYS_TO_SIGN, List.of("a"))).getMessage().startsWith(
                        "keys_to_sign is not a setting of the validator; expected one of [alg, kid, jwk_local_path,")),
                () -> assertEquals("leeway takes a duration such as [500ms], [5s] or [1m30s], not a String",
                        assertThrows(IllegalArgumentException.class, () -> valid().set(Setting.LEEWAY, "2s"))
                                .getMessage()),
                () -> assertEquals("propagate_claims takes a list of [claim, header] pairs, not a list of anything"
                        + " else",
                        assertThrows(IllegalArgumentException.class, () -> valid().set(Setting.PROPAGATE_CLAIMS,
                                List.of(List.of("sub")))).getMessage()),
                () -> assertEquals("roles takes a list of strings, not null",
                        assertThrows(NullPointerException.class, () -> valid().set(Setting.ROLES, null))
                                .getMessage()));
    }

    @Nested
    class ThroughTheFilter {
        @Test
        void initThrowsAServletExceptionListingEveryProblem() {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("alg", "HS256, none");
            params.put("jwk_local_path", "WEB-INF/jwks.json");
            params.put("jwk_url", "https://keys.example.com/jwks");
            params.put("leeway", "soon");
            params.put("role_key", "groups");
            params.put("propagate_claims", "sub=Authorization");
            params.put("keystore_password", SECRET);
            ServletException e = assertThrows(ServletException.class,
                    () -> new JwtValidatorFilter().init(TestFilterConfig.of(params)));
            String source = "init-params of filter [jwtSigner]: ";
            assertEquals("invalid JWT validator configuration, 6 problems:"
                    + "\n  - " + source + "unknown setting [role_key]; did you mean [roles_key]? known settings: "
                    + ValidatorConfig.settingNames().toString().replace("]", ", config, endpoint]")
                    + "\n  - " + source + "leeway [soon] is not a duration; expected Go's syntax, a number and a unit"
                    + " (ns, us, ms, s, m, h), such as [500ms], [5s] or [1m30s]"
                    + "\n  - " + source + "both jwk_local_path [WEB-INF/jwks.json] and jwk_url"
                    + " [https://keys.example.com/jwks] are set; expected exactly one key source"
                    + "\n  - " + source + "keystore_password is set without keystore_path; expected keystore_path"
                    + " naming the keystore, or none of them"
                    + "\n  - " + source + "alg [none] can never be allowed: an unsigned token proves nothing; expected"
                    + " one or more of " + ALGS
                    + "\n  - " + source + "propagate_claims item 1 [sub, Authorization] names the header the token"
                    + " comes in (auth_header_name [Authorization]); expected another header, such as [X-User]",
                    e.getMessage());
            InvalidConfigurationException cause = assertInstanceOf(InvalidConfigurationException.class, e.getCause());
            assertEquals(6, cause.problems().size());
        }

        @Test
        void initNamesAKeyFileThatIsNotThereAsAValidatorProblem() {
            ServletException e = assertThrows(ServletException.class, () -> new JwtValidatorFilter(valid()
                    .jwkLocalPath("WEB-INF/missing-jwks.json").build()).init(TestFilterConfig.of(Map.of())));
            assertTrue(e.getMessage().startsWith("invalid JWT validator configuration: jwk_local_path"
                    + " [WEB-INF/missing-jwks.json] not found; looked in:"), e.getMessage());
        }

        @Test
        void initRefusesInitParamsNextToAConfigurationGivenInCode() {
            ServletException e = assertThrows(ServletException.class, () -> new JwtValidatorFilter(valid().build())
                    .init(TestFilterConfig.of(Map.of("alg", "HS256"))));
            assertEquals("invalid JWT validator configuration: init-params [alg] are set, but the filter was"
                    + " constructed with a ValidatorConfig; expected the settings in one place", e.getMessage());
        }
    }
}
