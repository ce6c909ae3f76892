package io.github.jwtsigner.it;

import io.github.jwtsigner.testing.LogCanary;
import io.github.jwtsigner.testing.LoginServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * A legacy login servlet whose claims are current: a form post with the password {@value LoginServlet#PASSWORD}
 * gets 201 and an access token claim set for the user, role {@code admin}, the {@link LogCanary} claim, valid for
 * five minutes; a wrong password gets 401.
 */
public class ValidatorLoginServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String user = req.getParameter("user");
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        if (user == null || !user.matches("[a-z0-9.-]+") || !LoginServlet.PASSWORD.equals(req.getParameter("pass"))) {
            resp.setStatus(401);
            resp.getWriter().write("{\"error\":\"invalid_credentials\"}");
            return;
        }
        long now = System.currentTimeMillis() / 1000;
        resp.setStatus(201);
        resp.getWriter().write("{\"access_token\": {\"sub\": \"" + user + "\", \"roles\": [\"admin\"], " + LogCanary.MEMBER + ", \"iat\": "
                + now + ", \"exp\": " + (now + 300) + "}, \"token_type\": \"Bearer\"}");
    }
}
