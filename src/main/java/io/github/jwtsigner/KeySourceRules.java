package io.github.jwtsigner;

import io.github.jwtsigner.SignerConfig.KeySourceType;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The checks {@link SignerConfig.Builder#build()} makes on the key source settings and on the limits of
 * fetching and reloading keys, kept apart so the configuration class stays readable.
 *
 * <p>Stateless and thread-safe.
 */
final class KeySourceRules {
    /** The shortest {@code jwk_local_check_interval} other than zero: a tighter loop only burns CPU. */
    static final Duration MIN_LOCAL_CHECK_INTERVAL = Duration.ofMillis(100);

    private KeySourceRules() {
    }

    /**
     * Checks that exactly one key source is set and that keystore settings come with a keystore.
     *
     * @return the source, or null after adding a problem
     */
    static KeySourceType checkSource(SignerConfig.Builder b, List<String> problems) {
        Map<KeySourceType, String> set = new LinkedHashMap<>();
        put(set, KeySourceType.JWK_LOCAL_PATH, b.jwkLocalPath);
        put(set, KeySourceType.JWK_URL, b.jwkUrl == null ? null : redactUserInfo(b.jwkUrl));
        put(set, KeySourceType.PEM_LOCAL_PATH, b.pemLocalPath);
        put(set, KeySourceType.KEYSTORE_PATH, b.keystorePath);
        KeySourceType type = null;
        if (set.isEmpty()) {
            problems.add("no key source: set one of " + SignerConfig.JWK_LOCAL_PATH + " (a JWK Set file), "
                    + SignerConfig.JWK_URL + " (a URL serving one), " + SignerConfig.PEM_LOCAL_PATH
                    + " (a PEM private key) or " + SignerConfig.KEYSTORE_PATH + " (a PKCS#12 or JKS keystore)");
        } else if (set.size() > 1) {
            List<String> named = new ArrayList<>();
            set.forEach((t, value) -> named.add(name(t) + " [" + value + "]"));
            String list = set.size() == 2 ? "both " + named.get(0) + " and " + named.get(1) + " are set"
                    : String.join(", ", named.subList(0, named.size() - 1)) + " and " + named.get(named.size() - 1)
                            + " are all set";
            problems.add(list + "; expected exactly one key source");
        } else {
            type = set.keySet().iterator().next();
        }
        if (b.keystorePath == null || b.keystorePath.isBlank()) {
            List<String> stray = new ArrayList<>();
            addIfSet(stray, SignerConfig.KEYSTORE_TYPE, b.keystoreType);
            addIfSet(stray, SignerConfig.KEYSTORE_PASSWORD, b.keystorePassword);
            addIfSet(stray, SignerConfig.KEYSTORE_ALIAS, b.keystoreAlias);
            addIfSet(stray, SignerConfig.KEY_PASSWORD, b.keyPassword);
            if (!stray.isEmpty()) {
                problems.add(String.join(", ", stray) + (stray.size() == 1 ? " is" : " are") + " set without "
                        + SignerConfig.KEYSTORE_PATH + "; expected " + SignerConfig.KEYSTORE_PATH
                        + " naming the keystore, or none of them");
            }
        } else {
            checkKeystore(b, problems);
        }
        return type;
    }

    private static void checkKeystore(SignerConfig.Builder b, List<String> problems) {
        if (b.keystoreType != null && keystoreType(b.keystoreType, b.keystorePath) == null) {
            problems.add(SignerConfig.KEYSTORE_TYPE + " [" + b.keystoreType + "] is not supported; expected ["
                    + SignerConfig.KEYSTORE_TYPE_PKCS12 + "] or [" + SignerConfig.KEYSTORE_TYPE_JKS + "]");
        }
        if (b.keystorePassword == null) {
            problems.add(SignerConfig.KEYSTORE_PASSWORD + " is required with " + SignerConfig.KEYSTORE_PATH
                    + "; expected the keystore's password, such as [${env:KEYSTORE_PASSWORD}]");
        }
        if (b.keystoreAlias == null || b.keystoreAlias.isBlank()) {
            problems.add(SignerConfig.KEYSTORE_ALIAS + " is required with " + SignerConfig.KEYSTORE_PATH
                    + "; expected the alias of the key entry (keytool -list shows them)");
        }
    }

    /** Checks cache_duration, the jwk_url timeouts, deadline and size, and jwk_local_check_interval. */
    static void checkLimits(SignerConfig.Builder b, List<String> problems) {
        if (b.cacheDuration <= 0) {
            problems.add(SignerConfig.CACHE_DURATION + " [" + b.cacheDuration + "] must be a positive number of"
                    + " seconds; the default is " + SignerConfig.DEFAULT_CACHE_DURATION);
        }
        checkTimeout(SignerConfig.JWK_CONNECT_TIMEOUT, b.jwkConnectTimeout, SignerConfig.DEFAULT_JWK_CONNECT_TIMEOUT,
                problems);
        checkTimeout(SignerConfig.JWK_READ_TIMEOUT, b.jwkReadTimeout, SignerConfig.DEFAULT_JWK_READ_TIMEOUT,
                problems);
        checkTimeout(SignerConfig.JWK_FETCH_TIMEOUT, b.jwkFetchTimeout, SignerConfig.DEFAULT_JWK_FETCH_TIMEOUT,
                problems);
        if (b.jwkMaxBytes <= 0) {
            problems.add(SignerConfig.JWK_MAX_BYTES + " [" + b.jwkMaxBytes + "] must be positive; the default is "
                    + SignerConfig.DEFAULT_JWK_MAX_BYTES);
        }
        Duration interval = b.jwkLocalCheckInterval;
        if (interval == null || interval.isNegative()
                || (!interval.isZero() && interval.compareTo(MIN_LOCAL_CHECK_INTERVAL) < 0)) {
            problems.add(SignerConfig.JWK_LOCAL_CHECK_INTERVAL + " [" + show(interval) + "] is out of range;"
                    + " expected 0s (never check) or at least " + show(MIN_LOCAL_CHECK_INTERVAL) + "; the default is "
                    + show(SignerConfig.DEFAULT_JWK_LOCAL_CHECK_INTERVAL));
        }
    }

    private static void checkTimeout(String name, Duration value, Duration byDefault, List<String> problems) {
        if (value == null || value.isNegative() || value.isZero()) {
            problems.add(name + " [" + show(value) + "] must be positive; the default is " + show(byDefault));
        } else if (value.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) > 0) {
            problems.add(name + " [" + show(value) + "] is too long; expected at most "
                    + show(Duration.ofMillis(Integer.MAX_VALUE)));
        }
    }

    /**
     * The keystore type to use: {@code explicit} in upper case if it is PKCS12 or JKS (null if it is anything
     * else); without one, JKS for a {@code .jks} file, else PKCS12.
     */
    static String keystoreType(String explicit, String path) {
        if (explicit != null) {
            String upper = explicit.strip().toUpperCase(Locale.ROOT);
            return upper.equals(SignerConfig.KEYSTORE_TYPE_PKCS12) || upper.equals(SignerConfig.KEYSTORE_TYPE_JKS)
                    ? upper : null;
        }
        return path.toLowerCase(Locale.ROOT).endsWith(".jks") ? SignerConfig.KEYSTORE_TYPE_JKS
                : SignerConfig.KEYSTORE_TYPE_PKCS12;
    }

    /** A URL for messages: user info, which may hold a password, replaced by {@code ***}. */
    static String redactUserInfo(String url) {
        try {
            String userInfo = new URI(url).getRawUserInfo();
            return userInfo == null ? url : url.replace(userInfo + "@", "***@");
        } catch (URISyntaxException e) {
            // Not a URL: jwk_url's own check reports it; keep a possible password out all the same.
            int at = url.lastIndexOf('@');
            int scheme = url.indexOf("://");
            return at > scheme && scheme >= 0 ? url.substring(0, scheme + 3) + "***" + url.substring(at) : url;
        }
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

    private static void put(Map<KeySourceType, String> set, KeySourceType type, String value) {
        if (value != null && !value.isBlank()) {
            set.put(type, value);
        }
    }

    private static void addIfSet(List<String> names, String name, String value) {
        if (value != null) {
            names.add(name);
        }
    }

    private static String name(KeySourceType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }
}
