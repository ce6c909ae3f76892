package io.github.jwtsigner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The JWKS servlet's settings, validated once: either a key source, with the same settings as the signer's
 * ({@link Setting.Scope#KEYS} and an optional {@code kid}), or {@code signer}, the filter-name of a
 * {@code JwtSignerFilter} whose key ring to publish; plus {@code max_age} and {@code retention}.
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows a password.
 */
public final class JwksConfig {
    private final KeySource keySource;
    private final String signer;
    private final String kid;
    private final int maxAge;
    private final Duration retention;
    private final Object meterRegistry;

    private JwksConfig(KeySource keySource, String signer, String kid, int maxAge, Duration retention,
            Object meterRegistry) {
        this.keySource = keySource;
        this.signer = signer;
        this.kid = kid;
        this.maxAge = maxAge;
        this.retention = retention;
        this.meterRegistry = meterRegistry;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The Micrometer {@code MeterRegistry} handed over with {@link Builder#meterRegistry}; empty for JMX alone. */
    public Optional<Object> meterRegistry() {
        return Optional.ofNullable(meterRegistry);
    }

    /** True for the settings the JWKS servlet reads: the key source's, {@code kid}, and its own. */
    public static boolean reads(Setting setting) {
        return setting.scope() == Setting.Scope.KEYS || setting.scope() == Setting.Scope.JWKS
                || setting == Setting.KID;
    }

    /** The names of the settings the JWKS servlet reads, in documentation order. */
    public static List<String> settingNames() {
        return Arrays.stream(Setting.values()).filter(JwksConfig::reads).map(Setting::settingName).toList();
    }

    /** Where the keys come from; empty when {@link #signer()} is set. */
    public Optional<KeySource> keySource() {
        return Optional.ofNullable(keySource);
    }

    /** The filter-name of the {@code JwtSignerFilter} whose key ring is published; empty with a key source. */
    public Optional<String> signer() {
        return Optional.ofNullable(signer);
    }

    /** The one kid to publish from a JWK Set source, or the kid a PEM or keystore key is published under. */
    public Optional<String> kid() {
        return Optional.ofNullable(kid);
    }

    /** Seconds a client may cache the JWK Set. */
    public int maxAge() {
        return maxAge;
    }

    /** How long a key that left the source stays published. */
    public Duration retention() {
        return retention;
    }

    @Override
    public String toString() {
        return "JwksConfig{" + (signer != null ? Setting.SIGNER_FILTER + "=" + signer : keySource.description())
                + (kid != null ? ", kid=" + kid : "") + ", " + Setting.MAX_AGE + "=" + maxAge + ", "
                + Setting.RETENTION + "=" + ConfigText.show(retention) + "}";
    }

    /**
     * Collects settings; {@link #build()} validates them all at once. A setting never set has its
     * {@link Setting#defaultValue()}.
     *
     * <p>One instance per configuration; not thread-safe.
     */
    public static final class Builder {
        private final SignerConfig.Builder values = SignerConfig.builder();

        private Builder() {
        }

        /**
         * Also puts the MXBean's figures into this Micrometer registry; {@code Object}, so this loads without it.
         *
         * @param registry an {@code io.micrometer.core.instrument.MeterRegistry}, or null for JMX alone
         * @throws IllegalArgumentException for anything else
         */
        public Builder meterRegistry(Object registry) {
            values.meterRegistry(registry);
            return this;
        }

        /**
         * Sets one setting, as the init-param reader does.
         *
         * @throws IllegalArgumentException when the value does not fit, or the servlet does not read the setting
         * @throws NullPointerException for a null flag, whole number or list
         */
        public Builder set(Setting setting, Object value) {
            if (!reads(setting)) {
                throw new IllegalArgumentException(setting + " is not a setting of the JWKS servlet; expected one"
                        + " of " + settingNames());
            }
            values.set(setting, value);
            return this;
        }

        /**
         * Validates every setting and reports all problems in one exception.
         *
         * @throws InvalidConfigurationException naming each problem and its value
         */
        public JwksConfig build() {
            Problems problems = new Problems();
            JwksConfig config = build(problems);
            problems.throwIfAny();
            return config;
        }

        /**
         * Validates every setting, adding each problem to {@code problems}.
         *
         * @return the configuration, or null when there was any problem, before or now
         */
        public JwksConfig build(Problems problems) {
            String signer = ConfigText.blankToNull(values.text(Setting.SIGNER_FILTER));
            String kid = ConfigText.blankToNull(values.text(Setting.KID));
            List<Setting> sources = SignerConfigChecks.setKeySources(values);
            Setting sourceSetting = null;
            if (signer != null) {
                List<String> beside = new ArrayList<>();
                sources.forEach(s -> beside.add(s + s.quote(values.text(s))));
                if (kid != null) {
                    beside.add(Setting.KID + " [" + kid + "]");
                }
                if (!beside.isEmpty()) {
                    problems.add(Setting.SIGNER_FILTER + " [" + signer + "] is set next to " + String.join(", ",
                            beside) + "; expected either " + Setting.SIGNER_FILTER + " (to publish that filter's"
                            + " keys) or one key source", Setting.SIGNER_FILTER);
                }
            } else if (sources.isEmpty() && values.text(Setting.SECRET_URL) == null
                    && values.text(Setting.CYPHER_KEY) == null) {
                problems.add("no key source: set " + Setting.SIGNER_FILTER + " (the filter-name of a"
                        + " JwtSignerFilter of this webapp) or one of " + Setting.JWK_LOCAL_PATH + " (a JWK Set"
                        + " file), " + Setting.JWK_URL + " (a URL serving one), " + Setting.PEM_LOCAL_PATH
                        + " (a PEM private key) or " + Setting.KEYSTORE_PATH + " (a PKCS#12 or JKS keystore)");
            } else {
                sourceSetting = SignerConfigChecks.keySourceChoice(values, problems);
                if (kid == null && (sourceSetting == Setting.PEM_LOCAL_PATH
                        || sourceSetting == Setting.KEYSTORE_PATH)) {
                    problems.add(Setting.KID + " is required with " + sourceSetting + ": the key is published"
                            + " under it; only a JWK Set source may leave it out", Setting.KID, sourceSetting);
                }
                SignerConfigChecks.keySourceLimits(values, problems);
            }
            int maxAge = (Integer) values.value(Setting.MAX_AGE);
            if (maxAge < 0) {
                problems.add(Setting.MAX_AGE + " [" + maxAge + "] is negative; expected 0 or more seconds, the"
                        + " default is " + Setting.MAX_AGE.defaultValue(), Setting.MAX_AGE);
            }
            Duration retention = (Duration) values.value(Setting.RETENTION);
            if (retention == null || retention.isNegative()) {
                problems.add(Setting.RETENTION + (retention == null ? " is empty" : " ["
                        + ConfigText.show(retention) + "] is negative") + "; expected 0s or more, the default is "
                        + ConfigText.show((Duration) Setting.RETENTION.defaultValue()), Setting.RETENTION);
            }
            if (!problems.isEmpty()) {
                return null;
            }
            KeySource source = sourceSetting == null ? null : SignerConfigChecks.keySource(values, sourceSetting);
            return new JwksConfig(source, signer, kid, maxAge, retention, values.meterRegistry);
        }
    }
}
