package io.github.jwtsigner.internal.servlet;

import java.io.IOException;
import java.io.Writer;
import java.util.Objects;

/**
 * The characters behind the {@code getWriter()} a wrapped servlet sees; they go to the {@link CapturedBody}.
 * Unbuffered, so nothing written can hide in it when the filter reads the body.
 *
 * <p>One instance per response; not thread-safe.
 */
final class CapturingWriter extends Writer {
    private final CapturedBody body;

    CapturingWriter(CapturedBody body) {
        this.body = body;
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, cbuf.length);
        body.writeChars(cbuf, off, len);
    }

    @Override
    public void write(int c) throws IOException {
        body.writeChars(new char[] {(char) c}, 0, 1);
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, str.length());
        body.writeString(str, off, len);
    }

    @Override
    public void flush() throws IOException {
        body.flush();
    }

    /** Does not close anything: the filter writes the final body after the servlet returns. */
    @Override
    public void close() throws IOException {
        body.flush();
    }
}
