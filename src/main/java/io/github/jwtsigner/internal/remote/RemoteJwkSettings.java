package io.github.jwtsigner.internal.remote;

import io.github.jwtsigner.InvalidConfigurationException;
import io.github.jwtsigner.SignerConfig;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How to fetch a JWK Set from {@code jwk_url}: the URL, KrakenD's TLS settings ({@code disable_jwk_security},
 * {@code jwk_fingerprints}, {@code cipher_suites}, {@code jwk_local_ca}) and our own limits (timeouts, the
 * deadline of a whole fetch, size).
 * Built by {@link #builder()}, which checks everything at once.
 *
 * <p>Immutable and thread-safe. {@link #toString()} hides a password in the URL.
 */
public final class RemoteJwkSettings {
    /** Our own: the longest wait for the TCP connection to the key server. */
    public static final String JWK_CONNECT_TIMEOUT = "jwk_connect_timeout";
    /** Our own: the longest wait for any one read (TLS handshake, status line, each part of the body). */
    public static final String JWK_READ_TIMEOUT = "jwk_read_timeout";
    /** Our own: the longest a whole fetch may take (connect, TLS handshake, status line, headers and body). */
    public static final String JWK_FETCH_TIMEOUT = "jwk_fetch_timeout";
    /** Our own: the largest JWK Set body accepted. */
    public static final String JWK_MAX_BYTES = "jwk_max_bytes";

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_FETCH_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_BYTES = 1_048_576;

    private final URI uri;
    private final String url;
    private final boolean disableJwkSecurity;
    private final List<String> fingerprints;
    private final PublicKeyPins pins;
    private final List<Integer> cipherSuites;
    private final List<String> jdkCipherSuites;
    private final String localCaPath;
    private final String localCaPem;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration fetchTimeout;
    private final int maxBytes;

    private RemoteJwkSettings(Builder b, URI uri, PublicKeyPins pins, List<String> jdkCipherSuites) {
        this.uri = uri;
        this.url = b.url;
        this.disableJwkSecurity = b.disableJwkSecurity;
        this.fingerprints = List.copyOf(b.fingerprints);
        this.pins = pins;
        this.cipherSuites = List.copyOf(b.cipherSuites);
        this.jdkCipherSuites = List.copyOf(jdkCipherSuites);
        this.localCaPath = b.localCaPath;
        this.localCaPem = b.localCaPem;
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.fetchTimeout = b.fetchTimeout;
        this.maxBytes = b.maxBytes;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The URL exactly as configured (it may hold a password: log {@link #toString()} instead). */
    public String url() {
        return url;
    }

    public boolean disableJwkSecurity() {
        return disableJwkSecurity;
    }

    /** The public key pins as configured; empty when the server's key is not pinned. */
    public List<String> fingerprints() {
        return fingerprints;
    }

    /** IANA cipher suite ids, in configured order; {@link SignerConfig#DEFAULT_CIPHER_SUITES} unless set. */
    public List<Integer> cipherSuites() {
        return cipherSuites;
    }

    /** A PEM file of CAs trusted in addition to the system trust store. */
    public Optional<String> localCaPath() {
        return Optional.ofNullable(localCaPath);
    }

    /** The content of {@code jwk_local_ca} when the caller has read it already; else the path is read as a file. */
    Optional<String> localCaPem() {
        return Optional.ofNullable(localCaPem);
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    /** The longest one whole fetch may take, from connecting to the last byte of the body. */
    public Duration fetchTimeout() {
        return fetchTimeout;
    }

    public int maxBytes() {
        return maxBytes;
    }

    /**
     * The startup warning to log when {@code disable_jwk_security} is on, or empty when it is off. Does not
     * contain a password from the URL.
     */
    public Optional<String> securityWarning() {
        if (!disableJwkSecurity) {
            return Optional.empty();
        }
        String how = isHttps()
                ? "over https without checking the certificate's issuer or host name"
                        + (pins.isEmpty() ? "" : " (the " + SignerConfig.JWK_FINGERPRINTS + " pins are still checked)")
                : "over plain http, unencrypted and unauthenticated";
        return Optional.of(SignerConfig.DISABLE_JWK_SECURITY + " is true: " + SignerConfig.JWK_URL + " ["
                + displayUrl() + "] is fetched " + how + "; anyone on the network path can read or replace the"
                + " signing key. Use it for local testing only");
    }

    /** {@code d} in whole milliseconds for URLConnection, at least 1 (0 would mean no timeout at all). */
    static int millis(Duration d) {
        return (int) Math.max(1, d.toMillis());
    }

    URI uri() {
        return uri;
    }

    boolean isHttps() {
        return "https".equals(uri.getScheme().toLowerCase(Locale.ROOT));
    }

    PublicKeyPins pins() {
        return pins;
    }

    /** JDK names of {@link #cipherSuites()}, each one this JVM can enable. */
    List<String> jdkCipherSuites() {
        return jdkCipherSuites;
    }

    /** The URL for messages and logs: user info, which may hold a password, replaced by {@code ***}. */
    String displayUrl() {
        return redact(uri, url);
    }

    private static String redact(URI uri, String raw) {
        if (uri == null || uri.getRawUserInfo() == null) {
            return raw;
        }
        return raw.replace(uri.getRawUserInfo() + "@", "***@");
    }

    @Override
    public String toString() {
        return "RemoteJwkSettings{" + SignerConfig.JWK_URL + "=" + displayUrl() + ", "
                + SignerConfig.DISABLE_JWK_SECURITY + "=" + disableJwkSecurity + ", "
                + SignerConfig.JWK_FINGERPRINTS + "=" + fingerprints + ", "
                + SignerConfig.CIPHER_SUITES + "=" + cipherSuites + ", "
                + SignerConfig.JWK_LOCAL_CA + "=" + localCaPath + ", "
                + JWK_CONNECT_TIMEOUT + "=" + connectTimeout.toMillis() + "ms, "
                + JWK_READ_TIMEOUT + "=" + readTimeout.toMillis() + "ms, "
                + JWK_FETCH_TIMEOUT + "=" + fetchTimeout.toMillis() + "ms, "
                + JWK_MAX_BYTES + "=" + maxBytes + "}";
    }

    /**
     * Collects settings; {@link #build()} validates them all at once.
     *
     * <p>One instance per configuration; not thread-safe.
     */
    public static final class Builder {
        private String url;
        private boolean disableJwkSecurity;
        private List<String> fingerprints = List.of();
        private List<Integer> cipherSuites = SignerConfig.DEFAULT_CIPHER_SUITES;
        private String localCaPath;
        private String localCaPem;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private Duration fetchTimeout = DEFAULT_FETCH_TIMEOUT;
        private int maxBytes = DEFAULT_MAX_BYTES;

        private Builder() {
        }

        /** {@code https://...}; {@code http://...} only with {@link #disableJwkSecurity(boolean)}. */
        public Builder url(String url) {
            this.url = url;
            return this;
        }

        /** Allows plain http and accepts any https certificate, as KrakenD does; see securityWarning(). */
        public Builder disableJwkSecurity(boolean disableJwkSecurity) {
            this.disableJwkSecurity = disableJwkSecurity;
            return this;
        }

        /** Padded base64url (standard base64 also accepted) SHA-256 pins of a SubjectPublicKeyInfo. */
        public Builder fingerprints(List<String> fingerprints) {
            this.fingerprints = new ArrayList<>(fingerprints);
            return this;
        }

        /** IANA cipher suite ids, such as 49199 for TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256. */
        public Builder cipherSuites(List<Integer> cipherSuites) {
            this.cipherSuites = new ArrayList<>(cipherSuites);
            return this;
        }

        /** A PEM file path; read by {@link JwkFetcher}, resolved against the working directory if relative. */
        public Builder localCaPath(String localCaPath) {
            this.localCaPath = localCaPath;
            return this;
        }

        /**
         * {@code jwk_local_ca} already read, by a caller that finds it where a file setting may be (webapp or
         * classpath resource); {@code path} is the setting's value, named in messages.
         */
        public Builder localCa(String path, String pem) {
            this.localCaPath = path;
            this.localCaPem = pem;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
            return this;
        }

        /** The deadline for one whole fetch; however slowly the server sends, a fetch ends by then. */
        public Builder fetchTimeout(Duration fetchTimeout) {
            this.fetchTimeout = fetchTimeout;
            return this;
        }

        public Builder maxBytes(int maxBytes) {
            this.maxBytes = maxBytes;
            return this;
        }

        /**
         * Validates every setting and reports all problems in one exception.
         *
         * @throws InvalidConfigurationException naming each problem and its value
         */
        public RemoteJwkSettings build() {
            List<String> problems = new ArrayList<>();
            URI uri = checkUrl(problems);
            PublicKeyPins pins = PublicKeyPins.parse(fingerprints, SignerConfig.JWK_FINGERPRINTS, problems);
            if (!fingerprints.isEmpty() && uri != null && "http".equalsIgnoreCase(uri.getScheme())) {
                problems.add(SignerConfig.JWK_FINGERPRINTS + " is set but " + SignerConfig.JWK_URL + " ["
                        + redact(uri, url) + "] is plain http, which has no certificate to pin; expected an"
                        + " https:// " + SignerConfig.JWK_URL);
            }
            List<String> jdkNames = List.of();
            if (cipherSuites.isEmpty()) {
                problems.add(SignerConfig.CIPHER_SUITES + " is an empty list; leave it out for the defaults "
                        + SignerConfig.DEFAULT_CIPHER_SUITES);
            } else {
                jdkNames = CipherSuites.resolve(cipherSuites, SignerConfig.CIPHER_SUITES, problems);
            }
            if (localCaPath != null && localCaPath.isBlank()) {
                problems.add(SignerConfig.JWK_LOCAL_CA + " is blank; expected the path of a PEM file or no"
                        + " setting at all");
            }
            checkTimeout(JWK_CONNECT_TIMEOUT, connectTimeout, DEFAULT_CONNECT_TIMEOUT, problems);
            checkTimeout(JWK_READ_TIMEOUT, readTimeout, DEFAULT_READ_TIMEOUT, problems);
            checkTimeout(JWK_FETCH_TIMEOUT, fetchTimeout, DEFAULT_FETCH_TIMEOUT, problems);
            if (maxBytes <= 0) {
                problems.add(JWK_MAX_BYTES + " [" + maxBytes + "] must be positive; the default is "
                        + DEFAULT_MAX_BYTES);
            }
            if (!problems.isEmpty()) {
                throw new InvalidConfigurationException(problems);
            }
            return new RemoteJwkSettings(this, uri, pins, jdkNames);
        }

        private URI checkUrl(List<String> problems) {
            String name = SignerConfig.JWK_URL;
            if (url == null || url.isBlank()) {
                problems.add(name + " is required; expected an https:// URL serving the JWK Set");
                return null;
            }
            URI uri;
            try {
                uri = new URI(url);
            } catch (URISyntaxException e) {
                // The reason quotes the input, which may hold a password: name only the position.
                problems.add(name + " is not a valid URL (" + e.getReason() + " at index " + e.getIndex()
                        + "); expected an https:// URL such as [https://keys.example.com/jwks.json]");
                return null;
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (scheme.equals("http") && !disableJwkSecurity) {
                problems.add(name + " [" + redact(uri, url) + "] is plain http; expected https://, or "
                        + SignerConfig.DISABLE_JWK_SECURITY + " true to allow it (local testing only)");
            } else if (!scheme.equals("https") && !scheme.equals("http")) {
                problems.add(name + " [" + redact(uri, url) + "] has " + (scheme.isEmpty() ? "no scheme"
                        : "scheme [" + scheme + "]") + "; expected https (or http with "
                        + SignerConfig.DISABLE_JWK_SECURITY + " true)");
                return null;
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                problems.add(name + " [" + redact(uri, url) + "] has no host; expected a URL such as"
                        + " [https://keys.example.com/jwks.json]");
                return null;
            }
            if (uri.getPort() > 65535) {
                problems.add(name + " [" + redact(uri, url) + "] has port [" + uri.getPort() + "]; expected a port"
                        + " from 1 to 65535");
                return null;
            }
            return uri;
        }

        private static void checkTimeout(String name, Duration value, Duration byDefault, List<String> problems) {
            if (value == null || value.isNegative() || value.isZero()) {
                problems.add(name + " [" + (value == null ? "none" : value.toMillis() + "ms")
                        + "] must be positive; the default is " + byDefault.toMillis() + "ms");
            } else if (value.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) > 0) {
                problems.add(name + " [" + value.getSeconds() + "s] is too long; expected at most "
                        + Integer.MAX_VALUE + "ms");
            }
        }
    }
}
