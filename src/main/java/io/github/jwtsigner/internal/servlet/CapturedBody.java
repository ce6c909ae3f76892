package io.github.jwtsigner.internal.servlet;

import io.github.jwtsigner.internal.decision.ResponseDecision;
import io.github.jwtsigner.internal.decision.ResponseFacts.Capture;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The body a servlet writes, held in memory up to {@code max_body_bytes}, with the Content-Length the servlet set
 * for it. Its {@link Capture} state:
 * <ul>
 *   <li>{@code HELD} while it fits;</li>
 *   <li>when a write would take it over the limit: {@code STREAMED} if the response
 *       {@link ResponseDecision#mayBeSigned may not be signed} (the real response is committed, and the body goes
 *       straight to it from then on), else {@code OVER_LIMIT} (dropped, so the response fails closed);</li>
 *   <li>{@code HANDED_OVER} once the container owns the response: everything is dropped.</li>
 * </ul>
 *
 * <p>Writer output is held as UTF-8 (see {@link Utf8CharEncoder}) and replayed through the real response's
 * writer, stream output is held and replayed as the servlet's bytes: a passed-through body reaches the client
 * through the same API, so the container picks the same charset it would have picked without the filter.
 *
 * <p>One instance per response; not thread-safe.
 */
final class CapturedBody {
    /** Which of the servlet API's two ways of writing the servlet used. */
    enum Output { NONE, WRITER, STREAM }

    private static final int CHAR_CHUNK = 2048;

    private final HttpServletResponse real;
    private final BodyBuffer buffer;
    private final Utf8CharEncoder encoder = new Utf8CharEncoder();
    private byte[] encoded;

    private Output output = Output.NONE;
    private Capture state = Capture.HELD;
    private Consumer<HttpServletResponse> contentLength;
    private final CapturingOutputStream stream = new CapturingOutputStream();
    private final CapturingWriter writer = new CapturingWriter();
    private PrintWriter realWriter;
    private ServletOutputStream realStream;

    CapturedBody(HttpServletResponse real, int maxBodyBytes) {
        this.real = real;
        this.buffer = new BodyBuffer(maxBodyBytes);
    }

    /** The stream behind the wrapper's {@code getOutputStream()}. */
    ServletOutputStream stream() {
        return stream;
    }

    /** The characters behind the wrapper's {@code getWriter()}. */
    Writer writer() {
        return writer;
    }

    /** Holds a Content-Length the servlet set, to be set on the real response just before the body goes out. */
    void holdContentLength(Consumer<HttpServletResponse> setter) {
        contentLength = setter;
    }

    /** Passes a flush on once streaming; until then the body stays held. */
    void flush() throws IOException {
        if (realWriter != null) {
            realWriter.flush();
        } else if (realStream != null) {
            realStream.flush();
        }
    }

    /** Forgets the held body, as {@code resetBuffer()} does. */
    void clear() {
        buffer.clear();
        encoder.clear();
        if (state == Capture.OVER_LIMIT) {
            state = Capture.HELD;
        }
    }

    /** Forgets the held body, its Content-Length and which API wrote it, as {@code reset()} does. */
    void reset() {
        clear();
        output = Output.NONE;
        contentLength = null;
    }

    /** Drops the held body and everything written from now on: the container owns the response. */
    void discard() {
        clear();
        state = Capture.HANDED_OVER;
    }

    /**
     * Ends the servlet's text: a high surrogate still waiting for its low half is lone and goes on as {@code ?},
     * like any other write, so it can still take the body over the limit. Call it once the servlet has returned.
     */
    void end() throws IOException {
        byte[] tail = encoder.finish();
        if (tail.length > 0 && !buffer.append(tail, 0, tail.length) && outgrow()) {
            realWriter.write(new String(tail, StandardCharsets.UTF_8));
        }
    }

    /**
     * Sends the held body to the real response exactly as the servlet wrote it, through the API it used, after
     * {@link #end()} and after its Content-Length. Does nothing once the body streamed or was handed over.
     */
    void replay() throws IOException {
        end();
        if (passingThrough()) {
            return;
        }
        if (contentLength != null) {
            contentLength.accept(real);
        }
        if (output == Output.WRITER) {
            realWriter = real.getWriter();
            realWriter.write(new String(buffer.toByteArray(), StandardCharsets.UTF_8));
        } else if (output == Output.STREAM) {
            realStream = real.getOutputStream();
            buffer.writeTo(realStream);
        }
        buffer.clear();
    }

    /**
     * The held bytes: UTF-8 for writer output (see {@link #sawLoneSurrogate()}), the servlet's for a stream. A
     * high surrogate still waiting for its low half is not among them before {@link #end()}.
     */
    byte[] bytes() {
        return buffer.toByteArray();
    }

    int size() {
        return buffer.size();
    }

    Output output() {
        return output;
    }

    Capture state() {
        return state;
    }

    /** True once the body goes straight to the client, or the container owns the response. */
    boolean passingThrough() {
        return state == Capture.STREAMED || state == Capture.HANDED_OVER;
    }

    /** True when the writer was handed a lone surrogate, held as {@code ?}; a last one counts after {@link #end()}. */
    boolean sawLoneSurrogate() {
        return encoder.sawLoneSurrogate();
    }

    /**
     * Records which API the servlet writes with.
     *
     * @return false when the servlet already chose the other one
     */
    boolean choose(Output kind) {
        if (output == Output.NONE) {
            output = kind;
        }
        return output == kind;
    }

    private boolean dropsWrites() {
        return state == Capture.OVER_LIMIT || state == Capture.HANDED_OVER;
    }

    /** @return true when the body now streams, false when it was dropped as over the limit */
    private boolean outgrow() throws IOException {
        if (ResponseDecision.mayBeSigned(real.getStatus(), real.getContentType())) {
            state = Capture.OVER_LIMIT;
            buffer.clear();
            return false;
        }
        replay();
        state = Capture.STREAMED;
        // The decision not to sign is final: once status and headers are on their way, a later switch to a
        // 2xx JSON answer cannot turn the streamed body into an unsigned claim set.
        real.flushBuffer();
        return true;
    }

    /** Bytes from the servlet go into the body. */
    final class CapturingOutputStream extends ServletOutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            choose(Output.STREAM);
            if (dropsWrites() || len == 0) {
                return;
            }
            if (state == Capture.STREAMED) {
                realStream.write(b, off, len);
            } else if (!buffer.append(b, off, len) && outgrow()) {
                realStream.write(b, off, len);
            }
        }

        @Override
        public void flush() throws IOException {
            CapturedBody.this.flush();
        }

        /** Does not close anything: the filter writes the final body after the servlet returns. */
        @Override
        public void close() throws IOException {
            CapturedBody.this.flush();
        }

        @Override
        public boolean isReady() {
            return true;
        }

        /** Non-blocking output is asynchronous, which the signer answers by failing closed. */
        @Override
        public void setWriteListener(WriteListener writeListener) {
            throw new IllegalStateException("non-blocking output (setWriteListener) is not supported on a"
                    + " response wrapped by the JWT signer filter; expected blocking writes");
        }
    }

    /**
     * Characters from the servlet go into the body as UTF-8. Unbuffered, so nothing written can hide in it when
     * the filter reads the body.
     */
    final class CapturingWriter extends Writer {
        @Override
        public void write(int c) throws IOException {
            write(new char[] {(char) c}, 0, 1);
        }

        /**
         * Plain ASCII, which is what JSON bodies nearly always are, is encoded in one bulk
         * {@link String#getBytes} (vectorised by the JDK); anything else goes through
         * {@link #write(char[], int, int)} character by character, which pairs surrogates across writes.
         */
        @Override
        public void write(String s, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, s.length());
            choose(Output.WRITER);
            if (dropsWrites() || len == 0) {
                return;
            }
            if (state == Capture.HELD && encoder.pendingHigh() == 0) {
                byte[] utf8 = (off == 0 && len == s.length() ? s : s.substring(off, off + len))
                        .getBytes(StandardCharsets.UTF_8);
                if (Utf8CharEncoder.isAsciiWithoutReplacement(utf8, len)) {
                    if (!buffer.append(utf8, 0, len) && outgrow()) {
                        realWriter.write(s, off, len);
                    }
                    return;
                }
            }
            char[] chars = new char[len];
            s.getChars(off, off + len, chars, 0);
            write(chars, 0, len);
        }

        @Override
        public void write(char[] c, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, c.length);
            choose(Output.WRITER);
            if (dropsWrites() || len == 0) {
                return;
            }
            if (state == Capture.STREAMED) {
                realWriter.write(c, off, len);
                return;
            }
            // Scratch space sized to what this write needs (up to one chunk), not a fixed chunk per request.
            int needed = Utf8CharEncoder.maxBytes(Math.min(len, CHAR_CHUNK));
            if (encoded == null || encoded.length < needed) {
                encoded = new byte[needed];
            }
            int end = off + len;
            for (int start = off; start < end; start += CHAR_CHUNK) {
                char pendingBefore = encoder.pendingHigh();
                int n = encoder.encode(c, start, Math.min(end, start + CHAR_CHUNK), encoded);
                if (!buffer.append(encoded, 0, n)) {
                    // This chunk goes nowhere yet; its leading half-pair belongs with it, not with the held bytes.
                    encoder.restorePendingHigh((char) 0);
                    if (outgrow()) {
                        streamRest(c, start, end, pendingBefore);
                    }
                    return;
                }
            }
        }

        /** Sends {@code c[start..end)} on once streaming, after the high surrogate it completes, if any. */
        private void streamRest(char[] c, int start, int end, char pendingHigh) {
            if (pendingHigh == 0) {
                realWriter.write(c, start, end - start);
                return;
            }
            // Keep the surrogate pair in one write.
            char[] rest = new char[end - start + 1];
            rest[0] = pendingHigh;
            System.arraycopy(c, start, rest, 1, end - start);
            realWriter.write(rest);
        }

        @Override
        public void flush() throws IOException {
            CapturedBody.this.flush();
        }

        /** Does not close anything: the filter writes the final body after the servlet returns. */
        @Override
        public void close() throws IOException {
            CapturedBody.this.flush();
        }
    }

    /**
     * A byte buffer that never holds more than its limit: an append that would pass the limit is refused whole.
     *
     * <p>One instance per response; not thread-safe.
     */
    static final class BodyBuffer {
        private static final int INITIAL_CAPACITY = 1024;

        private final int limit;
        private byte[] bytes;
        private int size;

        BodyBuffer(int limit) {
            if (limit <= 0) {
                throw new IllegalArgumentException("limit [" + limit + "] must be positive");
            }
            this.limit = limit;
            this.bytes = new byte[Math.min(limit, INITIAL_CAPACITY)];
        }

        /**
         * Appends {@code len} bytes, or nothing when they do not fit under the limit.
         *
         * @return false when the bytes were refused because the limit would be passed
         */
        boolean append(byte[] b, int off, int len) {
            if (len > limit - size) {
                return false;
            }
            if (size + len > bytes.length) {
                int capacity = (int) Math.min(limit, Math.max((long) bytes.length * 2, (long) size + len));
                bytes = Arrays.copyOf(bytes, capacity);
            }
            System.arraycopy(b, off, bytes, size, len);
            size += len;
            return true;
        }

        int size() {
            return size;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }

        void writeTo(OutputStream out) throws IOException {
            out.write(bytes, 0, size);
        }

        /** Empties the buffer and gives its memory back. */
        void clear() {
            size = 0;
            if (bytes.length > INITIAL_CAPACITY) {
                bytes = new byte[Math.min(limit, INITIAL_CAPACITY)];
            }
        }
    }
}
