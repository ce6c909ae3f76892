package io.github.jwtsigner.validator;

import com.nimbusds.jose.jwk.OctetSequenceKey;

import io.github.jwtsigner.JwtValidatorFilter;
import io.github.jwtsigner.Setting;
import io.github.jwtsigner.ValidatorConfig;
import io.github.jwtsigner.internal.keys.VerificationKeys;
import io.github.jwtsigner.internal.validation.Rejection;
import io.github.jwtsigner.internal.validation.TokenRejectedException;
import io.github.jwtsigner.internal.validation.TokenVerifier;
import io.github.jwtsigner.testing.TestFilterConfig;
import io.github.jwtsigner.testing.TestKeys;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import javax.crypto.spec.SecretKeySpec;

import static io.github.jwtsigner.validator.Forge.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The verified-signature cache and the early key reload under attack: a cached token must not survive the key
 * that signed it, its exp, or a change of its bytes; a flood of unknown kids must not reload the keys, or hold
 * request threads, more than once per interval.
 */
class CacheAndKeyChangeTest {
    private static final byte[] SECRET = new byte[32];
    private static final byte[] OTHER_SECRET = new byte[32];

    static {
        new SecureRandom().nextBytes(SECRET);
        new SecureRandom().nextBytes(OTHER_SECRET);
    }

    /** An HMAC key that counts how often a MAC is computed with it: a cache hit computes none. */
    private static final class CountingKey extends SecretKeySpec {
        private static final long serialVersionUID = 1L;
        private final transient AtomicInteger uses = new AtomicInteger();

        CountingKey(byte[] secret) {
            super(secret, "HMAC");
        }

        @Override
        public byte[] getEncoded() {
            uses.incrementAndGet();
            return super.getEncoded();
        }
    }

    private static VerificationKeys keys(String kid, SecretKeySpec key) {
        return VerificationKeys.of(List.of(new VerificationKeys.Entry(kid, "oct", null, null, key, 256)));
    }

    private static ValidatorConfig config() {
        return ValidatorConfig.builder().alg("HS256").jwkLocalPath("unused.json").build();
    }

    private static String token(String kid, long expSeconds) throws Exception {
        String header = kid == null ? "{\"alg\":\"HS256\"}" : "{\"alg\":\"HS256\",\"kid\":\"" + kid + "\"}";
        return Forge.hmac(input(header, "{\"sub\":\"alice\",\"exp\":" + expSeconds + "}"), SECRET, 256);
    }

    private static Rejection rejection(TokenVerifier v, String token) {
        return assertThrows(TokenRejectedException.class, () -> v.verify(token)).rejection();
    }

    @Test
    void aCachedTokenIsRefusedOnceItsKeyIsGoneAndAfterItsExp() throws Exception {
        CountingKey key = new CountingKey(SECRET);
        AtomicReference<VerificationKeys> current = new AtomicReference<>(keys("h1", key));
        AtomicLong clock = new AtomicLong(System.currentTimeMillis());
        TokenVerifier v = new TokenVerifier(config(), current::get, d -> false, clock::get);
        String token = token("h1", clock.get() / 1000 + 60);
        v.verify(token);
        v.verify(token);
        assertEquals(1, key.uses.get(), "the second call is a cache hit");
        assertEquals(1, v.cachedCount());

        current.set(keys("h2", new SecretKeySpec(OTHER_SECRET, "HMAC")));
        assertEquals(Rejection.UNKNOWN_KID, rejection(v, token));
        current.set(keys(null, new SecretKeySpec(OTHER_SECRET, "HMAC")));
        assertEquals(Rejection.BAD_SIGNATURE, rejection(v, token));

        CountingKey back = new CountingKey(SECRET);
        current.set(keys("h1", back));
        v.verify(token);
        assertEquals(1, back.uses.get(), "verified again with the new key set");
        clock.addAndGet(61_000 + 1_000);
        assertEquals(Rejection.EXPIRED, rejection(v, token));
    }

    @Test
    void aTokenDifferingOnlyInUnusedBase64BitsIsNotACacheHit() throws Exception {
        CountingKey key = new CountingKey(SECRET);
        VerificationKeys set = keys("h1", key);
        TokenVerifier v = new TokenVerifier(config(), () -> set, d -> false, System::currentTimeMillis);
        String token = token("h1", System.currentTimeMillis() / 1000 + 60);
        v.verify(token);
        v.verify(token);
        assertEquals(1, key.uses.get(), "the second call is a cache hit");
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char last = token.charAt(token.length() - 1);
        String twin = token.substring(0, token.length() - 1) + alphabet.charAt(alphabet.indexOf(last) ^ 1);
        assertEquals(Rejection.MALFORMED, rejection(v, twin));
        assertEquals(Rejection.MALFORMED, rejection(v, " " + token));
        assertEquals(Rejection.MALFORMED, rejection(v, token + "\n"));
        assertEquals(1, v.cachedCount());
    }

    @Test
    void theCacheStaysWithinItsSize() throws Exception {
        ValidatorConfig small = ValidatorConfig.builder().alg("HS256").jwkLocalPath("unused.json")
                .set(Setting.VERIFIED_CACHE_SIZE, 10).build();
        TokenVerifier v = new TokenVerifier(small, () -> keys("h1", new SecretKeySpec(SECRET, "HMAC")), d -> false,
                System::currentTimeMillis);
        long exp = System.currentTimeMillis() / 1000 + 60;
        for (int i = 0; i < 200; i++) {
            v.verify(token("h1", exp + i));
            assertTrue(v.cachedCount() <= 10, "entries: " + v.cachedCount());
        }
    }

    @Test
    void aTokenValidForCenturiesIsCachedToo() throws Exception {
        CountingKey key = new CountingKey(SECRET);
        VerificationKeys set = keys("h1", key);
        TokenVerifier v = new TokenVerifier(config(), () -> set, d -> false, System::currentTimeMillis);
        String token = token("h1", System.currentTimeMillis() / 1000 + 400L * 365 * 24 * 3600);
        v.verify(token);
        v.verify(token);
        assertEquals(1, key.uses.get(), "the second call is a cache hit");
    }

    @Test
    void unknownKidsAskForAnEarlyReloadOnlyWhenNoneIsRunningAndDoNotQueueBehindIt() throws Exception {
        CountDownLatch inReload = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger asked = new AtomicInteger();
        Predicate<Duration> reloadEarly = d -> {
            if (asked.incrementAndGet() == 1) {
                inReload.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return true;
        };
        TokenVerifier v = new TokenVerifier(config(), () -> keys("h1", new SecretKeySpec(SECRET, "HMAC")),
                reloadEarly, System::currentTimeMillis);
        long exp = System.currentTimeMillis() / 1000 + 60;
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            Future<Rejection> first = pool.submit(() -> rejection(v, token("rotated-1", exp)));
            assertTrue(inReload.await(30, TimeUnit.SECONDS));
            List<Future<Rejection>> others = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String kid = "random-" + i;
                others.add(pool.submit(() -> rejection(v, token(kid, exp))));
            }
            // The reload is held for a minute; the others give up waiting for it long before.
            for (Future<Rejection> other : others) {
                assertEquals(Rejection.UNKNOWN_KID, other.get(30, TimeUnit.SECONDS));
            }
            assertEquals(1, asked.get(), "a reload is running: the others do not start one");
            release.countDown();
            assertEquals(Rejection.UNKNOWN_KID, first.get(30, TimeUnit.SECONDS));
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void aRequestThatFindsAReloadRunningWaitsForItAndFindsTheKidItBrought() throws Exception {
        VerificationKeys before = keys("h1", new SecretKeySpec(OTHER_SECRET, "HMAC"));
        VerificationKeys after = VerificationKeys.of(List.of(before.entries().get(0),
                new VerificationKeys.Entry("h2", "oct", null, null, new SecretKeySpec(SECRET, "HMAC"), 256)));
        AtomicReference<VerificationKeys> current = new AtomicReference<>(before);
        CountDownLatch inReload = new CountDownLatch(1);
        CountDownLatch waiterStarted = new CountDownLatch(1);
        TokenVerifier v = new TokenVerifier(config(), current::get, d -> {
            inReload.countDown();
            try {
                waiterStarted.await(30, TimeUnit.SECONDS);
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            current.set(after);
            return true;
        }, System::currentTimeMillis);
        long exp = System.currentTimeMillis() / 1000 + 60;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> reloader = pool.submit(() -> v.verify(token("h2", exp)).principal());
            assertTrue(inReload.await(30, TimeUnit.SECONDS));
            Future<String> waiter = pool.submit(() -> {
                waiterStarted.countDown();
                return v.verify(token("h2", exp + 1)).principal();
            });
            assertEquals("alice", reloader.get(30, TimeUnit.SECONDS));
            assertEquals("alice", waiter.get(30, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aKidAnotherThreadsReloadBroughtIsFoundWhenThisThreadMayNotReload() throws Exception {
        VerificationKeys before = keys("h1", new SecretKeySpec(OTHER_SECRET, "HMAC"));
        VerificationKeys after = VerificationKeys.of(List.of(before.entries().get(0),
                new VerificationKeys.Entry("h2", "oct", null, null, new SecretKeySpec(SECRET, "HMAC"), 256)));
        AtomicReference<VerificationKeys> current = new AtomicReference<>(before);
        TokenVerifier v = new TokenVerifier(config(), current::get, d -> {
            current.set(after);
            return false;
        }, System::currentTimeMillis);
        assertEquals("alice", v.verify(token("h2", System.currentTimeMillis() / 1000 + 60)).principal());
    }

    @Test
    void throughAKeyFileACachedTokenIsRefusedOnceItsKeyIsRemovedAndANewKidIsFoundAtOnce(@TempDir Path dir)
            throws Exception {
        OctetSequenceKey h1 = TestKeys.hmac(256, "h1");
        OctetSequenceKey h2 = TestKeys.hmac(256, "h2");
        OctetSequenceKey h3 = TestKeys.hmac(256, "h3");
        Path file = dir.resolve("jwks.json");
        Files.writeString(file, TestKeys.set(h1, h2));
        JwtValidatorFilter filter = new JwtValidatorFilter(ValidatorConfig.builder().alg("HS256")
                .jwkLocalPath(file.toString()).build());
        filter.init(TestFilterConfig.of(Map.of()));
        try {
            String a = Forge.hmac(input("{\"alg\":\"HS256\",\"kid\":\"h1\"}", Forge.claims()), h1.toByteArray(), 256);
            assertTrue(Forge.bearer(filter, a).passed());
            assertTrue(Forge.bearer(filter, a).passed(), "now from the cache");
            Files.writeString(file, TestKeys.set(h2, h3));
            String c = Forge.hmac(input("{\"alg\":\"HS256\",\"kid\":\"h3\"}", Forge.claims()), h3.toByteArray(), 256);
            assertTrue(Forge.bearer(filter, c).passed(), "an unknown kid reloads the file at once");
            Forge.Result r = Forge.bearer(filter, a);
            assertFalse(r.passed(), "the cached token of a removed key");
            assertEquals(401, r.status());
        } finally {
            filter.destroy();
        }
    }
}
