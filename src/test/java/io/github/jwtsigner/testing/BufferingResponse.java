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
 * <p>{@link #holdingAll} makes the wrapper of a hand-written signing filter instead: nothing written, flushed
 * or declared as Content-Length reaches the response below, and the filter takes the body with
 * {@link #heldBytes()}.
 *
 * <p>One instance per response; not thread-safe.
 */
public final class BufferingResponse extends HttpServletResponseWrapper {
    private final ByteArrayOutputStream held = new ByteArrayOutputStream();
    private final boolean holdAll;
    private ServletOutputStream stream;
    private PrintWriter writer;
    private int flushBufferCalls;

    public BufferingResponse(HttpServletResponse below) {
        this(below, false);
    }

    private BufferingResponse(HttpServletResponse below, boolean holdAll) {
        super(below);
        this.holdAll = holdAll;
    }

    /** A wrapper that keeps the whole body, and its Content-Length, from the response below. */
    public static BufferingResponse holdingAll(HttpServletResponse below) {
        return new BufferingResponse(below, true);
    }

    /** How many times {@link #flushBuffer()} was called. */
    public int flushBufferCalls() {
        return flushBufferCalls;
    }

    /** What the wrapper holds, the writer flushed first. */
    public byte[] heldBytes() {
        if (writer != null) {
            writer.flush();
        }
        return held.toByteArray();
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
            Charset cs = Charset.forName(getCharacterEncoding());
            // Holding everything, the writer's bytes can go straight into the buffer.
            writer = new PrintWriter(holdAll ? new OutputStreamWriter(held, cs)
                    : new OutputStreamWriter(getOutputStream(), cs));
        }
        return writer;
    }

    @Override
    public void setContentLength(int len) {
        if (!holdAll) {
            super.setContentLength(len);
        }
    }

    @Override
    public void setContentLengthLong(long len) {
        if (!holdAll) {
            super.setContentLengthLong(len);
        }
    }

    @Override
    public void flushBuffer() throws IOException {
        flushBufferCalls++;
        moveHeld();
    }

    private void moveHeld() throws IOException {
        if (!holdAll && held.size() > 0) {
            getResponse().getOutputStream().write(held.toByteArray());
            held.reset();
        }
    }
}
