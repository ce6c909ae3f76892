package io.github.jwtsigner.internal.ops;

import io.github.jwtsigner.internal.rotation.KeyRing;

import java.lang.System.Logger;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * One JWKS servlet's operations: its counters (the MXBean {@code io.github.jwtsigner:type=Jwks,name=<servlet-name>})
 * and their mirror in a Micrometer registry when one was given.
 *
 * <p>Thread-safe.
 */
public final class JwksOperations extends KeyHealthAttributes implements JwksMXBean, AutoCloseable {
    private final Supplier<Optional<KeyRing<?>>> ring;
    private final Supplier<List<String>> kids;
    private final Meters.Jwks meters;
    private final LongAdder served = new LongAdder();
    private final LongAdder notModified = new LongAdder();
    private final LongAdder methodNotAllowed = new LongAdder();
    private final LongAdder unavailable = new LongAdder();
    private volatile Jmx.Registration registration = Jmx.Registration.NONE;

    JwksOperations(String name, String contextPath, Supplier<Optional<KeyRing<?>>> ring, Supplier<List<String>> kids,
            Meters.Jwks meters) {
        super(name, contextPath);
        this.ring = ring;
        this.kids = kids;
        this.meters = meters;
    }

    /**
     * @param ring the ring published now: the servlet's own, or the {@code signer} filter's; empty when that
     *     filter has not started
     * @param kids the kids published now
     * @param meterRegistry a Micrometer {@code MeterRegistry}, or null for JMX alone
     */
    public static JwksOperations start(String name, String contextPath, Supplier<Optional<KeyRing<?>>> ring,
            Supplier<List<String>> kids, Object meterRegistry, Logger log) {
        Meters.Jwks meters = GuardedMeters.jwks(MeterRegistries.jwks(meterRegistry, name,
                () -> ring.get().map(KeyRing::health).orElse(null)), name, log);
        JwksOperations ops = new JwksOperations(name, contextPath, ring, kids, meters);
        ops.registration = Jmx.register("Jwks", name, ops, JwksMXBean.class, log);
        return ops;
    }

    /** One answer: 200, 304, 405 or 500. */
    public void answered(int status) {
        switch (status) {
            case 200 -> served.increment();
            case 304 -> notModified.increment();
            case 405 -> methodNotAllowed.increment();
            default -> unavailable.increment();
        }
        meters.answered(status);
    }

    /** Unregisters the MXBean and removes the meters. */
    @Override
    public void close() {
        registration.close();
        meters.close();
    }

    @Override
    KeyRing.Health health() {
        return ring.get().map(KeyRing::health).orElse(null);
    }

    @Override
    String source() {
        return ring.get().map(KeyRing::description).orElse(null);
    }

    @Override
    public long getServed() {
        return served.sum();
    }

    @Override
    public long getNotModified() {
        return notModified.sum();
    }

    @Override
    public long getMethodNotAllowed() {
        return methodNotAllowed.sum();
    }

    @Override
    public long getUnavailable() {
        return unavailable.sum();
    }

    @Override
    public List<String> getKeyIds() {
        return kids.get();
    }

    /** The registered name, for tests; null when none was registered. */
    javax.management.ObjectName objectName() {
        return registration.name();
    }
}
