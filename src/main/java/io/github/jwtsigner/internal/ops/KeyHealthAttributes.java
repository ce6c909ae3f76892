package io.github.jwtsigner.internal.ops;

import io.github.jwtsigner.internal.rotation.KeyRing;

import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@link KeysMXBean}'s attributes from a key ring's {@link KeyRing.Health}, for the three MXBeans.
 *
 * <p>Thread-safe: every getter reads the ring's volatile figures once.
 */
abstract class KeyHealthAttributes implements KeysMXBean {
    private final String name;
    private final String contextPath;

    KeyHealthAttributes(String name, String contextPath) {
        this.name = name == null ? "" : name;
        this.contextPath = contextPath == null ? "" : contextPath;
    }

    /** The ring's figures now; null when there is no ring (a JWKS servlet whose signer has not started). */
    abstract KeyRing.Health health();

    /** The ring's source; null when there is no ring. */
    abstract String source();

    @Override
    public final String getName() {
        return name;
    }

    @Override
    public final String getContextPath() {
        return contextPath;
    }

    @Override
    public final String getKeySource() {
        return source();
    }

    @Override
    public final String getKeyLoadedAt() {
        KeyRing.Health h = health();
        return h == null ? null : instant(h.loadedAtMillis());
    }

    @Override
    public final String getLastRefreshSuccessAt() {
        KeyRing.Health h = health();
        return h == null ? null : instant(h.lastSuccessAtMillis());
    }

    @Override
    public final long getLastRefreshSuccessEpochMillis() {
        KeyRing.Health h = health();
        return h == null ? 0 : h.lastSuccessAtMillis();
    }

    @Override
    public final String getLastRefreshError() {
        KeyRing.Health h = health();
        return h == null ? null : h.lastError();
    }

    @Override
    public final String getLastRefreshErrorAt() {
        KeyRing.Health h = health();
        return h == null ? null : instant(h.lastErrorAtMillis());
    }

    @Override
    public final long getRefreshFailures() {
        KeyRing.Health h = health();
        return h == null ? 0 : h.failures();
    }

    @Override
    public final boolean isRefreshFailing() {
        KeyRing.Health h = health();
        return h != null && h.failing();
    }

    /** {@code n} new counters, for a count by reason or by member. */
    static LongAdder[] adders(int n) {
        LongAdder[] adders = new LongAdder[n];
        for (int i = 0; i < n; i++) {
            adders[i] = new LongAdder();
        }
        return adders;
    }

    /** The sum of every counter of {@code adders}. */
    static long total(LongAdder[] adders) {
        long sum = 0;
        for (LongAdder a : adders) {
            sum += a.sum();
        }
        return sum;
    }

    private static String instant(long millis) {
        return millis == 0 ? null : Instant.ofEpochMilli(millis).toString();
    }
}
