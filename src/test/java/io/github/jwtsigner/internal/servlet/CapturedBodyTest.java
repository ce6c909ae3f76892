package io.github.jwtsigner.internal.servlet;

import io.github.jwtsigner.testing.BufferingResponse;
import io.github.jwtsigner.testing.RecordingResponse;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CapturedBodyTest {
    @FunctionalInterface
    interface Write {
        void to(CapturedBody body) throws IOException;
    }

    private final RecordingResponse real = new RecordingResponse();
    /** What happened at the real response, in order: each replay hook run, with the body bytes there by then. */
    private final List<String> events = new ArrayList<>();

    CapturedBodyTest() {
        real.setContentType("text/plain;charset=UTF-8");
    }

    private CapturedBody body(int limit, boolean knownUnsigned) {
        return body(real, limit, knownUnsigned);
    }

    private CapturedBody body(HttpServletResponse response, int limit, boolean knownUnsigned) {
        return new CapturedBody(response, limit, () -> knownUnsigned,
                () -> events.add("before replay, " + real.bodyBytes().length + " bytes sent"));
    }

    private static void chars(CapturedBody body, String s) throws IOException {
        body.writeChars(s.toCharArray(), 0, s.length());
    }

    private static void string(CapturedBody body, String s) throws IOException {
        body.writeString(s, 0, s.length());
    }

    // ---- held, then replayed through the API the servlet used -------------------------------------------

    static Stream<Arguments> writes() {
        return Stream.of(
                write("bytes through the stream", b -> b.writeBytes("xxJosé".getBytes(UTF_8), 2, 5)),
                write("an ASCII string through the writer", b -> b.writeString("xxJos?", 2, 3)),
                write("a string that is not ASCII through the writer", b -> b.writeString("xxJosé", 2, 4)),
                write("characters through the writer", b -> b.writeChars("xxJosé".toCharArray(), 2, 4)));
    }

    private static Arguments write(String name, Write write) {
        return Arguments.of(Named.of(name, write));
    }

    @ParameterizedTest
    @MethodSource("writes")
    void holdsEveryWriteAndReplaysItThroughTheApiThatWroteIt(Write write) throws Exception {
        CapturedBody body = body(64, true);
        write.to(body);
        byte[] held = body.bytes();

        assertFalse(real.touched());
        body.replay();

        assertArrayEquals(held, real.bodyBytes());
        assertTrue(held.length > 0);
        assertEquals(List.of("before replay, 0 bytes sent"), events);
        assertEquals(0, body.size(), "nothing is held once the body was sent");
    }

    @Test
    void holdsCharactersOverManyChunks() throws Exception {
        String text = "é".repeat(3000) + "\uD83D\uDE00".repeat(1500) + "z";
        CapturedBody body = body(20_000, false);

        chars(body, text);

        assertEquals(text, new String(body.bytes(), UTF_8));
        assertFalse(body.sawLoneSurrogate());
    }

    @Test
    void anAsciiStringAfterALoneHighSurrogateEndsIt() throws Exception {
        CapturedBody body = body(64, false);
        string(body, "{\"a\":\"\uD800");
        string(body, "\"}");

        assertEquals("{\"a\":\"?\"}", new String(body.bytes(), UTF_8));
        assertTrue(body.sawLoneSurrogate());
    }

    // ---- end of the text ------------------------------------------------------------------------------------

    @Test
    void endHoldsALastLoneHighSurrogateAsAQuestionMark() throws Exception {
        CapturedBody body = body(64, false);
        string(body, "abc\uD800");
        assertEquals("abc", new String(body.bytes(), UTF_8), "the high surrogate may still get its low half");
        assertFalse(body.sawLoneSurrogate());

        body.end();
        body.end();

        assertEquals("abc?", new String(body.bytes(), UTF_8));
        assertTrue(body.sawLoneSurrogate());
        assertFalse(body.overLimit());
    }

    @Test
    void endDropsABodyToSignThatTheQuestionMarkTakesOverTheLimit() throws Exception {
        CapturedBody body = body(3, false);
        string(body, "abc\uD800");

        body.end();

        assertTrue(body.overLimit());
        assertEquals(0, body.size());
        assertFalse(real.touched());
    }

    @Test
    void endStreamsABodyKnownUnsignedThatTheQuestionMarkTakesOverTheLimit() throws Exception {
        CapturedBody body = body(3, true);
        string(body, "abc\uD800");

        body.end();

        assertTrue(body.isStreaming());
        assertEquals("abc?", real.bodyText(UTF_8));
        assertFalse(body.overLimit());
    }

    @Test
    void replayEndsTheTextFirst() throws Exception {
        CapturedBody body = body(64, true);
        chars(body, "abc\uD800");

        body.replay();

        assertEquals("abc?", real.bodyText(UTF_8));
    }

    // ---- over the limit -------------------------------------------------------------------------------------

    @Test
    void dropsABodyThatOutgrowsTheLimitWhenItMayBeSigned() throws Exception {
        CapturedBody body = body(8, false);
        body.writeBytes(new byte[6], 0, 6);
        body.writeBytes(new byte[3], 0, 3);
        body.writeBytes(new byte[1], 0, 1);

        assertTrue(body.overLimit());
        assertEquals(0, body.size());
        assertFalse(body.isStreaming());
        assertFalse(real.touched());
    }

    @Test
    void streamsABodyKnownUnsignedOnceItOutgrowsTheLimit() throws Exception {
        CapturedBody body = body(8, true);
        body.writeBytes("abcdef".getBytes(UTF_8), 0, 6);
        body.writeBytes("xxghijxx".getBytes(UTF_8), 2, 4);

        assertTrue(body.isStreaming());
        assertTrue(real.isCommitted(), "status and headers are final once streaming");
        assertEquals("abcdefghij", real.bodyText(UTF_8));
        assertEquals(0, body.size(), "nothing is held once streaming");
        assertEquals(List.of("before replay, 0 bytes sent"), events);

        body.writeBytes("k".getBytes(UTF_8), 0, 1);
        assertEquals("abcdefghijk", real.bodyText(UTF_8));
    }

    @Test
    void streamsAnAsciiStringThatTakesTheBodyOverTheLimitAndEveryStringAfter() throws Exception {
        CapturedBody body = body(8, true);
        string(body, "abcdef");
        body.writeString("xxghijxx", 2, 4);
        string(body, "kl");

        assertTrue(body.isStreaming());
        assertEquals("abcdefghijkl", real.bodyText(UTF_8));
        assertEquals(0, body.size());
    }

    @Test
    void streamsCharactersFromTheOffsetTheServletGave() throws Exception {
        CapturedBody body = body(8, true);
        string(body, "abcdef");
        body.writeChars("XXghéjXX".toCharArray(), 2, 4);

        assertEquals("abcdefghéj", real.bodyText(UTF_8));
    }

    @Test
    void streamsTheRestOfALongWriteFromTheChunkThatDidNotFit() throws Exception {
        String text = "é".repeat(2048) + "名".repeat(100);
        CapturedBody body = body(4096, true);

        chars(body, text);

        assertTrue(body.isStreaming());
        assertEquals(text, real.bodyText(UTF_8));
    }

    @Test
    void keepsASurrogatePairInOneWriteWhenItsLowHalfTakesTheBodyOverTheLimit() throws Exception {
        CapturedBody body = body(8, true);
        string(body, "abcdef");
        chars(body, "\uD83D");
        body.writeChars(new char[] {'X', '\uDE00', '!', '!', '!'}, 1, 4);

        assertEquals("abcdef\uD83D\uDE00!!!", real.bodyText(UTF_8));
    }

    @Test
    void aHighSurrogateEndingTheWriteThatDidNotFitGoesOnWithThatWrite() throws Exception {
        BufferingResponse outer = new BufferingResponse(real);
        CapturedBody body = body(outer, 8, true);
        string(body, "xxxxxx");
        chars(body, "yyy\uD83D");
        chars(body, "\uDE00");
        body.flush();

        assertEquals("xxxxxxyyy\uD83D\uDE00", real.bodyText(UTF_8));
    }

    // ---- flush, clear, reset, discard -----------------------------------------------------------------------

    @Test
    void keepsAFlushWhileHolding() throws Exception {
        CapturedBody body = body(64, true);
        string(body, "abc");

        body.flush();

        assertFalse(real.touched());
        assertEquals(3, body.size());
    }

    @Test
    void passesAFlushOnToTheRealWriterOnceStreaming() throws Exception {
        CapturedBody body = body(new BufferingResponse(real), 4, true);
        string(body, "abcdef");
        string(body, "gh");
        assertEquals("", real.bodyText(UTF_8), "the outer response's writer still holds what streamed");

        body.flush();

        assertEquals("abcdefgh", real.bodyText(UTF_8));
    }

    @Test
    void passesAFlushOnToTheRealStreamOnceStreaming() throws Exception {
        CapturedBody body = body(new BufferingResponse(real), 4, true);
        body.writeBytes("abcdef".getBytes(UTF_8), 0, 6);
        body.writeBytes("gh".getBytes(UTF_8), 0, 2);
        assertEquals("", real.bodyText(UTF_8), "the outer response's stream still holds what streamed");

        body.flush();

        assertEquals("abcdefgh", real.bodyText(UTF_8));
    }

    @Test
    void clearForgetsTheBodyAHalfWrittenPairAndALoneSurrogate() throws Exception {
        CapturedBody body = body(8, false);
        chars(body, "\uDC00junk\uD83D");
        assertTrue(body.sawLoneSurrogate());

        body.clear();
        string(body, "{}");

        assertEquals("{}", new String(body.bytes(), UTF_8));
        assertFalse(body.sawLoneSurrogate());
    }

    @Test
    void clearForgetsThatTheBodyOutgrewTheLimit() throws Exception {
        CapturedBody body = body(4, false);
        string(body, "too long");

        body.clear();
        string(body, "{}");

        assertFalse(body.overLimit());
        assertEquals("{}", new String(body.bytes(), UTF_8));
    }

    @Test
    void resetForgetsWhichApiWrote() throws Exception {
        CapturedBody body = body(64, true);
        string(body, "junk");

        body.reset();
        body.writeBytes("{}".getBytes(UTF_8), 0, 2);
        body.replay();

        assertEquals(CapturedBody.Output.STREAM, body.output());
        assertEquals("{}", real.bodyText(UTF_8));
    }

    @Test
    void discardDropsTheBodyAndEverythingWrittenAfter() throws Exception {
        CapturedBody body = body(64, true);
        string(body, "{\"access_token\":{}}");

        body.discard();
        string(body, "more");
        chars(body, "more");
        body.writeBytes(new byte[] {1}, 0, 1);
        body.replay();

        assertTrue(body.isDiscarding());
        assertEquals(0, body.size());
        assertFalse(real.touched());
        assertEquals(List.of(), events);
    }

    @Test
    void aWriteOfNothingChoosesTheApiAndHoldsNothing() throws Exception {
        CapturedBody body = body(64, true);

        body.writeString("abc", 1, 0);

        assertEquals(CapturedBody.Output.WRITER, body.output());
        assertEquals(0, body.size());
        assertFalse(real.touched());
    }
}
