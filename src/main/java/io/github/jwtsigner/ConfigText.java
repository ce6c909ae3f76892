package io.github.jwtsigner;

import java.time.Duration;

/** How the configuration classes write values into messages, and read blank text. Stateless. */
final class ConfigText {
    private ConfigText() {
    }

    /** Null for a null or blank string, else the string. */
    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** A duration for messages, in Go's syntax where it is short: {@code 5s}, {@code 500ms}. */
    static String show(Duration d) {
        if (d == null) {
            return "none";
        }
        if (d.isNegative() || d.getNano() % 1_000_000 != 0) {
            return d.toString();
        }
        if (d.getNano() == 0) {
            return d.getSeconds() + "s";
        }
        return d.getSeconds() * 1000 + d.getNano() / 1_000_000 + "ms";
    }

    /** The Micrometer type a meter registry must be. */
    static final String METER_REGISTRY = "io.micrometer.core.instrument.MeterRegistry";

    /**
     * {@code registry}, when it is null or a Micrometer {@code MeterRegistry}: decided by class name, so that
     * Micrometer is not loaded.
     *
     * @throws IllegalArgumentException for anything else, naming its class
     */
    static Object meterRegistry(Object registry) {
        if (registry == null) {
            return null;
        }
        for (Class<?> c = registry.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().equals(METER_REGISTRY)) {
                return registry;
            }
        }
        throw new IllegalArgumentException("meterRegistry takes an " + METER_REGISTRY + ", not a ["
                + registry.getClass().getName() + "]");
    }
}
