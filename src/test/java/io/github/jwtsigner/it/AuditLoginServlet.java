package io.github.jwtsigner.it;

import io.github.jwtsigner.testing.LogCanary;
import io.github.jwtsigner.testing.LoginServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.UUID;

/**
 * A legacy login servlet for the audit trail: any user name (control characters and all, escaped as JSON) with
 * the password {@value LoginServlet#PASSWORD} gets 201 and two claim sets, an access token (sub, a jti, iat, exp in
 * five minutes, aud, role {@code admin}) and a refresh token (sub, another jti, exp in an hour), each with the
 * {@link LogCanary}; a wrong password gets 401. Each login's jti is new: a random UUID and a suffix.
 */
public class AuditLoginServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String AUDIENCE = "audit-api";

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String user = req.getParameter("user");
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        if (user == null || !LoginServlet.PASSWORD.equals(req.getParameter("pass"))) {
            resp.setStatus(401);
            resp.getWriter().write("{\"error\":\"invalid_credentials\"}");
            return;
        }
        String jti = UUID.randomUUID().toString();
        long now = System.currentTimeMillis() / 1000;
        resp.setStatus(201);
        resp.getWriter().write("{\"access_token\":{\"sub\":" + json(user) + ",\"jti\":" + json(jti + "-a")
                + ",\"iat\":" + now + ",\"exp\":" + (now + 300) + ",\"aud\":\"" + AUDIENCE + "\",\"roles\":[\"admin\"],"
                + LogCanary.MEMBER + "},\"refresh_token\":{\"sub\":" + json(user) + ",\"jti\":" + json(jti + "-r")
                + ",\"exp\":" + (now + 3600) + "," + LogCanary.MEMBER + "},\"token_type\":\"Bearer\"}");
    }

    /** {@code s} as a JSON string: every character outside printable ASCII as a {@code \}{@code u} escape. */
    static String json(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7F) {
                sb.append(c);
            } else {
                sb.append("\\u").append(String.format("%04x", (int) c));
            }
        }
        return sb.append('"').toString();
    }
}
