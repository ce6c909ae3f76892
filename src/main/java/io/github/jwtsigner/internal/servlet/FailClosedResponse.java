package io.github.jwtsigner.internal.servlet;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes the one answer the filter gives when it cannot sign: the real response reset (so none of the
 * servlet's headers, cookies or bytes go out), then 500, {@code Cache-Control: no-store} and a small JSON body
 * that says nothing about the cause.
 *
 * <p>Stateless and thread-safe.
 */
final class FailClosedResponse {
    /** The body of every fail-closed answer. */
    static final String BODY = "{\"error\":\"token signing failed\"}";

    private static final byte[] BODY_BYTES = BODY.getBytes(StandardCharsets.UTF_8);

    private FailClosedResponse() {
    }

    /**
     * @return false when the response was already committed, so nothing could be written
     */
    static boolean write(HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return false;
        }
        response.reset();
        response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        response.setContentType(SignedResponse.CONTENT_TYPE);
        response.setHeader(SignedResponse.CACHE_CONTROL, SignedResponse.NO_STORE);
        response.setContentLength(BODY_BYTES.length);
        response.getOutputStream().write(BODY_BYTES);
        return true;
    }
}
