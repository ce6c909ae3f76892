package io.github.jwtsigner.internal.ops.micrometer;

import io.github.jwtsigner.internal.rotation.KeyRing;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.TimeGauge;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The four key health meters of one component, tagged {@code component=signer|validator|jwks} and {@code name}:
 * read from {@link KeyRing.Health} when the registry publishes, never on a request thread. No ring (a JWKS servlet
 * whose {@code signer} filter has not started) reads NaN, as does a time that never happened.
 *
 * <p>Stateless and thread-safe.
 */
final class KeyHealthMeters {
    /** Reloads of the keys that failed since start. */
    static final String REFRESH_FAILURES = "jwt.keys.refresh.failures";
    /** Seconds since the keys in use were loaded. */
    static final String AGE = "jwt.keys.age";
    /** Seconds since a load of the keys last succeeded. */
    static final String REFRESH_AGE = "jwt.keys.refresh.age";
    /** 1 while the latest reload failed (the last good keys still in use), else 0. */
    static final String REFRESH_FAILING = "jwt.keys.refresh.failing";
    /** The tag naming the kind of component. */
    static final String COMPONENT = "component";

    private KeyHealthMeters() {
    }

    static void register(OwnedMeters owned, String component, Supplier<KeyRing.Health> health) {
        Clock clock = owned.registry().config().clock();
        owned.own(FunctionCounter.builder(REFRESH_FAILURES, owned.keep(health), read(h -> h.failures()))
                .description("reloads of the keys that failed").tags(owned.tags(COMPONENT, component))
                .register(owned.registry()));
        owned.own(TimeGauge.builder(AGE, health, TimeUnit.MILLISECONDS,
                        read(h -> since(clock, h.loadedAtMillis())))
                .description("time since the keys in use were loaded").tags(owned.tags(COMPONENT, component))
                .strongReference(true).register(owned.registry()));
        owned.own(TimeGauge.builder(REFRESH_AGE, health, TimeUnit.MILLISECONDS,
                        read(h -> since(clock, h.lastSuccessAtMillis())))
                .description("time since a load of the keys last succeeded").tags(owned.tags(COMPONENT, component))
                .strongReference(true).register(owned.registry()));
        owned.own(Gauge.builder(REFRESH_FAILING, health, read(h -> h.failing() ? 1 : 0))
                .description("1 while the latest reload of the keys failed and the last good keys are in use")
                .tags(owned.tags(COMPONENT, component)).strongReference(true).register(owned.registry()));
    }

    private static ToDoubleFunction<Supplier<KeyRing.Health>> read(ToDoubleFunction<KeyRing.Health> figure) {
        return supplier -> {
            KeyRing.Health h = supplier.get();
            return h == null ? Double.NaN : figure.applyAsDouble(h);
        };
    }

    private static double since(Clock clock, long millis) {
        return millis == 0 ? Double.NaN : clock.wallTime() - millis;
    }
}
