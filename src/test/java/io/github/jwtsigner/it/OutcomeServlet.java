package io.github.jwtsigner.it;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A login servlet whose last path segment names the answer, each one that the signer in front of it signs,
 * passes through or fails closed for one known reason. Claim sets expire {@value #TTL_SECONDS} seconds from now,
 * so a validator accepts the tokens made of them.
 * <ul>
 *   <li>signed: {@code both} (access and refresh token), {@code access} (the access token alone);</li>
 *   <li>passed through: {@code error-401} (JSON), {@code text} (200 text/plain), {@code empty} (204);</li>
 *   <li>failed closed: {@code malformed} (single quotes), {@code array} (not an object), {@code duplicate} (the
 *       access token twice), {@code lone-surrogate} (through the writer), {@code bad-utf8} (bytes not UTF-8),
 *       {@code gzip} (Content-Encoding), {@code large} ({@value #LARGE_BYTES} bytes), {@code missing} (no access
 *       token), {@code long-lived} (exp ten days ahead), {@code no-exp}.</li>
 * </ul>
 *
 * <p>Not copied into the webapp: the container loads it from the class path. Stateless and thread-safe.
 */
public class OutcomeServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    /** How long the claim sets of the signed answers live. */
    static final long TTL_SECONDS = 600;
    /** The size of the {@code large} body. */
    static final int LARGE_BYTES = 2048;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo();
        String outcome = path.substring(path.lastIndexOf('/') + 1);
        long exp = System.currentTimeMillis() / 1000 + TTL_SECONDS;
        String access = "{\"sub\":\"alice\",\"exp\":" + exp + "}";
        switch (outcome) {
            case "both" -> json(resp, 200, "{\"access_token\":" + access + ",\"refresh_token\":" + access + "}");
            case "access" -> json(resp, 200, "{\"access_token\":" + access + "}");
            case "error-401" -> json(resp, 401, "{\"error\":\"invalid_credentials\"}");
            case "text" -> {
                resp.setContentType("text/plain");
                resp.getWriter().write("{\"access_token\":" + access + "}");
            }
            case "empty" -> resp.setStatus(204);
            case "malformed" -> json(resp, 200, "{'access_token':{'sub':'alice'}}");
            case "array" -> json(resp, 200, "[" + access + "]");
            case "duplicate" -> json(resp, 200, "{\"access_token\":" + access + ",\"access_token\":" + access + "}");
            case "lone-surrogate" -> json(resp, 200, "{\"access_token\":{\"sub\":\"alice\uD800\"}}");
            case "bad-utf8" -> {
                resp.setContentType("application/json;charset=UTF-8");
                resp.getOutputStream().write(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '(', '"', '}'});
            }
            case "gzip" -> {
                resp.setHeader("Content-Encoding", "gzip");
                json(resp, 200, "{\"access_token\":" + access + "}");
            }
            case "large" -> {
                String head = "{\"access_token\":" + access + ",\"padding\":\"";
                json(resp, 200, head + "x".repeat(LARGE_BYTES - head.length() - 2) + "\"}");
            }
            case "missing" -> json(resp, 200, "{\"user\":\"alice\"}");
            case "long-lived" -> json(resp, 200, "{\"access_token\":{\"sub\":\"alice\",\"exp\":"
                    + (exp + 10 * 24 * 3600) + "}}");
            case "no-exp" -> json(resp, 200, "{\"access_token\":{\"sub\":\"alice\"}}");
            default -> resp.sendError(404, "no such outcome");
        }
    }

    private static void json(HttpServletResponse resp, int status, String body) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resp.getWriter().write(body);
    }
}
