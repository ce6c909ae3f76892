package io.github.jwtsigner.internal.ops.micrometer;

import io.github.jwtsigner.internal.ops.Meters;
import io.github.jwtsigner.internal.rotation.KeyRing;

import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The components' figures as Micrometer meters; with the classes beside it, the only code that names a Micrometer
 * type. Loaded only when a registry was given ({@code internal.ops.MeterRegistries}).
 *
 * <p>Every meter is tagged {@code name=<filter-name or servlet-name>}:
 * <ul>
 *   <li>{@code jwt.signer.responses} (counter): {@code outcome=signed|passed|failed_closed},
 *       {@code reason=none|malformed_json|...} (a {@code SigningException.Reason} in lower case);</li>
 *   <li>{@code jwt.signer.tokens} (counter): {@code member} (a {@code keys_to_sign} entry), {@code alg},
 *       {@code kid};</li>
 *   <li>{@code jwt.signer.signing} (timer): the time to sign one response's body;</li>
 *   <li>{@code jwt.validator.requests} (counter): {@code outcome=accepted|rejected|anonymous},
 *       {@code reason=none|missing|expired|...} (a rejection in lower case);</li>
 *   <li>{@code jwt.validator.verification} (timer): {@code outcome=accepted|rejected}, requests with a token;</li>
 *   <li>{@code jwt.validator.cache.hits} (function counter);</li>
 *   <li>{@code jwt.jwks.requests} (counter): {@code status=200|304|405|500};</li>
 *   <li>and for each component, tagged {@code component=signer|validator|jwks} too: {@code jwt.keys.refresh.failures}
 *       (function counter), {@code jwt.keys.age} and {@code jwt.keys.refresh.age} (time gauges: since the keys in
 *       use were loaded, since a load last succeeded), {@code jwt.keys.refresh.failing} (gauge, 0 or 1); NaN when
 *       there is no ring yet.</li>
 * </ul>
 * No tag holds a user, a token or a claim. Counters with fixed tags are registered at start, so they show 0.
 *
 * <p>Two components of one kind with one name in one registry (the same filter-name in two webapps that share
 * Micrometer's global registry) would share meters, and the first stopped would remove the other's. So the second
 * takes {@code name=<name>-2}, the third {@code <name>-3}, as their MXBeans' names do ({@link OwnedMeters}).
 * {@code close()} of a component's meters removes every meter it registered, its token counters of earlier kids
 * too.
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

    /**
     * Registers one signer's meters in {@code registry}.
     *
     * @param registry a {@code MeterRegistry}
     * @param members the {@code keys_to_sign} entries, in the order {@link Meters.Signer#token} numbers them
     * @param health the key ring's figures
     */
    public static Meters.Signer signer(Object registry, String name, List<String> members,
            Supplier<KeyRing.Health> health) {
        return OwnedMeters.claim(registry, SignerMeters.RESPONSES, name, owned -> {
            SignerMeters meters = new SignerMeters(owned, members);
            KeyHealthMeters.register(owned, "signer", health);
            return meters;
        });
    }

    /**
     * Registers one validator's meters in {@code registry}.
     *
     * @param cacheHits the verifier's count of signatures found verified in its cache
     */
    public static Meters.Validator validator(Object registry, String name, LongSupplier cacheHits,
            Supplier<KeyRing.Health> health) {
        return OwnedMeters.claim(registry, ValidatorMeters.REQUESTS, name, owned -> {
            ValidatorMeters meters = new ValidatorMeters(owned, cacheHits);
            KeyHealthMeters.register(owned, "validator", health);
            return meters;
        });
    }

    /**
     * Registers one JWKS servlet's meters in {@code registry}.
     *
     * @param health the published ring's figures, or null while there is none
     */
    public static Meters.Jwks jwks(Object registry, String name, Supplier<KeyRing.Health> health) {
        return OwnedMeters.claim(registry, JwksMeters.REQUESTS, name, owned -> {
            JwksMeters meters = new JwksMeters(owned);
            KeyHealthMeters.register(owned, "jwks", health);
            return meters;
        });
    }
}
