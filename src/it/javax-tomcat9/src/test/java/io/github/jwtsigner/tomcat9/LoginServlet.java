package io.github.jwtsigner.tomcat9;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A legacy login servlet on {@code /login/*}: answers the user's plain claim set, to be signed. {@code /writer}
 * and {@code /stream} answer 200 through the writer and the output stream; {@code /denied} a 401; {@code /broken}
 * a 200 whose JSON is cut short.
 */
public class LoginServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /** The claims' issuer, which the validator in web.xml requires. */
    static final String ISSUER = "https://monolith.example.com";

    /** The claims' audience, which the validator in web.xml requires. */
    static final String AUDIENCE = "api";

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = request.getParameter("user");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        String claims = "{\"access_token\": {\"sub\": \"" + user + "\", \"iss\": \"" + ISSUER + "\", \"aud\": \""
                + AUDIENCE + "\", \"exp\": " + (System.currentTimeMillis() / 1000 + 600) + "},"
                + " \"token_type\": \"Bearer\"}";
        switch (String.valueOf(request.getPathInfo())) {
            case "/writer" -> response.getWriter().write(claims);
            case "/stream" -> {
                byte[] bytes = claims.getBytes(StandardCharsets.UTF_8);
                response.setContentLength(bytes.length);
                response.getOutputStream().write(bytes);
            }
            case "/denied" -> {
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                response.setHeader("WWW-Authenticate", "Form");
                response.getWriter().write("{\"error\": \"invalid_credentials\"}");
            }
            case "/broken" -> response.getWriter().write("{\"access_token\": {\"sub\": \"" + user + "\"");
            default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
