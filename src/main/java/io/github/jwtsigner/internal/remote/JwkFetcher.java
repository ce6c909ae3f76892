package io.github.jwtsigner.internal.remote;

import io.github.jwtsigner.Setting;
import io.github.jwtsigner.InvalidConfigurationException;
import io.github.jwtsigner.KeySource;
import io.github.jwtsigner.Problems;
import io.github.jwtsigner.internal.remote.KeyFetchException.Reason;
import io.github.jwtsigner.internal.remote.PinningTrustManager.PinMismatchException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLConnection;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLException;

/**
 * Fetches the JWK Set text from {@code jwk_url} with KrakenD's TLS policy (see {@link TlsPolicy}).
 *
 * <p>One GET per {@link #fetch()}, on a fresh connection, so certificate trust and pins are checked every
 * time. The answer must be status 200 with Content-Type {@code application/json} or
 * {@code application/jwk-set+json}, uncompressed, valid UTF-8 and at most {@code jwk_max_bytes}. Redirects are
 * not followed (KrakenD's Go client would follow them): a 3xx is an error that names the location, so the
 * URL can be corrected. User info in the URL is sent as HTTP Basic credentials, as Go's client does. Proxies
 * come from the JVM's default {@link java.net.ProxySelector}.
 *
 * <p>Limits: {@code jwk_connect_timeout} bounds the TCP connect, {@code jwk_read_timeout} each wait for data
 * (the TLS handshake, the status line, each read of the body), and {@code jwk_fetch_timeout} the whole fetch,
 * however slowly the server sends (see {@link FetchDeadline}). Over https the deadline closes the sockets, which
 * ends the fetch then. Plain http ({@code disable_jwk_security} only) offers no hold of the socket: a
 * read of the body that is already waiting when the deadline passes ends at the read timeout, which is never
 * longer than {@code jwk_fetch_timeout}.
 *
 * <p>Immutable and thread-safe.
 */
public final class JwkFetcher {
    private static final Set<String> JSON_TYPES = Set.of("application/json", "application/jwk-set+json");
    private static final int MAX_HEADER_ECHO = 100;

    private final KeySource.JwkUrl settings;
    private final URI uri;
    private final PublicKeyPins pins;
    private final TlsPolicy tls;

    /**
     * Prepares the TLS policy; reads the {@code jwk_local_ca} file, if any. Does not connect.
     *
     * @param caPem the content of {@code jwk_local_ca} when the caller found it already (a webapp or classpath
     *     resource); null to read the setting's path as a file
     * @throws InvalidConfigurationException if a cipher suite cannot be enabled, if {@code jwk_local_ca} cannot
     *     be read or holds no certificate, or if an application server's own URL handler would fetch the URL,
     *     bypassing these settings
     */
    public JwkFetcher(KeySource.JwkUrl settings, String caPem) {
        this.settings = Objects.requireNonNull(settings, "settings");
        Problems problems = new Problems();
        List<String> jdkCipherSuites = check(settings, problems);
        problems.throwIfAny();
        this.uri = settings.uri();
        this.pins = PublicKeyPins.parse(settings.fingerprints());
        this.tls = settings.isHttps() ? TlsPolicy.create(settings, caPem, pins, jdkCipherSuites) : null;
        try {
            String problem = unusableHandler(uri.toURL().openConnection(), tls != null);
            if (problem != null) {
                throw new InvalidConfigurationException(Setting.JWK_URL + " [" + settings.displayUrl() + "] "
                        + problem);
            }
        } catch (IOException e) {
            throw new InvalidConfigurationException(Setting.JWK_URL + " [" + settings.displayUrl()
                    + "] cannot be opened (" + e + "); expected an http or https URL", e);
        }
    }

    /**
     * Checks what a fetch needs of the source: a usable URL ({@link KeySource.JwkUrl#checkUrl}) and cipher suites
     * this JVM can enable.
     *
     * @return the JDK names of the cipher suites, each one this JVM can enable
     */
    public static List<String> check(KeySource.JwkUrl settings, Problems problems) {
        settings.checkUrl(problems);
        return CipherSuites.resolve(settings.cipherSuites(), problems);
    }

    /**
     * Why the connection {@code openConnection()} gave cannot carry our settings, or null. An application
     * server may install its own URL handlers (WebLogic does, unless started with
     * {@code -DUseSunHttpHandler=true}); the TLS settings only reach the JDK's {@link HttpsURLConnection}.
     */
    static String unusableHandler(URLConnection connection, boolean https) {
        boolean usable = https ? connection instanceof HttpsURLConnection : connection instanceof HttpURLConnection;
        if (usable) {
            return null;
        }
        String expected = (https ? HttpsURLConnection.class : HttpURLConnection.class).getName();
        return "is handled by [" + connection.getClass().getName() + "], not by " + expected + ", so the settings"
                + " cannot apply; expected the JDK's URL handler (on WebLogic, start the JVM with"
                + " -DUseSunHttpHandler=true)";
    }

    public KeySource.JwkUrl settings() {
        return settings;
    }

    /** {@code d} in whole milliseconds for URLConnection, at least 1 (0 would mean no timeout at all). */
    static int millis(Duration d) {
        return (int) Math.max(1, d.toMillis());
    }

    /**
     * Downloads the JWK Set. Does not parse it.
     *
     * @return the body, decoded as UTF-8 (a leading byte order mark dropped)
     * @throws KeyFetchException naming the URL and the problem, never quoting the body
     */
    public String fetch() {
        try (FetchDeadline deadline = FetchDeadline.start(settings.fetchTimeout())) {
            return fetch(deadline);
        }
    }

    private String fetch(FetchDeadline deadline) {
        HttpURLConnection connection = null;
        Phase phase = tls == null ? Phase.CONNECTING : Phase.CONNECTING_TLS;
        try {
            URLConnection opened = uri.toURL().openConnection();
            String foreignHandler = unusableHandler(opened, tls != null);
            if (foreignHandler != null) {
                throw fail(Reason.CONNECTION, foreignHandler, null);
            }
            connection = (HttpURLConnection) opened;
            // Also stops HttpURLConnection from sending the request again on a new connection; registered
            // first, so that the deadline closes the sockets before (disconnect may wait for a read to end).
            deadline.closeAtDeadline(connection::disconnect);
            configure(connection, deadline);
            connection.connect();
            checkDeadline(deadline, phase);
            if (tls != null) {
                String problem = tls.checkNegotiated((HttpsURLConnection) connection).orElse(null);
                if (problem != null) {
                    throw fail(Reason.TLS, problem + "; expected TLS 1.2 or 1.3 with one of "
                            + Setting.CIPHER_SUITES + " " + settings.cipherSuites(), null);
                }
            }
            phase = Phase.WAITING;
            int status = connection.getResponseCode();
            checkDeadline(deadline, phase);
            checkStatus(connection, status);
            checkContentType(connection);
            phase = Phase.READING;
            return decode(readBody(connection, deadline));
        } catch (IOException e) {
            throw translate(e, phase, deadline);
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    private void configure(HttpURLConnection connection, FetchDeadline deadline) throws IOException {
        connection.setRequestMethod("GET");
        connection.setInstanceFollowRedirects(false);
        connection.setUseCaches(false);
        connection.setAllowUserInteraction(false);
        // No single wait needs to outlast the whole fetch.
        Duration left = deadline.remaining();
        connection.setConnectTimeout(millis(min(settings.connectTimeout(), left)));
        connection.setReadTimeout(millis(min(settings.readTimeout(), left)));
        connection.setRequestProperty("Accept", "application/jwk-set+json, application/json");
        basicAuthorization(uri).ifPresent(v -> connection.setRequestProperty("Authorization", v));
        if (tls != null) {
            tls.apply((HttpsURLConnection) connection, deadline::closeAtDeadline);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * Fails once the deadline has passed: its watchdog may have closed the connection, and a read on a closed
     * connection can look like a complete answer.
     */
    private void checkDeadline(FetchDeadline deadline, Phase phase) {
        if (deadline.passed()) {
            throw pastDeadline(deadline, phase, null);
        }
    }

    private KeyFetchException pastDeadline(FetchDeadline deadline, Phase phase, Throwable cause) {
        return fail(Reason.TIMEOUT, "did not complete the fetch within " + Setting.JWK_FETCH_TIMEOUT + " ["
                + deadline.timeout().toMillis() + "ms] (stopped while " + phase.text + "); expected a key server that"
                + " sends the whole JWK Set within it", cause);
    }

    /** Go's http.Client turns {@code https://user:password@host/} into Basic credentials; so do we. */
    private static Optional<String> basicAuthorization(URI uri) {
        String raw = uri.getRawUserInfo();
        if (raw == null) {
            return Optional.empty();
        }
        int colon = raw.indexOf(':');
        String user = percentDecode(colon < 0 ? raw : raw.substring(0, colon));
        String password = colon < 0 ? "" : percentDecode(raw.substring(colon + 1));
        String credentials = user + ":" + password;
        return Optional.of("Basic "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    private static String percentDecode(String raw) {
        // A one-part opaque URI decodes %XX sequences as UTF-8 and, unlike URLDecoder, leaves '+' alone.
        return URI.create("x:" + raw).getSchemeSpecificPart();
    }

    private void checkStatus(HttpURLConnection connection, int status) {
        if (status == HttpURLConnection.HTTP_OK) {
            return;
        }
        if (status < 0) {
            throw fail(Reason.HTTP_STATUS, "answered something that is not an HTTP response; expected status 200",
                    null);
        }
        if (status >= 300 && status < 400) {
            String location = connection.getHeaderField("Location");
            throw fail(Reason.HTTP_STATUS, "answered HTTP status [" + status + "] redirecting to ["
                    + echo(location) + "]; redirects are not followed: expected 200, so set "
                    + Setting.JWK_URL + " to the final location", null);
        }
        throw fail(Reason.HTTP_STATUS, "answered HTTP status [" + status + "]; expected 200", null);
    }

    private void checkContentType(HttpURLConnection connection) {
        String contentType = connection.getContentType();
        String mediaType = contentType == null ? ""
                : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!JSON_TYPES.contains(mediaType)) {
            throw fail(Reason.CONTENT_TYPE, "answered Content-Type [" + echo(contentType) + "]; expected"
                    + " application/json or application/jwk-set+json", null);
        }
        String encoding = connection.getContentEncoding();
        if (encoding != null && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity")) {
            throw fail(Reason.CONTENT_TYPE, "answered Content-Encoding [" + echo(encoding) + "]; expected an"
                    + " uncompressed body", null);
        }
    }

    private byte[] readBody(HttpURLConnection connection, FetchDeadline deadline) throws IOException {
        int max = settings.maxBytes();
        long declared = connection.getContentLengthLong();
        if (declared > max) {
            throw tooLarge("declares Content-Length [" + declared + "], more than");
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
        byte[] buffer = new byte[8192];
        try (InputStream in = connection.getInputStream()) {
            int n;
            // Reads at most one byte past the limit: enough to know it is exceeded, never the rest.
            do {
                checkDeadline(deadline, Phase.READING);
                n = in.read(buffer, 0, (int) Math.min(buffer.length, max + 1L - body.size()));
                if (n > 0) {
                    body.write(buffer, 0, n);
                    if (body.size() > max) {
                        throw tooLarge("sent a body of more than");
                    }
                }
            } while (n > 0);
        }
        // The end of the body, or the watchdog closing the connection.
        checkDeadline(deadline, Phase.READING);
        return body.toByteArray();
    }

    private KeyFetchException tooLarge(String what) {
        return fail(Reason.TOO_LARGE, what + " " + Setting.JWK_MAX_BYTES + " [" + settings.maxBytes()
                + "] bytes; expected a smaller JWK Set or a higher " + Setting.JWK_MAX_BYTES, null);
    }

    private String decode(byte[] body) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw fail(Reason.INVALID_ENCODING, "sent a body that is not valid UTF-8; expected a JSON JWK Set in"
                    + " UTF-8 (RFC 8259)", e);
        }
    }

    private KeyFetchException translate(IOException e, Phase phase, FetchDeadline deadline) {
        PinMismatchException pinMismatch = find(e, PinMismatchException.class);
        if (pinMismatch != null) {
            return fail(Reason.PIN_MISMATCH, "presented no certificate matching " + Setting.JWK_FINGERPRINTS
                    + "; pins of the presented certificates " + pinMismatch.presented() + ", expected one of "
                    + pins.encoded(), e);
        }
        if (deadline.passed()) {
            return pastDeadline(deadline, phase, e);
        }
        if (find(e, SocketTimeoutException.class) != null) {
            return fail(Reason.TIMEOUT, "did not answer in time while " + phase.text + " ("
                    + Setting.JWK_CONNECT_TIMEOUT + " " + settings.connectTimeout().toMillis() + "ms, "
                    + Setting.JWK_READ_TIMEOUT + " " + settings.readTimeout().toMillis() + "ms); expected"
                    + " a key server that answers within them", e);
        }
        if (e instanceof SSLException) {
            if (find(e, CertificateException.class) != null) {
                String trusted = Optional.ofNullable(settings.localCa()).map(p -> "the system trust store or "
                        + Setting.JWK_LOCAL_CA + " [" + p + "]").orElse("the system trust store");
                return fail(Reason.TLS, "presented a certificate that is not trusted (" + e.getMessage()
                        + "); expected a certificate for host [" + uri.getHost() + "] issued by "
                        + trusted, e);
            }
            return fail(Reason.TLS, "TLS handshake failed (" + e.getMessage() + "); expected the server to accept"
                    + " TLS 1.2 or 1.3 with one of " + Setting.CIPHER_SUITES + " " + settings.cipherSuites(),
                    e);
        }
        if (e instanceof UnknownHostException) {
            return fail(Reason.CONNECTION, "cannot be reached: host [" + uri.getHost()
                    + "] is unknown", e);
        }
        if (e instanceof ConnectException) {
            return fail(Reason.CONNECTION, "cannot be reached (" + e.getMessage() + ")", e);
        }
        return fail(Reason.CONNECTION, "failed while " + phase.text + " (" + e + ")", e);
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }

    private KeyFetchException fail(Reason reason, String problem, Throwable cause) {
        return new KeyFetchException(reason, Setting.JWK_URL + " [" + settings.displayUrl() + "] " + problem,
                cause);
    }

    /** A header value in a message: the server chose it, so it is shortened. */
    private static String echo(String headerValue) {
        if (headerValue == null) {
            return "none";
        }
        return headerValue.length() <= MAX_HEADER_ECHO ? headerValue
                : headerValue.substring(0, MAX_HEADER_ECHO) + "...";
    }

    private enum Phase {
        CONNECTING("connecting"),
        CONNECTING_TLS("connecting or in the TLS handshake"),
        WAITING("waiting for the response"),
        READING("reading the body");

        private final String text;

        Phase(String text) {
            this.text = text;
        }
    }
}
