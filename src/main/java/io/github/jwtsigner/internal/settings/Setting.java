package io.github.jwtsigner.internal.settings;

import io.github.jwtsigner.SignerConfig;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every setting of {@link SignerConfig}, with the type its value must have and the builder call that takes it.
 * The constants follow {@link SignerConfig#SETTING_NAMES}, in the same order.
 *
 * <p>Immutable and thread-safe.
 */
enum Setting {
    ALG(SignerConfig.ALG, Kind.TEXT),
    KID(SignerConfig.KID, Kind.TEXT),
    KEYS_TO_SIGN(SignerConfig.KEYS_TO_SIGN, Kind.TEXT_LIST),
    REQUIRE_KEYS_TO_SIGN(SignerConfig.REQUIRE_KEYS_TO_SIGN, Kind.FLAG),
    JWK_LOCAL_PATH(SignerConfig.JWK_LOCAL_PATH, Kind.TEXT),
    JWK_URL(SignerConfig.JWK_URL, Kind.TEXT),
    DISABLE_JWK_SECURITY(SignerConfig.DISABLE_JWK_SECURITY, Kind.FLAG),
    FULL(SignerConfig.FULL, Kind.FLAG),
    JWK_FINGERPRINTS(SignerConfig.JWK_FINGERPRINTS, Kind.TEXT_LIST),
    // KrakenD reads these as Go uint16 values.
    CIPHER_SUITES(SignerConfig.CIPHER_SUITES, Kind.WHOLE_NUMBER_LIST, 0, 65_535,
            "an IANA cipher suite id from 0 to 65535, such as [49199]"),
    JWK_LOCAL_CA(SignerConfig.JWK_LOCAL_CA, Kind.TEXT),
    TYP(SignerConfig.TYP, Kind.TEXT),
    LEEWAY(SignerConfig.LEEWAY, Kind.TEXT),
    SECRET_URL(SignerConfig.SECRET_URL, Kind.TEXT),
    CYPHER_KEY(SignerConfig.CYPHER_KEY, Kind.TEXT),
    // Positivity is the builder's check; here only what fits in an int.
    MAX_BODY_BYTES(SignerConfig.MAX_BODY_BYTES, Kind.WHOLE_NUMBER, Integer.MIN_VALUE, Integer.MAX_VALUE,
            "a whole number of bytes up to 2147483647, such as [" + SignerConfig.DEFAULT_MAX_BODY_BYTES + "]"),
    CACHE_DURATION(SignerConfig.CACHE_DURATION, Kind.WHOLE_NUMBER, Integer.MIN_VALUE, Integer.MAX_VALUE,
            "a whole number of seconds up to 2147483647, such as [" + SignerConfig.DEFAULT_CACHE_DURATION + "]"),
    JWK_CONNECT_TIMEOUT(SignerConfig.JWK_CONNECT_TIMEOUT, Kind.DURATION),
    JWK_READ_TIMEOUT(SignerConfig.JWK_READ_TIMEOUT, Kind.DURATION),
    JWK_FETCH_TIMEOUT(SignerConfig.JWK_FETCH_TIMEOUT, Kind.DURATION),
    JWK_MAX_BYTES(SignerConfig.JWK_MAX_BYTES, Kind.WHOLE_NUMBER, Integer.MIN_VALUE, Integer.MAX_VALUE,
            "a whole number of bytes up to 2147483647, such as [" + SignerConfig.DEFAULT_JWK_MAX_BYTES + "]"),
    JWK_LOCAL_CHECK_INTERVAL(SignerConfig.JWK_LOCAL_CHECK_INTERVAL, Kind.DURATION),
    PEM_LOCAL_PATH(SignerConfig.PEM_LOCAL_PATH, Kind.TEXT),
    KEYSTORE_PATH(SignerConfig.KEYSTORE_PATH, Kind.TEXT),
    KEYSTORE_TYPE(SignerConfig.KEYSTORE_TYPE, Kind.TEXT),
    KEYSTORE_PASSWORD(SignerConfig.KEYSTORE_PASSWORD, Kind.TEXT),
    KEYSTORE_ALIAS(SignerConfig.KEYSTORE_ALIAS, Kind.TEXT),
    KEY_PASSWORD(SignerConfig.KEY_PASSWORD, Kind.TEXT),
    SIGNATURE_PROVIDER(SignerConfig.SIGNATURE_PROVIDER, Kind.TEXT);

    /** The shapes a setting's value can have. */
    enum Kind {
        TEXT("a string"),
        DURATION("a duration such as [500ms], [5s] or [1m30s]"),
        FLAG("a boolean (true or false)"),
        WHOLE_NUMBER("a whole number"),
        TEXT_LIST("a list of strings"),
        WHOLE_NUMBER_LIST("a list of whole numbers");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        String description() {
            return description;
        }
    }

    private final String settingName;
    private final Kind kind;
    private final long min;
    private final long max;
    private final String numberExpectation;

    Setting(String settingName, Kind kind) {
        this(settingName, kind, 0, 0, null);
    }

    Setting(String settingName, Kind kind, long min, long max, String numberExpectation) {
        this.settingName = settingName;
        this.kind = kind;
        this.min = min;
        this.max = max;
        this.numberExpectation = numberExpectation;
    }

    /** The setting with exactly this name. */
    static Optional<Setting> named(String name) {
        for (Setting s : values()) {
            if (s.settingName.equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The name as written in web.xml and KrakenD JSON. */
    String settingName() {
        return settingName;
    }

    Kind kind() {
        return kind;
    }

    /** Least value of a whole number (or of each list item). */
    long min() {
        return min;
    }

    /** Greatest value of a whole number (or of each list item). */
    long max() {
        return max;
    }

    /** What a whole number (or each list item) should be, for error messages. */
    String numberExpectation() {
        return numberExpectation;
    }

    /** True when the value may be a secret and must never appear in a message. */
    boolean isSecret() {
        return this == CYPHER_KEY || this == KEYSTORE_PASSWORD || this == KEY_PASSWORD;
    }

    /** The value as it may appear in a message: {@code " [value]"}, or nothing for a secret. */
    String quote(String value) {
        return isSecret() ? "" : " [" + value + "]";
    }

    /**
     * Hands a converted value to the builder.
     *
     * @param value of the Java type that {@link #kind()} stands for: String, Boolean, Integer, Duration or a List
     *     of String or Integer
     */
    @SuppressWarnings("unchecked")
    void apply(SignerConfig.Builder builder, Object value) {
        // A switch expression, so that a new constant without a case does not compile.
        SignerConfig.Builder unused = switch (this) {
            case ALG -> builder.alg((String) value);
            case KID -> builder.kid((String) value);
            case KEYS_TO_SIGN -> builder.keysToSign((List<String>) value);
            case JWK_LOCAL_PATH -> builder.jwkLocalPath((String) value);
            case JWK_URL -> builder.jwkUrl((String) value);
            case DISABLE_JWK_SECURITY -> builder.disableJwkSecurity((Boolean) value);
            case FULL -> builder.full((Boolean) value);
            case REQUIRE_KEYS_TO_SIGN -> builder.requireKeysToSign((Boolean) value);
            case JWK_FINGERPRINTS -> builder.jwkFingerprints((List<String>) value);
            case CIPHER_SUITES -> builder.cipherSuites((List<Integer>) value);
            case JWK_LOCAL_CA -> builder.jwkLocalCa((String) value);
            case TYP -> builder.typ((String) value);
            case LEEWAY -> builder.leeway((String) value);
            case SECRET_URL -> builder.secretUrl((String) value);
            case CYPHER_KEY -> builder.cypherKey((String) value);
            case MAX_BODY_BYTES -> builder.maxBodyBytes((Integer) value);
            case CACHE_DURATION -> builder.cacheDuration((Integer) value);
            case JWK_CONNECT_TIMEOUT -> builder.jwkConnectTimeout((Duration) value);
            case JWK_READ_TIMEOUT -> builder.jwkReadTimeout((Duration) value);
            case JWK_FETCH_TIMEOUT -> builder.jwkFetchTimeout((Duration) value);
            case JWK_MAX_BYTES -> builder.jwkMaxBytes((Integer) value);
            case JWK_LOCAL_CHECK_INTERVAL -> builder.jwkLocalCheckInterval((Duration) value);
            case PEM_LOCAL_PATH -> builder.pemLocalPath((String) value);
            case KEYSTORE_PATH -> builder.keystorePath((String) value);
            case KEYSTORE_TYPE -> builder.keystoreType((String) value);
            case KEYSTORE_PASSWORD -> builder.keystorePassword((String) value);
            case KEYSTORE_ALIAS -> builder.keystoreAlias((String) value);
            case KEY_PASSWORD -> builder.keyPassword((String) value);
            case SIGNATURE_PROVIDER -> builder.signatureProvider((String) value);
        };
    }
}
