package io.github.jwtsigner;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every setting, the one list of them: the name as written in web.xml and in KrakenD JSON, the type of its
 * value, its default, whether it may hold a secret, and what it configures. The names and meanings are those
 * of KrakenD's {@code auth/signer} and {@code auth/validator}, plus a few of our own. {@link #toString()} is the name, so a message can
 * say {@code Setting.ALG + " is required"}.
 *
 * <p>Immutable and thread-safe.
 */
public enum Setting {
    ALG("alg", Kind.TEXT, null, Scope.SIGNER),
    KID("kid", Kind.TEXT, null, Scope.SIGNER),
    KEYS_TO_SIGN("keys_to_sign", Kind.TEXT_LIST, List.of(), Scope.SIGNER),
    /** Our own: a {@code keys_to_sign} member missing from a response to sign fails it closed. */
    REQUIRE_KEYS_TO_SIGN("require_keys_to_sign", Kind.FLAG, false, Scope.SIGNER),
    /** Our own: adds {@code iat}, now in whole seconds, to a claim set that has none. */
    ADD_IAT("add_iat", Kind.FLAG, false, Scope.SIGNER),
    /** Our own: adds {@code jti}, 128 random bits in base64url, to a claim set that has none. */
    ADD_JTI("add_jti", Kind.FLAG, false, Scope.SIGNER),
    /** Our own: adds {@code exp}, now plus this, in whole seconds, to a claim set that has none. */
    DEFAULT_TTL("default_ttl", Kind.DURATION, null, Scope.SIGNER),
    /** Our own: adds {@code iss} to a claim set that has none. */
    DEFAULT_ISSUER("default_issuer", Kind.TEXT, null, Scope.SIGNER),
    /** Our own: adds {@code aud} to a claim set that has none; one item as a string, more as an array. */
    DEFAULT_AUDIENCE("default_audience", Kind.TEXT_LIST, List.of(), Scope.SIGNER),
    /** Our own: a claim set whose {@code exp} is missing or further ahead than this is not signed. */
    MAX_TTL("max_ttl", Kind.DURATION, null, Scope.SIGNER),
    JWK_LOCAL_PATH("jwk_local_path", Kind.TEXT, null, Scope.KEYS),
    JWK_URL("jwk_url", Kind.TEXT, null, Scope.KEYS),
    DISABLE_JWK_SECURITY("disable_jwk_security", Kind.FLAG, false, Scope.KEYS),
    FULL("full", Kind.FLAG, false, Scope.SIGNER),
    JWK_FINGERPRINTS("jwk_fingerprints", Kind.TEXT_LIST, List.of(), Scope.KEYS),
    /** IANA ids; KrakenD reads them as Go uint16 values. TLS 1.2 ECDHE AES-GCM and ChaCha20, then TLS 1.3. */
    CIPHER_SUITES("cipher_suites", Kind.WHOLE_NUMBER_LIST,
            List.of(49199, 49195, 49200, 49196, 52392, 52393, 4865, 4866, 4867), Scope.KEYS, 0, 65_535,
            "an IANA cipher suite id from 0 to 65535, such as [49199]"),
    JWK_LOCAL_CA("jwk_local_ca", Kind.TEXT, null, Scope.KEYS),
    TYP("typ", Kind.TEXT, "JWT", Scope.SIGNER),
    /** Accepted for KrakenD compatibility; the signer does not use it. */
    LEEWAY("leeway", Kind.TEXT, null, Scope.SIGNER),
    /** KrakenD's encrypted JWK files: not supported yet. */
    SECRET_URL("secret_url", Kind.TEXT, null, Scope.KEYS),
    /** KrakenD's encrypted JWK files: not supported yet; a secret. */
    CYPHER_KEY("cypher_key", Kind.TEXT, null, Scope.KEYS),
    /** Our own: the most bytes of one response the filter buffers. Positivity is the builder's check. */
    MAX_BODY_BYTES("max_body_bytes", Kind.WHOLE_NUMBER, 1_048_576, Scope.SIGNER, Integer.MIN_VALUE,
            Integer.MAX_VALUE, "a whole number of bytes up to 2147483647, such as [1048576]"),
    /** Our own: seconds between two fetches of {@code jwk_url}; KrakenD's JWK cache default. */
    CACHE_DURATION("cache_duration", Kind.WHOLE_NUMBER, 900, Scope.KEYS, Integer.MIN_VALUE, Integer.MAX_VALUE,
            "a whole number of seconds up to 2147483647, such as [900]"),
    /** Our own: the longest wait for the TCP connection to the {@code jwk_url} server. */
    JWK_CONNECT_TIMEOUT("jwk_connect_timeout", Kind.DURATION, Duration.ofSeconds(5), Scope.KEYS),
    /** Our own: the longest wait for any one read from the {@code jwk_url} server. */
    JWK_READ_TIMEOUT("jwk_read_timeout", Kind.DURATION, Duration.ofSeconds(10), Scope.KEYS),
    /** Our own: the longest one whole fetch from the {@code jwk_url} server may take. */
    JWK_FETCH_TIMEOUT("jwk_fetch_timeout", Kind.DURATION, Duration.ofSeconds(30), Scope.KEYS),
    /** Our own: the largest JWK Set body accepted from {@code jwk_url}. */
    JWK_MAX_BYTES("jwk_max_bytes", Kind.WHOLE_NUMBER, 1_048_576, Scope.KEYS, Integer.MIN_VALUE, Integer.MAX_VALUE,
            "a whole number of bytes up to 2147483647, such as [1048576]"),
    /** Our own: how often {@code jwk_local_path} is checked for changes; {@code 0s}: never. */
    JWK_LOCAL_CHECK_INTERVAL("jwk_local_check_interval", Kind.DURATION, Duration.ofSeconds(5), Scope.KEYS),
    /** Our own: a PEM file with one private key; for the validator, a public key alone will do. */
    PEM_LOCAL_PATH("pem_local_path", Kind.TEXT, null, Scope.KEYS),
    /** Our own: a PKCS#12 or JKS keystore file. */
    KEYSTORE_PATH("keystore_path", Kind.TEXT, null, Scope.KEYS),
    /** Our own: {@code PKCS12} or {@code JKS}; by default from the file name. */
    KEYSTORE_TYPE("keystore_type", Kind.TEXT, null, Scope.KEYS),
    /** Our own, secret: the keystore's password. */
    KEYSTORE_PASSWORD("keystore_password", Kind.TEXT, null, Scope.KEYS),
    /** Our own: the alias of the key entry in the keystore. */
    KEYSTORE_ALIAS("keystore_alias", Kind.TEXT, null, Scope.KEYS),
    /** Our own, secret: the key entry's password, when it differs from the keystore's. */
    KEY_PASSWORD("key_password", Kind.TEXT, null, Scope.KEYS),
    /**
     * Our own: a faster signature provider for RS*, PS*, ES* and EdDSA, used only by the signer and never
     * installed into the JVM: {@code ACCP} (Amazon Corretto Crypto Provider), a registered provider's name
     * ({@code SunEC} for the JDK's own Ed25519), or a Provider class name. Falls back to the JDK with a WARNING
     * where it cannot be loaded. Unset: java-jwt on the JDK's providers; for EdDSA this library's Ed25519.
     */
    SIGNATURE_PROVIDER("signature_provider", Kind.TEXT, null, Scope.SIGNER),
    /** The filter's init-param naming a KrakenD JSON file that holds the other settings. */
    CONFIG("config", Kind.TEXT, null, Scope.FILTER),
    /** The filter's init-param: with a whole KrakenD configuration in {@code config}, the endpoint to take. */
    ENDPOINT("endpoint", Kind.TEXT, null, Scope.FILTER),
    /**
     * An init-param of every component, our own: {@code global} puts its figures into Micrometer's global
     * registry as well as JMX; {@code none}, the default, JMX alone.
     */
    METRICS("metrics", Kind.TEXT, "none", Scope.FILTER),
    /** The JWKS servlet's: the filter-name of the {@code JwtSignerFilter} whose key ring it publishes. */
    SIGNER_FILTER("signer", Kind.TEXT, null, Scope.JWKS),
    /** The JWKS servlet's: seconds a client may cache the JWK Set ({@code Cache-Control: max-age}). */
    MAX_AGE("max_age", Kind.WHOLE_NUMBER, 300, Scope.JWKS, Integer.MIN_VALUE, Integer.MAX_VALUE,
            "a whole number of seconds up to 2147483647, such as [300]"),
    /** The JWKS servlet's: how long a key that left the source stays published. */
    RETENTION("retention", Kind.DURATION, Duration.ofHours(1), Scope.JWKS),
    /** The validator's: every one of these must be in the token's {@code aud}. */
    AUDIENCE("audience", Kind.TEXT_LIST, List.of(), Scope.VALIDATOR),
    /** The validator's: the token's {@code iss} must equal it. */
    ISSUER("issuer", Kind.TEXT, null, Scope.VALIDATOR),
    /** The validator's: the claim holding the roles; a dotted path with {@code roles_key_is_nested}. */
    ROLES_KEY("roles_key", Kind.TEXT, "roles", Scope.VALIDATOR),
    /** The validator's: {@code roles_key} is a dotted path into nested objects. */
    ROLES_KEY_IS_NESTED("roles_key_is_nested", Kind.FLAG, false, Scope.VALIDATOR),
    /** The validator's: a token must hold at least one of these roles, else 403. */
    ROLES("roles", Kind.TEXT_LIST, List.of(), Scope.VALIDATOR),
    /** The validator's: the claim holding the OAuth scopes: a top-level name, else a dotted path. */
    SCOPES_KEY("scopes_key", Kind.TEXT, "scope", Scope.VALIDATOR),
    /** The validator's: the scopes a token must hold ({@code scopes_matcher}), else 403. */
    SCOPES("scopes", Kind.TEXT_LIST, List.of(), Scope.VALIDATOR),
    /** The validator's: {@code any} (one of {@code scopes} suffices) or {@code all}. */
    SCOPES_MATCHER("scopes_matcher", Kind.TEXT, "any", Scope.VALIDATOR),
    /** The validator's: the cookie read when the request has no token in its header. */
    COOKIE_KEY("cookie_key", Kind.TEXT, null, Scope.VALIDATOR),
    /** The validator's: the header holding {@code Bearer <token>}. */
    AUTH_HEADER_NAME("auth_header_name", Kind.TEXT, "Authorization", Scope.VALIDATOR),
    /** The validator's: {@code [claim, header]} pairs; the servlet sees each claim as that request header. */
    PROPAGATE_CLAIMS("propagate_claims", Kind.TEXT_PAIR_LIST, List.of(), Scope.VALIDATOR),
    /** The validator's, our own: the claim that names the user. */
    PRINCIPAL_CLAIM("principal_claim", Kind.TEXT, "sub", Scope.VALIDATOR),
    /** The validator's, our own: a request with no token at all passes through untouched. */
    ALLOW_ANONYMOUS("allow_anonymous", Kind.FLAG, false, Scope.VALIDATOR),
    /** The validator's, our own: how many verified signatures are remembered; {@code 0} turns the cache off. */
    VERIFIED_CACHE_SIZE("verified_cache_size", Kind.WHOLE_NUMBER, 10_000, Scope.VALIDATOR, Integer.MIN_VALUE,
            Integer.MAX_VALUE, "a whole number of entries up to 2147483647, such as [10000]"),
    /** The validator's, our own: the longest a verified signature is remembered (never past the token's exp). */
    VERIFIED_CACHE_TTL("verified_cache_ttl", Kind.DURATION, Duration.ofMinutes(5), Scope.VALIDATOR),
    /** The validator's, our own: the longest token accepted, in characters. */
    MAX_TOKEN_BYTES("max_token_bytes", Kind.WHOLE_NUMBER, 8192, Scope.VALIDATOR, Integer.MIN_VALUE,
            Integer.MAX_VALUE, "a whole number of bytes up to 2147483647, such as [8192]"),
    /** The validator's, our own: a token with an unknown kid reloads the keys early at most this often. */
    UNKNOWN_KID_REFETCH_INTERVAL("unknown_kid_refetch_interval", Kind.DURATION, Duration.ofSeconds(10),
            Scope.VALIDATOR),
    /** KrakenD's validator: how a token names its key; only {@code kid} is supported. */
    KEY_IDENTIFY_STRATEGY("key_identify_strategy", Kind.TEXT, "kid", Scope.VALIDATOR),
    /** KrakenD's validator switch for its JWK cache: accepted; keys are always cached here. */
    CACHE("cache", Kind.FLAG, false, Scope.VALIDATOR),
    /** KrakenD's validator debug switch: accepted; rejections are logged at DEBUG here. */
    OPERATION_DEBUG("operation_debug", Kind.FLAG, false, Scope.VALIDATOR);

    /** The shapes a setting's value can have, and the Java type {@link SignerConfig.Builder#set} takes. */
    public enum Kind {
        TEXT("a string", String.class),
        DURATION("a duration such as [500ms], [5s] or [1m30s]", Duration.class),
        FLAG("a boolean (true or false)", Boolean.class),
        WHOLE_NUMBER("a whole number", Integer.class),
        TEXT_LIST("a list of strings", List.class),
        WHOLE_NUMBER_LIST("a list of whole numbers", List.class),
        /** A list of two-string lists, such as {@code [["sub", "X-User"]]}. */
        TEXT_PAIR_LIST("a list of [claim, header] pairs", List.class);

        private final String description;
        private final Class<?> javaType;

        Kind(String description, Class<?> javaType) {
            this.description = description;
            this.javaType = javaType;
        }

        /** For messages: {@code a list of strings}. */
        public String description() {
            return description;
        }

        boolean fits(Object value) {
            if (!javaType.isInstance(value)) {
                return false;
            }
            if (this == TEXT_PAIR_LIST) {
                return ((List<?>) value).stream().allMatch(v -> v instanceof List<?> pair && pair.size() == 2
                        && pair.stream().allMatch(String.class::isInstance));
            }
            Class<?> item = this == TEXT_LIST ? String.class : this == WHOLE_NUMBER_LIST ? Integer.class : null;
            return item == null || ((List<?>) value).stream().allMatch(v -> v == null || item.isInstance(v));
        }
    }

    /** What a setting configures. */
    public enum Scope {
        /** How tokens are signed and written: only the signer reads it. */
        SIGNER,
        /** Where the keys come from and how they are fetched: every component that loads keys reads it. */
        KEYS,
        /** Where the filter finds its settings: an init-param of the filter, not part of a configuration. */
        FILTER,
        /** How the JWKS servlet publishes keys: only the JWKS servlet reads it. */
        JWKS,
        /** How the validator checks tokens: only the validator reads it. */
        VALIDATOR
    }

    private final String settingName;
    private final Kind kind;
    private final Object defaultValue;
    private final Scope scope;
    private final long min;
    private final long max;
    private final String numberExpectation;

    Setting(String settingName, Kind kind, Object defaultValue, Scope scope) {
        this(settingName, kind, defaultValue, scope, 0, 0, null);
    }

    Setting(String settingName, Kind kind, Object defaultValue, Scope scope, long min, long max,
            String numberExpectation) {
        this.settingName = settingName;
        this.kind = kind;
        this.defaultValue = defaultValue;
        this.scope = scope;
        this.min = min;
        this.max = max;
        this.numberExpectation = numberExpectation;
    }

    /** The setting with exactly this name. */
    public static Optional<Setting> named(String name) {
        for (Setting s : values()) {
            if (s.settingName.equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The names of the settings of one scope, in documentation order. */
    public static List<String> names(Scope... scopes) {
        List<Scope> wanted = List.of(scopes);
        return java.util.Arrays.stream(values()).filter(s -> wanted.contains(s.scope)).map(Setting::settingName)
                .toList();
    }

    /** The name as written in web.xml and KrakenD JSON. */
    public String settingName() {
        return settingName;
    }

    public Kind kind() {
        return kind;
    }

    /** The value when the setting is left out, of the type {@link #kind()} stands for; null when there is none. */
    public Object defaultValue() {
        return defaultValue;
    }

    public Scope scope() {
        return scope;
    }

    /** True when the value may be a secret and must never appear in a message. */
    public boolean isSecret() {
        return this == CYPHER_KEY || this == KEYSTORE_PASSWORD || this == KEY_PASSWORD;
    }

    /**
     * The value as it may appear in a message: {@code " [value]"}, nothing for a secret, and for {@code jwk_url}
     * the URL with its user info (which may hold a password) replaced by {@code ***}.
     */
    public String quote(String value) {
        if (isSecret()) {
            return "";
        }
        return " [" + (this == JWK_URL ? KeySource.JwkUrl.redactUserInfo(value) : value) + "]";
    }

    /** Least value of a whole number (or of each list item). */
    public long min() {
        return min;
    }

    /** Greatest value of a whole number (or of each list item). */
    public long max() {
        return max;
    }

    /** What a whole number (or each list item) should be, for error messages. */
    public String numberExpectation() {
        return numberExpectation;
    }

    /** The setting's name. */
    @Override
    public String toString() {
        return settingName;
    }
}
