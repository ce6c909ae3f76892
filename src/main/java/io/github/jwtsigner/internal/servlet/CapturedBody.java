package io.github.jwtsigner.internal.servlet;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * The body a servlet writes, held in memory up to {@code max_body_bytes}. When it outgrows that limit and is
 * already known not to be signed, the real response is committed and the body streamed through to it from then
 * on; otherwise it is dropped and marked {@link #overLimit()}, so the response fails closed.
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
    private final BooleanSupplier knownUnsigned;
    private final Runnable beforeReplay;
    private final Utf8CharEncoder encoder = new Utf8CharEncoder();
    private byte[] encoded;

    private Output output = Output.NONE;
    private boolean discarding;
    private boolean overLimit;
    private boolean streaming;
    private PrintWriter realWriter;
    private ServletOutputStream realStream;

    /**
     * @param knownUnsigned asked when the body outgrows the limit: true when the response will not be signed
     * @param beforeReplay run before any captured byte reaches the real response (replays Content-Length)
     */
    CapturedBody(HttpServletResponse real, int maxBodyBytes, BooleanSupplier knownUnsigned, Runnable beforeReplay) {
        this.real = real;
        this.buffer = new BodyBuffer(maxBodyBytes);
        this.knownUnsigned = knownUnsigned;
        this.beforeReplay = beforeReplay;
    }

    void writeBytes(byte[] b, int off, int len) throws IOException {
        use(Output.STREAM);
        if (discarding || overLimit || len == 0) {
            return;
        }
        if (streaming) {
            realStream.write(b, off, len);
        } else if (!buffer.append(b, off, len) && outgrow()) {
            realStream.write(b, off, len);
        }
    }

    /**
     * A string written through the writer. Plain ASCII, which is what JSON bodies nearly always are, is
     * encoded in one bulk {@link String#getBytes} (vectorised by the JDK); anything else goes through
     * {@link #writeChars} character by character, which pairs surrogates across writes.
     */
    void writeString(String s, int off, int len) throws IOException {
        use(Output.WRITER);
        if (discarding || overLimit || len == 0) {
            return;
        }
        if (!streaming && encoder.pendingHigh() == 0) {
            byte[] utf8 = (off == 0 && len == s.length() ? s : s.substring(off, off + len))
                    .getBytes(StandardCharsets.UTF_8);
            if (isAsciiWithoutReplacement(utf8, len)) {
                if (!buffer.append(utf8, 0, len) && outgrow()) {
                    realWriter.write(s, off, len);
                }
                return;
            }
        }
        char[] chars = new char[len];
        s.getChars(off, off + len, chars, 0);
        writeChars(chars, 0, len);
    }

    /**
     * True when {@code utf8}, the encoding of {@code chars} characters, has one byte per character and no
     * {@code '?'}: then every character was ASCII, since any other takes two bytes or more, except a lone
     * surrogate, which the JDK replaces with {@code '?'} (a real {@code '?'} just takes the slower path).
     */
    private static boolean isAsciiWithoutReplacement(byte[] utf8, int chars) {
        if (utf8.length != chars) {
            return false;
        }
        for (byte b : utf8) {
            if (b == '?') {
                return false;
            }
        }
        return true;
    }

    void writeChars(char[] c, int off, int len) throws IOException {
        use(Output.WRITER);
        if (discarding || overLimit || len == 0) {
            return;
        }
        if (streaming) {
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
                    if (pendingBefore == 0) {
                        realWriter.write(c, start, end - start);
                    } else {
                        // Keep the surrogate pair in one write.
                        char[] rest = new char[end - start + 1];
                        rest[0] = pendingBefore;
                        System.arraycopy(c, start, rest, 1, end - start);
                        realWriter.write(rest);
                    }
                }
                return;
            }
        }
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
        overLimit = false;
    }

    /** Forgets the held body and which API wrote it, as {@code reset()} does. */
    void reset() {
        clear();
        output = Output.NONE;
    }

    /** Drops the held body and everything written from now on: the container owns the response. */
    void discard() {
        discarding = true;
        clear();
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
     * {@link #end()}. Does nothing once streaming or discarding.
     */
    void replay() throws IOException {
        end();
        if (streaming || discarding) {
            return;
        }
        beforeReplay.run();
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

    /** True when the writer was handed a lone surrogate, held as {@code ?}; a last one counts after {@link #end()}. */
    boolean sawLoneSurrogate() {
        return encoder.sawLoneSurrogate();
    }

    /** True when the body outgrew the limit before it was known not to be signed; it was dropped. */
    boolean overLimit() {
        return overLimit;
    }

    /** True once the body goes straight to the real response. */
    boolean isStreaming() {
        return streaming;
    }

    boolean isDiscarding() {
        return discarding;
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

    private void use(Output kind) {
        choose(kind);
    }

    /** @return true when the body is now streaming, false when it was dropped as over the limit */
    private boolean outgrow() throws IOException {
        if (!knownUnsigned.getAsBoolean()) {
            overLimit = true;
            buffer.clear();
            return false;
        }
        replay();
        streaming = true;
        // The decision not to sign is final: once status and headers are on their way, a later switch to a
        // 2xx JSON answer cannot turn the streamed body into an unsigned claim set.
        real.flushBuffer();
        return true;
    }
}
