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
 * The signer's settings, validated once: the names and meanings of KrakenD's {@code auth/signer} plus a few of
 * our own, each listed in {@link Setting}. Built by {@link #builder()}, from web.xml init-params, or from a
 * KrakenD JSON file; all three give the same object.
 *
 * <p>Every value read from init-params or a KrakenD file may come from {@code ${env:NAME}} or
 * {@code ${sys:name}} placeholders, expanded by the readers before this object is built.
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows settings, never key material (there is none here:
 * keys are loaded from the places these settings name) and never a password.
 */
public final class SignerConfig {
    private final SigningAlgorithm alg;
    private final String kid;
    private final List<String> keysToSign;
    private final boolean full;
    private final boolean requireKeysToSign;
    private final String typ;
    private final String leeway;
    private final int maxBodyBytes;
    private final String signatureProvider;
    private final KeySource keySource;
    private final Map<Setting, Object> values = new EnumMap<>(Setting.class);
    private final Object meterRegistry;

    private SignerConfig(Builder b, SigningAlgorithm alg, List<String> keysToSign, KeySource keySource) {
        this.alg = alg;
        String k = b.text(Setting.KID);
        this.kid = k == null || k.isEmpty() ? null : k;
        this.keysToSign = keysToSign;
        this.full = b.flag(Setting.FULL);
        this.requireKeysToSign = b.flag(Setting.REQUIRE_KEYS_TO_SIGN);
        this.typ = b.text(Setting.TYP);
        this.leeway = b.text(Setting.LEEWAY);
        this.maxBodyBytes = (Integer) b.value(Setting.MAX_BODY_BYTES);
        this.signatureProvider = ConfigText.blankToNull(b.text(Setting.SIGNATURE_PROVIDER));
        this.keySource = keySource;
        this.meterRegistry = b.meterRegistry;
        for (Setting s : Setting.values()) {
            if ((s.scope() == Setting.Scope.SIGNER || s.scope() == Setting.Scope.KEYS) && b.value(s) != null) {
                // No check names a null cipher suite: refused here, whatever the key source, as before.
                values.put(s, s.kind() == Setting.Kind.WHOLE_NUMBER_LIST ? List.copyOf((List<?>) b.value(s))
                        : b.value(s));
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public SigningAlgorithm alg() {
        return alg;
    }

    /**
     * The configured kid, or {@code null} when it was left out. Only a JWK Set source ({@code jwk_local_path},
     * {@code jwk_url}) allows that: the first key of the set that fits {@code alg} signs, with its own kid.
     */
    public String kid() {
        return kid;
    }

    /** The members to sign, each a top-level name or a JSON Pointer ({@code /a/b}), in configured order. */
    public List<String> keysToSign() {
        return keysToSign;
    }

    /** True for the flattened JWS JSON serialization instead of compact. */
    public boolean full() {
        return full;
    }

    /**
     * True when a response to sign that lacks a {@code keys_to_sign} member, or holds something other than an
     * object there, fails closed; false (KrakenD's way) when it is left as it is, with a WARNING once per member.
     */
    public boolean requireKeysToSign() {
        return requireKeysToSign;
    }

    public String typ() {
        return typ;
    }

    /** Accepted for KrakenD compatibility; the signer does not use it. */
    public Optional<String> leeway() {
        return Optional.ofNullable(leeway);
    }

    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /** The opt-in signature provider's name; empty for the JDK's providers. */
    public Optional<String> signatureProvider() {
        return Optional.ofNullable(signatureProvider);
    }

    /**
     * The value of one setting as given, else its default; null when it has neither. A setting of a key source
     * other than {@link #keySource()} is kept here, though nothing uses it. A secret ({@link Setting#isSecret()})
     * comes back as given: never log it.
     *
     * @throws IllegalArgumentException for the filter's own init-params ({@link Setting.Scope#FILTER})
     */
    public Object value(Setting setting) {
        if (setting.scope() == Setting.Scope.FILTER) {
            throw new IllegalArgumentException(setting + " is an init-param of the filter, not a setting of the"
                    + " configuration");
        }
        return values.get(setting);
    }

    /** The Micrometer {@code MeterRegistry} handed over with {@link Builder#meterRegistry}; empty for JMX alone. */
    public Optional<Object> meterRegistry() {
        return Optional.ofNullable(meterRegistry);
    }

    /** Where the key comes from, with that source's own settings. */
    public KeySource keySource() {
        return keySource;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SignerConfig{alg=").append(alg).append(", kid=").append(kid)
                .append(", ").append(Setting.KEYS_TO_SIGN).append('=').append(keysToSign)
                .append(", ").append(keySource.description())
                .append(", ").append(Setting.FULL).append('=').append(full)
                .append(", ").append(Setting.TYP).append('=').append(typ)
                .append(", ").append(Setting.MAX_BODY_BYTES).append('=').append(maxBodyBytes);
        if (signatureProvider != null) {
            sb.append(", ").append(Setting.SIGNATURE_PROVIDER).append('=').append(signatureProvider);
        }
        if (keySource instanceof KeySource.JwkUrl u) {
            sb.append(", ").append(Setting.CACHE_DURATION).append('=').append(u.cacheDuration())
                    .append(", ").append(Setting.JWK_CONNECT_TIMEOUT).append('=').append(ConfigText.show(u.connectTimeout()))
                    .append(", ").append(Setting.JWK_READ_TIMEOUT).append('=').append(ConfigText.show(u.readTimeout()))
                    .append(", ").append(Setting.JWK_FETCH_TIMEOUT).append('=').append(ConfigText.show(u.fetchTimeout()))
                    .append(", ").append(Setting.JWK_MAX_BYTES).append('=').append(u.maxBytes());
        } else if (keySource instanceof KeySource.JwkFile f) {
            sb.append(", ").append(Setting.JWK_LOCAL_CHECK_INTERVAL).append('=').append(ConfigText.show(f.checkInterval()));
        }
        return sb.append('}').toString();
    }

    /**
     * Collects settings; {@link #build()} validates them all at once. Each setter is {@link #set} for one
     * {@link Setting}; a setting never set has its {@link Setting#defaultValue()}.
     *
     * <p>One instance per configuration; not thread-safe.
     */
    public static final class Builder {
        private final Map<Setting, Object> values = new EnumMap<>(Setting.class);
        Object meterRegistry;

        private Builder() {
        }

        /**
         * Also puts the MXBean's figures into this Micrometer registry; {@code Object}, so this loads without it.
         *
         * @param registry an {@code io.micrometer.core.instrument.MeterRegistry}, or null for JMX alone
         * @throws IllegalArgumentException for anything else
         */
        public Builder meterRegistry(Object registry) {
            this.meterRegistry = ConfigText.meterRegistry(registry);
            return this;
        }

        /**
         * Sets one setting, as the init-param and KrakenD JSON readers do.
         *
         * @param value of the Java type {@link Setting#kind()} stands for (String, Boolean, Integer, Duration, or
         *     a List of String or Integer); null only for a text or a duration, which {@link #build()} then checks
         * @throws IllegalArgumentException when the value does not fit the setting, or the setting is not one a
         *     configuration holds ({@link Setting.Scope#FILTER})
         * @throws NullPointerException for a null flag, whole number or list, as its typed setter
         */
        public Builder set(Setting setting, Object value) {
            if (value == null && setting.kind() != Setting.Kind.TEXT && setting.kind() != Setting.Kind.DURATION) {
                throw new NullPointerException(setting + " takes " + setting.kind().description() + ", not null");
            }
            if (setting.scope() == Setting.Scope.FILTER) {
                throw new IllegalArgumentException(setting + " is an init-param of the filter, not a setting of"
                        + " the configuration");
            }
            if (value != null && !setting.kind().fits(value)) {
                throw new IllegalArgumentException(setting + " takes " + setting.kind().description() + ", not a "
                        + value.getClass().getSimpleName());
            }
            // A copy that keeps null items: build() names them, as it names every other bad entry.
            values.put(setting, value instanceof List<?> list ? Collections.unmodifiableList(new ArrayList<>(list))
                    : value);
            return this;
        }

        /** The value set, or the default. */
        Object value(Setting setting) {
            return values.containsKey(setting) ? values.get(setting) : setting.defaultValue();
        }

        String text(Setting setting) {
            return (String) value(setting);
        }

        boolean flag(Setting setting) {
            return Boolean.TRUE.equals(value(setting));
        }

        @SuppressWarnings("unchecked")
        <T> List<T> list(Setting setting) {
            return (List<T>) value(setting);
        }

        public Builder alg(SigningAlgorithm alg) {
            return set(Setting.ALG, alg == null ? null : alg.jwaName());
        }

        /** The JWA name, such as {@code HS256}; checked by {@link #build()}. */
        public Builder alg(String alg) {
            return set(Setting.ALG, alg);
        }

        /**
         * Required with {@code pem_local_path} and {@code keystore_path}; may be left out with a JWK Set source,
         * which then signs with the set's first key that fits {@code alg}, under that key's own kid.
         */
        public Builder kid(String kid) {
            return set(Setting.KID, kid);
        }

        public Builder keysToSign(String... keysToSign) {
            return keysToSign(Arrays.asList(keysToSign));
        }

        public Builder keysToSign(List<String> keysToSign) {
            return set(Setting.KEYS_TO_SIGN, keysToSign);
        }

        /** A JWK Set file; see {@link KeySource.JwkFile}. */
        public Builder jwkLocalPath(String jwkLocalPath) {
            return set(Setting.JWK_LOCAL_PATH, jwkLocalPath);
        }

        public Builder jwkUrl(String jwkUrl) {
            return set(Setting.JWK_URL, jwkUrl);
        }

        public Builder disableJwkSecurity(boolean disableJwkSecurity) {
            return set(Setting.DISABLE_JWK_SECURITY, disableJwkSecurity);
        }

        public Builder full(boolean full) {
            return set(Setting.FULL, full);
        }

        /** See {@link SignerConfig#requireKeysToSign()}. */
        public Builder requireKeysToSign(boolean requireKeysToSign) {
            return set(Setting.REQUIRE_KEYS_TO_SIGN, requireKeysToSign);
        }

        public Builder jwkFingerprints(List<String> jwkFingerprints) {
            return set(Setting.JWK_FINGERPRINTS, jwkFingerprints);
        }

        public Builder cipherSuites(List<Integer> cipherSuites) {
            return set(Setting.CIPHER_SUITES, cipherSuites);
        }

        public Builder jwkLocalCa(String jwkLocalCa) {
            return set(Setting.JWK_LOCAL_CA, jwkLocalCa);
        }

        public Builder typ(String typ) {
            return set(Setting.TYP, typ);
        }

        public Builder leeway(String leeway) {
            return set(Setting.LEEWAY, leeway);
        }

        /** KrakenD's encrypted JWK files; not supported yet, so setting it makes {@link #build()} fail. */
        public Builder secretUrl(String secretUrl) {
            return set(Setting.SECRET_URL, secretUrl);
        }

        /** KrakenD's encrypted JWK files; not supported yet, so setting it makes {@link #build()} fail. */
        public Builder cypherKey(String cypherKey) {
            return set(Setting.CYPHER_KEY, cypherKey);
        }

        public Builder maxBodyBytes(int maxBodyBytes) {
            return set(Setting.MAX_BODY_BYTES, maxBodyBytes);
        }

        /** Seconds between two fetches of {@code jwk_url}; positive. */
        public Builder cacheDuration(int seconds) {
            return set(Setting.CACHE_DURATION, seconds);
        }

        public Builder jwkConnectTimeout(Duration jwkConnectTimeout) {
            return set(Setting.JWK_CONNECT_TIMEOUT, jwkConnectTimeout);
        }

        public Builder jwkReadTimeout(Duration jwkReadTimeout) {
            return set(Setting.JWK_READ_TIMEOUT, jwkReadTimeout);
        }

        /** The deadline for one whole fetch of {@code jwk_url}, however slowly the server sends; positive. */
        public Builder jwkFetchTimeout(Duration jwkFetchTimeout) {
            return set(Setting.JWK_FETCH_TIMEOUT, jwkFetchTimeout);
        }

        public Builder jwkMaxBytes(int jwkMaxBytes) {
            return set(Setting.JWK_MAX_BYTES, jwkMaxBytes);
        }

        /** Zero turns the check off; otherwise at least 100 ms. */
        public Builder jwkLocalCheckInterval(Duration jwkLocalCheckInterval) {
            return set(Setting.JWK_LOCAL_CHECK_INTERVAL, jwkLocalCheckInterval);
        }

        /** A PEM file with one unencrypted private key; found the way {@link #jwkLocalPath} is. */
        public Builder pemLocalPath(String pemLocalPath) {
            return set(Setting.PEM_LOCAL_PATH, pemLocalPath);
        }

        /** A PKCS#12 or JKS keystore file; found the way {@link #jwkLocalPath} is. */
        public Builder keystorePath(String keystorePath) {
            return set(Setting.KEYSTORE_PATH, keystorePath);
        }

        /** {@code PKCS12} or {@code JKS}, in any case; by default from the file name. */
        public Builder keystoreType(String keystoreType) {
            return set(Setting.KEYSTORE_TYPE, keystoreType);
        }

        public Builder keystorePassword(String keystorePassword) {
            return set(Setting.KEYSTORE_PASSWORD, keystorePassword);
        }

        public Builder keystoreAlias(String keystoreAlias) {
            return set(Setting.KEYSTORE_ALIAS, keystoreAlias);
        }

        /** Only when the key entry's password differs from {@code keystore_password}. */
        public Builder keyPassword(String keyPassword) {
            return set(Setting.KEY_PASSWORD, keyPassword);
        }

        /**
         * {@code ACCP}, a registered provider's name, or a Provider class name; see
         * {@link Setting#SIGNATURE_PROVIDER}.
         */
        public Builder signatureProvider(String signatureProvider) {
            return set(Setting.SIGNATURE_PROVIDER, signatureProvider);
        }

        /**
         * Validates every setting and reports all problems in one exception.
         *
         * @throws InvalidConfigurationException naming each problem and its value
         */
        public SignerConfig build() {
            Problems problems = new Problems();
            SignerConfig config = build(problems);
            problems.throwIfAny();
            return config;
        }

        /**
         * Validates every setting, adding each problem to {@code problems} (except those about a setting it
         * marks as refused).
         *
         * @return the configuration, or null when there was any problem, before or now
         */
        public SignerConfig build(Problems problems) {
            SigningAlgorithm algorithm = SignerConfigChecks.algorithm(this, problems);
            List<String> entries = SignerConfigChecks.keysToSign(this, problems);
            Setting sourceSetting = SignerConfigChecks.check(this, problems);
            if (!problems.isEmpty()) {
                return null;
            }
            return new SignerConfig(this, algorithm, entries, SignerConfigChecks.keySource(this, sourceSetting));
        }
    }
}
