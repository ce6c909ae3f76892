package io.github.jwtsigner.it;

import io.github.jwtsigner.testing.LogCanary;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A login servlet that answers plain claims in the awkward ways a legacy servlet can: switching status and
 * Content-Type after a large body started streaming, going asynchronous, a byte order mark, forwarding to or
 * including a JSP, early hints, deep nesting. Every claim set carries the marker subject {@value #MARKER}, which
 * must never reach a client unsigned. The path info names the case:
 * <ul>
 *   <li>{@code /login}: 201, the cookie, the claims as JSON;</li>
 *   <li>{@code /late-switch/{error-500|text-plain}/{set-content-type|set-header|add-header|reset}};</li>
 *   <li>{@code /async/{inline|start-before-return|start-after-return}};</li>
 *   <li>{@code /bom/{writer|stream}/{no-type|json}};</li>
 *   <li>{@code /forward/{request|context|named}} and {@code /include/jsp};</li>
 *   <li>{@code /early-hints};</li>
 *   <li>{@code /deep/<depth>};</li>
 *   <li>{@code /include-then/{send-error|redirect|redirect-keep}}: the claims written, then an included fragment
 *       that calls {@code sendError}, {@code sendRedirect} or Servlet 6.1's {@code sendRedirect(loc, 302, false)};</li>
 *   <li>{@code /early-hints-cookie}: the cookie, {@code sendError(103)}, then an answer that fails closed;</li>
 *   <li>{@code /redirect-keep/<status>}: the claims written, then Servlet 6.1's
 *       {@code sendRedirect(loc, status, false)};</li>
 *   <li>{@code /redirect-keep-large/<status>}: the same after a 201 login of {@value #LARGE_LOGIN_BYTES} bytes
 *       written to the output stream;</li>
 *   <li>{@code /latin1-utf16/{default|declared}}: a 200 without a Content-Type, the claims' UTF-16 bytes
 *       written as ISO-8859-1 characters;</li>
 *   <li>{@code /session-fail-closed/{plain|hints}}: a new session, early hints or not, then an answer that
 *       fails closed.</li>
 * </ul>
 */
public class AttackServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /** The subject of every claim set the servlet writes. */
    static final String MARKER = "alice-plain";
    /** The login body: a claim set to sign and a member that stays. */
    static final String CLAIMS = "{\"access_token\":{\"sub\":\"" + MARKER + "\",\"roles\":[\"role_a\"],"
            + LogCanary.MEMBER + ",\"exp\":1735689600},\"exp\":1735689600}";
    /** The session cookie the servlet sets where a login succeeds. */
    static final String COOKIE_NAME = "SESSION";
    /** Request attribute: a latch {@link ChainExitFilter} counts down once the whole filter chain returned. */
    static final String CHAIN_EXIT = "it.chain-exit";
    /** Response header: what {@code sendError(103)} did in this container. */
    static final String EARLY_HINTS_HEADER = "X-Early-Hints";

    /** Request attribute: what the fragment included by {@code /include-then} does. */
    static final String FRAGMENT = "it.fragment";

    private static final long WAIT_SECONDS = 10;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        if (req.getAttribute(FRAGMENT) instanceof String fragment) {
            fragment(resp, fragment);
            return;
        }
        String[] parts = req.getPathInfo().substring(1).split("/");
        switch (parts[0]) {
            case "login" -> login(resp);
            case "late-switch" -> lateSwitch(resp, parts[1], parts[2]);
            case "async" -> async(req, parts[1]);
            case "bom" -> byteOrderMark(resp, parts[1], parts[2]);
            case "forward" -> forward(req, resp, parts[1]);
            case "include" -> include(req, resp);
            case "early-hints" -> earlyHints(resp);
            case "deep" -> deep(resp, Integer.parseInt(parts[1]));
            case "include-then" -> includeThen(req, resp, parts[1]);
            case "early-hints-cookie" -> earlyHintsCookie(resp);
            case "redirect-keep" -> {
                writeLogin(resp, 200);
                redirectKeepingBody(resp, Integer.parseInt(parts[1]));
            }
            case "redirect-keep-large" -> {
                writeLargeLogin(resp, 201);
                redirectKeepingBody(resp, Integer.parseInt(parts[1]));
            }
            case "latin1-utf16" -> latin1Utf16(resp, parts[1]);
            case "session-fail-closed" -> sessionThenFailClosed(req, resp, parts[1]);
            default -> resp.sendError(404, "no such case");
        }
    }

    /** The size of {@link #largeLoginClaims()}: twice Tomcat's default response buffer of 8 KiB. */
    static final int LARGE_LOGIN_BYTES = 16 * 1024;

    /** The claims padded to {@value #LARGE_LOGIN_BYTES} bytes (ASCII), well below the default signer's limit. */
    static String largeLoginClaims() {
        String head = "{\"access_token\":{\"sub\":\"" + MARKER + "\",\"exp\":1735689600},\"padding\":\"";
        String tail = "\"}";
        return head + "x".repeat(LARGE_LOGIN_BYTES - head.length() - tail.length()) + tail;
    }

    /** Status, the cookie, a JSON type and {@link #largeLoginClaims()} as UTF-8 bytes, held by the signer. */
    private static void writeLargeLogin(HttpServletResponse resp, int status) throws IOException {
        resp.setStatus(status);
        resp.addCookie(session());
        resp.setContentType("application/json");
        resp.getOutputStream().write(largeLoginClaims().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A 200 login without a Content-Type whose claims go out in UTF-16 (with the byte order mark Java's
     * {@code UTF-16} writes) the legacy way: the UTF-16 bytes written as ISO-8859-1 characters, through the
     * container's default writer charset ({@code default}) or one declared as ISO-8859-1 ({@code declared}).
     */
    private static void latin1Utf16(HttpServletResponse resp, String how) throws IOException {
        resp.setStatus(200);
        resp.addCookie(session());
        if ("declared".equals(how)) {
            resp.setCharacterEncoding("ISO-8859-1");
        }
        resp.getWriter().write(new String(CLAIMS.getBytes(StandardCharsets.UTF_16), StandardCharsets.ISO_8859_1));
    }

    /**
     * A login that creates its session (so the container sets its session cookie), with early hints first
     * ({@code hints}) or not ({@code plain}), then an answer the signer refuses (single quotes).
     */
    private static void sessionThenFailClosed(HttpServletRequest req, HttpServletResponse resp, String how)
            throws IOException {
        req.getSession(true).setAttribute("user", MARKER);
        if ("hints".equals(how)) {
            resp.addHeader("Link", "</style.css>; rel=preload; as=style");
            resp.sendError(103);
        }
        resp.setStatus(200);
        resp.setContentType("application/json");
        resp.getWriter().write("{'access_token':{'sub':'" + MARKER + "'}}");
    }

    private static void login(HttpServletResponse resp) throws IOException {
        resp.setStatus(201);
        resp.addCookie(session());
        resp.setContentType("application/json");
        resp.getWriter().write(CLAIMS);
    }

    /**
     * Starts a body larger than the small signer's {@code max_body_bytes} as a non-2xx or non-JSON answer, in a
     * container buffer large enough to hold it all uncommitted, then turns the answer into 200 JSON.
     */
    private static void lateSwitch(HttpServletResponse resp, String start, String change) throws IOException {
        resp.setBufferSize(1 << 20);
        switch (start) {
            case "error-500" -> resp.setStatus(500);
            case "text-plain" -> {
                resp.setStatus(200);
                resp.setContentType("text/plain");
            }
            default -> throw new IllegalArgumentException(start);
        }
        byte[] body = largeClaims();
        ServletOutputStream out = resp.getOutputStream();
        out.write(body);
        switch (change) {
            case "set-content-type" -> {
                resp.setStatus(200);
                resp.setContentType("application/json");
            }
            case "set-header" -> {
                resp.setStatus(200);
                resp.setHeader("Content-Type", "application/json");
            }
            case "add-header" -> {
                resp.setStatus(200);
                resp.addHeader("Content-Type", "application/json");
            }
            case "reset" -> {
                try {
                    resp.reset();
                } catch (IllegalStateException committed) {
                    // As from any committed response: what was streamed is what the client gets.
                    return;
                }
                resp.setStatus(200);
                resp.setContentType("application/json");
                resp.getOutputStream().write(body);
            }
            default -> throw new IllegalArgumentException(change);
        }
    }

    /** The claims padded to 2048 bytes, twice the small signer's limit. */
    static byte[] largeClaims() {
        String head = "{\"access_token\":{\"sub\":\"" + MARKER + "\",\"exp\":1735689600},\"padding\":\"";
        String tail = "\"}";
        return (head + "x".repeat(2048 - head.length() - tail.length()) + tail).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * {@code startAsync()} without arguments: the async context holds the container's own response, not the
     * signer's wrapper. {@code inline} writes on the request thread; {@code start-before-return} writes from
     * {@code AsyncContext.start} while the servlet waits for it; {@code start-after-return} writes from
     * {@code AsyncContext.start} once the whole filter chain has returned.
     */
    private static void async(HttpServletRequest req, String when) throws IOException {
        CountDownLatch chainExit = new CountDownLatch(1);
        req.setAttribute(CHAIN_EXIT, chainExit);
        AsyncContext async = req.startAsync();
        switch (when) {
            case "inline" -> {
                writeAsync(async);
                async.complete();
            }
            case "start-before-return" -> {
                CountDownLatch written = new CountDownLatch(1);
                async.start(() -> {
                    try {
                        writeAsync(async);
                    } catch (IOException | RuntimeException e) {
                        log(req, "async write failed", e);
                    } finally {
                        written.countDown();
                    }
                    await(chainExit);
                    completeQuietly(async);
                });
                await(written);
            }
            case "start-after-return" -> async.start(() -> {
                await(chainExit);
                try {
                    writeAsync(async);
                } catch (IOException | RuntimeException e) {
                    // The request may be over already; then there is nothing to write to.
                    log(req, "async write failed", e);
                }
                completeQuietly(async);
            });
            default -> throw new IllegalArgumentException(when);
        }
    }

    private static void writeAsync(AsyncContext async) throws IOException {
        HttpServletResponse resp = (HttpServletResponse) async.getResponse();
        resp.setStatus(200);
        resp.setContentType("application/json");
        resp.addCookie(session());
        resp.getWriter().write(CLAIMS);
        resp.flushBuffer();
    }

    private static void completeQuietly(AsyncContext async) {
        try {
            async.complete();
        } catch (IllegalStateException e) {
            // Already completed by the filter's fail-closed answer.
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("waited " + WAIT_SECONDS + "s in vain");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void log(HttpServletRequest req, String what, Exception e) {
        req.getServletContext().log(what, e);
    }

    /** The claims after a UTF-8 byte order mark, through the writer or as bytes, with or without a type. */
    private static void byteOrderMark(HttpServletResponse resp, String api, String type) throws IOException {
        resp.setStatus(200);
        if ("json".equals(type)) {
            resp.setContentType("application/json");
        }
        switch (api) {
            case "writer" -> resp.getWriter().write("\uFEFF" + CLAIMS);
            case "stream" -> {
                ServletOutputStream out = resp.getOutputStream();
                out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
                out.write(CLAIMS.getBytes(StandardCharsets.UTF_8));
            }
            default -> throw new IllegalArgumentException(api);
        }
    }

    /** 201 and the session cookie here; the claims and their Content-Type from the JSP or servlet forwarded to. */
    private void forward(HttpServletRequest req, HttpServletResponse resp, String how)
            throws ServletException, IOException {
        resp.setStatus(201);
        resp.addCookie(session());
        switch (how) {
            case "request" -> req.getRequestDispatcher(AttackWebapp.CLAIMS_JSP).forward(req, resp);
            case "context" -> getServletContext().getRequestDispatcher(AttackWebapp.CLAIMS_JSP).forward(req, resp);
            case "named" -> getServletContext().getNamedDispatcher(AttackWebapp.CLAIMS_SERVLET).forward(req, resp);
            default -> throw new IllegalArgumentException(how);
        }
    }

    /** 201, the cookie and the Content-Type here; the body from the included JSP. */
    private static void include(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        resp.setStatus(201);
        resp.addCookie(session());
        resp.setContentType("application/json");
        req.getRequestDispatcher(AttackWebapp.CLAIMS_JSP).include(req, resp);
    }

    /** Tomcat 11's early hints API ({@code sendError(103)}), then the real answer. */
    private static void earlyHints(HttpServletResponse resp) throws IOException {
        resp.addHeader("Link", "</style.css>; rel=preload; as=style");
        String outcome;
        try {
            resp.sendError(103);
            outcome = "sent";
        } catch (IOException | RuntimeException e) {
            outcome = "refused: " + e.getClass().getName();
        }
        resp.setStatus(200);
        resp.setContentType("application/json");
        resp.setHeader(EARLY_HINTS_HEADER, outcome);
        resp.addCookie(session());
        resp.getWriter().write(CLAIMS);
    }

    /** Claims whose nesting, counted as {@code JsonParser} counts it (the outer object is 1), is {@code depth}. */
    private static void deep(HttpServletResponse resp, int depth) throws IOException {
        resp.setStatus(200);
        resp.setContentType("application/json");
        resp.addCookie(session());
        resp.getWriter().write(deepClaims(depth));
    }

    static String deepClaims(int depth) {
        int arrays = depth - 2;
        return "{\"access_token\":{\"sub\":\"" + MARKER + "\",\"deep\":" + "[".repeat(arrays) + "]".repeat(arrays)
                + "}}";
    }

    private static Cookie session() {
        Cookie cookie = new Cookie(COOKIE_NAME, "s-1");
        cookie.setHttpOnly(true);
        return cookie;
    }

    /** Status, the cookie, a JSON type and the plain claims, held by the signer. */
    private static void writeLogin(HttpServletResponse resp, int status) throws IOException {
        resp.setStatus(status);
        resp.addCookie(session());
        resp.setContentType("application/json");
        resp.getWriter().write(CLAIMS);
    }

    /**
     * The claims as a 201 login, then a fragment included by name (a view helper, a tile) that gives up on the
     * response. Inside an include the container ignores {@code sendError} and {@code sendRedirect}.
     */
    private void includeThen(HttpServletRequest req, HttpServletResponse resp, String what)
            throws ServletException, IOException {
        writeLogin(resp, 201);
        req.setAttribute(FRAGMENT, what);
        try {
            getServletContext().getNamedDispatcher("attack").include(req, resp);
        } finally {
            req.removeAttribute(FRAGMENT);
        }
    }

    private static void fragment(HttpServletResponse resp, String what) throws IOException {
        switch (what) {
            case "send-error" -> resp.sendError(404);
            case "redirect" -> resp.sendRedirect("/elsewhere");
            case "redirect-keep" -> redirectKeepingBody(resp, 302);
            default -> throw new IllegalArgumentException(what);
        }
    }

    /**
     * Servlet 6.1's {@code sendRedirect(location, sc, clearBuffer)} with {@code clearBuffer} false, called as a
     * servlet compiled against 6.1 calls it (through the interface); a 6.0 API gets a 501.
     */
    private static void redirectKeepingBody(HttpServletResponse resp, int status) throws IOException {
        java.lang.reflect.Method redirect;
        try {
            redirect = HttpServletResponse.class.getMethod("sendRedirect", String.class, int.class, boolean.class);
        } catch (NoSuchMethodException e) {
            resp.setHeader("X-Servlet-Api", "6.0");
            return;
        }
        try {
            redirect.invoke(resp, "/next", status, false);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The session cookie set, then early hints ({@code sendError(103)}), then an answer the signer refuses
     * (single quotes are not strict JSON), so the final answer is the fail-closed one.
     */
    private static void earlyHintsCookie(HttpServletResponse resp) throws IOException {
        resp.addCookie(session());
        resp.addHeader("Link", "</style.css>; rel=preload; as=style");
        resp.sendError(103);
        resp.setStatus(200);
        resp.setContentType("application/json");
        resp.getWriter().write("{'access_token':{'sub':'" + MARKER + "'}}");
    }
}
