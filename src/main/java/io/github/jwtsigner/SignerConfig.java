package io.github.jwtsigner;

import io.github.jwtsigner.internal.json.JsonPointer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The signer's settings, validated once: the names and meanings of KrakenD's {@code auth/signer} plus a few of
 * our own. Built by {@link #builder()}, from web.xml init-params, or from a KrakenD JSON file; all three give
 * the same object.
 *
 * <p>Every value read from init-params or a KrakenD file may come from {@code ${env:NAME}} or
 * {@code ${sys:name}} placeholders, expanded by the readers before this object is built.
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows settings, never key material (there is none here:
 * keys are loaded from the places these settings name) and never a password.
 */
public final class SignerConfig {
    // Setting names, exactly as in KrakenD's auth/signer (and our own additions, marked).
    public static final String ALG = "alg";
    public static final String KID = "kid";
    public static final String KEYS_TO_SIGN = "keys_to_sign";
    /** Our own: a {@code keys_to_sign} member missing from a response to sign fails it closed. */
    public static final String REQUIRE_KEYS_TO_SIGN = "require_keys_to_sign";
    public static final String JWK_LOCAL_PATH = "jwk_local_path";
    public static final String JWK_URL = "jwk_url";
    public static final String DISABLE_JWK_SECURITY = "disable_jwk_security";
    public static final String FULL = "full";
    public static final String JWK_FINGERPRINTS = "jwk_fingerprints";
    public static final String CIPHER_SUITES = "cipher_suites";
    public static final String JWK_LOCAL_CA = "jwk_local_ca";
    public static final String TYP = "typ";
    public static final String LEEWAY = "leeway";
    public static final String SECRET_URL = "secret_url";
    public static final String CYPHER_KEY = "cypher_key";
    /** Our own: the most bytes of one response the filter buffers. */
    public static final String MAX_BODY_BYTES = "max_body_bytes";
    /** Our own: seconds between two fetches of {@code jwk_url}. */
    public static final String CACHE_DURATION = "cache_duration";
    /** Our own: the longest wait for the TCP connection to the {@code jwk_url} server (Go duration). */
    public static final String JWK_CONNECT_TIMEOUT = "jwk_connect_timeout";
    /** Our own: the longest wait for any one read from the {@code jwk_url} server (Go duration). */
    public static final String JWK_READ_TIMEOUT = "jwk_read_timeout";
    /** Our own: the longest one whole fetch from the {@code jwk_url} server may take (Go duration). */
    public static final String JWK_FETCH_TIMEOUT = "jwk_fetch_timeout";
    /** Our own: the largest JWK Set body accepted from {@code jwk_url}. */
    public static final String JWK_MAX_BYTES = "jwk_max_bytes";
    /** Our own: how often {@code jwk_local_path} is checked for changes (Go duration; {@code 0s}: never). */
    public static final String JWK_LOCAL_CHECK_INTERVAL = "jwk_local_check_interval";
    /** Our own: a PEM file with one private key. */
    public static final String PEM_LOCAL_PATH = "pem_local_path";
    /** Our own: a PKCS#12 or JKS keystore file. */
    public static final String KEYSTORE_PATH = "keystore_path";
    /** Our own: {@code PKCS12} or {@code JKS}. */
    public static final String KEYSTORE_TYPE = "keystore_type";
    /** Our own, secret: the keystore's password. */
    public static final String KEYSTORE_PASSWORD = "keystore_password";
    /** Our own: the alias of the key entry in the keystore. */
    public static final String KEYSTORE_ALIAS = "keystore_alias";
    /** Our own, secret: the key entry's password, when it differs from the keystore's. */
    public static final String KEY_PASSWORD = "key_password";
    /**
     * Our own: a faster signature provider for RS*, PS*, ES* and EdDSA, used only by the signer and never
     * installed into the JVM: {@code ACCP} (Amazon Corretto Crypto Provider), a registered provider's name
     * ({@code SunEC} for the JDK's own Ed25519), or a Provider class name. Falls back to the JDK with a WARNING
     * where it cannot be loaded. Unset: java-jwt on the JDK's providers; for EdDSA this library's Ed25519.
     */
    public static final String SIGNATURE_PROVIDER = "signature_provider";

    /** Every setting name the configuration accepts, in documentation order. */
    public static final List<String> SETTING_NAMES = List.of(ALG, KID, KEYS_TO_SIGN, REQUIRE_KEYS_TO_SIGN,
            JWK_LOCAL_PATH, JWK_URL,
            DISABLE_JWK_SECURITY, FULL, JWK_FINGERPRINTS, CIPHER_SUITES, JWK_LOCAL_CA, TYP, LEEWAY, SECRET_URL,
            CYPHER_KEY, MAX_BODY_BYTES, CACHE_DURATION, JWK_CONNECT_TIMEOUT, JWK_READ_TIMEOUT, JWK_FETCH_TIMEOUT,
            JWK_MAX_BYTES, JWK_LOCAL_CHECK_INTERVAL, PEM_LOCAL_PATH, KEYSTORE_PATH, KEYSTORE_TYPE, KEYSTORE_PASSWORD,
            KEYSTORE_ALIAS, KEY_PASSWORD, SIGNATURE_PROVIDER);

    public static final String DEFAULT_TYP = "JWT";
    public static final int DEFAULT_MAX_BODY_BYTES = 1_048_576;
    /** Seconds; KrakenD's JWK cache default. */
    public static final int DEFAULT_CACHE_DURATION = 900;
    public static final Duration DEFAULT_JWK_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_JWK_READ_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_JWK_FETCH_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_JWK_MAX_BYTES = 1_048_576;
    public static final Duration DEFAULT_JWK_LOCAL_CHECK_INTERVAL = Duration.ofSeconds(5);
    public static final String KEYSTORE_TYPE_PKCS12 = "PKCS12";
    public static final String KEYSTORE_TYPE_JKS = "JKS";
    /** TLS 1.2 ECDHE AES-GCM and ChaCha20 suites, then the TLS 1.3 suites (IANA ids). */
    public static final List<Integer> DEFAULT_CIPHER_SUITES =
            List.of(49199, 49195, 49200, 49196, 52392, 52393, 4865, 4866, 4867);

    private final SigningAlgorithm alg;
    private final String kid;
    private final List<String> keysToSign;
    private final String jwkLocalPath;
    private final String jwkUrl;
    private final boolean disableJwkSecurity;
    private final boolean full;
    private final boolean requireKeysToSign;
    private final List<String> jwkFingerprints;
    private final List<Integer> cipherSuites;
    private final String jwkLocalCa;
    private final String typ;
    private final String leeway;
    private final int maxBodyBytes;
    private final KeySourceType keySourceType;
    private final int cacheDuration;
    private final Duration jwkConnectTimeout;
    private final Duration jwkReadTimeout;
    private final Duration jwkFetchTimeout;
    private final int jwkMaxBytes;
    private final Duration jwkLocalCheckInterval;
    private final String pemLocalPath;
    private final String keystorePath;
    private final String keystoreType;
    private final String keystorePassword;
    private final String keystoreAlias;
    private final String keyPassword;
    private final String signatureProvider;

    private SignerConfig(Builder b, SigningAlgorithm alg, List<String> keysToSign, KeySourceType type) {
        this.alg = alg;
        this.kid = b.kid == null || b.kid.isEmpty() ? null : b.kid;
        this.keysToSign = keysToSign;
        this.jwkLocalPath = blankToNull(b.jwkLocalPath);
        this.jwkUrl = blankToNull(b.jwkUrl);
        this.disableJwkSecurity = b.disableJwkSecurity;
        this.full = b.full;
        this.requireKeysToSign = b.requireKeysToSign;
        this.jwkFingerprints = List.copyOf(b.jwkFingerprints);
        this.cipherSuites = b.cipherSuites == null ? DEFAULT_CIPHER_SUITES : List.copyOf(b.cipherSuites);
        this.jwkLocalCa = blankToNull(b.jwkLocalCa);
        this.typ = b.typ;
        this.leeway = b.leeway;
        this.maxBodyBytes = b.maxBodyBytes;
        this.keySourceType = type;
        this.cacheDuration = b.cacheDuration;
        this.jwkConnectTimeout = b.jwkConnectTimeout;
        this.jwkReadTimeout = b.jwkReadTimeout;
        this.jwkFetchTimeout = b.jwkFetchTimeout;
        this.jwkMaxBytes = b.jwkMaxBytes;
        this.jwkLocalCheckInterval = b.jwkLocalCheckInterval;
        this.pemLocalPath = blankToNull(b.pemLocalPath);
        this.keystorePath = blankToNull(b.keystorePath);
        this.keystoreType = keystorePath == null ? null : KeySourceRules.keystoreType(b.keystoreType, keystorePath);
        this.keystorePassword = b.keystorePassword;
        this.keystoreAlias = blankToNull(b.keystoreAlias);
        this.keyPassword = b.keyPassword;
        this.signatureProvider = blankToNull(b.signatureProvider);
    }

    /** Where the signing key comes from: exactly one of these is set. */
    public enum KeySourceType {
        /** {@code jwk_local_path}: a JWK Set file, reloaded when it changes. */
        JWK_LOCAL_PATH,
        /** {@code jwk_url}: a JWK Set fetched every {@code cache_duration} seconds. */
        JWK_URL,
        /** {@code pem_local_path}: one private key in a PEM file, loaded once. */
        PEM_LOCAL_PATH,
        /** {@code keystore_path}: one key entry of a PKCS#12 or JKS keystore, loaded once. */
        KEYSTORE_PATH
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

    public Optional<String> jwkLocalPath() {
        return Optional.ofNullable(jwkLocalPath);
    }

    public Optional<String> jwkUrl() {
        return Optional.ofNullable(jwkUrl);
    }

    public boolean disableJwkSecurity() {
        return disableJwkSecurity;
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

    public List<String> jwkFingerprints() {
        return jwkFingerprints;
    }

    /** IANA cipher suite ids for {@code jwk_url}; {@link #DEFAULT_CIPHER_SUITES} unless set. */
    public List<Integer> cipherSuites() {
        return cipherSuites;
    }

    public Optional<String> jwkLocalCa() {
        return Optional.ofNullable(jwkLocalCa);
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

    public KeySourceType keySourceType() {
        return keySourceType;
    }

    /** Seconds between two fetches of {@code jwk_url}; {@link #DEFAULT_CACHE_DURATION} unless set. */
    public int cacheDuration() {
        return cacheDuration;
    }

    public Duration jwkConnectTimeout() {
        return jwkConnectTimeout;
    }

    public Duration jwkReadTimeout() {
        return jwkReadTimeout;
    }

    /** The deadline for one whole fetch of {@code jwk_url}; {@link #DEFAULT_JWK_FETCH_TIMEOUT} unless set. */
    public Duration jwkFetchTimeout() {
        return jwkFetchTimeout;
    }

    public int jwkMaxBytes() {
        return jwkMaxBytes;
    }

    /** How often {@code jwk_local_path} is checked for changes; zero when it is never checked. */
    public Duration jwkLocalCheckInterval() {
        return jwkLocalCheckInterval;
    }

    public Optional<String> pemLocalPath() {
        return Optional.ofNullable(pemLocalPath);
    }

    public Optional<String> keystorePath() {
        return Optional.ofNullable(keystorePath);
    }

    /** {@code PKCS12} or {@code JKS}: as set, else {@code JKS} for a {@code .jks} file, else {@code PKCS12}. */
    public Optional<String> keystoreType() {
        return Optional.ofNullable(keystoreType);
    }

    /** A secret: never log it. */
    public Optional<String> keystorePassword() {
        return Optional.ofNullable(keystorePassword);
    }

    public Optional<String> keystoreAlias() {
        return Optional.ofNullable(keystoreAlias);
    }

    /** A secret: never log it. When it is not set, {@link #keystorePassword()} opens the key entry too. */
    public Optional<String> keyPassword() {
        return Optional.ofNullable(keyPassword);
    }

    /** The opt-in signature provider's name; empty for the JDK's providers. */
    public Optional<String> signatureProvider() {
        return Optional.ofNullable(signatureProvider);
    }

    /**
     * Where the key comes from, for log lines: the setting and its path or URL (a password in the URL replaced
     * by {@code ***}), never the key.
     */
    public String keySource() {
        return switch (keySourceType) {
            case JWK_LOCAL_PATH -> JWK_LOCAL_PATH + " [" + jwkLocalPath + "]";
            case JWK_URL -> JWK_URL + " [" + KeySourceRules.redactUserInfo(jwkUrl) + "]";
            case PEM_LOCAL_PATH -> PEM_LOCAL_PATH + " [" + pemLocalPath + "]";
            case KEYSTORE_PATH -> KEYSTORE_PATH + " [" + keystorePath + "] (" + KEYSTORE_TYPE + " " + keystoreType
                    + ", " + KEYSTORE_ALIAS + " [" + keystoreAlias + "])";
        };
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SignerConfig{alg=").append(alg).append(", kid=").append(kid)
                .append(", keys_to_sign=").append(keysToSign).append(", ").append(keySource())
                .append(", full=").append(full).append(", typ=").append(typ)
                .append(", max_body_bytes=").append(maxBodyBytes);
        if (signatureProvider != null) {
            sb.append(", ").append(SIGNATURE_PROVIDER).append('=').append(signatureProvider);
        }
        if (keySourceType == KeySourceType.JWK_URL) {
            sb.append(", ").append(CACHE_DURATION).append('=').append(cacheDuration)
                    .append(", ").append(JWK_CONNECT_TIMEOUT).append('=').append(KeySourceRules.show(jwkConnectTimeout))
                    .append(", ").append(JWK_READ_TIMEOUT).append('=').append(KeySourceRules.show(jwkReadTimeout))
                    .append(", ").append(JWK_FETCH_TIMEOUT).append('=').append(KeySourceRules.show(jwkFetchTimeout))
                    .append(", ").append(JWK_MAX_BYTES).append('=').append(jwkMaxBytes);
        } else if (keySourceType == KeySourceType.JWK_LOCAL_PATH) {
            sb.append(", ").append(JWK_LOCAL_CHECK_INTERVAL).append('=')
                    .append(KeySourceRules.show(jwkLocalCheckInterval));
        }
        return sb.append('}').toString();
    }

    /**
     * Collects settings; {@link #build()} validates them all at once.
     *
     * <p>One instance per configuration; not thread-safe.
     */
    public static final class Builder {
        // Package-private where KeySourceRules reads them.
        private String alg;
        private String kid;
        private List<String> keysToSign = List.of();
        String jwkLocalPath;
        String jwkUrl;
        private boolean disableJwkSecurity;
        private boolean full;
        private boolean requireKeysToSign;
        private List<String> jwkFingerprints = List.of();
        private List<Integer> cipherSuites;
        private String jwkLocalCa;
        private String typ = DEFAULT_TYP;
        private String leeway;
        private String secretUrl;
        private String cypherKey;
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        int cacheDuration = DEFAULT_CACHE_DURATION;
        Duration jwkConnectTimeout = DEFAULT_JWK_CONNECT_TIMEOUT;
        Duration jwkReadTimeout = DEFAULT_JWK_READ_TIMEOUT;
        Duration jwkFetchTimeout = DEFAULT_JWK_FETCH_TIMEOUT;
        int jwkMaxBytes = DEFAULT_JWK_MAX_BYTES;
        Duration jwkLocalCheckInterval = DEFAULT_JWK_LOCAL_CHECK_INTERVAL;
        String pemLocalPath;
        String keystorePath;
        String keystoreType;
        String keystorePassword;
        String keystoreAlias;
        String keyPassword;
        String signatureProvider;

        private Builder() {
        }

        public Builder alg(SigningAlgorithm alg) {
            this.alg = alg == null ? null : alg.jwaName();
            return this;
        }

        /** The JWA name, such as {@code HS256}; checked by {@link #build()}. */
        public Builder alg(String alg) {
            this.alg = alg;
            return this;
        }

        /**
         * Required with {@code pem_local_path} and {@code keystore_path}; may be left out with a JWK Set source,
         * which then signs with the set's first key that fits {@code alg}, under that key's own kid.
         */
        public Builder kid(String kid) {
            this.kid = kid;
            return this;
        }

        public Builder keysToSign(String... keysToSign) {
            return keysToSign(Arrays.asList(keysToSign));
        }

        public Builder keysToSign(List<String> keysToSign) {
            this.keysToSign = new ArrayList<>(keysToSign);
            return this;
        }

        /**
         * A JWK Set file. In the servlet filter: an absolute path is a file, {@code classpath:x} a classpath
         * resource, anything else first a webapp resource, then a file relative to the working directory.
         */
        public Builder jwkLocalPath(String jwkLocalPath) {
            this.jwkLocalPath = jwkLocalPath;
            return this;
        }

        public Builder jwkUrl(String jwkUrl) {
            this.jwkUrl = jwkUrl;
            return this;
        }

        public Builder disableJwkSecurity(boolean disableJwkSecurity) {
            this.disableJwkSecurity = disableJwkSecurity;
            return this;
        }

        public Builder full(boolean full) {
            this.full = full;
            return this;
        }

        /** See {@link SignerConfig#requireKeysToSign()}. */
        public Builder requireKeysToSign(boolean requireKeysToSign) {
            this.requireKeysToSign = requireKeysToSign;
            return this;
        }

        public Builder jwkFingerprints(List<String> jwkFingerprints) {
            this.jwkFingerprints = new ArrayList<>(jwkFingerprints);
            return this;
        }

        public Builder cipherSuites(List<Integer> cipherSuites) {
            this.cipherSuites = new ArrayList<>(cipherSuites);
            return this;
        }

        public Builder jwkLocalCa(String jwkLocalCa) {
            this.jwkLocalCa = jwkLocalCa;
            return this;
        }

        public Builder typ(String typ) {
            this.typ = typ;
            return this;
        }

        public Builder leeway(String leeway) {
            this.leeway = leeway;
            return this;
        }

        /** KrakenD's encrypted JWK files; not supported yet, so setting it makes {@link #build()} fail. */
        public Builder secretUrl(String secretUrl) {
            this.secretUrl = secretUrl;
            return this;
        }

        /** KrakenD's encrypted JWK files; not supported yet, so setting it makes {@link #build()} fail. */
        public Builder cypherKey(String cypherKey) {
            this.cypherKey = cypherKey;
            return this;
        }

        public Builder maxBodyBytes(int maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        /** Seconds between two fetches of {@code jwk_url}; positive. */
        public Builder cacheDuration(int seconds) {
            this.cacheDuration = seconds;
            return this;
        }

        public Builder jwkConnectTimeout(Duration jwkConnectTimeout) {
            this.jwkConnectTimeout = jwkConnectTimeout;
            return this;
        }

        public Builder jwkReadTimeout(Duration jwkReadTimeout) {
            this.jwkReadTimeout = jwkReadTimeout;
            return this;
        }

        /** The deadline for one whole fetch of {@code jwk_url}, however slowly the server sends; positive. */
        public Builder jwkFetchTimeout(Duration jwkFetchTimeout) {
            this.jwkFetchTimeout = jwkFetchTimeout;
            return this;
        }

        public Builder jwkMaxBytes(int jwkMaxBytes) {
            this.jwkMaxBytes = jwkMaxBytes;
            return this;
        }

        /** Zero turns the check off; otherwise at least 100 ms. */
        public Builder jwkLocalCheckInterval(Duration jwkLocalCheckInterval) {
            this.jwkLocalCheckInterval = jwkLocalCheckInterval;
            return this;
        }

        /** A PEM file with one unencrypted private key; found the way {@link #jwkLocalPath} is. */
        public Builder pemLocalPath(String pemLocalPath) {
            this.pemLocalPath = pemLocalPath;
            return this;
        }

        /** A PKCS#12 or JKS keystore file; found the way {@link #jwkLocalPath} is. */
        public Builder keystorePath(String keystorePath) {
            this.keystorePath = keystorePath;
            return this;
        }

        /** {@code PKCS12} or {@code JKS}, in any case; by default from the file name. */
        public Builder keystoreType(String keystoreType) {
            this.keystoreType = keystoreType;
            return this;
        }

        public Builder keystorePassword(String keystorePassword) {
            this.keystorePassword = keystorePassword;
            return this;
        }

        public Builder keystoreAlias(String keystoreAlias) {
            this.keystoreAlias = keystoreAlias;
            return this;
        }

        /** Only when the key entry's password differs from {@code keystore_password}. */
        /** {@code ACCP}, a registered provider's name, or a Provider class name; see {@link #SIGNATURE_PROVIDER}. */
        public Builder signatureProvider(String signatureProvider) {
            this.signatureProvider = signatureProvider;
            return this;
        }

        public Builder keyPassword(String keyPassword) {
            this.keyPassword = keyPassword;
            return this;
        }

        /**
         * Validates every setting and reports all problems in one exception.
         *
         * @throws InvalidConfigurationException naming each problem and its value
         */
        public SignerConfig build() {
            List<String> problems = new ArrayList<>();
            SigningAlgorithm algorithm = null;
            if (alg == null || alg.isBlank()) {
                problems.add(ALG + " is required; expected one of " + SigningAlgorithm.jwaNames());
            } else {
                algorithm = SigningAlgorithm.fromJwaName(alg).orElse(null);
                if (algorithm == null) {
                    problems.add(ALG + " [" + alg + "] is not supported; expected one of "
                            + SigningAlgorithm.jwaNames());
                }
            }
            List<JsonPointer> pointers = new ArrayList<>();
            if (keysToSign.isEmpty()) {
                problems.add(KEYS_TO_SIGN + " is required; expected at least one member name, such as"
                        + " [access_token]");
            }
            for (String entry : keysToSign) {
                try {
                    JsonPointer p = JsonPointer.parse(entry);
                    if (pointers.contains(p)) {
                        problems.add(KEYS_TO_SIGN + " lists [" + entry + "] twice");
                    } else {
                        pointers.add(p);
                    }
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage());
                }
            }
            checkPrefixes(pointers, problems);
            if (secretUrl != null) {
                problems.add(SECRET_URL + " [" + secretUrl + "] is not supported yet (KrakenD's encrypted JWK"
                        + " files); expected " + JWK_LOCAL_PATH + " or " + JWK_URL + " with a plain JWK Set");
            }
            if (cypherKey != null) {
                // The value may be a secret: never echo it.
                problems.add(CYPHER_KEY + " is not supported yet (KrakenD's encrypted JWK files); expected "
                        + JWK_LOCAL_PATH + " or " + JWK_URL + " with a plain JWK Set");
            }
            KeySourceType sourceType = KeySourceRules.checkSource(this, problems);
            if ((kid == null || kid.isEmpty()) && (sourceType == KeySourceType.PEM_LOCAL_PATH
                    || sourceType == KeySourceType.KEYSTORE_PATH)) {
                problems.add(KID + " is required with " + (sourceType == KeySourceType.PEM_LOCAL_PATH
                        ? PEM_LOCAL_PATH : KEYSTORE_PATH) + ": it is written into the token header; only a JWK"
                        + " Set source may leave it out");
            }
            if (typ == null || typ.isEmpty()) {
                problems.add(TYP + " is empty; expected a header type such as [" + DEFAULT_TYP + "]");
            }
            if (maxBodyBytes <= 0) {
                problems.add(MAX_BODY_BYTES + " [" + maxBodyBytes + "] must be positive; the default is "
                        + DEFAULT_MAX_BODY_BYTES);
            }
            if (cipherSuites != null && cipherSuites.isEmpty()) {
                problems.add(CIPHER_SUITES + " is an empty list; leave it out for the defaults "
                        + DEFAULT_CIPHER_SUITES);
            }
            for (String fp : jwkFingerprints) {
                if (!isBase64Sha256(fp)) {
                    problems.add(JWK_FINGERPRINTS + " entry [" + fp + "] is not a base64url SHA-256 digest;"
                            + " expected 44 characters such as [" + "A".repeat(43) + "=]");
                }
            }
            KeySourceRules.checkLimits(this, problems);
            if (!problems.isEmpty()) {
                throw new InvalidConfigurationException(problems);
            }
            return new SignerConfig(this, algorithm, pointers.stream().map(JsonPointer::toString).toList(), sourceType);
        }

        /** One entry pointing inside another would sign a member of an already-signed token. */
        private static void checkPrefixes(List<JsonPointer> pointers, List<String> problems) {
            for (JsonPointer outer : pointers) {
                for (JsonPointer inner : pointers) {
                    if (outer != inner && inner.tokens().size() > outer.tokens().size()
                            && inner.tokens().subList(0, outer.tokens().size()).equals(outer.tokens())) {
                        problems.add(KEYS_TO_SIGN + " entry [" + inner + "] lies inside [" + outer
                                + "], which is signed as a whole; expected entries that do not nest");
                    }
                }
            }
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
