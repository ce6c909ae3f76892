package io.github.jwtsigner.internal.remote;

import io.github.jwtsigner.JwtSignerException;

/**
 * A JWK Set could not be fetched from its URL. The message names the URL and the problem; it never quotes
 * the response body, which may hold private keys.
 */
public class KeyFetchException extends JwtSignerException {
    private static final long serialVersionUID = 1L;

    /** Why the JWK Set could not be fetched. */
    public enum Reason {
        /** The server could not be reached: unknown host, connection refused, connection reset. */
        CONNECTION,
        /**
         * Connecting, the TLS handshake or a read took longer than the configured timeout, or the whole fetch
         * longer than {@code jwk_fetch_timeout}.
         */
        TIMEOUT,
        /**
         * The TLS handshake failed: untrusted certificate, wrong host name, no cipher suite or protocol
         * version both sides accept.
         */
        TLS,
        /**
         * No configured public key pin matches the server's certificate or a CA certificate that verifiably
         * signed it.
         */
        PIN_MISMATCH,
        /** The status was not 200 (redirects included: they are not followed). */
        HTTP_STATUS,
        /** The Content-Type or Content-Encoding is not a plain JSON one. */
        CONTENT_TYPE,
        /** The body is larger than the configured maximum. */
        TOO_LARGE,
        /** The body is not valid UTF-8. */
        INVALID_ENCODING
    }

    private final Reason reason;

    public KeyFetchException(Reason reason, String message) {
        this(reason, message, null);
    }

    public KeyFetchException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
