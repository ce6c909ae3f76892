package io.github.jwtsigner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The validator's settings, validated once: the key source, with the same settings as the signer's
 * ({@link Setting.Scope#KEYS}, and {@code kid} for a PEM or keystore key), the allowed {@code alg} list,
 * {@code typ}, {@code leeway} and the {@link Setting.Scope#VALIDATOR} settings, named as KrakenD's
 * {@code auth/validator}.
 *
 * <p>Two settings read differently here than for the signer: {@code alg} is a list (a single name is a list of
 * one), and {@code leeway} is a duration, {@code 1s} by default ({@link #kind(Setting)},
 * {@link #defaultValue(Setting)}).
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows a password.
 */
public final class ValidatorConfig {
    /** How the {@code scopes} must be held. */
    public enum ScopesMatcher {
        /** At least one of {@code scopes}. */
        ANY,
        /** Every one of {@code scopes}. */
        ALL
    }

    private final KeySource keySource;
    private final String kid;
    private final Map<Setting, Object> values;
    private final List<SigningAlgorithm> algorithms;
    private final ScopesMatcher scopesMatcher;
    private final Object meterRegistry;

    private ValidatorConfig(KeySource keySource, String kid, Map<Setting, Object> values,
            List<SigningAlgorithm> algorithms, ScopesMatcher scopesMatcher, Object meterRegistry) {
        this.keySource = keySource;
        this.kid = kid;
        this.values = Collections.unmodifiableMap(new EnumMap<>(values));
        this.algorithms = List.copyOf(algorithms);
        this.scopesMatcher = scopesMatcher;
        this.meterRegistry = meterRegistry;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The Micrometer {@code MeterRegistry} handed over with {@link Builder#meterRegistry}; empty for JMX alone. */
    public Optional<Object> meterRegistry() {
        return Optional.ofNullable(meterRegistry);
    }

    /** True for the settings the validator reads: the key source's, {@code kid}, {@code alg}, {@code typ}, its own. */
    public static boolean reads(Setting setting) {
        return setting.scope() == Setting.Scope.KEYS || setting.scope() == Setting.Scope.VALIDATOR
                || setting == Setting.KID || setting == Setting.ALG || setting == Setting.TYP
                || setting == Setting.LEEWAY;
    }

    /** The names of the settings the validator reads, in documentation order. */
    public static List<String> settingNames() {
        return Arrays.stream(Setting.values()).filter(ValidatorConfig::reads).map(Setting::settingName).toList();
    }

    /** The shape of a setting's value for the validator: {@code alg} is a list, {@code leeway} a duration. */
    public static Setting.Kind kind(Setting setting) {
        return setting == Setting.ALG ? Setting.Kind.TEXT_LIST
                : setting == Setting.LEEWAY ? Setting.Kind.DURATION : setting.kind();
    }

    /** The validator's default for a setting: {@code leeway} is {@code 1s}; else {@link Setting#defaultValue()}. */
    public static Object defaultValue(Setting setting) {
        return setting == Setting.LEEWAY ? Duration.ofSeconds(1) : setting == Setting.ALG ? List.of()
                : setting.defaultValue();
    }

    /** Where the keys come from. */
    public KeySource keySource() {
        return keySource;
    }

    /** The kid a PEM or keystore key is known by, or the one kid of a JWK Set to use; empty for any. */
    public Optional<String> kid() {
        return Optional.ofNullable(kid);
    }

    /** The algorithms a token may be signed with, each used only with keys of its type; never {@code none}. */
    public List<SigningAlgorithm> algorithms() {
        return algorithms;
    }

    public ScopesMatcher scopesMatcher() {
        return scopesMatcher;
    }

    /** The value of one setting the validator reads, as given, else its default ({@link #defaultValue}). */
    public Object value(Setting setting) {
        if (!reads(setting)) {
            throw new IllegalArgumentException(setting + " is not a setting of the validator");
        }
        return values.containsKey(setting) ? values.get(setting) : defaultValue(setting);
    }

    public String text(Setting setting) {
        return (String) value(setting);
    }

    public boolean flag(Setting setting) {
        return Boolean.TRUE.equals(value(setting));
    }

    public int wholeNumber(Setting setting) {
        return (Integer) value(setting);
    }

    public Duration duration(Setting setting) {
        return (Duration) value(setting);
    }

    @SuppressWarnings("unchecked")
    public List<String> texts(Setting setting) {
        return (List<String>) value(setting);
    }

    /** The {@code [claim, header]} pairs of {@code propagate_claims}. */
    @SuppressWarnings("unchecked")
    public List<List<String>> propagatedClaims() {
        return (List<List<String>>) value(Setting.PROPAGATE_CLAIMS);
    }

    /** The algorithms, the key source, the kid, and every validator setting given; never a password. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ValidatorConfig{alg=").append(algorithms).append(", ")
                .append(keySource.description());
        if (kid != null) {
            sb.append(", kid=").append(kid);
        }
        for (Setting s : Setting.values()) {
            if ((s.scope() == Setting.Scope.VALIDATOR || s == Setting.LEEWAY || s == Setting.TYP)
                    && values.containsKey(s) && !s.isSecret()) {
                Object v = values.get(s);
                sb.append(", ").append(s).append('=').append(v instanceof Duration d ? ConfigText.show(d) : v);
            }
        }
        return sb.append('}').toString();
    }

    /**
     * Collects settings; {@link #build()} validates them all at once. A setting never set has its
     * {@link #defaultValue(Setting)}.
     *
     * <p>One instance per configuration; not thread-safe.
     */
    public static final class Builder {
        private final SignerConfig.Builder values = SignerConfig.builder();
        private final Map<Setting, Object> own = new EnumMap<>(Setting.class);

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
         * Sets one setting, as the init-param and KrakenD JSON readers do.
         *
         * @param value of the Java type {@link #kind(Setting)} stands for; {@code alg} also takes one String
         * @throws IllegalArgumentException when the value does not fit, or the validator does not read the setting
         * @throws NullPointerException for a null flag, whole number or list
         */
        public Builder set(Setting setting, Object value) {
            if (!reads(setting)) {
                throw new IllegalArgumentException(setting + " is not a setting of the validator; expected one of "
                        + settingNames());
            }
            if (setting == Setting.ALG && value instanceof String one) {
                value = List.of(one);
            }
            Setting.Kind kind = kind(setting);
            if (value == null && kind != Setting.Kind.TEXT && kind != Setting.Kind.DURATION) {
                throw new NullPointerException(setting + " takes " + kind.description() + ", not null");
            }
            if (value != null && !kind.fits(value)) {
                // A List's own class name (List12, ArrayList) would tell nothing about what is wrong inside.
                throw new IllegalArgumentException(setting + " takes " + kind.description() + ", not "
                        + (value instanceof List<?> ? "a list of anything else" : "a "
                        + value.getClass().getSimpleName()));
            }
            if (kind != setting.kind() || setting.scope() == Setting.Scope.VALIDATOR) {
                own.put(setting, value instanceof List<?> l ? Collections.unmodifiableList(new ArrayList<>(l)) : value);
            } else {
                values.set(setting, value);
            }
            return this;
        }

        /** The allowed algorithms: a list of JWA names, or one. */
        public Builder alg(String... algs) {
            return set(Setting.ALG, List.of(algs));
        }

        public Builder jwkLocalPath(String path) {
            return set(Setting.JWK_LOCAL_PATH, path);
        }

        public Builder jwkUrl(String url) {
            return set(Setting.JWK_URL, url);
        }

        public Builder audience(String... audience) {
            return set(Setting.AUDIENCE, List.of(audience));
        }

        public Builder issuer(String issuer) {
            return set(Setting.ISSUER, issuer);
        }

        public Builder roles(String... roles) {
            return set(Setting.ROLES, List.of(roles));
        }

        public Builder allowAnonymous(boolean allow) {
            return set(Setting.ALLOW_ANONYMOUS, allow);
        }

        private Object value(Setting s) {
            return own.containsKey(s) ? own.get(s) : kind(s) == s.kind() && s.scope() != Setting.Scope.VALIDATOR
                    ? values.value(s) : defaultValue(s);
        }

        /**
         * Validates every setting and reports all problems in one exception.
         *
         * @throws InvalidConfigurationException naming each problem and its value, never a secret
         */
        public ValidatorConfig build() {
            Problems problems = new Problems();
            ValidatorConfig config = build(problems);
            if (!problems.isEmpty()) {
                throw new InvalidConfigurationException(ValidatorConfigChecks.COMPONENT, problems.messages(), null);
            }
            return config;
        }

        /**
         * Validates every setting, adding each problem to {@code problems}.
         *
         * @return the configuration, or null when there was any problem, before or now
         */
        @SuppressWarnings("unchecked")
        public ValidatorConfig build(Problems problems) {
            Setting sourceSetting = SignerConfigChecks.keySourceChoice(values, problems,
                    ValidatorConfigChecks.PEM_KEY);
            SignerConfigChecks.keySourceLimits(values, problems);
            List<SigningAlgorithm> algorithms = ValidatorConfigChecks.algorithms((List<String>) value(Setting.ALG),
                    problems);
            ValidatorConfigChecks.keyIdentifyStrategy((String) value(Setting.KEY_IDENTIFY_STRATEGY), problems);
            ScopesMatcher matcher = ValidatorConfigChecks.scopesMatcher((String) value(Setting.SCOPES_MATCHER),
                    problems);
            ValidatorConfigChecks.names(this::value, problems);
            ValidatorConfigChecks.propagatedClaims((List<List<String>>) value(Setting.PROPAGATE_CLAIMS),
                    (String) value(Setting.AUTH_HEADER_NAME), problems);
            ValidatorConfigChecks.limits(this::value, ValidatorConfig::defaultValue, problems);
            if (!problems.isEmpty()) {
                return null;
            }
            Map<Setting, Object> all = new EnumMap<>(Setting.class);
            for (Setting s : Setting.values()) {
                // Kept when set: here, or in the signer's builder and other than its default.
                if (reads(s) && (own.containsKey(s) || values.value(s) != null
                        && !values.value(s).equals(s.defaultValue()))) {
                    all.put(s, value(s));
                }
            }
            return new ValidatorConfig(SignerConfigChecks.keySource(values, sourceSetting),
                    ConfigText.blankToNull((String) value(Setting.KID)), all, algorithms, matcher,
                    values.meterRegistry);
        }
    }
}
