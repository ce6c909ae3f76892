package io.github.jwtsigner.internal.rotation;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.jwtsigner.Setting;
import io.github.jwtsigner.ValidatorConfig;
import io.github.jwtsigner.internal.keys.VerificationKeys;
import io.github.jwtsigner.internal.remote.TestPki;
import io.github.jwtsigner.internal.validation.Rejection;
import io.github.jwtsigner.internal.validation.TokenRejectedException;
import io.github.jwtsigner.internal.validation.TokenVerifier;
import io.github.jwtsigner.testing.KeyServer;
import io.github.jwtsigner.testing.RecordingLogger;
import io.github.jwtsigner.testing.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link KeyRing#reloadEarly} behind the validator's {@link TokenVerifier}, against a real HTTPS key server that
 * counts the requests it gets: a token with an unknown kid reloads {@code jwk_url} at once, at most once per
 * {@code unknown_kid_refetch_interval} however many such tokens come, and a key server that is down or silent
 * keeps the last good keys and holds no request thread for longer than the fetch timeout.
 */
class KeyRingReloadEarlyTest {
    private static final int THREADS = 8;
    private static final ECKey OLD = TestKeys.ec(Curve.P_256, "old");
    private static final ECKey NEW = TestKeys.ec(Curve.P_256, "new");
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(1);

    @TempDir
    Path dir;

    private final RecordingLogger log = new RecordingLogger();
    private KeyServer server;
    private KeyRing<VerificationKeys> ring;
    private ExecutorService pool;

    @BeforeEach
    void start() throws Exception {
        TestPki.Ca ca = TestPki.newCa("Reload Early CA");
        server = KeyServer.https(ca.issue("127.0.0.1")).serve(TestKeys.set(OLD.toPublicJWK()));
        ValidatorConfig config = ValidatorConfig.builder().alg("ES256").jwkUrl(server.url("/jwks.json"))
                .set(Setting.JWK_LOCAL_CA, ca.writePem(dir, "ca.pem").toString())
                // No scheduled reload during a test: every fetch after startup is an early one.
                .set(Setting.CACHE_DURATION, 3600)
                .set(Setting.JWK_CONNECT_TIMEOUT, Duration.ofMillis(500))
                .set(Setting.JWK_READ_TIMEOUT, Duration.ofMillis(500))
                .set(Setting.JWK_FETCH_TIMEOUT, FETCH_TIMEOUT).build();
        ring = KeyRing.startVerifying(config, KeyFileOpener.files(), log);
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
        ring.close();
        server.close();
    }

    /** A verifier on the shared ring that reloads early at most every {@code interval}. */
    private TokenVerifier verifier(Duration interval) {
        ValidatorConfig config = ValidatorConfig.builder().alg("ES256").jwkLocalPath("unused.json")
                .set(Setting.UNKNOWN_KID_REFETCH_INTERVAL, interval).set(Setting.VERIFIED_CACHE_SIZE, 0).build();
        return new TokenVerifier(config, ring, ring::reloadEarly, System::currentTimeMillis);
    }

    private static String token(ECKey key, String kid) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(kid).build(),
                new JWTClaimsSet.Builder().subject("alice").expirationTime(new Date(System.currentTimeMillis()
                        + 60_000)).build());
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    private static Rejection rejection(TokenVerifier verifier, String token) {
        return assertThrows(TokenRejectedException.class, () -> verifier.verify(token)).rejection();
    }

    /** Runs {@code task} on every thread at once; their results in thread order. */
    private <T> List<T> onEveryThread(Callable<T> task) throws Exception {
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Future<T>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            futures.add(pool.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return task.call();
            }));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get(30, TimeUnit.SECONDS));
        }
        return results;
    }

    @Test
    void aTokenWithTheNewKidIsAcceptedAsSoonAsTheKeyServerPublishesIt() throws Exception {
        TokenVerifier verifier = verifier(Duration.ofHours(1));
        int atStart = server.requests();
        server.serve(TestKeys.set(NEW.toPublicJWK(), OLD.toPublicJWK()));

        assertEquals("alice", verifier.verify(token(NEW, "new")).principal());
        assertEquals(atStart + 1, server.requests(), "one early fetch");
        assertEquals(List.of("new", "old"), ring.get().kids());
        assertEquals("alice", verifier.verify(token(OLD, "old")).principal(), "the old key still verifies");
    }

    @Test
    void everyThreadThatFindsTheNewKidAtOnceIsServedByOneFetch() throws Exception {
        TokenVerifier verifier = verifier(Duration.ofHours(1));
        String fresh = token(NEW, "new");
        int atStart = server.requests();
        server.serve(TestKeys.set(NEW.toPublicJWK(), OLD.toPublicJWK()));

        List<String> principals = onEveryThread(() -> {
            try {
                return verifier.verify(fresh).principal();
            } catch (TokenRejectedException e) {
                return e.rejection().name();
            }
        });

        assertEquals(List.of("alice", "alice", "alice", "alice", "alice", "alice", "alice", "alice"), principals);
        assertEquals(atStart + 1, server.requests(), "one early fetch for all threads");
    }

    @Test
    void manyUnknownKidsReloadAtMostOncePerInterval() throws Exception {
        TokenVerifier verifier = verifier(Duration.ofHours(1));
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tokens.add(token(NEW, "attacker-" + i));
        }
        int atStart = server.requests();

        List<List<Rejection>> rejections = onEveryThread(() -> {
            List<Rejection> seen = new ArrayList<>();
            for (String t : tokens) {
                seen.add(rejection(verifier, t));
            }
            return seen;
        });

        assertTrue(rejections.stream().flatMap(List::stream).allMatch(r -> r == Rejection.UNKNOWN_KID),
                rejections.toString());
        assertEquals(atStart + 1, server.requests(), THREADS * tokens.size() + " unknown kids, one fetch");

        // Once the interval has passed since that reload, the next unknown kid may reload again, once.
        TokenVerifier often = verifier(Duration.ofMillis(1));
        Thread.sleep(20);
        assertEquals(Rejection.UNKNOWN_KID, rejection(often, token(NEW, "attacker-x")));
        assertEquals(atStart + 2, server.requests());
    }

    @Test
    void aKeyServerThatIsDownKeepsTheLastGoodKeys() throws Exception {
        TokenVerifier verifier = verifier(Duration.ofHours(1));
        server.stop();

        assertEquals(Rejection.UNKNOWN_KID, rejection(verifier, token(NEW, "new")));
        assertAll(
                () -> assertEquals(List.of("old"), ring.get().kids()),
                () -> assertEquals("alice", verifier.verify(token(OLD, "old")).principal()),
                () -> assertTrue(log.lines().stream().anyMatch(l -> l.level() == Level.WARNING
                        && l.message().startsWith("could not reload the keys to verify with from jwk_url [")
                        && l.message().contains("; still verifying with kids [old], the last good keys: ")),
                        log.lines().toString()));
    }

    @Test
    void aSilentKeyServerHoldsNoThreadLongerThanTheFetchTimeout() throws Exception {
        TokenVerifier verifier = verifier(Duration.ofHours(1));
        String unknown = token(NEW, "new");
        String old = token(OLD, "old");
        int atStart = server.requests();
        server.silence();

        List<Long> waitedMillis = onEveryThread(() -> {
            long start = System.nanoTime();
            assertEquals(Rejection.UNKNOWN_KID, rejection(verifier, unknown));
            return (System.nanoTime() - start) / 1_000_000;
        });

        // The server would hold a connection 60 s; the bound is the fetch timeout, with room for a slow machine.
        long longest = waitedMillis.stream().mapToLong(Long::longValue).max().orElseThrow();
        assertTrue(longest < FETCH_TIMEOUT.toMillis() * 5, "waited " + waitedMillis + " ms");
        assertEquals(atStart + 1, server.requests(), "one fetch, not one per thread");
        assertEquals("alice", verifier.verify(old).principal());
        assertEquals(List.of("old"), ring.get().kids());
    }
}
