package io.github.jwtsigner.testing;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * The response an outer filter hands on when it buffers output itself, as compressing and caching filters do:
 * what goes through its stream stays in its buffer until flushed, and its writer's encoder holds characters
 * until the writer is flushed. {@link #flushBuffer()} moves what the stream holds to the response below without
 * committing it; what the writer holds moves only when the writer is flushed. Status and headers go straight
 * through.
 *
 * <p>One instance per test; not thread-safe.
 */
public final class BufferingResponse extends HttpServletResponseWrapper {
    private final ByteArrayOutputStream held = new ByteArrayOutputStream();
    private ServletOutputStream stream;
    private PrintWriter writer;
    private int flushBufferCalls;

    public BufferingResponse(HttpServletResponse below) {
        super(below);
    }

    /** How many times {@link #flushBuffer()} was called. */
    public int flushBufferCalls() {
        return flushBufferCalls;
    }

    @Override
    public ServletOutputStream getOutputStream() {
        if (stream == null) {
            stream = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    held.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    held.write(b, off, len);
                }

                @Override
                public void flush() throws IOException {
                    moveHeld();
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

    /** A writer whose encoder holds characters too, until flushed. */
    @Override
    public PrintWriter getWriter() {
        if (writer == null) {
            writer = new PrintWriter(new OutputStreamWriter(getOutputStream(),
                    Charset.forName(getCharacterEncoding())));
        }
        return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
        flushBufferCalls++;
        moveHeld();
    }

    private void moveHeld() throws IOException {
        if (held.size() > 0) {
            getResponse().getOutputStream().write(held.toByteArray());
            held.reset();
        }
    }
}
