package io.github.jwtsigner.it;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * A login servlet that writes the claims with 201 and its session cookie, then calls {@code sendError} with the
 * status the path info names ({@code /send-error/<status>}), such as 200 or 204: a hand-over to the container
 * with a status that is not an error.
 */
public class SendErrorServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] parts = req.getPathInfo().substring(1).split("/");
        if (!"send-error".equals(parts[0])) {
            resp.sendError(404, "no such case");
            return;
        }
        resp.setStatus(201);
        Cookie cookie = new Cookie(AttackServlet.COOKIE_NAME, "s-1");
        cookie.setHttpOnly(true);
        resp.addCookie(cookie);
        resp.setContentType("application/json");
        resp.getWriter().write(AttackServlet.CLAIMS);
        resp.sendError(Integer.parseInt(parts[1]));
    }
}
