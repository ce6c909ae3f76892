package io.github.jwtsigner.testing;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;

/**
 * A legacy login servlet: checks a form post, answers 201 with a session cookie and plain claim sets (each with the
 * {@link LogCanary} claim), or 401 with a JSON error. Any user name logs in with the password {@value #PASSWORD}.
 *
 * <p>Built with {@link #answering(String)} it checks nothing instead: for every {@code POST} it reads the
 * request body without keeping it and answers 200 with the given JSON through the writer, in UTF-8, so a
 * benchmark times what happens around a login, not the login.
 *
 * <p>Immutable and thread-safe.
 */
public class LoginServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    public static final String PASSWORD = "secret";
    public static final String NAME_CLAIM = "José 名前";

    /** The body every POST gets, or null to check the form. */
    private final String answer;

    /** Checks the form, as a container instantiates it from web.xml. */
    public LoginServlet() {
        this(null);
    }

    private LoginServlet(String answer) {
        this.answer = answer;
    }

    /** A servlet that answers every POST with 200 and {@code json}, credentials read but not checked. */
    public static LoginServlet answering(String json) {
        return new LoginServlet(json);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (answer != null) {
            drain(req.getInputStream());
            resp.setStatus(HttpServletResponse.SC_OK);
            resp.setContentType("application/json");
            resp.setCharacterEncoding("UTF-8");
            resp.getWriter().write(answer);
            return;
        }
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
                + " \"name\": \"" + NAME_CLAIM + "\", " + LogCanary.MEMBER + ", \"exp\": 1735689600},\n");
        w.write(" \"refresh_token\": {\"sub\": \"" + escape(user) + "\", " + LogCanary.MEMBER
                + ", \"exp\": 1735689600},\n");
        w.write(" \"exp\": 1735689600}");
    }

    /** Reads the credentials without keeping them, so the request costs what reading a small body costs. */
    private static void drain(InputStream in) throws IOException {
        byte[] chunk = new byte[256];
        while (in.read(chunk) >= 0) {
            // A real servlet would check these credentials.
        }
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
