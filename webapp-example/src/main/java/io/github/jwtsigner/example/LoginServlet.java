package io.github.jwtsigner.example;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * The monolith's login: {@code POST} a JSON body {@code {"user": ..., "pass": ...}} or a form with the fields
 * {@code user} and {@code pass}.
 *
 * <ul>
 *   <li>right password: 200 and the plain claim sets of {@link TokenIssuer} (the signing filter mapped on
 *       the same URL turns them into JWTs);</li>
 *   <li>wrong user or password: 401 {@code {"error":"invalid_credentials"}};</li>
 *   <li>anything else (other content type, malformed JSON, missing field): 400
 *       {@code {"error":"invalid_request"}}.</li>
 * </ul>
 * It knows nothing about signing. Thread-safe.
 */
public class LoginServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private transient UserDirectory users;
    private transient TokenIssuer issuer;

    @Override
    public void init() throws ServletException {
        users = MonolithSetup.users(getServletContext());
        issuer = MonolithSetup.issuer(getServletContext());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Map<String, String>> credentials = RequestFields.read(request, "user", "pass");
        if (credentials.isEmpty()) {
            JsonAnswer.error(response, HttpServletResponse.SC_BAD_REQUEST, "invalid_request");
            return;
        }
        Optional<User> user = users.authenticate(credentials.get().get("user"), credentials.get().get("pass"));
        if (user.isEmpty()) {
            JsonAnswer.error(response, HttpServletResponse.SC_UNAUTHORIZED, "invalid_credentials");
            return;
        }
        JsonAnswer.write(response, HttpServletResponse.SC_OK, issuer.issue(user.get()));
    }
}
