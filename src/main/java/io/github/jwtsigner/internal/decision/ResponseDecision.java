package io.github.jwtsigner.internal.decision;

import io.github.jwtsigner.Setting;
import io.github.jwtsigner.SignerConfig;
import io.github.jwtsigner.SigningException;
import io.github.jwtsigner.SigningException.Reason;

import java.util.Locale;

/**
 * Decides what happens to a finished response (SIGNER-SPEC §6): pass it through untouched, sign its body, or
 * fail closed. Whether a body to sign really is a JSON object is left to the signer, which fails it closed
 * when it is not.
 *
 * <p>Immutable and thread-safe.
 */
public final class ResponseDecision {
    /** The three things the filter can do with a response. */
    public enum Outcome { PASS_THROUGH, SIGN, FAIL_CLOSED }

    private static final ResponseDecision PASS = new ResponseDecision(Outcome.PASS_THROUGH, null, null);

    private final Outcome outcome;
    private final String text;
    private final SigningException failure;

    private ResponseDecision(Outcome outcome, String text, SigningException failure) {
        this.outcome = outcome;
        this.text = text;
        this.failure = failure;
    }

    /**
     * @param facts everything known about the response but its body
     * @param body the held body, decoded only when the outcome depends on it
     */
    public static ResponseDecision decide(ResponseFacts facts, BodyDecoder body) {
        if (facts.asyncStarted()) {
            return fail(Reason.UNSUPPORTED_RESPONSE, "the request went asynchronous (isAsyncStarted() after the"
                    + " filter chain returned); expected a login servlet that answers before it returns");
        }
        if (facts.overLimit()) {
            return fail(Reason.TOO_LARGE, "the response body is larger than " + Setting.MAX_BODY_BYTES + " ["
                    + facts.maxBodyBytes() + "] bytes; expected a smaller token response or a larger "
                    + Setting.MAX_BODY_BYTES);
        }
        if (!is2xx(facts.status())) {
            return PASS;
        }
        boolean noType = JsonContentType.isAbsent(facts.contentType());
        if (!noType && !JsonContentType.isJson(facts.contentType())) {
            return PASS;
        }
        if (facts.bodySize() == 0) {
            return PASS;
        }
        String encoding = facts.contentEncoding();
        if (encoding != null && !encoding.isBlank() && !encoding.trim().toLowerCase(Locale.ROOT).equals("identity")) {
            return fail(Reason.UNSUPPORTED_RESPONSE, "the response has Content-Encoding [" + encoding
                    + "]; expected an uncompressed body to sign");
        }
        if (!noType) {
            try {
                return new ResponseDecision(Outcome.SIGN, body.text(), null);
            } catch (SigningException e) {
                return new ResponseDecision(Outcome.FAIL_CLOSED, null, e);
            }
        }
        // No Content-Type: only a body that looks like an object is a claim set; anything else is not JSON.
        try {
            String text = body.text();
            if (BodyDecoder.startsWithBrace(text)) {
                return new ResponseDecision(Outcome.SIGN, text, null);
            }
            // Valid UTF-8, yet an object to a reader that detects UTF-16 or UTF-32 (zero bytes are UTF-8 too).
            return body.rawStartsWithBrace() ? fail(Reason.INVALID_ENCODING, "the response has no Content-Type and"
                    + " a body that reads as a JSON object in UTF-16 or UTF-32; expected UTF-8 JSON") : PASS;
        } catch (SigningException e) {
            return body.rawStartsWithBrace() ? new ResponseDecision(Outcome.FAIL_CLOSED, null, e) : PASS;
        }
    }

    /** True for a 2xx status, the only one whose body is signed. */
    public static boolean is2xx(int status) {
        return status >= 200 && status <= 299;
    }

    private static ResponseDecision fail(Reason reason, String message) {
        return new ResponseDecision(Outcome.FAIL_CLOSED, null, new SigningException(reason, message));
    }

    public Outcome outcome() {
        return outcome;
    }

    /** The decoded body to sign; only for {@link Outcome#SIGN}. */
    public String text() {
        return text;
    }

    /** Why the response fails closed; only for {@link Outcome#FAIL_CLOSED}. */
    public SigningException failure() {
        return failure;
    }

    @Override
    public String toString() {
        return failure == null ? outcome.name() : outcome + " (" + failure.reason() + ")";
    }
}
