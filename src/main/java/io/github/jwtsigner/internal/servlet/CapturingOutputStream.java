package io.github.jwtsigner.internal.servlet;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;

import java.io.IOException;
import java.util.Objects;

/**
 * The {@code getOutputStream()} a wrapped servlet sees: bytes go to the {@link CapturedBody}.
 *
 * <p>One instance per response; not thread-safe.
 */
final class CapturingOutputStream extends ServletOutputStream {
    private final CapturedBody body;

    CapturingOutputStream(CapturedBody body) {
        this.body = body;
    }

    @Override
    public void write(int b) throws IOException {
        body.writeBytes(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        body.writeBytes(b, off, len);
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

    @Override
    public boolean isReady() {
        return true;
    }

    /** Non-blocking output is asynchronous, which the signer answers by failing closed. */
    @Override
    public void setWriteListener(WriteListener writeListener) {
        throw new IllegalStateException("non-blocking output (setWriteListener) is not supported on a response"
                + " wrapped by the JWT signer filter; expected blocking writes");
    }
}
