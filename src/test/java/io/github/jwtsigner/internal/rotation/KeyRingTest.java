package io.github.jwtsigner.internal.rotation;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;

import io.github.jwtsigner.SignerConfig;
import io.github.jwtsigner.internal.jws.PayloadSigner;
import io.github.jwtsigner.internal.jws.TokenSigner;
import io.github.jwtsigner.internal.remote.TestPki;
import io.github.jwtsigner.testing.KeyServer;
import io.github.jwtsigner.testing.RecordingLogger;
import io.github.jwtsigner.testing.TestKeys;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyRingTest {
    private static final ECKey OLD = TestKeys.ec(Curve.P_256, "2024-old");
    private static final ECKey NEW = TestKeys.ec(Curve.P_256, "2025-new");
    private static final int THREADS = 8;

    @TempDir
    Path dir;

    private final RecordingLogger log = new RecordingLogger();

    private static void await(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

    private List<String> lines(Level level) {
        return log.lines().stream().filter(l -> l.level() == level).map(RecordingLogger.Line::message).toList();
    }

    private static boolean verifiesWith(String token, ECKey key) {
        try {
            return TestKeys.verifies(token, "ES256", key.toECPublicKey());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** One signing: whether the new key was already in place when it started, and the token or the failure. */
    private record Signed(boolean afterSwitch, String token, Throwable failure) {
    }

    @Test
    void switchesToTheNewRemoteKeyUnderLoadWithoutOneFailedSigningAndKeepsItWhenTheServerGoesDown()
            throws Exception {
        TestPki.Ca ca = TestPki.newCa("Rotation CA");
        Path caPem = ca.writePem(dir, "ca.pem");
        try (KeyServer server = KeyServer.https(ca.issue("127.0.0.1")).serve(TestKeys.set(OLD))) {
            SignerConfig config = SignerConfig.builder().alg("ES256").keysToSign("access_token")
                    .jwkUrl(server.url("/jwks.json")).jwkLocalCa(caPem.toString()).cacheDuration(1)
                    .jwkConnectTimeout(Duration.ofSeconds(1)).jwkReadTimeout(Duration.ofSeconds(1)).build();
            try (KeyRing<TokenSigner> ring = KeyRing.start(config, KeyFileOpener.files(), log)) {
                PayloadSigner payloadSigner = SignedTokens.payloadSigner(ring);
                AtomicBoolean switched = new AtomicBoolean();
                AtomicBoolean stop = new AtomicBoolean();
                ConcurrentLinkedQueue<Signed> signed = new ConcurrentLinkedQueue<>();
                ExecutorService pool = Executors.newFixedThreadPool(THREADS);
                try {
                    List<Future<?>> workers = new ArrayList<>();
                    for (int t = 0; t < THREADS; t++) {
                        int thread = t;
                        workers.add(pool.submit(() -> {
                            for (int i = 0; !stop.get(); i++) {
                                boolean after = switched.get();
                                try {
                                    signed.add(new Signed(after, SignedTokens.accessToken(payloadSigner,
                                            "user-" + thread + "-" + i), null));
                                } catch (RuntimeException e) {
                                    signed.add(new Signed(after, null, e));
                                }
                            }
                        }));
                    }
                    await(() -> signed.size() > 200, Duration.ofSeconds(20), "signing is under way");
                    server.serve(TestKeys.set(NEW, OLD));
                    // The ring's own thread fetches again within cache_duration (1s).
                    await(() -> ring.get().kid().equals("2025-new"), Duration.ofSeconds(10), "the new key is used");
                    switched.set(true);
                    int atSwitch = signed.size();
                    await(() -> signed.size() > atSwitch + 200, Duration.ofSeconds(20), "signing goes on");

                    server.stop();
                    int beforeDown = lines(Level.WARNING).size();
                    await(() -> lines(Level.WARNING).size() > beforeDown, Duration.ofSeconds(10),
                            "the failed refresh is logged");
                    int atDown = signed.size();
                    await(() -> signed.size() > atDown + 200, Duration.ofSeconds(20), "signing goes on while down");
                    stop.set(true);
                    for (Future<?> w : workers) {
                        w.get(30, TimeUnit.SECONDS);
                    }
                } finally {
                    pool.shutdownNow();
                }

                List<Signed> all = new ArrayList<>(signed);
                List<Throwable> failures = all.stream().map(Signed::failure).filter(f -> f != null).toList();
                assertEquals(List.of(), failures, "no signing may fail during the switch");
                long oldTokens = all.stream().filter(s -> !s.afterSwitch()).count();
                long newTokens = all.stream().filter(Signed::afterSwitch).count();
                assertAll(
                        () -> assertTrue(oldTokens > 200 && newTokens > 400, oldTokens + " / " + newTokens),
                        () -> assertTrue(all.stream().allMatch(s -> verifiesWith(s.token(), OLD)
                                || verifiesWith(s.token(), NEW)), "every token verifies with one of the keys"),
                        () -> assertTrue(all.stream().filter(Signed::afterSwitch)
                                .allMatch(s -> verifiesWith(s.token(), NEW) && !verifiesWith(s.token(), OLD)
                                        && "2025-new".equals(TestKeys.kid(s.token()))),
                                "after the switch every token verifies with the new key only"),
                        () -> assertEquals("2025-new", ring.get().kid()));
                String warning = lines(Level.WARNING).get(lines(Level.WARNING).size() - 1);
                assertTrue(warning.startsWith("could not reload the signing key from jwk_url ["
                        + server.url("/jwks.json") + "]; still signing with kid [2025-new], the last good key: jwk_url ["
                        + server.url("/jwks.json") + "] cannot be reached"), warning);
                assertTrue(lines(Level.INFO).contains("signing key reloaded from jwk_url [" + server.url("/jwks.json")
                        + "]: now kid [2025-new], before kid [2024-old]"), log.lines().toString());
            }
        }
    }

    @Test
    void keepsTheLastGoodKeyWhenTheServedSetHoldsNoUsableKeyAndSaysWhy() throws Exception {
        TestPki.Ca ca = TestPki.newCa("Rotation CA");
        Path caPem = ca.writePem(dir, "ca.pem");
        try (KeyServer server = KeyServer.https(ca.issue("127.0.0.1")).serve(TestKeys.set(OLD))) {
            SignerConfig config = SignerConfig.builder().alg("ES256").keysToSign("access_token")
                    .jwkUrl(server.url("/jwks.json")).jwkLocalCa(caPem.toString()).build();
            try (KeyRing<TokenSigner> ring = KeyRing.start(config, KeyFileOpener.files(), log)) {
                TokenSigner before = ring.get();
                server.serve(TestKeys.set(NEW.toPublicJWK()));

                ring.refresh();
                ring.refresh();

                assertSame(before, ring.get());
                assertTrue(verifiesWith(SignedTokens.accessToken(ring), OLD));
                assertEquals(2, lines(Level.WARNING).size(), "reported at every refresh: " + log.lines());
                assertTrue(lines(Level.WARNING).get(0).endsWith("key [0] with kid [2025-new] is a public key; signing"
                        + " needs the private member [d]"), lines(Level.WARNING).get(0));
                assertFalse(log.lines().toString().contains(NEW.getD().toString()), "no key material is logged");

                server.serve(TestKeys.set(OLD));
                ring.refresh();
                assertTrue(lines(Level.INFO).contains("jwk_url [" + server.url("/jwks.json") + "] is readable again"
                        + " and unchanged; still signing with kid [2024-old]"), log.lines().toString());
            }
        }
    }

    @Test
    void picksUpALocalKeyFileReplacedByANewKey() throws Exception {
        Path file = dir.resolve("jwk.json");
        Files.writeString(file, TestKeys.set(OLD));
        SignerConfig config = SignerConfig.builder().alg("ES256").keysToSign("access_token")
                .jwkLocalPath(file.toString()).jwkLocalCheckInterval(Duration.ofMillis(100)).build();
        try (KeyRing<TokenSigner> ring = KeyRing.start(config, KeyFileOpener.files(), log)) {
            assertTrue(verifiesWith(SignedTokens.accessToken(ring), OLD));

            replace(file, TestKeys.set(NEW));

            await(() -> ring.get().kid().equals("2025-new"), Duration.ofSeconds(10), "the new key file is read");
            String token = SignedTokens.accessToken(ring);
            assertTrue(verifiesWith(token, NEW) && !verifiesWith(token, OLD), token);
            assertEquals("jwk_local_path [" + file + "], read from file [" + file + "], checked for changes every"
                    + " 100ms", ring.description());
        }
    }

    @Test
    void keepsTheLastGoodKeyWhenTheLocalFileTurnsToGarbageAndLogsOneErrorPerChange() throws Exception {
        Path file = dir.resolve("jwk.json");
        Files.writeString(file, TestKeys.set(OLD));
        SignerConfig config = SignerConfig.builder().alg("ES256").kid("2024-old").keysToSign("access_token")
                .jwkLocalPath(file.toString()).jwkLocalCheckInterval(Duration.ZERO).build();
        try (KeyRing<TokenSigner> ring = KeyRing.start(config, KeyFileOpener.files(), log)) {
            TokenSigner before = ring.get();
            replace(file, "{\"keys\": [ this is not JSON");

            ring.refresh();
            ring.refresh();

            assertSame(before, ring.get());
            assertTrue(verifiesWith(SignedTokens.accessToken(ring), OLD));
            assertEquals(List.of("could not reload the signing key from jwk_local_path [" + file + "]; still signing"
                    + " with kid [2024-old], the last good key: jwk_local_path [" + file + "] is not valid JSON at"
                    + " line 1 column 12; expected a strict RFC 8259 JWK Set or JWK"), lines(Level.ERROR));

            Files.delete(file);
            ring.refresh();
            ring.refresh();
            assertEquals(2, lines(Level.ERROR).size(), log.lines().toString());
            assertTrue(lines(Level.ERROR).get(1).endsWith("java.io.IOException: file [" + file + "] is gone"),
                    lines(Level.ERROR).get(1));

            replace(file, TestKeys.set(NEW, OLD));
            ring.refresh();
            assertEquals("2024-old", ring.get().kid(), "the configured kid stays selected");
            assertTrue(lines(Level.INFO).contains("signing key reloaded from jwk_local_path [" + file + "]: now kid"
                    + " [2024-old], before kid [2024-old]"), log.lines().toString());
        }
    }

    @Test
    void healthTellsWhenTheKeyWasLoadedWhenAReloadLastSucceededAndWhyTheLastOneFailed() throws Exception {
        Path file = dir.resolve("jwk.json");
        Files.writeString(file, TestKeys.set(OLD));
        SignerConfig config = SignerConfig.builder().alg("ES256").keysToSign("access_token")
                .jwkLocalPath(file.toString()).jwkLocalCheckInterval(Duration.ZERO).build();
        long started = System.currentTimeMillis();
        try (KeyRing<TokenSigner> ring = KeyRing.start(config, KeyFileOpener.files(), log)) {
            KeyRing.Health atStart = ring.health();
            assertTrue(atStart.loadedAtMillis() >= started - 1000 && atStart.loadedAtMillis() <= started + 60_000);
            assertEquals(new KeyRing.Health(atStart.loadedAtMillis(), atStart.loadedAtMillis(), null, 0, 0, false, 0),
                    atStart);

            replace(file, "{\"keys\": [ this is not JSON");
            ring.refresh();
            KeyRing.Health broken = ring.health();
            assertAll(() -> assertTrue(broken.failing()), () -> assertEquals(1, broken.failures()),
                    () -> assertEquals(atStart.lastSuccessAtMillis(), broken.lastSuccessAtMillis()),
                    () -> assertEquals(atStart.loadedAtMillis(), broken.loadedAtMillis()),
                    () -> assertTrue(broken.lastError().contains("is not valid JSON at line 1 column 12"),
                            broken.lastError()),
                    () -> assertTrue(broken.lastErrorAtMillis() >= atStart.loadedAtMillis()));

            ring.refresh();
            assertEquals(broken, ring.health(), "a file unchanged since it broke is still broken, not recovered");
            assertFalse(lines(Level.INFO).stream().anyMatch(l -> l.contains("readable again")), log.lines().toString());

            Thread.sleep(5);
            replace(file, TestKeys.set(NEW));
            ring.refresh();
            KeyRing.Health recovered = ring.health();
            assertAll(() -> assertFalse(recovered.failing()), () -> assertEquals(1, recovered.failures()),
                    () -> assertEquals("2025-new", ring.get().kid()),
                    () -> assertTrue(recovered.loadedAtMillis() > atStart.loadedAtMillis()),
                    () -> assertEquals(recovered.loadedAtMillis(), recovered.lastSuccessAtMillis()),
                    () -> assertEquals(broken.lastError(), recovered.lastError(), "the last error stays readable"));
        }
    }

    @Test
    void keepsTheLastGoodKeyWhenTheLocalFileGrowsOverTheLimitAndSaysWhy() throws Exception {
        Path file = dir.resolve("jwk.json");
        Files.writeString(file, TestKeys.set(OLD));
        SignerConfig config = SignerConfig.builder().alg("ES256").keysToSign("access_token")
                .jwkLocalPath(file.toString()).jwkLocalCheckInterval(Duration.ZERO).build();
        try (KeyRing<TokenSigner> ring = KeyRing.start(config, KeyFileOpener.files(), log)) {
            TokenSigner before = ring.get();
            // A usable set with a new key, but padded past the limit: it must not be read.
            String set = TestKeys.set(NEW);
            replace(file, set + " ".repeat(2_000_000 - set.length()));

            ring.refresh();
            ring.refresh();

            assertSame(before, ring.get());
            assertTrue(verifiesWith(SignedTokens.accessToken(ring), OLD));
            assertEquals(List.of("could not reload the signing key from jwk_local_path [" + file + "]; still signing"
                    + " with kid [2024-old], the last good key: jwk_local_path [" + file + "] is too large: file ["
                    + file + "] holds [2000000] bytes; expected a key file of at most [1048576] bytes"),
                    lines(Level.ERROR));

            replace(file, TestKeys.set(NEW));
            ring.refresh();
            assertEquals("2025-new", ring.get().kid());
        }
    }

    @Test
    void doesNotReloadAFileThatWasOnlyTouched() throws Exception {
        Path file = dir.resolve("jwk.json");
        Files.writeString(file, TestKeys.set(OLD));
        SignerConfig config = SignerConfig.builder().alg("ES256").keysToSign("access_token")
                .jwkLocalPath(file.toString()).jwkLocalCheckInterval(Duration.ZERO).build();
        try (KeyRing<TokenSigner> ring = KeyRing.start(config, KeyFileOpener.files(), log)) {
            TokenSigner before = ring.get();
            replace(file, TestKeys.set(OLD));

            ring.refresh();

            assertSame(before, ring.get());
            assertEquals(List.of(), log.lines());
        }
    }

    @Test
    void runsOneNamedDaemonThreadAndStopsItOnClose() throws Exception {
        Path file = dir.resolve("jwk.json");
        Files.writeString(file, TestKeys.set(OLD));
        SignerConfig config = SignerConfig.builder().alg("ES256").keysToSign("access_token")
                .jwkLocalPath(file.toString()).jwkLocalCheckInterval(Duration.ofMillis(100)).build();
        Set<Thread> before = refreshThreads();
        KeyRing<TokenSigner> ring = KeyRing.start(config, KeyFileOpener.files(), log);
        Set<Thread> mine = refreshThreads();
        mine.removeAll(before);
        assertEquals(1, mine.size(), "one refresh thread per ring");
        Thread thread = mine.iterator().next();
        assertTrue(thread.isDaemon());
        assertFalse(ring.isStopped());

        ring.close();

        assertTrue(ring.isStopped());
        thread.join(2000);
        assertFalse(thread.isAlive());
        assertNotNull(ring.get(), "the last key still signs after close");
    }

    @Test
    void startsNoThreadForAKeyReadOnce() throws Exception {
        Path file = dir.resolve("jwk.json");
        Files.writeString(file, TestKeys.set(OLD));
        SignerConfig config = SignerConfig.builder().alg("ES256").keysToSign("access_token")
                .jwkLocalPath(file.toString()).jwkLocalCheckInterval(Duration.ZERO).build();
        try (KeyRing<TokenSigner> ring = KeyRing.start(config, KeyFileOpener.files(), log)) {
            assertTrue(ring.isStopped());
            assertEquals("jwk_local_path [" + file + "], read once from file [" + file
                    + "] (jwk_local_check_interval is 0s)", ring.description());
        }
    }

    @Test
    void replacesTheSignerOnlyWhenTheSourceYieldsANewOne() throws Exception {
        AtomicInteger reloads = new AtomicInteger();
        TokenSigner first = signer("first");
        TokenSigner second = signer("second");
        KeyLoader<TokenSigner> source = new KeyLoader<>() {
            @Override
            public String description() {
                return "test source";
            }

            @Override
            public TokenSigner load() {
                return first;
            }

            @Override
            public Duration reloadInterval() {
                return Duration.ZERO;
            }

            @Override
            public String reloadPolicy() {
                return "never";
            }

            @Override
            public Optional<TokenSigner> reload() {
                return reloads.incrementAndGet() == 1 ? Optional.of(second) : Optional.empty();
            }

            @Override
            public Level failureLevel() {
                return Level.WARNING;
            }
        };
        try (KeyRing<TokenSigner> ring = KeyRing.start(source, log)) {
            assertSame(first, ring.get());
            ring.refresh();
            assertSame(second, ring.get());
            ring.refresh();
            assertSame(second, ring.get());
            assertEquals("KeyRing{test source, never, kid=second}", ring.toString());
        }
    }

    private static TokenSigner signer(String kid) {
        return io.github.jwtsigner.testing.TestSigners.hs256(kid, payload -> "token-" + kid);
    }

    /** Other tests' rings may still run in this JVM: a test compares the threads before and after. */
    private static Set<Thread> refreshThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(KeyRing.REFRESH_THREAD_NAME) && t.isAlive())
                .collect(Collectors.toCollection(HashSet::new));
    }

    /** Replaces the file as deployment tools do: write elsewhere, then rename over it. */
    private void replace(Path file, String content) throws IOException {
        Path temp = Files.createTempFile(dir, "new", ".json");
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

}
