package io.github.jwtsigner.internal.servlet;

import io.github.jwtsigner.testing.BufferingResponse;
import io.github.jwtsigner.testing.RecordingResponse;
import org.junit.jupiter.api.Test;

import java.io.Writer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CapturingWriterTest {
    private final RecordingResponse real = new RecordingResponse();

    /** A body of {@code limit} bytes behind the writer; {@code knownUnsigned} (text/plain, not JSON) lets it stream. */
    private CapturedBody body(int limit, boolean knownUnsigned) {
        real.setContentType(knownUnsigned ? "text/plain;charset=UTF-8" : "application/json;charset=UTF-8");
        return new CapturedBody(new BufferingResponse(real), limit);
    }

    @Test
    void holdsCharactersStringsAndSingleCharactersFromTheirOffsets() throws Exception {
        CapturedBody body = body(64, false);
        Writer w = body.writer();

        w.write("xxJosé".toCharArray(), 2, 4);
        w.write(' ');
        w.write("--名前--", 2, 2);
        w.write(new char[] {'!'});

        assertEquals("José 名前!", new String(body.bytes(), UTF_8));
        assertFalse(real.touched());
    }

    @Test
    void refusesOffsetsOutsideTheCharactersOrTheString() throws Exception {
        CapturedBody body = body(64, false);
        Writer w = body.writer();

        assertThrows(IndexOutOfBoundsException.class, () -> w.write(new char[3], 2, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> w.write(new char[3], -1, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> w.write("abc", 1, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> w.write("abc", 0, -1));
        assertEquals(0, body.size());
    }

    @Test
    void closeLeavesTheWriterOpenForTheFilter() throws Exception {
        CapturedBody body = body(64, false);
        Writer w = body.writer();
        w.write("{\"a\":");

        w.close();
        w.write("1}");

        assertEquals("{\"a\":1}", new String(body.bytes(), UTF_8));
        assertFalse(real.touched(), "a held body is neither flushed nor closed");
    }

    @Test
    void flushPassesOnToTheClientOnceTheBodyStreams() throws Exception {
        Writer w = body(4, true).writer();
        w.write("stream me");
        assertEquals("", real.bodyText(UTF_8), "the outer response's writer still holds what streamed");

        w.flush();

        assertEquals("stream me", real.bodyText(UTF_8));
    }

    @Test
    void closeFlushesOnceTheBodyStreams() throws Exception {
        Writer w = body(4, true).writer();
        w.write("stream me");

        w.close();

        assertEquals("stream me", real.bodyText(UTF_8));
    }
}
