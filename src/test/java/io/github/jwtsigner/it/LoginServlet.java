package io.github.jwtsigner.it;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * A legacy login servlet: checks a form post, answers 201 with a session cookie and plain claim sets, or
 * 401 with a JSON error. Any user name logs in with the password {@value #PASSWORD}.
 */
public class LoginServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String PASSWORD = "secret";
    static final String NAME_CLAIM = "José 名前";

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String user = req.getParameter("user");
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        if (user == null || !PASSWORD.equals(req.getParameter("pass"))) {
            resp.setStatus(401);
            resp.setHeader("WWW-Authenticate", "Form");
            resp.getWriter().write("{\"error\":\"invalid_credentials\",\"user\":\"" + escape(user) + "\"}");
            return;
        }
        resp.setStatus(201);
        Cookie session = new Cookie("SESSION", "s-" + escape(user));
        session.setHttpOnly(true);
        resp.addCookie(session);
        resp.setHeader("X-Login", "ok");
        PrintWriter w = resp.getWriter();
        w.write("{\"access_token\": {\"sub\": \"" + escape(user) + "\", \"roles\": [\"role_a\", \"role_b\"],"
                + " \"name\": \"" + NAME_CLAIM + "\", \"exp\": 1735689600},\n");
        w.write(" \"refresh_token\": {\"sub\": \"" + escape(user) + "\", \"exp\": 1735689600},\n");
        w.write(" \"exp\": 1735689600}");
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
