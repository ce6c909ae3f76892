package io.github.jwtsigner.example;

import com.google.gson.JsonObject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.security.Principal;

/**
 * The monolith's API, written for container authentication: it asks the request who the user is
 * ({@code getUserPrincipal()}, {@code getRemoteUser()}) and what they may do ({@code isUserInRole("admin")}),
 * and knows nothing about tokens. In web.xml the validator ({@code apiValidator}) stands in front of it and
 * answers those calls from the access token.
 *
 * <ul>
 *   <li>{@code GET /api/me}: 200 {@code {"user": "john", "admin": false}};</li>
 *   <li>{@code GET /api/admin}: for a user in role {@code admin}, 200 {@code {"user": "ada",
 *       "refresh_tokens_waiting": 3}}; for anyone else 403 {@code {"error":"forbidden"}};</li>
 *   <li>no user at all (only when the servlet is mapped without the validator): 401
 *       {@code {"error":"login_required"}}.</li>
 * </ul>
 * Thread-safe.
 */
public class ApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String ADMIN_ROLE = "admin";

    private transient RefreshTokenStore refreshTokens;

    @Override
    public void init() throws ServletException {
        refreshTokens = MonolithSetup.refreshTokens(getServletContext());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Principal user = request.getUserPrincipal();
        if (user == null) {
            JsonAnswer.error(response, HttpServletResponse.SC_UNAUTHORIZED, "login_required");
            return;
        }
        JsonObject answer = new JsonObject();
        if ("/api/admin".equals(request.getServletPath())) {
            if (!request.isUserInRole(ADMIN_ROLE)) {
                JsonAnswer.error(response, HttpServletResponse.SC_FORBIDDEN, "forbidden");
                return;
            }
            answer.addProperty("user", user.getName());
            answer.addProperty("refresh_tokens_waiting", refreshTokens.size());
        } else {
            answer.addProperty("user", request.getRemoteUser());
            answer.addProperty("admin", request.isUserInRole(ADMIN_ROLE));
        }
        JsonAnswer.write(response, HttpServletResponse.SC_OK, answer);
    }
}
