package io.github.jwtsigner;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the signing key comes from: exactly one of a JWK Set file, a JWK Set URL, a PEM file or a keystore
 * entry. Each variant holds its own settings and checks them; {@link SignerConfig.Builder#build()} makes the
 * one the settings name.
 *
 * <p>Immutable and thread-safe. {@code toString()} is {@link #description()}: never a password.
 */
public sealed interface KeySource {

    /** The setting and its path or URL, for log lines: {@code jwk_url [https://keys.example.com/jwks]}. */
    String description();

    /**
     * {@code jwk_local_path}: a JWK Set file, checked for changes every {@code checkInterval} (zero: never).
     * In the servlet filter an absolute path is a file, {@code classpath:x} a classpath resource, anything
     * else first a webapp resource, then a file relative to the working directory.
     */
    record JwkFile(String path, Duration checkInterval) implements KeySource {
        /** The shortest {@code jwk_local_check_interval} other than zero: a tighter loop only burns CPU. */
        public static final Duration MIN_CHECK_INTERVAL = Duration.ofMillis(100);

        public JwkFile {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(checkInterval, "checkInterval");
        }

        static void checkInterval(Duration interval, Problems problems) {
            if (interval == null || interval.isNegative()
                    || (!interval.isZero() && interval.compareTo(MIN_CHECK_INTERVAL) < 0)) {
                problems.add(Setting.JWK_LOCAL_CHECK_INTERVAL + " [" + ConfigText.show(interval)
                        + "] is out of range; expected 0s (never check) or at least "
                        + ConfigText.show(MIN_CHECK_INTERVAL) + "; the default is "
                        + ConfigText.show((Duration) Setting.JWK_LOCAL_CHECK_INTERVAL.defaultValue()),
                        Setting.JWK_LOCAL_CHECK_INTERVAL);
            }
        }

        @Override
        public String description() {
            return Setting.JWK_LOCAL_PATH + " [" + path + "]";
        }

        @Override
        public String toString() {
            return description();
        }
    }

    /**
     * {@code jwk_url}: a JWK Set fetched at startup and every {@code cacheDuration} seconds, with KrakenD's TLS
     * settings and our own limits.
     *
     * @param url as configured; it may hold a password: log {@link #description()} instead
     * @param disableJwkSecurity allows plain http and accepts any https certificate, as KrakenD does
     * @param fingerprints SHA-256 pins of the server's SubjectPublicKeyInfo, base64url or base64; may be empty
     * @param cipherSuites IANA cipher suite ids, in configured order
     * @param localCa a PEM file of CAs trusted besides the system trust store, or null
     * @param fetchTimeout the longest one whole fetch may take, from connecting to the last byte of the body
     */
    record JwkUrl(String url, boolean disableJwkSecurity, List<String> fingerprints, List<Integer> cipherSuites,
            String localCa, int cacheDuration, Duration connectTimeout, Duration readTimeout, Duration fetchTimeout,
            int maxBytes) implements KeySource {
        private static final String EXAMPLE = "[https://keys.example.com/jwks.json]";

        public JwkUrl {
            Objects.requireNonNull(url, "url");
            fingerprints = List.copyOf(fingerprints);
            cipherSuites = List.copyOf(cipherSuites);
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            Objects.requireNonNull(readTimeout, "readTimeout");
            Objects.requireNonNull(fetchTimeout, "fetchTimeout");
        }

        /** The URL, parsed; once {@link #checkUrl} found no problem. */
        public URI uri() {
            return URI.create(url);
        }

        public boolean isHttps() {
            return "https".equals(uri().getScheme().toLowerCase(Locale.ROOT));
        }

        /** The URL for messages and logs: user info, which may hold a password, replaced by {@code ***}. */
        public String displayUrl() {
            return redactUserInfo(url);
        }

        /** The startup WARNING when {@code disable_jwk_security} is on, or empty; never a password from the URL. */
        public Optional<String> securityWarning() {
            if (!disableJwkSecurity) {
                return Optional.empty();
            }
            String how = isHttps()
                    ? "over https without checking the certificate's issuer or host name" + (fingerprints.isEmpty()
                            ? "" : " (the " + Setting.JWK_FINGERPRINTS + " pins are still checked)")
                    : "over plain http, unencrypted and unauthenticated";
            return Optional.of(Setting.DISABLE_JWK_SECURITY + " is true: " + Setting.JWK_URL + " [" + displayUrl()
                    + "] is fetched " + how + "; anyone on the network path can read or replace the signing key."
                    + " Use it for local testing only");
        }

        /** Checks the settings of fetching; made whatever the key source, as each may be set alone. */
        static void checkLimits(SignerConfig.Builder b, Problems problems) {
            int cacheDuration = (Integer) b.value(Setting.CACHE_DURATION);
            if (cacheDuration <= 0) {
                problems.add(Setting.CACHE_DURATION + " [" + cacheDuration + "] must be a positive number of"
                        + " seconds; the default is " + Setting.CACHE_DURATION.defaultValue(), Setting.CACHE_DURATION);
            }
            checkTimeout(Setting.JWK_CONNECT_TIMEOUT, b, problems);
            checkTimeout(Setting.JWK_READ_TIMEOUT, b, problems);
            checkTimeout(Setting.JWK_FETCH_TIMEOUT, b, problems);
            int maxBytes = (Integer) b.value(Setting.JWK_MAX_BYTES);
            if (maxBytes <= 0) {
                problems.add(Setting.JWK_MAX_BYTES + " [" + maxBytes + "] must be positive; the default is "
                        + Setting.JWK_MAX_BYTES.defaultValue(), Setting.JWK_MAX_BYTES);
            }
        }

        private static void checkTimeout(Setting setting, SignerConfig.Builder b, Problems problems) {
            Duration value = (Duration) b.value(setting);
            if (value == null || value.isNegative() || value.isZero()) {
                problems.add(setting + " [" + ConfigText.show(value) + "] must be positive; the default is "
                        + ConfigText.show((Duration) setting.defaultValue()), setting);
            } else if (value.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) > 0) {
                problems.add(setting + " [" + ConfigText.show(value) + "] is too long; expected at most "
                        + ConfigText.show(Duration.ofMillis(Integer.MAX_VALUE)), setting);
            }
        }

        /**
         * Checks the URL itself and what depends on its scheme. Made when the key is loaded, not when the
         * configuration is built, so that a configuration naming a URL that is not usable yet (KrakenD's own
         * examples name a plain-http one) can still be read.
         */
        public void checkUrl(Problems problems) {
            URI uri;
            try {
                uri = new URI(url);
            } catch (URISyntaxException e) {
                // The reason quotes the input, which may hold a password: name only the position.
                problems.add(Setting.JWK_URL + " is not a valid URL (" + e.getReason() + " at index " + e.getIndex()
                        + "); expected an https:// URL such as " + EXAMPLE, Setting.JWK_URL);
                return;
            }
            String shown = Setting.JWK_URL + " [" + redactUserInfo(url) + "]";
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (scheme.equals("http") && !disableJwkSecurity) {
                problems.add(shown + " is plain http; expected https://, or " + Setting.DISABLE_JWK_SECURITY
                        + " true to allow it (local testing only)", Setting.JWK_URL, Setting.DISABLE_JWK_SECURITY);
            } else if (!scheme.equals("https") && !scheme.equals("http")) {
                problems.add(shown + " has " + (scheme.isEmpty() ? "no scheme" : "scheme [" + scheme + "]")
                        + "; expected https (or http with " + Setting.DISABLE_JWK_SECURITY + " true)",
                        Setting.JWK_URL, Setting.DISABLE_JWK_SECURITY);
                return;
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                problems.add(shown + " has no host; expected a URL such as " + EXAMPLE, Setting.JWK_URL);
                return;
            }
            if (uri.getPort() > 65535) {
                problems.add(shown + " has port [" + uri.getPort() + "]; expected a port from 1 to 65535",
                        Setting.JWK_URL);
                return;
            }
            if (!fingerprints.isEmpty() && scheme.equals("http")) {
                problems.add(Setting.JWK_FINGERPRINTS + " is set but " + shown + " is plain http, which has no"
                        + " certificate to pin; expected an https:// " + Setting.JWK_URL,
                        Setting.JWK_FINGERPRINTS, Setting.JWK_URL);
            }
        }

        /** A URL for messages: user info, which may hold a password, replaced by {@code ***}. */
        static String redactUserInfo(String url) {
            try {
                URI uri = new URI(url);
                String userInfo = uri.getRawUserInfo();
                if (userInfo == null && uri.isOpaque() && url.contains("@")) {
                    // https:user:password@host, without the slashes: the JDK sees no user info, a reader might.
                    return uri.getScheme() + ":***" + url.substring(url.lastIndexOf('@'));
                }
                return userInfo == null ? url : url.replace(userInfo + "@", "***@");
            } catch (URISyntaxException e) {
                // Not a URL: checkUrl reports it; keep a possible password out all the same.
                int at = url.lastIndexOf('@');
                int scheme = url.indexOf("://");
                return at > scheme && scheme >= 0 ? url.substring(0, scheme + 3) + "***" + url.substring(at) : url;
            }
        }

        @Override
        public String description() {
            return Setting.JWK_URL + " [" + displayUrl() + "]";
        }

        @Override
        public String toString() {
            return description();
        }
    }

    /** {@code pem_local_path}: one unencrypted private key in a PEM file, loaded once. */
    record PemFile(String path) implements KeySource {
        public PemFile {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String description() {
            return Setting.PEM_LOCAL_PATH + " [" + path + "]";
        }

        @Override
        public String toString() {
            return description();
        }
    }

    /**
     * {@code keystore_path}: one key entry of a PKCS#12 or JKS keystore, loaded once.
     *
     * @param type {@link #PKCS12} or {@link #JKS}
     * @param password a secret
     * @param keyPassword a secret, or null when {@code password} opens the entry too
     */
    record KeyStoreEntry(String path, String type, String password, String alias, String keyPassword)
            implements KeySource {
        public static final String PKCS12 = "PKCS12";
        public static final String JKS = "JKS";

        public KeyStoreEntry {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(alias, "alias");
        }

        /** Checks the keystore settings: made with a keystore, or to refuse them without one. */
        static void check(SignerConfig.Builder b, Problems problems) {
            String path = b.text(Setting.KEYSTORE_PATH);
            String type = b.text(Setting.KEYSTORE_TYPE);
            if (path == null || path.isBlank()) {
                List<Setting> stray = java.util.stream.Stream.of(Setting.KEYSTORE_TYPE, Setting.KEYSTORE_PASSWORD,
                        Setting.KEYSTORE_ALIAS, Setting.KEY_PASSWORD).filter(s -> b.value(s) != null).toList();
                if (!stray.isEmpty()) {
                    List<Setting> about = new java.util.ArrayList<>(stray);
                    about.add(Setting.KEYSTORE_PATH);
                    problems.add(String.join(", ", stray.stream().map(Setting::settingName).toList())
                            + (stray.size() == 1 ? " is" : " are") + " set without " + Setting.KEYSTORE_PATH
                            + "; expected " + Setting.KEYSTORE_PATH + " naming the keystore, or none of them",
                            about.toArray(Setting[]::new));
                }
                return;
            }
            if (type != null && type(type, path) == null) {
                problems.add(Setting.KEYSTORE_TYPE + " [" + type + "] is not supported; expected [" + PKCS12
                        + "] or [" + JKS + "]", Setting.KEYSTORE_TYPE);
            }
            if (b.value(Setting.KEYSTORE_PASSWORD) == null) {
                problems.add(Setting.KEYSTORE_PASSWORD + " is required with " + Setting.KEYSTORE_PATH
                        + "; expected the keystore's password, such as [${env:KEYSTORE_PASSWORD}]",
                        Setting.KEYSTORE_PASSWORD, Setting.KEYSTORE_PATH);
            }
            String alias = b.text(Setting.KEYSTORE_ALIAS);
            if (alias == null || alias.isBlank()) {
                problems.add(Setting.KEYSTORE_ALIAS + " is required with " + Setting.KEYSTORE_PATH
                        + "; expected the alias of the key entry (keytool -list shows them)",
                        Setting.KEYSTORE_ALIAS, Setting.KEYSTORE_PATH);
            }
        }

        /**
         * The keystore type to use: {@code explicit} in upper case if it is PKCS12 or JKS (null if it is
         * anything else); without one, JKS for a {@code .jks} file, else PKCS12.
         */
        static String type(String explicit, String path) {
            if (explicit != null) {
                String upper = explicit.strip().toUpperCase(Locale.ROOT);
                return upper.equals(PKCS12) || upper.equals(JKS) ? upper : null;
            }
            return path.toLowerCase(Locale.ROOT).endsWith(".jks") ? JKS : PKCS12;
        }

        @Override
        public String description() {
            return Setting.KEYSTORE_PATH + " [" + path + "] (" + Setting.KEYSTORE_TYPE + " " + type + ", "
                    + Setting.KEYSTORE_ALIAS + " [" + alias + "])";
        }

        @Override
        public String toString() {
            return description();
        }
    }
}
