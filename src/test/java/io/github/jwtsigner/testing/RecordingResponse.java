package io.github.jwtsigner.testing;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An in-memory response that behaves like a container's (Tomcat's rules for charset, reset and commit) and
 * records everything: status, headers, the bytes written, and whether anything was written, flushed or
 * committed before {@link #markServletReturned()}.
 *
 * <p>One instance per test; not thread-safe.
 */
public final class RecordingResponse implements HttpServletResponse {
    /** Tomcat's early hints status. */
    public static final int EARLY_HINTS = 103;

    private static final String DEFAULT_CHARSET = "ISO-8859-1";

    private final List<String[]> headers = new ArrayList<>();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private int status = 200;
    private String errorMessage;
    private String mimeType;
    private String mimeParams = "";
    private String charset;
    private boolean committed;
    private boolean suspended;
    private boolean usingWriter;
    private boolean usingStream;
    private boolean touched;
    private String touchedBeforeServletReturned;
    private int bufferSize = 8192;
    private int earlyHints;
    private Locale locale = Locale.getDefault();
    private PrintWriter writer;
    private ServletOutputStream stream;
    private final List<String> touches = new ArrayList<>();

    /** Records whether anything reached this response while the servlet ran; call it as the servlet returns. */
    public void markServletReturned() {
        touchedBeforeServletReturned = touches.isEmpty() ? null : String.join(", ", touches);
    }

    /** What reached this response before the servlet returned (writes, flushes, commit), or null for nothing. */
    public String touchedBeforeServletReturned() {
        return touchedBeforeServletReturned;
    }

    public boolean touched() {
        return touched;
    }

    /** How many interim 103 responses ({@code sendError(103)}, Tomcat's early hints) were sent. */
    public int earlyHints() {
        return earlyHints;
    }

    public byte[] bodyBytes() {
        return body.toByteArray();
    }

    public String bodyText(Charset cs) {
        return body.toString(cs);
    }

    public String errorMessage() {
        return errorMessage;
    }

    /**
     * Status, every header (names lower-cased, values in order), the Content-Type and the body bytes in one
     * comparable string, for "exactly as without the filter" checks.
     */
    public String snapshot() {
        Map<String, List<String>> sorted = new TreeMap<>();
        for (String[] h : headers) {
            sorted.computeIfAbsent(h[0].toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(h[1]);
        }
        StringBuilder hex = new StringBuilder();
        for (byte b : bodyBytes()) {
            hex.append(String.format("%02x", b));
        }
        return "status=" + status + " error=" + errorMessage + " content-type=" + getContentType() + " headers="
                + sorted + " committed=" + committed + " body=" + hex;
    }

    private void touch(String what) {
        touched = true;
        if (!touches.contains(what)) {
            touches.add(what);
        }
    }

    private void written() {
        touch("body written");
        if (body.size() > bufferSize) {
            commit();
        }
    }

    private void commit() {
        committed = true;
        touch("committed");
    }

    @Override
    public ServletOutputStream getOutputStream() {
        if (usingWriter) {
            throw new IllegalStateException("getWriter() has already been called");
        }
        usingStream = true;
        if (stream == null) {
            stream = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    if (!suspended) {
                        body.write(b);
                        written();
                    }
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    if (!suspended) {
                        body.write(b, off, len);
                        written();
                    }
                }

                @Override
                public void flush() {
                    touch("flushed");
                    commit();
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener writeListener) {
                    throw new UnsupportedOperationException();
                }
            };
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() {
        if (usingStream) {
            throw new IllegalStateException("getOutputStream() has already been called");
        }
        if (!usingWriter && charset == null) {
            charset = DEFAULT_CHARSET;
        }
        usingWriter = true;
        if (writer == null) {
            writer = new PrintWriter(new Writer() {
                @Override
                public void write(char[] cbuf, int off, int len) {
                    if (!suspended) {
                        byte[] bytes = new String(cbuf, off, len).getBytes(Charset.forName(charset));
                        body.write(bytes, 0, bytes.length);
                        written();
                    }
                }

                @Override
                public void flush() {
                    touch("flushed");
                    commit();
                }

                @Override
                public void close() {
                    commit();
                }
            });
        }
        return writer;
    }

    @Override
    public String getCharacterEncoding() {
        return charset == null ? DEFAULT_CHARSET : charset;
    }

    @Override
    public String getContentType() {
        if (mimeType == null) {
            return null;
        }
        return mimeType + mimeParams + (charset == null ? "" : ";charset=" + charset);
    }

    @Override
    public void setCharacterEncoding(String cs) {
        if (committed || usingWriter) {
            return;
        }
        charset = cs;
    }

    @Override
    public void setContentType(String type) {
        if (committed) {
            return;
        }
        if (type == null) {
            mimeType = null;
            mimeParams = "";
            return;
        }
        String[] parts = type.split(";");
        mimeType = parts[0].trim();
        StringBuilder params = new StringBuilder();
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                if (!usingWriter) {
                    charset = p.substring("charset=".length()).trim();
                }
            } else if (!p.isEmpty()) {
                params.append(';').append(p);
            }
        }
        mimeParams = params.toString();
    }

    @Override
    public void setContentLength(int len) {
        setContentLengthLong(len);
    }

    @Override
    public void setContentLengthLong(long len) {
        if (committed) {
            return;
        }
        removeHeader("Content-Length");
        if (len >= 0) {
            headers.add(new String[] {"Content-Length", Long.toString(len)});
        }
    }

    @Override
    public void setBufferSize(int size) {
        bufferSize = size;
    }

    @Override
    public int getBufferSize() {
        return bufferSize;
    }

    @Override
    public void flushBuffer() {
        touch("flushBuffer");
        commit();
    }

    @Override
    public void resetBuffer() {
        if (committed) {
            throw new IllegalStateException("committed");
        }
        body.reset();
    }

    @Override
    public boolean isCommitted() {
        return committed;
    }

    @Override
    public void reset() {
        if (committed) {
            throw new IllegalStateException("committed");
        }
        body.reset();
        headers.clear();
        status = 200;
        mimeType = null;
        mimeParams = "";
        charset = null;
        usingWriter = false;
        usingStream = false;
        writer = null;
        stream = null;
    }

    @Override
    public void setLocale(Locale loc) {
        locale = loc;
    }

    @Override
    public Locale getLocale() {
        return locale;
    }

    @Override
    public void addCookie(Cookie cookie) {
        addHeader("Set-Cookie", cookie.getName() + "=" + cookie.getValue());
    }

    @Override
    public boolean containsHeader(String name) {
        return getHeader(name) != null;
    }

    @Override
    public String encodeURL(String url) {
        return url;
    }

    @Override
    public String encodeRedirectURL(String url) {
        return url;
    }

    @Override
    public void sendError(int sc, String msg) {
        if (committed) {
            throw new IllegalStateException("committed");
        }
        if (sc == EARLY_HINTS) {
            // As Tomcat: the headers so far go out as an interim response; the final one is still to come.
            earlyHints++;
            touch("early hints");
            return;
        }
        status = sc;
        errorMessage = msg;
        body.reset();
        touch("sendError");
        commit();
        suspended = true;
    }

    @Override
    public void sendError(int sc) {
        sendError(sc, null);
    }

    @Override
    public void sendRedirect(String location) {
        if (committed) {
            throw new IllegalStateException("committed");
        }
        status = SC_FOUND;
        setHeader("Location", location);
        body.reset();
        touch("sendRedirect");
        commit();
        suspended = true;
    }

    @Override
    public void setDateHeader(String name, long date) {
        setHeader(name, Long.toString(date));
    }

    @Override
    public void addDateHeader(String name, long date) {
        addHeader(name, Long.toString(date));
    }

    @Override
    public void setHeader(String name, String value) {
        if (committed) {
            return;
        }
        if (name.equalsIgnoreCase("Content-Type")) {
            setContentType(value);
            return;
        }
        removeHeader(name);
        if (value != null) {
            headers.add(new String[] {name, value});
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (committed) {
            return;
        }
        if (name.equalsIgnoreCase("Content-Type")) {
            setContentType(value);
            return;
        }
        headers.add(new String[] {name, value});
    }

    @Override
    public void setIntHeader(String name, int value) {
        setHeader(name, Integer.toString(value));
    }

    @Override
    public void addIntHeader(String name, int value) {
        addHeader(name, Integer.toString(value));
    }

    @Override
    public void setStatus(int sc) {
        if (!committed) {
            status = sc;
        }
    }

    @Override
    public int getStatus() {
        return status;
    }

    @Override
    public String getHeader(String name) {
        if (name.equalsIgnoreCase("Content-Type")) {
            return getContentType();
        }
        for (String[] h : headers) {
            if (h[0].equalsIgnoreCase(name)) {
                return h[1];
            }
        }
        return null;
    }

    @Override
    public Collection<String> getHeaders(String name) {
        List<String> values = new ArrayList<>();
        for (String[] h : headers) {
            if (h[0].equalsIgnoreCase(name)) {
                values.add(h[1]);
            }
        }
        return values;
    }

    @Override
    public Collection<String> getHeaderNames() {
        Collection<String> names = new LinkedHashSet<>();
        for (String[] h : headers) {
            names.add(h[0]);
        }
        return names;
    }

    /** Every header as {@code name: value}, in the order set, Content-Type excluded. */
    public List<String> headerLines() {
        List<String> lines = new ArrayList<>();
        for (String[] h : headers) {
            lines.add(h[0] + ": " + h[1]);
        }
        return lines;
    }

    private void removeHeader(String name) {
        headers.removeIf(h -> h[0].equalsIgnoreCase(name));
    }

    /** Commits the response as a container does when the first bytes go out; for "already committed" tests. */
    public void commitNow() {
        commit();
    }

    @Override
    public String toString() {
        return snapshot();
    }
}
