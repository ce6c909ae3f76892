package io.github.jwtsigner.testing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * A Micrometer registry that fails as real ones can: {@link #refusingCounters()} refuses to register a counter
 * (as Prometheus's registry does for a name already registered with other tag keys, say by an older copy of the
 * library in another webapp sharing the global registry), {@link #throwingOnUse()} registers every meter, and
 * then every counter increment throws.
 *
 * <p>Thread-safe.
 */
public final class FailingMeterRegistry extends SimpleMeterRegistry {
    private final boolean refuse;

    private FailingMeterRegistry(boolean refuse) {
        this.refuse = refuse;
    }

    /** Throws {@link IllegalArgumentException} for every counter registered. */
    public static FailingMeterRegistry refusingCounters() {
        return new FailingMeterRegistry(true);
    }

    /** Registers every meter; every counter then throws {@link IllegalStateException} when used. */
    public static FailingMeterRegistry throwingOnUse() {
        return new FailingMeterRegistry(false);
    }

    @Override
    protected Counter newCounter(Meter.Id id) {
        if (refuse) {
            throw new IllegalArgumentException("meters named [" + id.getName() + "] have other tag keys here");
        }
        Counter real = super.newCounter(id);
        return new Counter() {
            @Override
            public void increment(double amount) {
                throw new IllegalStateException("counter [" + id.getName() + "] is broken");
            }

            @Override
            public double count() {
                return real.count();
            }

            @Override
            public Id getId() {
                return real.getId();
            }
        };
    }
}
