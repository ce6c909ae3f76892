package io.github.jwtsigner.internal.ops;

import io.github.jwtsigner.InvalidConfigurationException;
import io.github.jwtsigner.Setting;
import io.github.jwtsigner.internal.json.JsonPointer;
import io.github.jwtsigner.internal.ops.micrometer.MicrometerMeters;
import io.github.jwtsigner.internal.rotation.KeyRing;

import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Where the components find their Micrometer registry, and the one door to {@code internal.ops.micrometer}: no
 * class of that package is loaded unless a registry was given, so the filters start without Micrometer.
 *
 * <p>Stateless and thread-safe.
 */
public final class MeterRegistries {
    /** The Micrometer type a registry must be. */
    static final String REGISTRY_CLASS = "io.micrometer.core.instrument.MeterRegistry";
    /** {@code metrics=global}: Micrometer's {@code Metrics.globalRegistry}. */
    public static final String GLOBAL = "global";
    /** {@code metrics=none}, the default: JMX alone. */
    public static final String NONE = "none";

    private MeterRegistries() {
    }

    /**
     * The registry to use: {@code given} (handed over in code), else the one the {@code metrics} init-param asks
     * for, else null.
     *
     * @param given a {@code MeterRegistry}, or null
     * @param param the {@code metrics} init-param, or null
     * @param source where {@code param} came from, for messages
     * @throws InvalidConfigurationException when {@code param} is neither {@code global} nor {@code none}, when
     *     it asks for Micrometer and Micrometer is not on the class path, or when both are set
     */
    public static Object resolve(Object given, String param, String source) {
        String value = param == null ? null : param.trim().toLowerCase(Locale.ROOT);
        if (value != null && !value.equals(GLOBAL) && !value.equals(NONE)) {
            throw new InvalidConfigurationException(source + ": " + Setting.METRICS + " [" + param.trim()
                    + "] is not a metrics setting; expected [" + GLOBAL + "] (Micrometer's global registry) or ["
                    + NONE + "] (the default: JMX alone)");
        }
        if (given != null && value != null) {
            throw new InvalidConfigurationException(source + ": " + Setting.METRICS + " [" + param.trim()
                    + "] is set, but a MeterRegistry was handed over in code; expected one of them");
        }
        if (given != null) {
            return given;
        }
        if (!GLOBAL.equals(value)) {
            return null;
        }
        if (!micrometerPresent()) {
            throw new InvalidConfigurationException(source + ": " + Setting.METRICS + " [" + GLOBAL + "] needs"
                    + " io.micrometer:micrometer-core on the webapp's class path, and it is not there; expected"
                    + " the jar in WEB-INF/lib, or " + Setting.METRICS + " [" + NONE + "]");
        }
        return MicrometerMeters.globalRegistry();
    }

    static boolean micrometerPresent() {
        try {
            Class.forName(REGISTRY_CLASS, false, MeterRegistries.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    static Meters.Signer signer(Object registry, String name, List<JsonPointer> members,
            Supplier<KeyRing.Health> health) {
        return registry == null ? Meters.NO_SIGNER
                : MicrometerMeters.signer(registry, name, members.stream().map(JsonPointer::toString).toList(),
                        health);
    }

    static Meters.Validator validator(Object registry, String name, LongSupplier cacheHits,
            Supplier<KeyRing.Health> health) {
        return registry == null ? Meters.NO_VALIDATOR : MicrometerMeters.validator(registry, name, cacheHits, health);
    }

    /** @param health the ring's figures, or null when there is no ring now */
    static Meters.Jwks jwks(Object registry, String name, Supplier<KeyRing.Health> health) {
        return registry == null ? Meters.NO_JWKS : MicrometerMeters.jwks(registry, name, health);
    }
}
