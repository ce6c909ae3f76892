package io.github.jwtsigner.internal.ops.micrometer;

import io.github.jwtsigner.InvalidConfigurationException;
import io.github.jwtsigner.SigningException.Reason;
import io.github.jwtsigner.internal.jws.TokenSigner;
import io.github.jwtsigner.internal.ops.Meters;
import io.github.jwtsigner.internal.rotation.KeyRing;
import io.github.jwtsigner.internal.validation.Rejection;
import io.github.jwtsigner.testing.TestSigners;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MicrometerMetersTest {
    private static final List<String> MEMBERS = List.of("access_token", "/refresh_token");
    private static final TokenSigner SIM1 = TestSigners.hs256("sim1", payload -> "t");
    private static final TokenSigner SIM2 = TestSigners.hs256("sim2", payload -> "t");

    private final MockClock clock = new MockClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
    private final AtomicReference<KeyRing.Health> health = new AtomicReference<>();

    private Supplier<KeyRing.Health> health() {
        return health::get;
    }

    private double count(String meter, String... tags) {
        Counter c = registry.find(meter).tags(tags).counter();
        assertNotNull(c, () -> meter + " " + List.of(tags) + " is not registered; there are " + names());
        return c.count();
    }

    private Set<String> names() {
        Set<String> names = new TreeSet<>();
        for (Meter m : registry.getMeters()) {
            names.add(m.getId().getName() + m.getId().getTags());
        }
        return names;
    }

    @Test
    void signerCountsResponsesByOutcomeAndReasonTokensByMemberAlgAndKidAndTimesSigning() {
        Meters.Signer meters = MicrometerMeters.signer(registry, "jwtSigner", MEMBERS, health());
        assertTrue(meters.timed());
        meters.passed();
        meters.passed();
        meters.failedClosed(Reason.MALFORMED_JSON);
        meters.failedClosed(Reason.TOO_LARGE);
        meters.failedClosed(Reason.TOO_LARGE);
        meters.signed(TimeUnit.MILLISECONDS.toNanos(2));
        meters.signed(TimeUnit.MILLISECONDS.toNanos(4));
        meters.token(0, SIM1);
        meters.token(0, SIM1);
        meters.token(1, SIM1);
        meters.token(0, SIM2);

        String r = SignerMeters.RESPONSES;
        assertEquals(2, count(r, "name", "jwtSigner", "outcome", "signed", "reason", "none"));
        assertEquals(2, count(r, "name", "jwtSigner", "outcome", "passed", "reason", "none"));
        assertEquals(1, count(r, "name", "jwtSigner", "outcome", "failed_closed", "reason", "malformed_json"));
        assertEquals(2, count(r, "name", "jwtSigner", "outcome", "failed_closed", "reason", "too_large"));
        for (Reason reason : Reason.values()) {
            count(r, "outcome", "failed_closed", "reason", reason.name().toLowerCase(Locale.ROOT));
        }
        assertEquals(2 + Reason.values().length, registry.find(r).counters().size());
        String t = SignerMeters.TOKENS;
        assertEquals(2, count(t, "name", "jwtSigner", "member", "access_token", "alg", "HS256", "kid", "sim1"));
        assertEquals(1, count(t, "name", "jwtSigner", "member", "/refresh_token", "alg", "HS256", "kid", "sim1"));
        assertEquals(1, count(t, "name", "jwtSigner", "member", "access_token", "alg", "HS256", "kid", "sim2"));
        assertEquals(3, registry.find(t).counters().size());
        Timer signing = registry.find(SignerMeters.SIGNING).tag("name", "jwtSigner").timer();
        assertEquals(2, signing.count());
        assertEquals(6, signing.totalTime(TimeUnit.MILLISECONDS), 0.001);
    }

    @Test
    void theFixedCountersShowZeroBeforeTheFirstRequestAndTokenCountersComeWithTheFirstToken() {
        MicrometerMeters.signer(registry, "jwtSigner", MEMBERS, health());
        assertEquals(0, count(SignerMeters.RESPONSES, "outcome", "signed", "reason", "none"));
        assertEquals(0, count(SignerMeters.RESPONSES, "outcome", "failed_closed", "reason", "token_lifetime"));
        assertNull(registry.find(SignerMeters.TOKENS).meter());
        MicrometerMeters.validator(registry, "jwtValidator", () -> 0, health());
        assertEquals(0, count(ValidatorMeters.REQUESTS, "outcome", "rejected", "reason", "scopes"));
        MicrometerMeters.jwks(registry, "jwks", () -> null);
        assertEquals(0, count(JwksMeters.REQUESTS, "status", "405"));
    }

    @Test
    void validatorCountsRequestsByOutcomeAndReasonAndTimesTheTokensItChecked() {
        AtomicLong hits = new AtomicLong();
        Meters.Validator meters = MicrometerMeters.validator(registry, "api", hits::get, health());
        assertTrue(meters.timed());
        meters.accepted(TimeUnit.MICROSECONDS.toNanos(30));
        meters.accepted(TimeUnit.MICROSECONDS.toNanos(10));
        meters.accepted(TimeUnit.MICROSECONDS.toNanos(20));
        meters.anonymous();
        meters.rejected(Rejection.EXPIRED, TimeUnit.MICROSECONDS.toNanos(5));
        meters.rejected(Rejection.BAD_SIGNATURE, TimeUnit.MICROSECONDS.toNanos(7));
        meters.rejected(Rejection.MISSING, 0);
        meters.rejected(Rejection.MISSING, 0);
        hits.set(2);

        String r = ValidatorMeters.REQUESTS;
        assertEquals(3, count(r, "name", "api", "outcome", "accepted", "reason", "none"));
        assertEquals(1, count(r, "name", "api", "outcome", "anonymous", "reason", "none"));
        assertEquals(1, count(r, "name", "api", "outcome", "rejected", "reason", "expired"));
        assertEquals(1, count(r, "name", "api", "outcome", "rejected", "reason", "bad_signature"));
        assertEquals(2, count(r, "name", "api", "outcome", "rejected", "reason", "missing"));
        assertEquals(0, count(r, "name", "api", "outcome", "rejected", "reason", "alg_none"));
        assertEquals(2 + Rejection.values().length, registry.find(r).counters().size());
        Timer accepted = registry.find(ValidatorMeters.VERIFICATION).tags("name", "api", "outcome", "accepted").timer();
        assertEquals(3, accepted.count());
        assertEquals(60, accepted.totalTime(TimeUnit.MICROSECONDS), 0.001);
        Timer rejected = registry.find(ValidatorMeters.VERIFICATION).tags("name", "api", "outcome", "rejected").timer();
        assertEquals(2, rejected.count(), "requests without a token are not timed");
        FunctionCounter cache = registry.find(ValidatorMeters.CACHE_HITS).tag("name", "api").functionCounter();
        assertEquals(2, cache.count());
        hits.set(5);
        assertEquals(5, cache.count());
    }

    @Test
    void jwksCountsAnswersByStatus() {
        Meters.Jwks meters = MicrometerMeters.jwks(registry, "jwks", health());
        meters.answered(200);
        meters.answered(200);
        meters.answered(304);
        meters.answered(405);
        meters.answered(500);
        assertEquals(2, count(JwksMeters.REQUESTS, "name", "jwks", "status", "200"));
        assertEquals(1, count(JwksMeters.REQUESTS, "name", "jwks", "status", "304"));
        assertEquals(1, count(JwksMeters.REQUESTS, "name", "jwks", "status", "405"));
        assertEquals(1, count(JwksMeters.REQUESTS, "name", "jwks", "status", "500"));
        assertEquals(4, registry.find(JwksMeters.REQUESTS).counters().size());
    }

    @Test
    void keyHealthMetersReadTheRingsFiguresWhenPublished() {
        MicrometerMeters.signer(registry, "jwtSigner", MEMBERS, health());
        MicrometerMeters.validator(registry, "api", () -> 0, health());
        long start = clock.wallTime();
        health.set(new KeyRing.Health(start, start, null, 0, 0, false, 0));
        clock.add(Duration.ofSeconds(90));
        health.set(new KeyRing.Health(start, clock.wallTime(), "jwk_url [x] answered 503", clock.wallTime(), 3,
                true, 1));
        clock.add(Duration.ofSeconds(30));

        for (String component : List.of("signer", "validator")) {
            String[] tags = {"component", component};
            assertEquals(3, registry.find(KeyHealthMeters.REFRESH_FAILURES).tags(tags).functionCounter().count());
            TimeGauge age = registry.find(KeyHealthMeters.AGE).tags(tags).timeGauge();
            assertEquals(120, age.value(TimeUnit.SECONDS), 0.001, component);
            assertEquals(120, age.value(), 0.001, "the registry's base unit is seconds");
            TimeGauge refresh = registry.find(KeyHealthMeters.REFRESH_AGE).tags(tags).timeGauge();
            assertEquals(30, refresh.value(TimeUnit.SECONDS), 0.001, component);
            assertEquals(1, registry.find(KeyHealthMeters.REFRESH_FAILING).tags(tags).gauge().value());
        }
        assertEquals("jwtSigner", registry.find(KeyHealthMeters.AGE).tag("component", "signer").timeGauge().getId()
                .getTag("name"));

        health.set(new KeyRing.Health(start, clock.wallTime(), null, 0, 3, false, 1));
        assertEquals(0, registry.find(KeyHealthMeters.REFRESH_FAILING).tag("component", "signer").gauge().value());
        assertEquals(0, registry.find(KeyHealthMeters.REFRESH_AGE).tag("component", "signer").timeGauge()
                .value(TimeUnit.SECONDS), 0.001);
    }

    @Test
    void withoutARingTheKeyHealthMetersReadNaN() {
        MicrometerMeters.jwks(registry, "jwks", () -> null);
        String[] tags = {"component", "jwks", "name", "jwks"};
        assertTrue(Double.isNaN(registry.find(KeyHealthMeters.REFRESH_FAILURES).tags(tags).functionCounter().count()));
        assertTrue(Double.isNaN(registry.find(KeyHealthMeters.AGE).tags(tags).timeGauge().value()));
        assertTrue(Double.isNaN(registry.find(KeyHealthMeters.REFRESH_AGE).tags(tags).timeGauge().value()));
        Gauge failing = registry.find(KeyHealthMeters.REFRESH_FAILING).tags(tags).gauge();
        assertTrue(Double.isNaN(failing.value()));
    }

    @Test
    void closeRemovesEveryMeterTheComponentRegisteredTokenCountersOfEarlierKidsToo() {
        Meters.Signer signer = MicrometerMeters.signer(registry, "jwtSigner", MEMBERS, health());
        Meters.Validator validator = MicrometerMeters.validator(registry, "api", () -> 1, health());
        Meters.Jwks jwks = MicrometerMeters.jwks(registry, "jwks", health());
        signer.signed(1000);
        signer.token(0, SIM1);
        signer.token(0, SIM2);
        signer.token(1, SIM2);
        validator.accepted(1000);
        jwks.answered(304);
        int jwksMeters = 4 + 4;
        int validatorMeters = 2 + Rejection.values().length + 2 + 1 + 4;
        int signerMeters = 2 + Reason.values().length + 1 + 3 + 4;
        assertEquals(signerMeters + validatorMeters + jwksMeters, registry.getMeters().size(), names()::toString);

        signer.close();
        assertEquals(validatorMeters + jwksMeters, registry.getMeters().size(), names()::toString);
        assertTrue(registry.getMeters().stream().noneMatch(m -> m.getId().getName().startsWith("jwt.signer")));
        validator.close();
        jwks.close();
        assertEquals(Set.of(), names());
        signer.close();
        assertEquals(Set.of(), names(), "a second close is no error");
    }

    @Test
    void aTokenCountedAfterCloseLeavesNoMeterBehind() {
        Meters.Signer signer = MicrometerMeters.signer(registry, "jwtSigner", MEMBERS, health());
        signer.close();
        signer.token(0, SIM1);
        signer.passed();
        assertEquals(Set.of(), names());
    }

    @Test
    void aSecondComponentWithTheSameNameTakesTheNextSuffixAndClosingOneLeavesTheOther() {
        Meters.Signer first = MicrometerMeters.signer(registry, "jwtSigner", MEMBERS, health());
        Meters.Signer second = MicrometerMeters.signer(registry, "jwtSigner", MEMBERS, health());
        Meters.Validator validator = MicrometerMeters.validator(registry, "jwtSigner", () -> 0, health());
        first.passed();
        second.passed();
        second.passed();
        assertEquals(1, count(SignerMeters.RESPONSES, "name", "jwtSigner", "outcome", "passed"));
        assertEquals(2, count(SignerMeters.RESPONSES, "name", "jwtSigner-2", "outcome", "passed"));
        assertNotNull(registry.find(KeyHealthMeters.AGE).tags("component", "signer", "name", "jwtSigner-2")
                .timeGauge());
        assertNotNull(registry.find(ValidatorMeters.REQUESTS).tag("name", "jwtSigner").meter(),
                "another kind of component keeps its name");

        first.close();
        assertNull(registry.find(SignerMeters.RESPONSES).tag("name", "jwtSigner").meter());
        second.passed();
        assertEquals(3, count(SignerMeters.RESPONSES, "name", "jwtSigner-2", "outcome", "passed"));
        Meters.Signer third = MicrometerMeters.signer(registry, "jwtSigner", MEMBERS, health());
        third.passed();
        assertEquals(1, count(SignerMeters.RESPONSES, "name", "jwtSigner", "outcome", "passed"),
                "the freed name is taken again");
        second.close();
        third.close();
        validator.close();
        assertEquals(Set.of(), names());
    }

    @Test
    void anEmptyNameIsDefault() {
        MicrometerMeters.jwks(registry, "", health());
        assertNotNull(registry.find(JwksMeters.REQUESTS).tag("name", "default").meter());
    }

    @Test
    void refusesAnObjectThatIsNoMeterRegistryNamingItsClass() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> MicrometerMeters.jwks(new StringBuilder(), "jwks", health()));
        assertTrue(e.getMessage().contains("[java.lang.StringBuilder] is not a"
                + " io.micrometer.core.instrument.MeterRegistry"), e.getMessage());
    }

    @Test
    void manyThreadsCountEveryTokenWhileTheKeyRotates() throws Exception {
        Meters.Signer meters = MicrometerMeters.signer(registry, "jwtSigner", MEMBERS, health());
        int threads = 8;
        int perThread = 20_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new java.util.ArrayList<>();
            for (int i = 0; i < threads; i++) {
                done.add(pool.submit(() -> {
                    for (int n = 0; n < perThread; n++) {
                        meters.token(n % 2, n < perThread / 2 ? SIM1 : SIM2);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        double total = registry.find(SignerMeters.TOKENS).counters().stream().mapToDouble(Counter::count).sum();
        assertEquals((double) threads * perThread, total);
        assertEquals(threads * perThread / 4.0, count(SignerMeters.TOKENS, "member", "/refresh_token", "kid", "sim2"));
        assertEquals(4, registry.find(SignerMeters.TOKENS).counters().size());
    }
}
