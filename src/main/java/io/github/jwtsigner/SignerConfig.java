package io.github.jwtsigner;

import io.github.jwtsigner.internal.json.JsonPointer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
        this.signatureProvider = blankToNull(b.text(Setting.SIGNATURE_PROVIDER));
        this.keySource = keySource;
        for (Setting s : Setting.values()) {
            if (s.scope() != Setting.Scope.FILTER && b.value(s) != null) {
                values.put(s, b.value(s));
            }
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
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
     * other than {@link #keySource()} is kept here, though nothing uses it.
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
                    .append(", ").append(Setting.JWK_CONNECT_TIMEOUT).append('=').append(show(u.connectTimeout()))
                    .append(", ").append(Setting.JWK_READ_TIMEOUT).append('=').append(show(u.readTimeout()))
                    .append(", ").append(Setting.JWK_FETCH_TIMEOUT).append('=').append(show(u.fetchTimeout()))
                    .append(", ").append(Setting.JWK_MAX_BYTES).append('=').append(u.maxBytes());
        } else if (keySource instanceof KeySource.JwkFile f) {
            sb.append(", ").append(Setting.JWK_LOCAL_CHECK_INTERVAL).append('=').append(show(f.checkInterval()));
        }
        return sb.append('}').toString();
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

    /**
     * Collects settings; {@link #build()} validates them all at once. Each setter is {@link #set} for one
     * {@link Setting}; a setting never set has its {@link Setting#defaultValue()}.
     *
     * <p>One instance per configuration; not thread-safe.
     */
    public static final class Builder {
        private final Map<Setting, Object> values = new EnumMap<>(Setting.class);

        private Builder() {
        }

        /**
         * Sets one setting, as the init-param and KrakenD JSON readers do.
         *
         * @param value of the Java type {@link Setting#kind()} stands for (String, Boolean, Integer, Duration, or
         *     a List of String or Integer), or null
         * @throws IllegalArgumentException when the value does not fit the setting, or the setting is not one a
         *     configuration holds ({@link Setting.Scope#FILTER})
         */
        public Builder set(Setting setting, Object value) {
            if (setting.scope() == Setting.Scope.FILTER) {
                throw new IllegalArgumentException(setting + " is an init-param of the filter, not a setting of"
                        + " the configuration");
            }
            if (value != null && !setting.kind().fits(value)) {
                throw new IllegalArgumentException(setting + " takes " + setting.kind().description() + ", not a "
                        + value.getClass().getSimpleName());
            }
            values.put(setting, value instanceof List<?> list ? List.copyOf(list) : value);
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
            SigningAlgorithm algorithm = algorithm(problems);
            List<String> entries = keysToSign(problems);
            String secretUrl = text(Setting.SECRET_URL);
            if (secretUrl != null) {
                problems.add(Setting.SECRET_URL + " [" + secretUrl + "] is not supported yet (KrakenD's encrypted"
                        + " JWK files); expected " + Setting.JWK_LOCAL_PATH + " or " + Setting.JWK_URL
                        + " with a plain JWK Set", Setting.SECRET_URL, Setting.JWK_LOCAL_PATH, Setting.JWK_URL);
            }
            if (text(Setting.CYPHER_KEY) != null) {
                // The value may be a secret: never echo it.
                problems.add(Setting.CYPHER_KEY + " is not supported yet (KrakenD's encrypted JWK files); expected "
                        + Setting.JWK_LOCAL_PATH + " or " + Setting.JWK_URL + " with a plain JWK Set",
                        Setting.CYPHER_KEY, Setting.JWK_LOCAL_PATH, Setting.JWK_URL);
            }
            Setting sourceSetting = sourceSetting(problems);
            KeySource.KeyStoreEntry.check(this, problems);
            String k = text(Setting.KID);
            if ((k == null || k.isEmpty())
                    && (sourceSetting == Setting.PEM_LOCAL_PATH || sourceSetting == Setting.KEYSTORE_PATH)) {
                problems.add(Setting.KID + " is required with " + sourceSetting + ": it is written into the token"
                        + " header; only a JWK Set source may leave it out", Setting.KID, sourceSetting);
            }
            String t = text(Setting.TYP);
            if (t == null || t.isEmpty()) {
                problems.add(Setting.TYP + " is empty; expected a header type such as ["
                        + Setting.TYP.defaultValue() + "]", Setting.TYP);
            }
            int maxBodyBytes = (Integer) value(Setting.MAX_BODY_BYTES);
            if (maxBodyBytes <= 0) {
                problems.add(Setting.MAX_BODY_BYTES + " [" + maxBodyBytes + "] must be positive; the default is "
                        + Setting.MAX_BODY_BYTES.defaultValue(), Setting.MAX_BODY_BYTES);
            }
            if (list(Setting.CIPHER_SUITES).isEmpty()) {
                problems.add(Setting.CIPHER_SUITES + " is an empty list; leave it out for the defaults "
                        + Setting.CIPHER_SUITES.defaultValue(), Setting.CIPHER_SUITES);
            }
            for (String fp : this.<String>list(Setting.JWK_FINGERPRINTS)) {
                if (!isBase64Sha256(fp)) {
                    problems.add(Setting.JWK_FINGERPRINTS + " entry [" + fp + "] is not a base64url SHA-256"
                            + " digest; expected 44 characters such as [" + "A".repeat(43) + "=]",
                            Setting.JWK_FINGERPRINTS);
                }
            }
            KeySource.JwkUrl.checkLimits(this, problems);
            KeySource.JwkFile.checkInterval((Duration) value(Setting.JWK_LOCAL_CHECK_INTERVAL), problems);
            if (!problems.isEmpty()) {
                return null;
            }
            return new SignerConfig(this, algorithm, entries, keySource(sourceSetting));
        }

        private SigningAlgorithm algorithm(Problems problems) {
            String alg = text(Setting.ALG);
            if (alg == null || alg.isBlank()) {
                problems.add(Setting.ALG + " is required; expected one of " + SigningAlgorithm.jwaNames(),
                        Setting.ALG);
                return null;
            }
            SigningAlgorithm algorithm = SigningAlgorithm.fromJwaName(alg).orElse(null);
            if (algorithm == null) {
                problems.add(Setting.ALG + " [" + alg + "] is not supported; expected one of "
                        + SigningAlgorithm.jwaNames(), Setting.ALG);
            }
            return algorithm;
        }

        /** The entries as configured, each checked; one inside another is refused. */
        private List<String> keysToSign(Problems problems) {
            List<String> configured = list(Setting.KEYS_TO_SIGN);
            if (configured.isEmpty()) {
                problems.add(Setting.KEYS_TO_SIGN + " is required; expected at least one member name, such as"
                        + " [access_token]", Setting.KEYS_TO_SIGN);
            }
            List<JsonPointer> pointers = new ArrayList<>();
            for (String entry : configured) {
                try {
                    JsonPointer p = JsonPointer.parse(entry);
                    if (pointers.contains(p)) {
                        problems.add(Setting.KEYS_TO_SIGN + " lists [" + entry + "] twice", Setting.KEYS_TO_SIGN);
                    } else {
                        pointers.add(p);
                    }
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage(), Setting.KEYS_TO_SIGN);
                }
            }
            for (JsonPointer outer : pointers) {
                for (JsonPointer inner : pointers) {
                    if (outer != inner && inner.tokens().size() > outer.tokens().size()
                            && inner.tokens().subList(0, outer.tokens().size()).equals(outer.tokens())) {
                        problems.add(Setting.KEYS_TO_SIGN + " entry [" + inner + "] lies inside [" + outer
                                + "], which is signed as a whole; expected entries that do not nest",
                                Setting.KEYS_TO_SIGN);
                    }
                }
            }
            return pointers.stream().map(JsonPointer::toString).toList();
        }

        /** The one key source setting that is set; null after a problem. */
        private Setting sourceSetting(Problems problems) {
            Map<Setting, String> set = new LinkedHashMap<>();
            for (Setting s : List.of(Setting.JWK_LOCAL_PATH, Setting.JWK_URL, Setting.PEM_LOCAL_PATH,
                    Setting.KEYSTORE_PATH)) {
                String v = text(s);
                if (v != null && !v.isBlank()) {
                    set.put(s, s == Setting.JWK_URL ? KeySource.JwkUrl.redactUserInfo(v) : v);
                }
            }
            Setting[] all = {Setting.JWK_LOCAL_PATH, Setting.JWK_URL, Setting.PEM_LOCAL_PATH, Setting.KEYSTORE_PATH};
            if (set.isEmpty()) {
                problems.add("no key source: set one of " + Setting.JWK_LOCAL_PATH + " (a JWK Set file), "
                        + Setting.JWK_URL + " (a URL serving one), " + Setting.PEM_LOCAL_PATH
                        + " (a PEM private key) or " + Setting.KEYSTORE_PATH + " (a PKCS#12 or JKS keystore)", all);
                return null;
            }
            if (set.size() > 1) {
                List<String> named = new ArrayList<>();
                set.forEach((s, value) -> named.add(s + " [" + value + "]"));
                String list = set.size() == 2 ? "both " + named.get(0) + " and " + named.get(1) + " are set"
                        : String.join(", ", named.subList(0, named.size() - 1)) + " and "
                                + named.get(named.size() - 1) + " are all set";
                problems.add(list + "; expected exactly one key source", set.keySet().toArray(Setting[]::new));
                return null;
            }
            return set.keySet().iterator().next();
        }

        private KeySource keySource(Setting sourceSetting) {
            String path = text(sourceSetting);
            return switch (sourceSetting) {
                case JWK_LOCAL_PATH -> new KeySource.JwkFile(path, (Duration) value(Setting.JWK_LOCAL_CHECK_INTERVAL));
                case JWK_URL -> new KeySource.JwkUrl(path, flag(Setting.DISABLE_JWK_SECURITY),
                        list(Setting.JWK_FINGERPRINTS), list(Setting.CIPHER_SUITES),
                        blankToNull(text(Setting.JWK_LOCAL_CA)), (Integer) value(Setting.CACHE_DURATION),
                        (Duration) value(Setting.JWK_CONNECT_TIMEOUT), (Duration) value(Setting.JWK_READ_TIMEOUT),
                        (Duration) value(Setting.JWK_FETCH_TIMEOUT), (Integer) value(Setting.JWK_MAX_BYTES));
                case PEM_LOCAL_PATH -> new KeySource.PemFile(path);
                case KEYSTORE_PATH -> new KeySource.KeyStoreEntry(path,
                        KeySource.KeyStoreEntry.type(text(Setting.KEYSTORE_TYPE), path),
                        text(Setting.KEYSTORE_PASSWORD), blankToNull(text(Setting.KEYSTORE_ALIAS)),
                        text(Setting.KEY_PASSWORD));
                default -> throw new IllegalStateException("not a key source: " + sourceSetting);
            };
        }

        private static boolean isBase64Sha256(String s) {
            String t = Objects.requireNonNullElse(s, "");
            if (t.endsWith("=")) {
                t = t.substring(0, t.length() - 1);
            }
            if (t.length() != 43) {
                return false;
            }
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                        || c == '-' || c == '_' || c == '+' || c == '/';
                if (!ok) {
                    return false;
                }
            }
            return true;
        }
    }
}
