package io.github.jwtsigner.internal.servlet;

import io.github.jwtsigner.internal.decision.BodyDecoder;
import io.github.jwtsigner.internal.decision.ContentType;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.Charset;
import java.util.function.Consumer;

/**
 * The response a servlet sees behind the signer: status and headers go to the real response (a fail-closed
 * answer resets them), the body is held in a {@link CapturedBody}, and nothing is sent or committed.
 *
 * <p>What it does about each trap:
 * <ul>
 *   <li>the writer and the stream write into the held body; flushes are swallowed, and {@link #isCommitted()}
 *       stays false;</li>
 *   <li>every Content-Length setter is held with the body, and set if the body passes through;</li>
 *   <li>the charset the servlet declares is tracked here, because {@code getCharacterEncoding()} always
 *       answers some default; after {@code getWriter()} it no longer changes, as in a container;</li>
 *   <li>{@code sendError} and {@code sendRedirect} go straight to the container, which then owns the response;
 *       except inside an include, and for {@code sendError(103)}, an interim response (early hints) after
 *       which the final one is still the filter's to decide.</li>
 * </ul>
 * On Tomcat the real response sits behind a {@link DetachedResponse}, so that a forward leaves it usable.
 *
 * <p>One instance per request; not thread-safe.
 */
final class SigningResponseWrapper extends HttpServletResponseWrapper {
    /** Tomcat's early hints: {@code sendError(103)} sends the headers so far as an interim response. */
    static final int EARLY_HINTS = 103;
    private static final int LAST_REDIRECT = 399;
    private static final String CONTENT_LENGTH = "Content-Length";
    private static final String CONTENT_TYPE = "Content-Type";
    private static final String LINK = "Link";

    private final CapturedBody body;
    private PrintWriter writer;
    private String declaredCharset;
    private boolean charsetFixed;
    /** What this wrapper was made around; anything else in its place is a container's include wrapper. */
    private final ServletResponse base;
    private boolean insideInclude;

    SigningResponseWrapper(HttpServletResponse real, int maxBodyBytes) {
        super(DetachedResponse.of(real));
        this.base = getResponse();
        this.body = new CapturedBody(real, maxBodyBytes);
    }

    /**
     * Tomcat puts its include wrapper in here for the time of an include, and takes it out again. While it is
     * in, {@code sendError} and {@code sendRedirect} are ignored, as that wrapper ignores them: the held body
     * stays the filter's to decide about.
     */
    @Override
    public void setResponse(ServletResponse response) {
        super.setResponse(response);
        insideInclude = response != base;
    }

    CapturedBody body() {
        return body;
    }

    /** The charset the servlet set, by {@code setCharacterEncoding} or in {@code setContentType}; or null. */
    String declaredCharset() {
        return declaredCharset;
    }

    /** The held body, to be read as text: as the characters the writer was given, or as the stream's bytes. */
    BodyDecoder heldBody() {
        return body.output() == CapturedBody.Output.WRITER
                ? BodyDecoder.ofWriter(body.bytes(), body.sawLoneSurrogate(), getCharacterEncoding())
                : BodyDecoder.ofStream(body.bytes(), declaredCharset);
    }

    private HttpServletResponse real() {
        return (HttpServletResponse) getResponse();
    }

    /** Holds a Content-Length set while the body is held; false when it is not one, or the body passes through. */
    private boolean heldContentLength(String name, Consumer<HttpServletResponse> setter) {
        if (body.passingThrough() || !CONTENT_LENGTH.equalsIgnoreCase(name)) {
            return false;
        }
        body.holdContentLength(setter);
        return true;
    }

    @Override
    public ServletOutputStream getOutputStream() {
        if (!body.choose(CapturedBody.Output.STREAM)) {
            throw new IllegalStateException("getWriter() has already been called for this response");
        }
        return body.stream();
    }

    @Override
    public PrintWriter getWriter() {
        if (!body.choose(CapturedBody.Output.WRITER)) {
            throw new IllegalStateException("getOutputStream() has already been called for this response");
        }
        if (writer == null) {
            writer = new PrintWriter(body.writer());
        }
        charsetFixed = true;
        return writer;
    }

    @Override
    public void setCharacterEncoding(String charset) {
        if (charsetFixed) {
            return;
        }
        declaredCharset = charset;
        super.setCharacterEncoding(charset);
    }

    /** Servlet 6.1's overload; declared without {@code @Override} so it also compiles against 6.0. */
    public void setCharacterEncoding(Charset charset) {
        setCharacterEncoding(charset == null ? null : charset.name());
    }

    @Override
    public void setContentType(String type) {
        if (charsetFixed) {
            super.setContentType(ContentType.withoutCharset(type));
            return;
        }
        String charset = ContentType.charset(type);
        if (charset != null) {
            declaredCharset = charset;
        }
        super.setContentType(type);
    }

    @Override
    public void setContentLength(int len) {
        if (!heldContentLength(CONTENT_LENGTH, r -> r.setContentLength(len))) {
            super.setContentLength(len);
        }
    }

    @Override
    public void setContentLengthLong(long len) {
        if (!heldContentLength(CONTENT_LENGTH, r -> r.setContentLengthLong(len))) {
            super.setContentLengthLong(len);
        }
    }

    @Override
    public void setHeader(String name, String value) {
        if (CONTENT_TYPE.equalsIgnoreCase(name) && !body.passingThrough()) {
            setContentType(value);
        } else if (!heldContentLength(name, r -> r.setHeader(name, value))) {
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (CONTENT_TYPE.equalsIgnoreCase(name) && !body.passingThrough()) {
            setContentType(value);
        } else if (!heldContentLength(name, r -> r.addHeader(name, value))) {
            super.addHeader(name, value);
        }
    }

    @Override
    public void setIntHeader(String name, int value) {
        if (!heldContentLength(name, r -> r.setIntHeader(name, value))) {
            super.setIntHeader(name, value);
        }
    }

    @Override
    public void addIntHeader(String name, int value) {
        if (!heldContentLength(name, r -> r.addIntHeader(name, value))) {
            super.addIntHeader(name, value);
        }
    }

    @Override
    public void flushBuffer() throws IOException {
        body.flush();
        if (body.passingThrough()) {
            super.flushBuffer();
        }
    }

    @Override
    public boolean isCommitted() {
        return body.passingThrough() && super.isCommitted();
    }

    @Override
    public void reset() {
        super.reset();
        if (!body.passingThrough()) {
            body.reset();
            declaredCharset = null;
            charsetFixed = false;
        }
    }

    @Override
    public void resetBuffer() {
        if (body.passingThrough()) {
            super.resetBuffer();
        } else {
            body.clear();
        }
    }

    /**
     * Hands the response over to the container, except inside an include (ignored, as the container does) and
     * for an interim {@code 103} (see {@link #earlyHints}).
     *
     * @throws IllegalArgumentException for any other status below 300
     */
    @Override
    public void sendError(int sc, String msg) throws IOException {
        sendError(sc, () -> super.sendError(sc, msg));
    }

    /** As {@link #sendError(int, String)}. */
    @Override
    public void sendError(int sc) throws IOException {
        sendError(sc, () -> super.sendError(sc));
    }

    private void sendError(int sc, Send send) throws IOException {
        if (insideInclude) {
            return;
        }
        if (sc == EARLY_HINTS) {
            earlyHints(send);
            return;
        }
        refuseSuccessAsError(sc);
        handOver();
        send.send();
    }

    /**
     * A status below 300 is no error: after it the containers send the servlet's cookies with a 2xx page of
     * their own (Jetty), or with an empty body (Tomcat), and Jetty takes 102 as an interim response after which
     * the body would still be the servlet's to write. Refused, as no container answer could be right here.
     */
    private static void refuseSuccessAsError(int sc) {
        if (sc < HttpServletResponse.SC_MULTIPLE_CHOICES) {
            throw new IllegalArgumentException("sendError status [" + sc + "] is not an error; expected a status"
                    + " of 300 or more (or 103 for early hints) behind the JWT signer filter");
        }
    }

    /** A call that sends something to the client. */
    @FunctionalInterface
    private interface Send {
        void send() throws IOException;
    }

    /**
     * Early hints carry every header set so far (both Tomcat and Jetty copy them into the {@code 103}), ahead
     * of the decision to sign or fail closed. So they are sent only while the headers are all {@code Link}
     * headers, as RFC 8297 means them; otherwise they are left out, which a client cannot tell from a server
     * that sends none.
     */
    private void earlyHints(Send send) throws IOException {
        for (String name : getHeaderNames()) {
            if (!LINK.equalsIgnoreCase(name)) {
                return;
            }
        }
        send.send();
    }

    /** Hands the response over to the container, except inside an include (ignored, as the container does). */
    @Override
    public void sendRedirect(String location) throws IOException {
        if (insideInclude) {
            return;
        }
        handOver();
        super.sendRedirect(location);
    }

    /** From now on the container owns the response; it sees the writer in use, as it would have. */
    private void handOver() throws IOException {
        if (!body.passingThrough() && body.output() == CapturedBody.Output.WRITER) {
            real().getWriter();
        }
        body.discard();
    }

    /** Servlet 6.1's overload; declared without {@code @Override} so it also compiles against 6.0. */
    public void sendRedirect(String location, int sc) throws IOException {
        sendRedirect(location, sc, true);
    }

    /** Servlet 6.1's overload; declared without {@code @Override} so it also compiles against 6.0. */
    public void sendRedirect(String location, boolean clearBuffer) throws IOException {
        sendRedirect(location, HttpServletResponse.SC_FOUND, clearBuffer);
    }

    /**
     * Servlet 6.1's redirect; declared without {@code @Override} so it also compiles against 6.0. The body
     * written so far is dropped even with {@code clearBuffer} false: written before the redirect's status, it
     * could fill the container's buffer and go out with the servlet's 2xx. Ignored inside an include, as the
     * container does; a status that is not a redirect (Tomcat would send it as it is) is refused.
     *
     * @throws IllegalArgumentException for a status outside 300..399
     */
    public void sendRedirect(String location, int sc, boolean clearBuffer) throws IOException {
        if (insideInclude) {
            return;
        }
        if (sc < HttpServletResponse.SC_MULTIPLE_CHOICES || sc > LAST_REDIRECT) {
            throw new IllegalArgumentException("sendRedirect status [" + sc + "] is not a redirect; expected a"
                    + " status from 300 to 399 behind the JWT signer filter");
        }
        handOver();
        try {
            HttpServletResponse.class.getMethod("sendRedirect", String.class, int.class, boolean.class)
                    .invoke(real(), location, sc, true);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException) {
                throw (IOException) cause;
            }
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            throw new IllegalStateException("sendRedirect failed", cause);
        } catch (ReflectiveOperationException e) {
            // A Servlet 6.0 container: nobody can call this overload through its API.
            super.sendRedirect(location);
        }
    }
}
