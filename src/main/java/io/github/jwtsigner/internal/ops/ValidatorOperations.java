package io.github.jwtsigner.internal.ops;

import io.github.jwtsigner.internal.keys.VerificationKeys;
import io.github.jwtsigner.internal.rotation.KeyRing;
import io.github.jwtsigner.internal.validation.Rejection;

import java.lang.System.Logger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * One validator's operations: its counters (the MXBean
 * {@code io.github.jwtsigner:type=Validator,name=<filter-name>}), their mirror in a Micrometer registry when one
 * was given, and the audit trail of the tokens it refuses.
 *
 * <p>Thread-safe.
 */
public final class ValidatorOperations extends KeyHealthAttributes implements ValidatorMXBean, AutoCloseable {
    private static final Rejection[] REASONS = Rejection.values();

    private final KeyRing<VerificationKeys> ring;
    private final LongSupplier cacheHits;
    private final Meters.Validator meters;
    private final AuditLog audit;
    private final LongAdder accepted = new LongAdder();
    private final LongAdder anonymous = new LongAdder();
    private final LongAdder[] rejected = adders(REASONS.length);
    private volatile Jmx.Registration registration = Jmx.Registration.NONE;

    ValidatorOperations(String name, String contextPath, KeyRing<VerificationKeys> ring, LongSupplier cacheHits,
            Meters.Validator meters, AuditLog audit) {
        super(name, contextPath);
        this.ring = ring;
        this.cacheHits = cacheHits;
        this.meters = meters;
        this.audit = audit;
    }

    /**
     * @param cacheHits the verifier's count of signatures found verified in its cache
     * @param meterRegistry a Micrometer {@code MeterRegistry}, or null for JMX alone
     */
    public static ValidatorOperations start(String name, String contextPath, KeyRing<VerificationKeys> ring,
            LongSupplier cacheHits, Object meterRegistry, Logger log) {
        Meters.Validator meters = GuardedMeters.validator(
                MeterRegistries.validator(meterRegistry, name, cacheHits, ring::health), name, log);
        ValidatorOperations ops = new ValidatorOperations(name, contextPath, ring, cacheHits, meters,
                AuditLog.create());
        ops.registration = Jmx.register("Validator", name, ops, ValidatorMXBean.class, log);
        return ops;
    }

    /** {@link System#nanoTime()} when the check's time is measured, else 0. */
    public long startNanos() {
        return meters.timed() ? System.nanoTime() : 0;
    }

    public void accepted(long startNanos) {
        accepted.increment();
        meters.accepted(elapsed(startNanos));
    }

    public void anonymous() {
        anonymous.increment();
        meters.anonymous();
    }

    /** True when the audit logger writes: only then is a {@link RequestLine} worth making. */
    public boolean auditing() {
        return audit.enabled();
    }

    /**
     * A request refused.
     *
     * @param token the token refused, or null when the request had none (or more than one)
     * @param request null when not {@link #auditing()}: no audit line
     */
    public void rejected(Rejection why, long startNanos, String token, RequestLine request) {
        rejected[why.ordinal()].increment();
        meters.rejected(why, elapsed(startNanos));
        if (request != null && why != Rejection.MISSING) {
            audit.tokenRejected(getName(), why, token, request);
        }
    }

    private static long elapsed(long startNanos) {
        return startNanos == 0 ? 0 : System.nanoTime() - startNanos;
    }

    /** Unregisters the MXBean and removes the meters. */
    @Override
    public void close() {
        registration.close();
        meters.close();
    }

    @Override
    KeyRing.Health health() {
        return ring.health();
    }

    @Override
    String source() {
        return ring.description();
    }

    @Override
    public long getAccepted() {
        return accepted.sum();
    }

    @Override
    public long getRejected() {
        return total(rejected);
    }

    @Override
    public Map<String, Long> getRejectedByReason() {
        Map<String, Long> byReason = new LinkedHashMap<>();
        for (Rejection r : REASONS) {
            byReason.put(r.name().toLowerCase(Locale.ROOT), rejected[r.ordinal()].sum());
        }
        return byReason;
    }

    @Override
    public long getAnonymous() {
        return anonymous.sum();
    }

    @Override
    public long getCacheHits() {
        return cacheHits.getAsLong();
    }

    @Override
    public long getEarlyReloads() {
        return ring.health().earlyReloads();
    }

    @Override
    public List<String> getKeyIds() {
        return ring.get().kids();
    }

    /** The registered name, for tests; null when none was registered. */
    javax.management.ObjectName objectName() {
        return registration.name();
    }
}
