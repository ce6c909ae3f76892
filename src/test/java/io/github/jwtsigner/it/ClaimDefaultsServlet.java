package io.github.jwtsigner.it;

import io.github.jwtsigner.testing.LogCanary;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * A legacy login for the claim defaults: the path info names the {@code exp} it writes ({@code none}, a string,
 * or seconds from now), always with the marker subject and a session cookie.
 */
public class ClaimDefaultsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String exp = switch (req.getPathInfo().substring(1)) {
            case "none" -> "";
            case "string" -> ",\"exp\":\"tomorrow\"";
            default -> ",\"exp\":" + (System.currentTimeMillis() / 1000 + Long.parseLong(req.getPathInfo().substring(1)));
        };
        resp.setStatus(201);
        resp.addCookie(new jakarta.servlet.http.Cookie(AttackServlet.COOKIE_NAME, "s1"));
        resp.setContentType("application/json");
        resp.getWriter().write("{\"access_token\":{\"sub\":\"" + AttackServlet.MARKER + "\"," + LogCanary.MEMBER + exp
                + "}}");
    }
}
