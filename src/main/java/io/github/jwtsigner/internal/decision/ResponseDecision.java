package io.github.jwtsigner.internal.decision;

import io.github.jwtsigner.Setting;
import io.github.jwtsigner.SigningException;
import io.github.jwtsigner.SigningException.Reason;
import io.github.jwtsigner.internal.decision.ResponseFacts.Capture;

import java.util.Locale;

/**
 * Every rule for what the filter does with a response: pass it through, sign its body, or fail closed.
 * {@link #decide} applies them to a finished response; {@link #mayBeSigned} is the one the capture asks while
 * the servlet is still writing.
 *
 * <p>Stateless and thread-safe.
 */
public final class ResponseDecision {
    /** What the filter does with a finished response. */
    public sealed interface Outcome {
        /** The response goes out as the servlet made it: the held body is sent; a body on its way is left. */
        record Pass() implements Outcome {
        }

        /** The body is signed; {@code text} is the body, decoded. */
        record Sign(String text) implements Outcome {
        }

        /** The filter answers 500 in place of the servlet's response, for {@code cause}. */
        record FailClosed(SigningException cause) implements Outcome {
            @Override
            public String toString() {
                return "FailClosed (" + cause.reason() + ")";
            }
        }

        /**
         * The container suspended the response, so it refuses every change: the request fails with an exception,
         * which the container answers with 500.
         */
        record Suspended() implements Outcome {
        }

        /** The response was committed behind the filter's back: nothing can change it, so it is left as it is. */
        record AlreadyCommitted() implements Outcome {
        }
    }

    private static final Outcome PASS = new Outcome.Pass();
    private static final Outcome SUSPENDED = new Outcome.Suspended();
    private static final Outcome ALREADY_COMMITTED = new Outcome.AlreadyCommitted();

    private ResponseDecision() {
    }

    /**
     * What the filter does with a finished response. The rules, in order; the first that applies decides:
     * <ol>
     *   <li>the servlet handed the response to the container ({@code sendError}, {@code sendRedirect}): pass;
     *       but fail closed when it is still an uncommitted 2xx, as the container did not take it over;</li>
     *   <li>the body streamed to the client (it outgrew {@code max_body_bytes} when it could no longer be
     *       signed): pass;</li>
     *   <li>the container suspended the response: {@link Outcome.Suspended};</li>
     *   <li>the response was committed behind the filter's back: {@link Outcome.AlreadyCommitted};</li>
     *   <li>the request went asynchronous: fail closed;</li>
     *   <li>the body outgrew {@code max_body_bytes} while it could be signed: fail closed;</li>
     *   <li>the response {@link #mayBeSigned may not be signed} (not 2xx, or a Content-Type that is not JSON):
     *       pass;</li>
     *   <li>the body is empty: pass;</li>
     *   <li>a Content-Encoding other than {@code identity}: fail closed;</li>
     *   <li>a JSON Content-Type: sign the body; fail closed when it does not decode;</li>
     *   <li>no Content-Type, and the body decodes to text whose first character after JSON whitespace is
     *       <code>{</code>: sign;</li>
     *   <li>no Content-Type, and the body reads as a JSON object to some reader (in UTF-16 or UTF-32, or before
     *       it fails to decode): fail closed;</li>
     *   <li>no Content-Type otherwise: pass, the body is not JSON.</li>
     * </ol>
     * Whether a body to sign really is a JSON object is the signer's check: it fails closed when it is not.
     *
     * @param facts everything known about the response but its body
     * @param body the held body, decoded only when the outcome depends on it
     */
    public static Outcome decide(ResponseFacts facts, BodyDecoder body) {
        if (facts.capture() == Capture.HANDED_OVER) {
            return facts.committed() || !is2xx(facts.status()) ? PASS : fail(Reason.UNSUPPORTED_RESPONSE,
                    "the servlet called sendError or sendRedirect, yet the response is still an uncommitted ["
                            + facts.status() + "]; expected the container to take the response over");
        }
        if (facts.capture() == Capture.STREAMED) {
            return PASS;
        }
        if (facts.suspended()) {
            return SUSPENDED;
        }
        if (facts.committed()) {
            return ALREADY_COMMITTED;
        }
        if (facts.asyncStarted()) {
            return fail(Reason.UNSUPPORTED_RESPONSE, "the request went asynchronous (isAsyncStarted() after the"
                    + " filter chain returned); expected a login servlet that answers before it returns");
        }
        if (facts.capture() == Capture.OVER_LIMIT) {
            return fail(Reason.TOO_LARGE, "the response body is larger than " + Setting.MAX_BODY_BYTES + " ["
                    + facts.maxBodyBytes() + "] bytes; expected a smaller token response or a larger "
                    + Setting.MAX_BODY_BYTES);
        }
        if (!mayBeSigned(facts.status(), facts.contentType()) || facts.bodySize() == 0) {
            return PASS;
        }
        String encoding = facts.contentEncoding();
        if (encoding != null && !encoding.isBlank() && !encoding.trim().toLowerCase(Locale.ROOT).equals("identity")) {
            return fail(Reason.UNSUPPORTED_RESPONSE, "the response has Content-Encoding [" + encoding
                    + "]; expected an uncompressed body to sign");
        }
        return ContentType.isAbsent(facts.contentType()) ? untyped(body) : typed(body);
    }

    /**
     * False when a response will not be signed whatever its body: a status other than 2xx, or a Content-Type
     * that is set and is not JSON. The capture asks this when a body outgrows {@code max_body_bytes}: a response
     * that may not be signed can be streamed to the client.
     */
    public static boolean mayBeSigned(int status, String contentType) {
        return is2xx(status) && (ContentType.isAbsent(contentType) || ContentType.isJson(contentType));
    }

    private static boolean is2xx(int status) {
        return status >= 200 && status <= 299;
    }

    private static Outcome typed(BodyDecoder body) {
        try {
            return new Outcome.Sign(body.text());
        } catch (SigningException e) {
            return new Outcome.FailClosed(e);
        }
    }

    /** No Content-Type: only a body that looks like an object is a claim set; anything else is not JSON. */
    private static Outcome untyped(BodyDecoder body) {
        try {
            String text = body.text();
            if (BodyDecoder.startsWithBrace(text)) {
                return new Outcome.Sign(text);
            }
            // Valid UTF-8, yet an object to a reader that detects UTF-16 or UTF-32 (zero bytes are UTF-8 too).
            return body.rawStartsWithBrace() ? fail(Reason.INVALID_ENCODING, "the response has no Content-Type and"
                    + " a body that reads as a JSON object in UTF-16 or UTF-32; expected UTF-8 JSON") : PASS;
        } catch (SigningException e) {
            return body.rawStartsWithBrace() ? new Outcome.FailClosed(e) : PASS;
        }
    }

    private static Outcome fail(Reason reason, String message) {
        return new Outcome.FailClosed(new SigningException(reason, message));
    }
}
