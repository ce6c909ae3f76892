package io.github.jwtsigner.internal.remote;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The deadline of one fetch ({@code jwk_fetch_timeout}). Socket timeouts bound each wait, not their sum: a
 * server that sends a byte now and then never trips them. So a watchdog thread closes everything registered
 * with {@link #closeAtDeadline} once the deadline passes, which ends a connect, handshake or read that is
 * still blocked; the fetching thread checks {@link #passed()} between steps, because a read on a closed
 * connection may look like the end of the body.
 *
 * <p>One instance per fetch, closed when the fetch ends, which stops the watchdog. Thread-safe: the fetching
 * thread registers and checks, the watchdog closes.
 */
final class FetchDeadline implements AutoCloseable {
    private final Duration timeout;
    private final long deadline;
    private final List<Closeable> toClose = new ArrayList<>();
    private final Thread watchdog;
    private boolean expired;
    private boolean finished;

    private FetchDeadline(Duration timeout) {
        this.timeout = timeout;
        this.deadline = System.nanoTime() + timeout.toNanos();
        this.watchdog = new Thread(this::watch, "jwt-signer-jwk-fetch-deadline");
        watchdog.setDaemon(true);
    }

    /** Starts the clock and the watchdog. */
    static FetchDeadline start(Duration timeout) {
        FetchDeadline d = new FetchDeadline(timeout);
        d.watchdog.start();
        return d;
    }

    Duration timeout() {
        return timeout;
    }

    /** The time left, at least 1 ms (URLConnection reads 0 as no timeout at all). */
    Duration remaining() {
        return Duration.ofNanos(Math.max(TimeUnit.MILLISECONDS.toNanos(1), deadline - System.nanoTime()));
    }

    /** True once the deadline has passed, whether or not the watchdog has closed anything yet. */
    boolean passed() {
        synchronized (this) {
            if (expired) {
                return true;
            }
        }
        return deadline - System.nanoTime() <= 0;
    }

    /**
     * Closes {@code c} at the deadline, at once if that has passed already. At the deadline the last one
     * registered is closed first.
     */
    void closeAtDeadline(Closeable c) {
        synchronized (this) {
            if (!expired) {
                toClose.add(c);
                return;
            }
        }
        closeQuietly(c);
    }

    private void watch() {
        try {
            long left;
            while ((left = deadline - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.sleep(left);
            }
        } catch (InterruptedException e) {
            // The fetch ended first.
            return;
        }
        List<Closeable> due;
        synchronized (this) {
            if (finished) {
                return;
            }
            expired = true;
            due = List.copyOf(toClose);
            toClose.clear();
        }
        for (int i = due.size() - 1; i >= 0; i--) {
            closeQuietly(due.get(i));
        }
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException | RuntimeException e) {
            // Closing only ends the fetch; the fetching thread reports the deadline.
        }
    }

    /** Stops the watchdog; what it has not closed yet stays open. */
    @Override
    public void close() {
        synchronized (this) {
            finished = true;
            toClose.clear();
        }
        watchdog.interrupt();
    }
}
