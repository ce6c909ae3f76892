package io.github.jwtsigner.bench;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * An HTTP response held in memory that behaves like a container's where a filter can tell: status, headers
 * (case-insensitive, multi-valued), Content-Type with its charset, the ISO-8859-1 default, writer or stream but
 * not both, {@code reset}/{@code resetBuffer} refused once committed, {@code sendError}/{@code sendRedirect} and
 * {@code flushBuffer} committing. The body goes to a byte buffer that is kept across {@link #recycle()}, and the
 * writer is reused, so the response itself allocates almost nothing per request.
 *
 * <p>One instance per thread; not thread-safe.
 */
public final class InMemoryResponse implements HttpServletResponse {
    private static final String DEFAULT_CHARSET = "ISO-8859-1";

    private final Body body = new Body();
    private final List<String[]> headers = new ArrayList<>();
    private final ServletOutputStream stream = new BodyStream();
    private ResponseWriter writer;
    private Charset writerCharset;

    private int status;
    private String mimeType;
    private String charset;
    private long contentLength;
    private boolean committed;
    private boolean usingWriter;
    private boolean usingStream;
    private int bufferSize;

    public InMemoryResponse() {
        recycle();
    }

    /** Makes the response as new; keeps the buffer's capacity. */
    public void recycle() {
        body.reset();
        headers.clear();
        status = SC_OK;
        mimeType = null;
        charset = null;
        contentLength = -1;
        committed = false;
        usingWriter = false;
        usingStream = false;
        bufferSize = 8192;
    }

    /** The body bytes as they would go on the wire (the writer flushed first, as a container does at the end). */
    public byte[] bodyBytes() {
        if (writer != null && usingWriter) {
            writer.flush();
        }
        return body.toByteArray();
    }

    /** The body decoded with the response's charset. */
    public String bodyText() {
        return new String(bodyBytes(), Charset.forName(getCharacterEncoding()));
    }

    /** Bytes written so far, without copying; for a cheap consistency check inside a benchmark. */
    public int bodySize() {
        if (writer != null && usingWriter) {
            writer.flush();
        }
        return body.size();
    }

    public long contentLength() {
        return contentLength;
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
        return charset == null ? mimeType : mimeType + ";charset=" + charset;
    }

    @Override
    public ServletOutputStream getOutputStream() {
        if (usingWriter) {
            throw new IllegalStateException("getWriter() has already been called for this response");
        }
        usingStream = true;
        return stream;
    }

    @Override
    public PrintWriter getWriter() {
        if (usingStream) {
            throw new IllegalStateException("getOutputStream() has already been called for this response");
        }
        Charset cs = Charset.forName(getCharacterEncoding());
        if (writer == null || !cs.equals(writerCharset)) {
            writer = new ResponseWriter(new OutputStreamWriter(body, cs));
            writerCharset = cs;
        }
        if (!usingWriter && charset == null) {
            // A container fixes the charset it writes with, so it shows in Content-Type.
            charset = cs.name();
        }
        usingWriter = true;
        return writer;
    }

    @Override
    public void setCharacterEncoding(String charset) {
        if (committed || usingWriter) {
            return;
        }
        this.charset = charset;
    }

    @Override
    public void setContentLength(int len) {
        setContentLengthLong(len);
    }

    @Override
    public void setContentLengthLong(long len) {
        if (!committed) {
            contentLength = len;
        }
    }

    @Override
    public void setContentType(String type) {
        if (committed) {
            return;
        }
        if (type == null) {
            mimeType = null;
            if (!usingWriter) {
                charset = null;
            }
            return;
        }
        int semi = type.indexOf(';');
        mimeType = (semi < 0 ? type : type.substring(0, semi)).trim();
        int at = type.toLowerCase(Locale.ROOT).indexOf("charset=");
        if (at >= 0 && !usingWriter) {
            String cs = type.substring(at + "charset=".length()).trim();
            int end = cs.indexOf(';');
            cs = end < 0 ? cs : cs.substring(0, end).trim();
            charset = cs.replace("\"", "");
        }
    }

    @Override
    public void setBufferSize(int size) {
        if (body.size() > 0 || committed) {
            throw new IllegalStateException("content has been written");
        }
        bufferSize = size;
    }

    @Override
    public int getBufferSize() {
        return bufferSize;
    }

    @Override
    public void flushBuffer() {
        if (writer != null && usingWriter) {
            writer.flush();
        }
        committed = true;
    }

    @Override
    public void resetBuffer() {
        if (committed) {
            throw new IllegalStateException("response is committed");
        }
        if (writer != null && usingWriter) {
            writer.flush();
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
            throw new IllegalStateException("response is committed");
        }
        if (writer != null && usingWriter) {
            writer.flush();
        }
        body.reset();
        headers.clear();
        status = SC_OK;
        mimeType = null;
        charset = null;
        contentLength = -1;
        usingWriter = false;
        usingStream = false;
    }

    @Override
    public void setLocale(Locale loc) {
        // The login body is JSON; a locale has no effect on it.
    }

    @Override
    public Locale getLocale() {
        return Locale.ROOT;
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
            throw new IllegalStateException("response is committed");
        }
        resetBuffer();
        status = sc;
        mimeType = "text/html";
        charset = "ISO-8859-1";
        committed = true;
    }

    @Override
    public void sendError(int sc) {
        sendError(sc, null);
    }

    @Override
    public void sendRedirect(String location) {
        if (committed) {
            throw new IllegalStateException("response is committed");
        }
        resetBuffer();
        status = SC_FOUND;
        setHeader("Location", location);
        committed = true;
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
        if (committed || special(name, value)) {
            return;
        }
        headers.removeIf(h -> h[0].equalsIgnoreCase(name));
        if (value != null) {
            headers.add(new String[] {name, value});
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (committed || value == null || special(name, value)) {
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
        if ("Content-Type".equalsIgnoreCase(name)) {
            return getContentType();
        }
        if ("Content-Length".equalsIgnoreCase(name)) {
            return contentLength < 0 ? null : Long.toString(contentLength);
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
        if ("Content-Type".equalsIgnoreCase(name) || "Content-Length".equalsIgnoreCase(name)) {
            String value = getHeader(name);
            if (value != null) {
                values.add(value);
            }
            return values;
        }
        for (String[] h : headers) {
            if (h[0].equalsIgnoreCase(name)) {
                values.add(h[1]);
            }
        }
        return values;
    }

    @Override
    public Collection<String> getHeaderNames() {
        List<String> names = new ArrayList<>();
        if (mimeType != null) {
            names.add("Content-Type");
        }
        if (contentLength >= 0) {
            names.add("Content-Length");
        }
        for (String[] h : headers) {
            if (names.stream().noneMatch(h[0]::equalsIgnoreCase)) {
                names.add(h[0]);
            }
        }
        return names;
    }

    /** Content-Type and Content-Length set as headers go where a container puts them. */
    private boolean special(String name, String value) {
        if ("Content-Type".equalsIgnoreCase(name)) {
            setContentType(value);
            return true;
        }
        if ("Content-Length".equalsIgnoreCase(name)) {
            contentLength = value == null ? -1 : Long.parseLong(value.trim());
            return true;
        }
        return false;
    }

    /** A ByteArrayOutputStream that the response empties and refills. */
    private static final class Body extends ByteArrayOutputStream {
        Body() {
            super(4096);
        }
    }

    private final class BodyStream extends ServletOutputStream {
        @Override
        public void write(int b) {
            body.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            body.write(b, off, len);
        }

        @Override
        public void flush() {
            committed = true;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener writeListener) {
            throw new UnsupportedOperationException("non-blocking output is not supported by the benchmark response");
        }
    }

    /** A container's writer survives {@code close()} for the next request on the connection; so does this one. */
    private final class ResponseWriter extends PrintWriter {
        ResponseWriter(OutputStreamWriter out) {
            super(out, false);
        }

        @Override
        public void close() {
            super.flush();
            committed = true;
        }
    }
}
