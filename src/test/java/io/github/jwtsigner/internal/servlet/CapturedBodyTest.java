package io.github.jwtsigner.internal.servlet;

import io.github.jwtsigner.internal.decision.ResponseFacts.Capture;
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
    /** What happened at the real response, in order: each held Content-Length set, with the body bytes by then. */
    private final List<String> events = new ArrayList<>();

    private CapturedBody body(int limit, boolean knownUnsigned) {
        return body(real, limit, knownUnsigned);
    }

    /**
     * A body of at most {@code limit} bytes, with a Content-Length held. {@code knownUnsigned}: a text/plain
     * response, which may stream once over the limit; else a JSON one, which may be signed.
     */
    private CapturedBody body(HttpServletResponse response, int limit, boolean knownUnsigned) {
        real.setContentType(knownUnsigned ? "text/plain;charset=UTF-8" : "application/json;charset=UTF-8");
        CapturedBody body = new CapturedBody(response, limit);
        body.holdContentLength(r -> events.add("Content-Length set, " + real.bodyBytes().length + " bytes sent"));
        return body;
    }

    private static void chars(CapturedBody body, String s) throws IOException {
        body.writer().write(s.toCharArray(), 0, s.length());
    }

    private static void string(CapturedBody body, String s) throws IOException {
        body.writer().write(s, 0, s.length());
    }

    // ---- held, then replayed through the API the servlet used -------------------------------------------

    static Stream<Arguments> writes() {
        return Stream.of(
                write("bytes through the stream", b -> b.stream().write("xxJosé".getBytes(UTF_8), 2, 5)),
                write("an ASCII string through the writer", b -> b.writer().write("xxJos?", 2, 3)),
                write("a string that is not ASCII through the writer", b -> b.writer().write("xxJosé", 2, 4)),
                write("characters through the writer", b -> b.writer().write("xxJosé".toCharArray(), 2, 4)));
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
        assertEquals(List.of("Content-Length set, 0 bytes sent"), events);
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
        assertEquals(Capture.HELD, body.state());
    }

    @Test
    void endDropsABodyToSignThatTheQuestionMarkTakesOverTheLimit() throws Exception {
        CapturedBody body = body(3, false);
        string(body, "abc\uD800");

        body.end();

        assertEquals(Capture.OVER_LIMIT, body.state());
        assertEquals(0, body.size());
        assertFalse(real.touched());
    }

    @Test
    void endStreamsABodyKnownUnsignedThatTheQuestionMarkTakesOverTheLimit() throws Exception {
        CapturedBody body = body(3, true);
        string(body, "abc\uD800");

        body.end();

        assertEquals(Capture.STREAMED, body.state(), "streamed, not dropped over the limit");
        assertEquals("abc?", real.bodyText(UTF_8));
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
        body.stream().write(new byte[6], 0, 6);
        body.stream().write(new byte[3], 0, 3);
        body.stream().write(new byte[1], 0, 1);

        assertEquals(Capture.OVER_LIMIT, body.state(), "dropped, not streamed");
        assertEquals(0, body.size());
        assertFalse(real.touched());
    }

    @Test
    void streamsABodyKnownUnsignedOnceItOutgrowsTheLimit() throws Exception {
        CapturedBody body = body(8, true);
        body.stream().write("abcdef".getBytes(UTF_8), 0, 6);
        body.stream().write("xxghijxx".getBytes(UTF_8), 2, 4);

        assertEquals(Capture.STREAMED, body.state());
        assertTrue(real.isCommitted(), "status and headers are final once streaming");
        assertEquals("abcdefghij", real.bodyText(UTF_8));
        assertEquals(0, body.size(), "nothing is held once streaming");
        assertEquals(List.of("Content-Length set, 0 bytes sent"), events);

        body.stream().write("k".getBytes(UTF_8), 0, 1);
        assertEquals("abcdefghijk", real.bodyText(UTF_8));
    }

    @Test
    void streamsAnAsciiStringThatTakesTheBodyOverTheLimitAndEveryStringAfter() throws Exception {
        CapturedBody body = body(8, true);
        string(body, "abcdef");
        body.writer().write("xxghijxx", 2, 4);
        string(body, "kl");

        assertEquals(Capture.STREAMED, body.state());
        assertEquals("abcdefghijkl", real.bodyText(UTF_8));
        assertEquals(0, body.size());
    }

    @Test
    void streamsCharactersFromTheOffsetTheServletGave() throws Exception {
        CapturedBody body = body(8, true);
        string(body, "abcdef");
        body.writer().write("XXghéjXX".toCharArray(), 2, 4);

        assertEquals("abcdefghéj", real.bodyText(UTF_8));
    }

    @Test
    void streamsTheRestOfALongWriteFromTheChunkThatDidNotFit() throws Exception {
        String text = "é".repeat(2048) + "名".repeat(100);
        CapturedBody body = body(4096, true);

        chars(body, text);

        assertEquals(Capture.STREAMED, body.state());
        assertEquals(text, real.bodyText(UTF_8));
    }

    @Test
    void keepsASurrogatePairInOneWriteWhenItsLowHalfTakesTheBodyOverTheLimit() throws Exception {
        CapturedBody body = body(8, true);
        string(body, "abcdef");
        chars(body, "\uD83D");
        body.writer().write(new char[] {'X', '\uDE00', '!', '!', '!'}, 1, 4);

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
        body.stream().write("abcdef".getBytes(UTF_8), 0, 6);
        body.stream().write("gh".getBytes(UTF_8), 0, 2);
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

        assertEquals(Capture.HELD, body.state());
        assertEquals("{}", new String(body.bytes(), UTF_8));
    }

    @Test
    void resetForgetsWhichApiWrote() throws Exception {
        CapturedBody body = body(64, true);
        string(body, "junk");

        body.reset();
        body.stream().write("{}".getBytes(UTF_8), 0, 2);
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
        body.stream().write(new byte[] {1}, 0, 1);
        body.replay();

        assertEquals(Capture.HANDED_OVER, body.state());
        assertEquals(0, body.size());
        assertFalse(real.touched());
        assertEquals(List.of(), events);
    }

    @Test
    void aWriteOfNothingChoosesTheApiAndHoldsNothing() throws Exception {
        CapturedBody body = body(64, true);

        body.writer().write("abc", 1, 0);

        assertEquals(CapturedBody.Output.WRITER, body.output());
        assertEquals(0, body.size());
        assertFalse(real.touched());
    }
}
