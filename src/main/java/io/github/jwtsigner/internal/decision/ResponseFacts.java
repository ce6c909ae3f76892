package io.github.jwtsigner.internal.decision;

/**
 * What the filter knows about a response once the servlet has returned, apart from its body.
 *
 * @param status the final status
 * @param contentType the Content-Type, or null when none was set
 * @param contentEncoding the Content-Encoding the servlet set, or null
 * @param asyncStarted true when the request went asynchronous
 * @param overLimit true when the body outgrew {@code max_body_bytes} before it was known not to be signed
 * @param bodySize the number of body bytes held
 * @param maxBodyBytes the configured limit, for messages
 */
public record ResponseFacts(int status, String contentType, String contentEncoding, boolean asyncStarted,
        boolean overLimit, int bodySize, int maxBodyBytes) {
}
