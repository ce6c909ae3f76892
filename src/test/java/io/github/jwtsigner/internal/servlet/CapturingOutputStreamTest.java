package io.github.jwtsigner.internal.servlet;

import io.github.jwtsigner.testing.BufferingResponse;
import io.github.jwtsigner.testing.RecordingResponse;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import org.junit.jupiter.api.Test;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CapturingOutputStreamTest {
    private final RecordingResponse real = new RecordingResponse();

    /** A body of {@code limit} bytes behind the stream; {@code knownUnsigned} (text/plain, not JSON) lets it stream. */
    private CapturedBody body(int limit, boolean knownUnsigned) {
        real.setContentType(knownUnsigned ? "text/plain;charset=UTF-8" : "application/json;charset=UTF-8");
        return new CapturedBody(new BufferingResponse(real), limit);
    }

    @Test
    void holdsBytesAndSingleBytesFromTheirOffsets() throws Exception {
        CapturedBody body = body(64, false);
        ServletOutputStream out = body.stream();

        out.write(new byte[] {9, 1, 2, 9}, 1, 2);
        out.write(0x1FF);
        out.write(new byte[] {4});

        assertArrayEquals(new byte[] {1, 2, (byte) 0xFF, 4}, body.bytes());
        assertFalse(real.touched());
    }

    @Test
    void refusesOffsetsOutsideTheBytes() throws Exception {
        CapturedBody body = body(64, false);
        ServletOutputStream out = body.stream();

        assertThrows(IndexOutOfBoundsException.class, () -> out.write(new byte[3], 2, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> out.write(new byte[3], -1, 1));
        assertEquals(0, body.size());
    }

    @Test
    void isAlwaysReadyAndRefusesNonBlockingOutput() {
        ServletOutputStream out = body(64, false).stream();

        assertTrue(out.isReady());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> out.setWriteListener(
                new WriteListener() {
                    @Override
                    public void onWritePossible() {
                    }

                    @Override
                    public void onError(Throwable t) {
                    }
                }));
        assertEquals("non-blocking output (setWriteListener) is not supported on a response wrapped by the JWT"
                + " signer filter; expected blocking writes", e.getMessage());
    }

    @Test
    void closeLeavesTheStreamOpenForTheFilter() throws Exception {
        CapturedBody body = body(64, false);
        ServletOutputStream out = body.stream();
        out.write("{\"a\":".getBytes(UTF_8));

        out.close();
        out.write("1}".getBytes(UTF_8));

        assertEquals("{\"a\":1}", new String(body.bytes(), UTF_8));
        assertFalse(real.touched(), "a held body is neither flushed nor closed");
    }

    @Test
    void flushPassesOnToTheClientOnceTheBodyStreams() throws Exception {
        ServletOutputStream out = body(4, true).stream();
        out.write("stream me".getBytes(UTF_8));
        assertEquals("", real.bodyText(UTF_8), "the outer response's stream still holds what streamed");

        out.flush();

        assertEquals("stream me", real.bodyText(UTF_8));
    }

    @Test
    void closeFlushesOnceTheBodyStreams() throws Exception {
        ServletOutputStream out = body(4, true).stream();
        out.write("stream me".getBytes(UTF_8));

        out.close();

        assertEquals("stream me", real.bodyText(UTF_8));
    }
}
