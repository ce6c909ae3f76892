package io.github.jwtsigner.internal.servlet;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes a signed body over the servlet's response: its status and headers stay, the Content-Type becomes
 * {@code application/json;charset=UTF-8}, the Content-Length is the new body's, and
 * {@code Cache-Control: no-store} is added unless the servlet set a Cache-Control (RFC 6749 §5.1).
 *
 * <p>Stateless and thread-safe.
 */
final class SignedResponse {
    static final String CONTENT_TYPE = "application/json;charset=UTF-8";
    static final String CACHE_CONTROL = "Cache-Control";
    static final String NO_STORE = "no-store";

    private SignedResponse() {
    }

    static void write(HttpServletResponse response, String signedBody) throws IOException {
        byte[] bytes = signedBody.getBytes(StandardCharsets.UTF_8);
        response.setContentType(CONTENT_TYPE);
        if (!response.containsHeader(CACHE_CONTROL)) {
            response.setHeader(CACHE_CONTROL, NO_STORE);
        }
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
