package io.github.jwtsigner.testing;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
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
 * committed before {@link #markServletReturned()}. {@link #recycle()} makes it as new and keeps its buffer and
 * writer, so a benchmark can reuse one without allocating.
 *
 * <p>One instance per test or benchmark thread; not thread-safe.
 */
public final class RecordingResponse implements HttpServletResponse {
    /** Tomcat's early hints status. */
    public static final int EARLY_HINTS = 103;

    private static final String DEFAULT_CHARSET = "ISO-8859-1";

    private final List<String[]> headers = new ArrayList<>();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final List<String> touches = new ArrayList<>();
    private final String[] contentLengthHeader = {"Content-Length", null};
    private long contentLength = -1;
    private int status;
    private String errorMessage;
    private String mimeType;
    private String mimeParams;
    private String charset;
    private boolean committed;
    private boolean suspended;
    private boolean usingWriter;
    private boolean usingStream;
    private boolean touched;
    private String touchedBeforeServletReturned;
    private int bufferSize;
    private int earlyHints;
    private Locale locale;
    private PrintWriter writer;
    private BodyWriter bodyWriter;
    private ServletOutputStream stream;

    public RecordingResponse() {
        recycle();
    }

    /** Makes the response as new; keeps the body buffer's capacity, and the writer unless it was closed. */
    public void recycle() {
        headers.clear();
        body.reset();
        touches.clear();
        status = 200;
        errorMessage = null;
        mimeType = null;
        mimeParams = "";
        charset = null;
        committed = false;
        suspended = false;
        usingWriter = false;
        usingStream = false;
        touched = false;
        touchedBeforeServletReturned = null;
        bufferSize = 8192;
        earlyHints = 0;
        locale = Locale.getDefault();
        if (bodyWriter != null && bodyWriter.closed) {
            writer = null;
            bodyWriter = null;
        }
    }

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

    /** How many body bytes were written, without copying them. */
    public int bodySize() {
        return body.size();
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
            bodyWriter = new BodyWriter();
            writer = new PrintWriter(bodyWriter);
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
        return charset == null ? mimeType + mimeParams : mimeType + mimeParams + ";charset=" + charset;
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
        int end = type.indexOf(';');
        mimeType = trimmed(type, 0, end < 0 ? type.length() : end, mimeType);
        StringBuilder params = null;
        while (end >= 0) {
            int from = end + 1;
            end = type.indexOf(';', from);
            String p = trimmed(type, from, end < 0 ? type.length() : end, null);
            if (p.regionMatches(true, 0, "charset=", 0, "charset=".length())) {
                if (!usingWriter) {
                    charset = trimmed(p, "charset=".length(), p.length(), charset);
                }
            } else if (!p.isEmpty()) {
                params = params == null ? new StringBuilder() : params;
                params.append(';').append(p);
            }
        }
        mimeParams = params == null ? "" : params.toString();
    }

    /** {@code s[from, to)} trimmed; {@code current} when equal, so that setting a value again allocates nothing. */
    private static String trimmed(String s, int from, int to, String current) {
        while (from < to && s.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && s.charAt(to - 1) <= ' ') {
            to--;
        }
        if (current != null && current.length() == to - from && s.startsWith(current, from)) {
            return current;
        }
        return s.substring(from, to);
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
            // One entry, reused while the length repeats: a benchmark's login allocates nothing here.
            if (len != contentLength) {
                contentLength = len;
                contentLengthHeader[1] = Long.toString(len);
            }
            headers.add(contentLengthHeader);
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
        bodyWriter = null;
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
        for (int i = headers.size() - 1; i >= 0; i--) {
            if (headers.get(i)[0].equalsIgnoreCase(name)) {
                headers.remove(i);
            }
        }
    }

    /** Commits the response as a container does when the first bytes go out; for "already committed" tests. */
    public void commitNow() {
        commit();
    }

    @Override
    public String toString() {
        return snapshot();
    }

    /**
     * Encodes each write on its own in the response's charset, as {@code new String(chars).getBytes(charset)}
     * would (unmappable and lone surrogates become the charset's replacement), through buffers it keeps: a
     * write allocates nothing.
     */
    private final class BodyWriter extends Writer {
        private final CharBuffer chars = CharBuffer.allocate(1024);
        private final ByteBuffer scratch = ByteBuffer.allocate(4096);
        private CharsetEncoder encoder;
        private boolean closed;

        @Override
        public void write(char[] cbuf, int off, int len) {
            write(null, cbuf, off, len);
        }

        @Override
        public void write(String str, int off, int len) {
            write(str, null, off, len);
        }

        /** Writes {@code len} chars from {@code str}, or else from {@code cbuf}, starting at {@code off}. */
        private void write(String str, char[] cbuf, int off, int len) {
            if (suspended) {
                return;
            }
            Charset cs = Charset.forName(charset);
            if (encoder == null || !encoder.charset().equals(cs)) {
                encoder = cs.newEncoder().onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE);
            }
            encoder.reset();
            chars.clear();
            int end = off + len;
            do {
                int n = Math.min(chars.remaining(), end - off);
                if (str != null) {
                    str.getChars(off, off + n, chars.array(), chars.position());
                    chars.position(chars.position() + n);
                } else {
                    chars.put(cbuf, off, n);
                }
                off += n;
                chars.flip();
                while (encoder.encode(chars, scratch, off == end).isOverflow()) {
                    drain();
                }
                // Keeps a high surrogate whose low half is in the next chunk.
                chars.compact();
            } while (off < end);
            while (encoder.flush(scratch).isOverflow()) {
                drain();
            }
            drain();
            written();
        }

        private void drain() {
            body.write(scratch.array(), 0, scratch.position());
            scratch.clear();
        }

        @Override
        public void flush() {
            touch("flushed");
            commit();
        }

        @Override
        public void close() {
            closed = true;
            commit();
        }
    }
}
