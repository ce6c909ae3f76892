package io.github.jwtsigner.bench;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The usual buffering wrapper of a hand-written signing filter: body into a {@link ByteArrayOutputStream}
 * through either a {@link PrintWriter} (UTF-8) or a stream; Content-Length and flushes kept from the client.
 *
 * <p>One instance per request; not thread-safe.
 */
final class BufferingResponseWrapper extends HttpServletResponseWrapper {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private PrintWriter writer;
    private ServletOutputStream stream;

    BufferingResponseWrapper(HttpServletResponse response) {
        super(response);
    }

    @Override
    public PrintWriter getWriter() {
        if (writer == null) {
            writer = new PrintWriter(new OutputStreamWriter(buffer, StandardCharsets.UTF_8));
        }
        return writer;
    }

    @Override
    public ServletOutputStream getOutputStream() {
        if (stream == null) {
            stream = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    buffer.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    buffer.write(b, off, len);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException("non-blocking output is not buffered");
                }
            };
        }
        return stream;
    }

    @Override
    public void setContentLength(int len) {
        // The signed body has another length.
    }

    @Override
    public void setContentLengthLong(long len) {
        // The signed body has another length.
    }

    @Override
    public void flushBuffer() {
        // Nothing may reach the client before signing.
    }

    byte[] toByteArray() {
        if (writer != null) {
            writer.flush();
        }
        return buffer.toByteArray();
    }
}
