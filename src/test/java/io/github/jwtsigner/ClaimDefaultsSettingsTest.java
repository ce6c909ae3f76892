package io.github.jwtsigner;

import io.github.jwtsigner.internal.jws.ClaimDefaults;
import io.github.jwtsigner.internal.settings.InitParamsReader;
import io.github.jwtsigner.internal.settings.KrakendConfigReader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The claim default settings: their defaults, both readers, and the builder's checks. */
class ClaimDefaultsSettingsTest {
    private static SignerConfig.Builder minimal() {
        return SignerConfig.builder().alg("HS256").kid("sim2").keysToSign("access_token").jwkLocalPath("k.json");
    }

    private static List<String> problems(SignerConfig.Builder b) {
        return assertThrows(InvalidConfigurationException.class, b::build).problems();
    }

    private static Map<String, String> params(String... pairs) {
        Map<String, String> p = new LinkedHashMap<>(Map.of("alg", "HS256", "kid", "sim2", "keys_to_sign",
                "access_token", "jwk_local_path", "k.json"));
        for (int i = 0; i < pairs.length; i += 2) {
            p.put(pairs[i], pairs[i + 1]);
        }
        return p;
    }

    private static String krakend(String members) {
        return "{\"alg\": \"HS256\", \"kid\": \"sim2\", \"keys_to_sign\": [\"access_token\"],"
                + " \"jwk_local_path\": \"k.json\", " + members + "}";
    }

    @Test
    void eachIsOffUnlessSet() {
        assertEquals(false, Setting.ADD_IAT.defaultValue());
        assertEquals(false, Setting.ADD_JTI.defaultValue());
        assertNull(Setting.DEFAULT_TTL.defaultValue());
        assertNull(Setting.DEFAULT_ISSUER.defaultValue());
        assertEquals(List.of(), Setting.DEFAULT_AUDIENCE.defaultValue());
        assertNull(Setting.MAX_TTL.defaultValue());
        for (Setting s : List.of(Setting.ADD_IAT, Setting.ADD_JTI, Setting.DEFAULT_TTL, Setting.DEFAULT_ISSUER,
                Setting.DEFAULT_AUDIENCE, Setting.MAX_TTL)) {
            assertEquals(Setting.Scope.SIGNER, s.scope(), s.settingName());
            assertFalse(s.isSecret());
        }
        assertTrue(ClaimDefaults.from(minimal().build()).isNone());
    }

    @Test
    void theBuilderTakesEach() {
        SignerConfig c = minimal().set(Setting.ADD_IAT, true).set(Setting.ADD_JTI, true)
                .set(Setting.DEFAULT_TTL, Duration.ofMinutes(15)).set(Setting.DEFAULT_ISSUER, "https://i")
                .set(Setting.DEFAULT_AUDIENCE, List.of("a", "b")).set(Setting.MAX_TTL, Duration.ofHours(1)).build();
        ClaimDefaults d = ClaimDefaults.from(c);
        assertEquals(new ClaimDefaults(true, true, Duration.ofMinutes(15), "https://i", List.of("a", "b"),
                Duration.ofHours(1), d.clock(), d.jtiSource()), d);
        assertFalse(d.isNone());
    }

    @Test
    void eachAloneIsEnoughToTurnTheDefaultsOn() {
        assertFalse(ClaimDefaults.from(minimal().set(Setting.ADD_IAT, true).build()).isNone());
        assertFalse(ClaimDefaults.from(minimal().set(Setting.ADD_JTI, true).build()).isNone());
        assertFalse(ClaimDefaults.from(minimal().set(Setting.DEFAULT_TTL, Duration.ofSeconds(1)).build()).isNone());
        assertFalse(ClaimDefaults.from(minimal().set(Setting.DEFAULT_ISSUER, "i").build()).isNone());
        assertFalse(ClaimDefaults.from(minimal().set(Setting.DEFAULT_AUDIENCE, List.of("a")).build()).isNone());
        assertFalse(ClaimDefaults.from(minimal().set(Setting.MAX_TTL, Duration.ofSeconds(1)).build()).isNone());
    }

    @Test
    void initParamsReadEach() {
        SignerConfig c = InitParamsReader.read(params("add_iat", "true", "add_jti", " true ", "default_ttl", "15m",
                "default_issuer", "https://login.example", "default_audience", "api, web", "max_ttl", "1h"), "test");
        assertEquals(new ClaimDefaults(true, true, Duration.ofMinutes(15), "https://login.example",
                List.of("api", "web"), Duration.ofHours(1), ClaimDefaults.NONE.clock(), ClaimDefaults.NONE.jtiSource()),
                ClaimDefaults.from(c).with(ClaimDefaults.NONE.clock(), ClaimDefaults.NONE.jtiSource()));
        assertEquals(List.of("api"), InitParamsReader.read(params("default_audience", "api"), "test")
                .value(Setting.DEFAULT_AUDIENCE));
        assertEquals(List.of("a,b", "c"), InitParamsReader.read(params("default_audience", "[\"a,b\", \"c\"]"),
                "test").value(Setting.DEFAULT_AUDIENCE));
    }

    @Test
    void aKrakendFileReadsEachAndTheAudienceAsAStringOrAnArray() {
        SignerConfig c = KrakendConfigReader.read(krakend("\"add_iat\": true, \"add_jti\": true, \"default_ttl\":"
                + " \"15m\", \"default_issuer\": \"https://i\", \"default_audience\": \"api\", \"max_ttl\": \"1h\""),
                null, "test");
        assertEquals(List.of("api"), c.value(Setting.DEFAULT_AUDIENCE));
        assertEquals(Duration.ofMinutes(15), c.value(Setting.DEFAULT_TTL));
        assertEquals(Duration.ofHours(1), c.value(Setting.MAX_TTL));
        assertEquals(true, c.value(Setting.ADD_IAT));
        assertEquals(true, c.value(Setting.ADD_JTI));
        assertEquals("https://i", c.value(Setting.DEFAULT_ISSUER));
        assertEquals(List.of("a", "b"), KrakendConfigReader.read(krakend("\"default_audience\": [\"a\", \"b\"]"),
                null, "test").value(Setting.DEFAULT_AUDIENCE));
        List<String> p = assertThrows(InvalidConfigurationException.class, () -> KrakendConfigReader.read(
                krakend("\"default_audience\": 7, \"add_iat\": \"yes\""), null, "test")).problems();
        assertEquals(2, p.size(), p.toString());
        assertTrue(p.get(0).contains("default_audience") || p.get(1).contains("default_audience"), p.toString());
        // keys_to_sign, a list of strings too, still takes only an array.
        assertThrows(InvalidConfigurationException.class, () -> KrakendConfigReader.read("{\"alg\": \"HS256\","
                + " \"kid\": \"sim2\", \"keys_to_sign\": \"access_token\", \"jwk_local_path\": \"k.json\"}", null,
                "test"));
    }

    @Test
    void durationsMustBePositiveWholeSeconds() {
        assertEquals(List.of("default_ttl [0s] must be positive; expected whole seconds such as [15m] or [1h]",
                "max_ttl [-1s] must be positive; expected whole seconds such as [15m] or [1h]"),
                problems(minimal().set(Setting.DEFAULT_TTL, Duration.ZERO).set(Setting.MAX_TTL,
                        Duration.ofSeconds(-1))));
        assertEquals(List.of("default_ttl [1500ms] is not a whole number of seconds; expected whole seconds such as"
                + " [15m] or [1h]"), problems(minimal().set(Setting.DEFAULT_TTL, Duration.ofMillis(1500))));
        assertEquals(List.of("max_ttl [9223372037s] is longer than a Go duration can be (2562047h47m16s); expected"
                + " whole seconds such as [15m] or [1h]"),
                problems(minimal().set(Setting.MAX_TTL, Duration.ofSeconds(9_223_372_037L))));
        assertEquals(1, problems(minimal().set(Setting.DEFAULT_TTL, Duration.ofSeconds(Long.MAX_VALUE))).size());
        assertEquals(1, problems(minimal().set(Setting.DEFAULT_TTL, Duration.ofSeconds(Long.MIN_VALUE))).size());
    }

    @Test
    void aHugeButValidGoDurationIsTakenAndOneGoCannotHoldIsNot() {
        assertEquals(Duration.ofHours(1_000_000), InitParamsReader.read(params("default_ttl", "1000000h"), "t")
                .value(Setting.DEFAULT_TTL));
        List<String> p = assertThrows(InvalidConfigurationException.class,
                () -> InitParamsReader.read(params("default_ttl", "3000000h", "max_ttl", "-5m"), "t")).problems();
        assertEquals(List.of("t: default_ttl [3000000h] is not a duration; expected Go's syntax, a number and a unit"
                + " (ns, us, ms, s, m, h), such as [500ms], [5s] or [1m30s]",
                "t: max_ttl [-300s] must be positive; expected whole seconds such as [15m] or [1h]"), p);
    }

    @Test
    void theDefaultTtlMayNotExceedTheMaxTtl() {
        assertEquals(List.of("default_ttl [7200s] is longer than max_ttl [3600s], so every token it dates would be"
                + " refused; expected at most max_ttl"), problems(minimal().set(Setting.DEFAULT_TTL,
                Duration.ofHours(2)).set(Setting.MAX_TTL, Duration.ofHours(1))));
        minimal().set(Setting.DEFAULT_TTL, Duration.ofHours(1)).set(Setting.MAX_TTL, Duration.ofHours(1)).build();
    }

    @Test
    void theIssuerMustBePrintableShortText() {
        assertEquals(List.of("default_issuer is empty; expected text, or leave default_issuer out"),
                problems(minimal().set(Setting.DEFAULT_ISSUER, "")));
        List<String> p = problems(minimal().set(Setting.DEFAULT_ISSUER, "https://a\r\nSet-Cookie: x"));
        assertEquals(List.of("default_issuer [https://a\\u000d\\u000aSet-Cookie: x] holds a control character"
                + " (U+000D) at index 9; expected printable text"), p);
        assertFalse(p.get(0).contains("\n") || p.get(0).contains("\r"));
        String huge = "x".repeat(1_000_000);
        assertEquals(List.of("default_issuer [" + "x".repeat(64) + "...] is 1000000 characters long; expected at most"
                + " 1024"), problems(minimal().set(Setting.DEFAULT_ISSUER, huge)));
        assertEquals(List.of("default_issuer [a\uD800] holds a lone surrogate (U+D800) at index 1; expected printable"
                + " text"), problems(minimal().set(Setting.DEFAULT_ISSUER, "a\uD800")));
        assertEquals(List.of("default_issuer [\u0000] holds a control character (U+0000) at index 0; expected"
                .replace("\u0000", "\\u0000") + " printable text"),
                problems(minimal().set(Setting.DEFAULT_ISSUER, "\u0000")));
        minimal().set(Setting.DEFAULT_ISSUER, "https://ex\u00e4mple/\uD83D\uDE00 <&>").build();
        minimal().set(Setting.DEFAULT_ISSUER, "i".repeat(1024)).build();
    }

    @Test
    void eachAudienceMustBePrintableShortTextOnce() {
        List<String> withNull = new ArrayList<>(List.of("a"));
        withNull.add(null);
        assertEquals(List.of("default_audience item 2 is null; expected a string"),
                problems(minimal().set(Setting.DEFAULT_AUDIENCE, withNull)));
        assertEquals(List.of("default_audience item 1 is empty; expected text, or leave default_audience out",
                "default_audience item 3 [b\\u0009] holds a control character (U+0009) at index 1; expected printable"
                        + " text", "default_audience lists [a] twice"),
                problems(minimal().set(Setting.DEFAULT_AUDIENCE, List.of("", "a", "b\t", "a"))));
        List<String> many = IntStream.range(0, 65).mapToObj(i -> "a" + i).toList();
        assertEquals(List.of("default_audience lists 65 items; expected at most 64"),
                problems(minimal().set(Setting.DEFAULT_AUDIENCE, many)));
        minimal().set(Setting.DEFAULT_AUDIENCE, many.subList(0, 64)).build();
        minimal().set(Setting.DEFAULT_AUDIENCE, Collections.emptyList()).build();
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<String> p = problems(minimal().set(Setting.DEFAULT_TTL, Duration.ofSeconds(-1))
                .set(Setting.MAX_TTL, Duration.ofMillis(10)).set(Setting.DEFAULT_ISSUER, "")
                .set(Setting.DEFAULT_AUDIENCE, List.of("")));
        assertEquals(4, p.size(), p.toString());
    }
}
