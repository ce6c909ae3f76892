package io.github.jwtsigner.internal.ops.micrometer;

import io.github.jwtsigner.internal.ops.Meters;
import io.github.jwtsigner.internal.rotation.KeyRing;

import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The components' figures as Micrometer meters. The only class that names a Micrometer type; loaded only when a
 * registry was given ({@code internal.ops.MeterRegistries}).
 *
 * <p>Thread-safe.
 */
public final class MicrometerMeters {
    private MicrometerMeters() {
    }

    /** Micrometer's {@code Metrics.globalRegistry}. */
    public static Object globalRegistry() {
        return io.micrometer.core.instrument.Metrics.globalRegistry;
    }

    /** TODO(ops): meters of one signer. */
    public static Meters.Signer signer(Object registry, String name, List<String> members,
            Supplier<KeyRing.Health> health) {
        throw new UnsupportedOperationException("not yet");
    }

    public static Meters.Validator validator(Object registry, String name, LongSupplier cacheHits,
            Supplier<KeyRing.Health> health) {
        throw new UnsupportedOperationException("not yet");
    }

    public static Meters.Jwks jwks(Object registry, String name, Supplier<KeyRing.Health> health) {
        throw new UnsupportedOperationException("not yet");
    }
}
