package io.github.jwtsigner.bench;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;

/**
 * The legacy login servlet: for {@code POST}, reads the credentials and answers the plain claim sets of
 * {@link LoginBody#JSON} (or a given body) through the writer, as {@code application/json} in UTF-8. It
 * checks no password: the benchmarks measure what happens around it.
 *
 * <p>Stateless and thread-safe.
 */
public final class LoginServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final String body;

    /** Answers {@link LoginBody#JSON}. */
    public LoginServlet() {
        this(LoginBody.JSON);
    }

    /** Answers {@code body} instead. */
    public LoginServlet(String body) {
        this.body = body;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        drain(req.getInputStream());
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.getWriter().write(body);
    }

    /** Reads the credentials without keeping them, so the request costs what reading a small body costs. */
    private static void drain(InputStream in) throws IOException {
        byte[] chunk = new byte[256];
        while (in.read(chunk) >= 0) {
            // A real servlet would check these credentials.
        }
    }
}
