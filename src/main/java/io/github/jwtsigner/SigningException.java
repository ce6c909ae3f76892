package io.github.jwtsigner;

/**
 * A response body could not be signed. The filter answers such a response with a fail-closed 500; the
 * {@link #reason()} tells why, and the message names what was wrong without quoting any claim value.
 */
public class SigningException extends JwtSignerException {
    private static final long serialVersionUID = 1L;

    /** Why a body could not be signed. */
    public enum Reason {
        /** Not strict RFC 8259 JSON (includes trailing content and nesting deeper than the limit). */
        MALFORMED_JSON,
        /** Valid JSON, but the top-level value is not an object. */
        NOT_AN_OBJECT,
        /** A member to sign appears more than once in the same object. */
        DUPLICATE_MEMBER,
        /** A string holds a lone surrogate, which has no UTF-8 form. */
        INVALID_STRING,
        /** The body is not valid in its declared charset. */
        INVALID_ENCODING,
        /** The body is larger than {@code max_body_bytes}. */
        TOO_LARGE,
        /** The body cannot be inspected: compressed, or the request went asynchronous. */
        UNSUPPORTED_RESPONSE,
        /** The signature itself failed, or no usable key is available. */
        SIGNATURE_FAILED,
        /** With {@code require_keys_to_sign}, a {@code keys_to_sign} member is missing or not an object. */
        MISSING_MEMBER,
        /** With {@code max_ttl}, a claim set's {@code exp} is missing, not a number, or too far ahead. */
        TOKEN_LIFETIME
    }

    private final Reason reason;

    public SigningException(Reason reason, String message) {
        this(reason, message, null);
    }

    public SigningException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
