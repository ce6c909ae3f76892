package io.github.jwtsigner.internal.decision;

/**
 * What the filter knows about a response once the servlet has returned, apart from its body.
 *
 * @param capture where the servlet's body is
 * @param committed true when the real response is committed
 * @param suspended true when the container suspended the real response: nothing written to it goes out
 * @param asyncStarted true when the request went asynchronous
 * @param status the final status
 * @param contentType the Content-Type, or null when none was set
 * @param contentEncoding the Content-Encoding the servlet set, or null
 * @param bodySize the number of body bytes held
 * @param maxBodyBytes the configured limit, for messages
 */
public record ResponseFacts(Capture capture, boolean committed, boolean suspended, boolean asyncStarted,
        int status, String contentType, String contentEncoding, int bodySize, int maxBodyBytes) {

    /** Where the servlet's body is. */
    public enum Capture {
        /** Held by the filter, whole. */
        HELD,
        /** Dropped: it outgrew {@code max_body_bytes} while the response could still be signed. */
        OVER_LIMIT,
        /** On its way to the client: it outgrew {@code max_body_bytes} once the response could not be signed. */
        STREAMED,
        /** Dropped: {@code sendError} or {@code sendRedirect} handed the response to the container. */
        HANDED_OVER
    }
}
