package io.github.jwtsigner.internal.jws;

import io.github.jwtsigner.SignerConfig;
import io.github.jwtsigner.SigningAlgorithm;
import io.github.jwtsigner.SigningException;
import io.github.jwtsigner.SigningException.Reason;
import io.github.jwtsigner.internal.json.JsonNode.ObjectNode;
import io.github.jwtsigner.internal.json.JsonParser;
import io.github.jwtsigner.internal.json.JsonPointer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The claims the signer adds, and the lifetime it refuses, through {@link PayloadSigner} with an HS256 key. */
class ClaimDefaultsTest {
    private static final byte[] SIM2 = Base64.getUrlDecoder()
            .decode("AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow");
    private static final TokenSigner HS256 = new JwsTokenSigner(SigningAlgorithm.HS256, "sim2", "JWT", false,
            Signatures.hmac(SigningAlgorithm.HS256, SIM2));
    /** A fraction of a second, to show that iat and exp are whole seconds. */
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L, 999_000_000), ZoneOffset.UTC);
    private static final long NOW = 1_700_000_000L;
    private static final String JTI = "fixed-jti-0123456789ab";
    private static final Pattern TOKEN = Pattern.compile("\"([A-Za-z0-9_-]+\\.([A-Za-z0-9_-]+)\\.[A-Za-z0-9_-]+)\"");

    private static ClaimDefaults defaults(boolean iat, boolean jti, Duration ttl, String iss, List<String> aud,
            Duration max) {
        return new ClaimDefaults(iat, jti, ttl, iss, aud, max, CLOCK, () -> JTI);
    }

    private static final ClaimDefaults ALL = defaults(true, true, Duration.ofMinutes(15), "https://login.example",
            List.of("api", "web"), Duration.ofHours(1));

    private static PayloadSigner signer(ClaimDefaults d, String... keys) {
        return new PayloadSigner(JsonPointer.parseAll(List.of(keys)), () -> HS256, false, m -> { }, d);
    }

    /** The payloads of the tokens in a signed body, in order. */
    private static List<String> payloads(String signed) {
        Matcher m = TOKEN.matcher(signed);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(new String(Base64.getUrlDecoder().decode(m.group(2)), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String payload(ClaimDefaults d, String body) {
        List<String> p = payloads(signer(d, "access_token").sign(body));
        assertEquals(1, p.size(), body);
        return p.get(0);
    }

    @Test
    void withNothingSetTheClaimsAreTheSameObjectAndTheTokenIsKrakends() {
        SignerConfig config = SignerConfig.builder().alg("HS256").kid("sim2").keysToSign("access_token")
                .jwkLocalPath("k.json").build();
        ClaimDefaults none = ClaimDefaults.from(config);
        assertTrue(none.isNone());
        assertTrue(ClaimDefaults.NONE.isNone());
        ObjectNode claims = (ObjectNode) JsonParser.parse("{\"sub\":\"a\"}");
        assertSame(claims, none.apply(claims, JsonPointer.parse("access_token"), NOW));

        String body = "{\"access_token\":{\"aud\":\"http://api.example.com\",\"iss\":\"https://krakend.io\","
                + "\"sub\":\"1234567890qwertyuio\",\"jti\":\"mnb23vcsrt756yuiomnbvcx98ertyuiop\","
                + "\"roles\":[\"role_a\",\"role_b\"],\"exp\":1735689600}}";
        String krakend = "eyJhbGciOiJIUzI1NiIsImtpZCI6InNpbTIiLCJ0eXAiOiJKV1QifQ.eyJhdWQiOiJodHRwOi8vYXBpLmV4YW1wbGUu"
                + "Y29tIiwiZXhwIjoxNzM1Njg5NjAwLCJpc3MiOiJodHRwczovL2tyYWtlbmQuaW8iLCJqdGkiOiJtbmIyM3Zjc3J0NzU2eXVpb21u"
                + "YnZjeDk4ZXJ0eXVpb3AiLCJyb2xlcyI6WyJyb2xlX2EiLCJyb2xlX2IiXSwic3ViIjoiMTIzNDU2Nzg5MHF3ZXJ0eXVpbyJ9"
                + ".-yLJg9QzQeVLEYIGYQneWfsSrQRAUf2JHgtKdvlL1nY";
        assertEquals("{\"access_token\":\"" + krakend + "\"}", signer(none, "access_token").sign(body));
        assertEquals(new PayloadSigner(JsonPointer.parseAll(List.of("access_token")), () -> HS256).sign(body),
                signer(none, "access_token").sign(body));
    }

    @Test
    void addIatAloneAddsNowInWholeSeconds() {
        assertEquals("{\"iat\":1700000000,\"sub\":\"a\"}",
                payload(defaults(true, false, null, null, List.of(), null), "{\"access_token\":{\"sub\":\"a\"}}"));
    }

    @Test
    void addJtiAloneAddsTheSourcesValue() {
        assertEquals("{\"jti\":\"" + JTI + "\",\"sub\":\"a\"}",
                payload(defaults(false, true, null, null, List.of(), null), "{\"access_token\":{\"sub\":\"a\"}}"));
    }

    @Test
    void theProductionJtiIs128RandomBitsInBase64urlWithoutPadding() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String jti = ClaimDefaults.randomJti();
            assertTrue(jti.matches("[A-Za-z0-9_-]{22}"), jti);
            assertEquals(16, Base64.getUrlDecoder().decode(jti).length);
            assertTrue(seen.add(jti), "repeated: " + jti);
        }
        String a = payload(new ClaimDefaults(false, true, null, null, List.of(), null, CLOCK,
                ClaimDefaults::randomJti), "{\"access_token\":{}}");
        assertTrue(a.matches("\\{\"jti\":\"[A-Za-z0-9_-]{22}\"}"), a);
    }

    @Test
    void defaultTtlAloneAddsExpNowPlusTtl() {
        assertEquals("{\"exp\":1700000900,\"sub\":\"a\"}", payload(defaults(false, false, Duration.ofMinutes(15),
                null, List.of(), null), "{\"access_token\":{\"sub\":\"a\"}}"));
    }

    @Test
    void aLongDefaultTtlStillAddsTheExactSum() {
        // 1000000h, which Go's time.ParseDuration accepts: 3.6e9 seconds, written as an integer.
        assertEquals("{\"exp\":5300000000}", payload(defaults(false, false, Duration.ofHours(1_000_000), null,
                List.of(), null), "{\"access_token\":{}}"));
    }

    @Test
    void defaultIssuerAloneAddsIss() {
        assertEquals("{\"iss\":\"https://login.example/\\u003cx\\u003e\",\"sub\":\"a\"}",
                payload(defaults(false, false, null, "https://login.example/<x>", List.of(), null),
                        "{\"access_token\":{\"sub\":\"a\"}}"));
    }

    @Test
    void oneAudienceIsAStringAndSeveralAnArray() {
        assertEquals("{\"aud\":\"api\",\"sub\":\"a\"}", payload(defaults(false, false, null, null, List.of("api"),
                null), "{\"access_token\":{\"sub\":\"a\"}}"));
        assertEquals("{\"aud\":[\"web\",\"api\"],\"sub\":\"a\"}", payload(defaults(false, false, null, null,
                List.of("web", "api"), null), "{\"access_token\":{\"sub\":\"a\"}}"));
    }

    @Test
    void everySettingTogetherAddsEveryClaimSortedIn() {
        assertEquals("{\"aud\":[\"api\",\"web\"],\"exp\":1700000900,\"iat\":1700000000,"
                + "\"iss\":\"https://login.example\",\"jti\":\"" + JTI + "\",\"roles\":[\"r\"],\"sub\":\"a\","
                + "\"zz\":1}", payload(ALL, "{\"access_token\":{\"zz\":1,\"sub\":\"a\",\"roles\":[\"r\"]}}"));
    }

    @Test
    void aClaimTheServletSetIsNeverReplacedWhateverItsValue() {
        ClaimDefaults noMax = defaults(true, true, Duration.ofMinutes(15), "https://login.example",
                List.of("api", "web"), null);
        String claims = "{\"aud\":[\"mine\"],\"exp\":\"tomorrow\",\"iat\":null,\"iss\":7,\"jti\":{\"a\":1}}";
        assertEquals(claims, payload(noMax, "{\"access_token\":" + claims + "}"));
        String some = "{\"exp\":1700000001,\"iss\":\"other\",\"sub\":\"a\"}";
        assertEquals("{\"aud\":[\"api\",\"web\"],\"exp\":1700000001,\"iat\":1700000000,\"iss\":\"other\",\"jti\":\""
                + JTI + "\",\"sub\":\"a\"}", payload(noMax, "{\"access_token\":" + some + "}"));
    }

    @Test
    void aDuplicateClaimCountsAsPresentAndItsLastValueWins() {
        assertEquals("{\"iat\":2}", payload(defaults(true, false, null, null, List.of(), null),
                "{\"access_token\":{\"iat\":1,\"iat\":2}}"));
    }

    @Test
    void theDefaultsGiveTheTokenTheServletWouldGetByWritingTheClaimsItself() {
        String own = "{\"access_token\" : {\"sub\":\"a\", \"jti\":\"" + JTI + "\", \"aud\":[\"api\",\"web\"],"
                + " \"iat\":1700000000, \"roles\":[\"r\"], \"iss\":\"https://login.example\", \"exp\":1700000900},"
                + " \"refresh\":{\"data\":{\"token\":{\"aud\":[\"api\",\"web\"],\"exp\":1700000900,\"iat\":1700000000,"
                + "\"iss\":\"https://login.example\",\"jti\":\"" + JTI + "\"}}}}";
        String bare = "{\"access_token\" : {\"sub\":\"a\", \"roles\":[\"r\"]},"
                + " \"refresh\":{\"data\":{\"token\":{}}}}";

        String byServlet = signer(ClaimDefaults.NONE, "access_token", "/refresh/data/token").sign(own);
        String byDefaults = signer(ALL, "access_token", "/refresh/data/token").sign(bare);

        assertEquals(byServlet, byDefaults);
        assertEquals(2, payloads(byDefaults).size());
    }

    @Test
    void aNestedMemberAndEveryTokenOfABodyGetTheDefaultsWithOneIat() {
        Clock ticking = Clock.offset(CLOCK, Duration.ZERO);
        int[] reads = {0};
        Clock counting = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return ticking.instant().plusSeconds(reads[0]++);
            }
        };
        int[] jtis = {0};
        Supplier<String> jti = () -> "jti-" + jtis[0]++;
        ClaimDefaults d = ALL.with(counting, jti);
        List<String> p = payloads(signer(d, "/outer/inner", "access_token")
                .sign("{\"access_token\":{},\"outer\":{\"inner\":{\"sub\":\"n\"}}}"));
        assertEquals(List.of(
                "{\"aud\":[\"api\",\"web\"],\"exp\":1700000900,\"iat\":1700000000,\"iss\":\"https://login.example\","
                        + "\"jti\":\"jti-0\"}",
                "{\"aud\":[\"api\",\"web\"],\"exp\":1700000900,\"iat\":1700000000,\"iss\":\"https://login.example\","
                        + "\"jti\":\"jti-1\",\"sub\":\"n\"}"), p);
        assertEquals(1, reads[0], "the clock is read once per body");
    }

    @Test
    void theClockIsNotReadWithNothingSet() {
        Clock broken = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
        ClaimDefaults none = ClaimDefaults.NONE.with(new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                throw new AssertionError("clock read");
            }
        }, () -> {
            throw new AssertionError("jti asked");
        });
        assertEquals(broken.getZone(), ZoneOffset.UTC);
        assertEquals(1, payloads(signer(none, "access_token").sign("{\"access_token\":{}}")).size());
    }

    // max_ttl

    private static ClaimDefaults maxOnly() {
        return defaults(false, false, null, null, List.of(), Duration.ofHours(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1700003600", "1700003599", "1.7000036E9", "1700003600.000", "-5", "0", "1e-99999"})
    void maxTtlSignsAnExpAtMostThatFarAhead(String exp) {
        assertEquals("{\"exp\":" + exp + ",\"sub\":\"a\"}",
                payload(maxOnly(), "{\"access_token\":{\"sub\":\"a\",\"exp\":" + exp + "}}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"exp\":1700000001,\"exp\":1800000000}", "{\"\\u0065xp\":1800000000}",
            "{\"exp\":1700000001,\"\\u0065xp\":1800000000}", "{\"exp\":1800000000,\"exp\":null}"})
    void maxTtlReadsTheExpThatIsSignedWhetherDuplicatedOrEscaped(String claims) {
        assertEquals(Reason.TOKEN_LIFETIME, refused(maxOnly(), "{\"access_token\":" + claims + "}").reason());
    }

    @Test
    void aClaimWrittenWithAnEscapedNameIsNotAddedAgain() {
        assertEquals("{\"iat\":5,\"jti\":\"mine\"}", payload(defaults(true, true, null, null, List.of(), null),
                "{\"access_token\":{\"\\u0069at\":5,\"j\\u0074i\":\"mine\"}}"));
    }

    @Test
    void maxTtlSignsADefaultedExp() {
        assertEquals("{\"exp\":1700003600}", payload(defaults(false, false, Duration.ofHours(1), null, List.of(),
                Duration.ofHours(1)), "{\"access_token\":{}}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1700003601", "1700003600.5", "1.7000036000001E9", "1e400", "1E2147483647",
            "1e99999999999"})
    void maxTtlRefusesAnExpFurtherAhead(String exp) {
        SigningException e = refused(maxOnly(), "{\"access_token\":{\"sub\":\"secret-sub\",\"exp\":" + exp + "}}");
        assertTrue(e.getMessage().contains("max_ttl [3600s]") && e.getMessage().contains("[access_token]"),
                e.getMessage());
        assertFalse(e.getMessage().contains(exp) || e.getMessage().contains("secret-sub"), e.getMessage());
    }

    @Test
    void maxTtlRefusesAClaimSetWithoutExp() {
        SigningException e = refused(maxOnly(), "{\"access_token\":{\"sub\":\"secret-sub\"}}");
        assertEquals("keys_to_sign member [access_token] has no exp claim while max_ttl [3600s] is set; expected"
                + " an exp at most that far ahead (default_ttl adds one)", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"1700000000\"", "null", "true", "[1]", "{\"t\":1}"})
    void maxTtlRefusesAnExpThatIsNotANumber(String exp) {
        SigningException e = refused(maxOnly(), "{\"access_token\":{\"exp\":" + exp + "}}");
        assertTrue(e.getMessage().startsWith("keys_to_sign member [access_token] has an exp claim that is a JSON ["),
                e.getMessage());
        assertFalse(e.getMessage().contains("1700000000"), e.getMessage());
    }

    @Test
    void maxTtlRefusesAnExpLiteralTooLongToCompare() {
        String exp = "1" + "0".repeat(ClaimDefaults.MAX_EXP_CHARS);
        SigningException e = refused(maxOnly(), "{\"access_token\":{\"exp\":" + exp + "}}");
        assertEquals("keys_to_sign member [access_token] has an exp claim that is not a number of seconds up to 64"
                + " characters long, while max_ttl [3600s] is set", e.getMessage());
        String small = "0." + "0".repeat(ClaimDefaults.MAX_EXP_CHARS);
        assertEquals(Reason.TOKEN_LIFETIME, refused(maxOnly(), "{\"access_token\":{\"exp\":" + small + "}}")
                .reason());
    }

    @Test
    void maxTtlRefusesTheWholeBodyWhenOneNestedClaimSetIsTooLongLived() {
        SigningException e = refused(maxOnly(), "{\"access_token\":{\"exp\":1700000001},"
                + "\"r\":{\"t\":{\"exp\":1800000000}}}", "access_token", "/r/t");
        assertTrue(e.getMessage().startsWith("keys_to_sign member [/r/t] has an exp claim further ahead than"
                + " max_ttl [3600s] allows"), e.getMessage());
    }

    private static SigningException refused(ClaimDefaults d, String body, String... keys) {
        String[] entries = keys.length == 0 ? new String[] {"access_token"} : keys;
        PayloadSigner signer = new PayloadSigner(JsonPointer.parseAll(List.of(entries)), () -> {
            throw new AssertionError("the key was asked for a body to refuse");
        }, false, m -> { }, d);
        SigningException e = assertThrows(SigningException.class, () -> signer.sign(body));
        assertEquals(Reason.TOKEN_LIFETIME, e.reason(), e.getMessage());
        return e;
    }
}
