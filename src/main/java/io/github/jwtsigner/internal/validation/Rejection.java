package io.github.jwtsigner.internal.validation;

/**
 * Why a request's token was refused, and how to answer: the HTTP status, the RFC 6750 error code, and a
 * description that names the problem but never echoes the token, a header value or a claim value.
 *
 * <p>Immutable and thread-safe.
 */
public enum Rejection {
    /** No token at all: {@code WWW-Authenticate: Bearer} with no error (RFC 6750 §3.1). */
    MISSING(401, null, "the request has no bearer token"),
    /** More than one token (two headers, two cookies): RFC 6750 §3.1 {@code invalid_request}. */
    AMBIGUOUS(400, "invalid_request", "the request carries more than one token"),
    TOO_LARGE(401, "invalid_token", "the token is longer than the validator accepts"),
    MALFORMED(401, "invalid_token", "the token is not a compact JWS: three base64url parts joined by dots"),
    BAD_HEADER(401, "invalid_token", "the token's header is not a JSON object with a string alg"),
    DUPLICATE_MEMBER(401, "invalid_token", "the token's header or claims name a member twice"),
    ALG_NONE(401, "invalid_token", "unsigned tokens (alg none) are never accepted"),
    ALG_NOT_ALLOWED(401, "invalid_token", "the token's alg is not one the validator accepts"),
    CRIT(401, "invalid_token", "the token has a crit header, and the validator understands no extension"),
    TYP(401, "invalid_token", "the token's typ is not the one the validator accepts"),
    BAD_KID(401, "invalid_token", "the token's kid is not a string"),
    UNKNOWN_KID(401, "invalid_token", "no key with the token's kid fits its alg"),
    NO_KEY(401, "invalid_token", "no configured key fits the token's alg"),
    BAD_SIGNATURE(401, "invalid_token", "the token's signature does not verify"),
    BAD_CLAIMS(401, "invalid_token", "the token's claims are not a JSON object"),
    BAD_CLAIM_TYPE(401, "invalid_token", "a registered claim (exp, nbf, iat, iss, aud) has the wrong type"),
    NO_EXP(401, "invalid_token", "the token has no exp claim"),
    EXPIRED(401, "invalid_token", "the token has expired"),
    NOT_YET_VALID(401, "invalid_token", "the token is not valid yet (nbf)"),
    ISSUED_IN_FUTURE(401, "invalid_token", "the token was issued in the future (iat)"),
    ISSUER(401, "invalid_token", "the token's issuer is not the accepted one"),
    AUDIENCE(401, "invalid_token", "the token's audience lacks an accepted one"),
    NO_PRINCIPAL(401, "invalid_token", "the token has no string claim naming the user"),
    ROLES(403, "insufficient_scope", "the token holds none of the required roles"),
    SCOPES(403, "insufficient_scope", "the token lacks the required scopes");

    private final int status;
    private final String error;
    private final String description;

    Rejection(int status, String error, String description) {
        this.status = status;
        this.error = error;
        this.description = description;
    }

    /** 401, 403 or 400. */
    public int status() {
        return status;
    }

    /** The RFC 6750 error code; null for {@link #MISSING}. */
    public String error() {
        return error;
    }

    /** Fixed text: holds nothing that came from the request. */
    public String description() {
        return description;
    }

    /** This rejection as an exception, without a stack trace: cheap to throw for every forged token. */
    TokenRejectedException exception() {
        return new TokenRejectedException(this);
    }
}
