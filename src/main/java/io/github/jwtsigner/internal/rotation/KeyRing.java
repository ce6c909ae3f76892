package io.github.jwtsigner.internal.rotation;

import io.github.jwtsigner.InvalidConfigurationException;
import io.github.jwtsigner.KeySource;
import io.github.jwtsigner.SignerConfig;
import io.github.jwtsigner.internal.jws.TokenSigner;
import io.github.jwtsigner.internal.keys.PublicJwks;
import io.github.jwtsigner.internal.keys.VerificationKeys;
import io.github.jwtsigner.ValidatorConfig;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Holds the signer in use (or, for the JWKS servlet, the public keys to publish) and keeps it current: a
 * {@code jwk_url} set is fetched again every
 * {@code cache_duration} seconds, a {@code jwk_local_path} file checked every
 * {@code jwk_local_check_interval}; a PEM file or keystore is read once.
 *
 * <p>A reload that yields a usable key replaces the signer at once, for every request that starts after it
 * (a body already being signed finishes with the key it started with). A reload that fails, or yields no
 * usable key, changes nothing: the last good key keeps signing, and a WARNING (key server) or ERROR (local
 * file) says why. Log lines name sources and kids, never key material.
 *
 * <p>One daemon thread per ring, named {@value #REFRESH_THREAD_NAME}, started by {@link #start} when there is
 * anything to reload and stopped by {@link #close()}.
 *
 * <p>The ring remembers the last {@value #HISTORY} values it replaced, and when, so that keys that left the
 * source can stay published for a while ({@link #replaced()}); of values that publish the same keys, only the
 * latest.
 *
 * <p>Thread-safe: {@link #get()} is a volatile read, safe from any number of request threads.
 *
 * @param <T> what the ring holds: a {@link TokenSigner}, or {@link PublicJwks}
 */
public final class KeyRing<T> implements Supplier<T>, AutoCloseable {
    /** The name of the thread that reloads keys. */
    public static final String REFRESH_THREAD_NAME = "jwt-signer-key-refresh";

    /** How many replaced values {@link #replaced()} remembers. */
    public static final int HISTORY = 32;

    private static final long CLOSE_WAIT_MILLIS = 1000;

    private static final Wording<TokenSigner> SIGNING = new Wording<>() {
        @Override
        public String failed(String source, TokenSigner kept, String reason) {
            return "could not reload the signing key from " + source + "; still signing with kid [" + kept.kid()
                    + "], the last good key: " + reason;
        }

        @Override
        public String reloaded(String source, TokenSigner now, TokenSigner before) {
            return "signing key reloaded from " + source + ": now kid [" + now.kid() + "], before kid ["
                    + before.kid() + "]";
        }

        @Override
        public String recovered(String source, TokenSigner kept) {
            return source + " is readable again and unchanged; still signing with kid [" + kept.kid() + "]";
        }

        @Override
        public String brief(TokenSigner value) {
            return "kid=" + value.kid();
        }

        @Override
        public boolean publishesAlike(TokenSigner a, TokenSigner b) {
            return a.kid().equals(b.kid()) && a.alg() == b.alg() && a.verificationKey().isPresent()
                    && a.verificationKey().equals(b.verificationKey());
        }
    };

    private static final Wording<PublicJwks> PUBLISHING = new KidsWording<>("to publish", "publishing",
            PublicJwks::kids, PublicJwks::equals);

    private static final Wording<VerificationKeys> VERIFYING = new KidsWording<>("to verify with",
            "verifying with", VerificationKeys::kids, (a, b) -> a == b);

    private final KeyLoader<T> source;
    private final Wording<T> wording;
    private final Logger log;
    private final AtomicReference<T> current;
    /** Guarded by itself: the values replaced, newest first. */
    private final Deque<Replaced<T>> history = new ArrayDeque<>();
    private final ScheduledExecutorService refresher;
    /** Guarded by this: when {@link #reloadEarly} last reloaded, {@link System#nanoTime()}; 0 for never. */
    private long lastEarlyNanos;
    /** Written under this: how many reloads have finished, so that one waited for need not be made again. */
    private volatile long reloads;
    /**
     * Written under this: the key health figures, for the MXBeans and meters ({@link #health()}); its
     * {@code failing} tells a reload whether to log the recovery.
     */
    private volatile Health health;

    private KeyRing(KeyLoader<T> source, Wording<T> wording, T first, Logger log) {
        this.source = source;
        this.wording = wording;
        this.log = log;
        this.current = new AtomicReference<>(first);
        long now = System.currentTimeMillis();
        this.health = new Health(now, now, null, 0, 0, false, 0);
        Duration interval = source.reloadInterval();
        if (interval.isZero()) {
            this.refresher = null;
        } else {
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
                Thread thread = new Thread(task, REFRESH_THREAD_NAME);
                thread.setDaemon(true);
                return thread;
            });
            executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            long millis = Math.max(1, interval.toMillis());
            executor.scheduleWithFixedDelay(this::refresh, millis, millis, TimeUnit.MILLISECONDS);
            this.refresher = executor;
        }
    }

    /**
     * Loads the key the configuration names and starts reloading it when its source can change.
     *
     * @param opener opens {@code jwk_local_path}, {@code pem_local_path} and {@code keystore_path}
     * @param log receives the {@code disable_jwk_security} WARNING and every reload's outcome
     * @throws InvalidConfigurationException naming every problem: settings, an unreachable key server, a
     *     missing file, or no usable key
     */
    public static KeyRing<TokenSigner> start(SignerConfig config, KeyFileOpener opener, Logger log) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(opener, "opener");
        Objects.requireNonNull(log, "log");
        return start(KeyLoaders.create(config.keySource(), KeyReader.signing(config), opener, log), log);
    }

    /**
     * Loads the public keys of a source, to publish, and starts reloading them when the source can change.
     *
     * @param kid the one kid to publish from a JWK Set, or the kid of a PEM or keystore key; null for all
     * @throws InvalidConfigurationException naming every problem, as {@link #start(SignerConfig, KeyFileOpener,
     *     Logger)}
     */
    public static KeyRing<PublicJwks> startPublishing(KeySource source, String kid, KeyFileOpener opener,
            Logger log) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(opener, "opener");
        Objects.requireNonNull(log, "log");
        KeyLoader<PublicJwks> loader = KeyLoaders.create(source, KeyReader.publishing(kid), opener, log);
        return new KeyRing<>(loader, PUBLISHING, loader.load(), log);
    }

    /**
     * Loads the keys the validator checks signatures with, and starts reloading them when the source can change.
     *
     * @throws InvalidConfigurationException naming every problem, as {@link #start(SignerConfig, KeyFileOpener,
     *     Logger)}, or when no key fits any allowed algorithm
     */
    public static KeyRing<VerificationKeys> startVerifying(ValidatorConfig config, KeyFileOpener opener,
            Logger log) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(opener, "opener");
        Objects.requireNonNull(log, "log");
        KeyLoader<VerificationKeys> loader = KeyLoaders.create(config.keySource(),
                KeyReader.verifying(config.kid().orElse(null), config.algorithms()), opener, log);
        return new KeyRing<>(loader, VERIFYING, loader.load(), log);
    }

    static KeyRing<TokenSigner> start(KeyLoader<TokenSigner> source, Logger log) {
        return new KeyRing<>(source, SIGNING, source.load(), log);
    }

    /** The value to use now: the signer, or the keys to publish. */
    @Override
    public T get() {
        return current.get();
    }

    /** A value the ring held until {@code atNanos} ({@link System#nanoTime()}). */
    public record Replaced<T>(T value, long atNanos) {
    }

    /**
     * How the ring's source has answered, for operators: times are milliseconds since the epoch.
     *
     * @param loadedAtMillis when the value in use was loaded (at start, or by the reload that last changed it)
     * @param lastSuccessAtMillis when a load last succeeded, whether or not it changed anything
     * @param lastError why the last failed reload failed, as its log line says it (names sources and kids,
     *     never key material); null when none has failed
     * @param lastErrorAtMillis when that was; 0 for never
     * @param failures how many reloads have failed since start
     * @param failing true while the latest reload failed
     * @param earlyReloads how many reloads a token with an unknown kid asked for ({@link #reloadEarly})
     */
    public record Health(long loadedAtMillis, long lastSuccessAtMillis, String lastError, long lastErrorAtMillis,
            long failures, boolean failing, long earlyReloads) {
    }

    /** The key health figures now; a volatile read. */
    public Health health() {
        return health;
    }

    /** The values replaced by reloads, newest first; at most {@value #HISTORY}. */
    public List<Replaced<T>> replaced() {
        synchronized (history) {
            return List.copyOf(history);
        }
    }

    /**
     * Where the key comes from and how it is kept current, for the startup line, such as
     * {@code jwk_url [https://keys.example.com/jwks.json], fetched again every 900s (cache_duration)}.
     */
    public String description() {
        return source.description() + ", " + source.reloadPolicy();
    }

    /** Stops reloading; the last key keeps signing. Waits a moment for a reload in progress. */
    @Override
    public void close() {
        if (refresher == null) {
            return;
        }
        refresher.shutdownNow();
        try {
            refresher.awaitTermination(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True once {@link #close()} stopped the reload thread, or when there never was one. */
    boolean isStopped() {
        return refresher == null || refresher.isTerminated();
    }

    /**
     * Reloads now, on the calling thread, unless the source is never reloaded or the last early reload was less
     * than {@code minInterval} ago: for a token whose kid is unknown, so that a rotation is picked up before the
     * next scheduled reload. A caller that finds a reload in progress (early or scheduled) waits for it, then
     * returns false without reloading again: its keys are as fresh, and the wait stays within one fetch. A failed
     * reload counts as one, so a key server that is down is not asked again before {@code minInterval}.
     *
     * @return true when this call reloaded (whether or not the keys changed); read {@link #get()} again either way
     */
    public boolean reloadEarly(Duration minInterval) {
        if (refresher == null || refresher.isShutdown() || minInterval.isZero()) {
            return false;
        }
        long finished = reloads;
        synchronized (this) {
            if (reloads != finished) {
                return false;
            }
            long now = System.nanoTime();
            if (lastEarlyNanos != 0 && now - lastEarlyNanos < minInterval.toNanos()) {
                return false;
            }
            lastEarlyNanos = now;
            Health h = health;
            health = new Health(h.loadedAtMillis(), h.lastSuccessAtMillis(), h.lastError(), h.lastErrorAtMillis(),
                    h.failures(), h.failing(), h.earlyReloads() + 1);
            refresh();
            return true;
        }
    }

    /** Reloads now, on the calling thread: what the refresh thread does at each interval. */
    synchronized void refresh() {
        try {
            reload();
        } finally {
            reloads++;
        }
    }

    /** {@link #refresh()}'s work; the caller holds this. */
    private void reload() {
        T before = current.get();
        Optional<T> next;
        try {
            next = source.reload();
        } catch (Exception e) {
            String reason = reason(e);
            Health h = health;
            health = new Health(h.loadedAtMillis(), h.lastSuccessAtMillis(), reason, System.currentTimeMillis(),
                    h.failures() + 1, true, h.earlyReloads());
            log.log(source.failureLevel(), wording.failed(source.description(), before, reason));
            return;
        }
        Health h = health;
        if (next.isEmpty() && h.failing() && source.unchangedSinceFailure()) {
            return;
        }
        long now = System.currentTimeMillis();
        health = new Health(next.isPresent() ? now : h.loadedAtMillis(), now, h.lastError(), h.lastErrorAtMillis(),
                h.failures(), false, h.earlyReloads());
        if (next.isPresent()) {
            synchronized (history) {
                // A source whose bytes change while its keys do not must not push older keys out early.
                history.removeIf(r -> wording.publishesAlike(r.value(), before));
                history.addFirst(new Replaced<>(before, System.nanoTime()));
                while (history.size() > HISTORY) {
                    history.removeLast();
                }
            }
            current.set(next.get());
            log.log(Level.INFO, wording.reloaded(source.description(), next.get(), before));
        } else if (h.failing()) {
            log.log(Level.INFO, wording.recovered(source.description(), before));
        }
    }

    /** The problems of a configuration error, the message of our own errors, the type of anything else. */
    private static String reason(Exception e) {
        if (e instanceof InvalidConfigurationException ice) {
            return String.join("; ", ice.problems());
        }
        if (e instanceof io.github.jwtsigner.JwtSignerException) {
            return e.getMessage();
        }
        return e.toString();
    }

    @Override
    public String toString() {
        return "KeyRing{" + description() + ", " + wording.brief(current.get()) + "}";
    }

    /** The log lines of one kind of ring. */
    private interface Wording<T> {
        String failed(String source, T kept, String reason);

        String reloaded(String source, T now, T before);

        String recovered(String source, T kept);

        /** For {@link #toString()}: {@code kid=sim2}. */
        String brief(T value);

        /** True when both publish the same public keys, so history need keep only the later. */
        boolean publishesAlike(T a, T b);
    }

    /**
     * The wording of a ring of keys known by their kids: {@code keys to publish}, {@code still publishing kids}.
     *
     * @param purpose what the keys are for: {@code to publish}
     * @param use what the ring keeps doing with them: {@code publishing}
     */
    private record KidsWording<T>(String purpose, String use, Function<T, List<String>> kids,
            BiPredicate<T, T> alike) implements Wording<T> {
        @Override
        public String failed(String source, T kept, String reason) {
            return "could not reload the keys " + purpose + " from " + source + "; still " + use + " kids "
                    + kids.apply(kept) + ", the last good keys: " + reason;
        }

        @Override
        public String reloaded(String source, T now, T before) {
            return "keys " + purpose + " reloaded from " + source + ": now kids " + kids.apply(now)
                    + ", before kids " + kids.apply(before);
        }

        @Override
        public String recovered(String source, T kept) {
            return source + " is readable again and unchanged; still " + use + " kids " + kids.apply(kept);
        }

        @Override
        public String brief(T value) {
            return "kids=" + kids.apply(value);
        }

        @Override
        public boolean publishesAlike(T a, T b) {
            return alike.test(a, b);
        }
    }
}
