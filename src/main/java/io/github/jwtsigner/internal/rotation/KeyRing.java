package io.github.jwtsigner.internal.rotation;

import io.github.jwtsigner.InvalidConfigurationException;
import io.github.jwtsigner.SignerConfig;
import io.github.jwtsigner.internal.jws.TokenSigner;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Holds the signer in use and keeps it current: a {@code jwk_url} set is fetched again every
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
 * <p>Thread-safe: {@link #get()} is a volatile read, safe from any number of request threads.
 */
public final class KeyRing implements Supplier<TokenSigner>, AutoCloseable {
    /** The name of the thread that reloads keys. */
    public static final String REFRESH_THREAD_NAME = "jwt-signer-key-refresh";

    private static final long CLOSE_WAIT_MILLIS = 1000;

    private final KeyLoader source;
    private final Logger log;
    private final AtomicReference<TokenSigner> current;
    private final ScheduledExecutorService refresher;
    /** Guarded by this: whether the last reload failed, so the recovery can be told. */
    private boolean failing;

    private KeyRing(KeyLoader source, TokenSigner first, Logger log) {
        this.source = source;
        this.log = log;
        this.current = new AtomicReference<>(first);
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
    public static KeyRing start(SignerConfig config, KeyFileOpener opener, Logger log) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(opener, "opener");
        Objects.requireNonNull(log, "log");
        return start(KeyLoaders.create(config, opener, log), log);
    }

    static KeyRing start(KeyLoader source, Logger log) {
        return new KeyRing(source, source.load(), log);
    }

    /** The signer to use now. */
    @Override
    public TokenSigner get() {
        return current.get();
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

    /** Reloads now, on the calling thread: what the refresh thread does at each interval. */
    synchronized void refresh() {
        TokenSigner before = current.get();
        Optional<TokenSigner> next;
        try {
            next = source.reload();
        } catch (Exception e) {
            failing = true;
            log.log(source.failureLevel(), "could not reload the signing key from " + source.description()
                    + "; still signing with kid [" + before.kid() + "], the last good key: " + reason(e));
            return;
        }
        if (next.isPresent()) {
            current.set(next.get());
            log.log(Level.INFO, "signing key reloaded from " + source.description() + ": now kid ["
                    + next.get().kid() + "], before kid [" + before.kid() + "]");
        } else if (failing) {
            log.log(Level.INFO, source.description() + " is readable again and unchanged; still signing with kid ["
                    + before.kid() + "]");
        }
        failing = false;
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
        return "KeyRing{" + description() + ", kid=" + current.get().kid() + "}";
    }
}
