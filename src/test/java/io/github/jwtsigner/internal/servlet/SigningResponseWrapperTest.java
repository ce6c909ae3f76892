package io.github.jwtsigner.internal.servlet;

import io.github.jwtsigner.internal.decision.ResponseFacts.Capture;
import io.github.jwtsigner.testing.BufferingResponse;
import io.github.jwtsigner.testing.RecordingResponse;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SigningResponseWrapperTest {
    @FunctionalInterface
    interface Write {
        void to(HttpServletResponse response) throws IOException;
    }

    private final RecordingResponse real = new RecordingResponse();
    private final SigningResponseWrapper wrapper = new SigningResponseWrapper(real, 64);

    @Test
    void holdsTheBodyAndNeverCommitsWhateverTheServletFlushes() throws Exception {
        wrapper.getOutputStream().write("{\"a\":1}".getBytes(UTF_8));
        wrapper.getOutputStream().flush();
        wrapper.flushBuffer();
        wrapper.getOutputStream().close();

        assertFalse(wrapper.isCommitted());
        assertFalse(real.touched());
        assertArrayEquals("{\"a\":1}".getBytes(UTF_8), wrapper.body().bytes());
    }

    @Test
    void holdsWriterOutputWithoutNeedingAFlush() {
        wrapper.getWriter().print("José");

        assertEquals("José", new String(wrapper.body().bytes(), UTF_8));
        assertFalse(real.touched());
    }

    @Test
    void holdsStringWritesOfEveryKindByteForByteAsUtf8() {
        SigningResponseWrapper big = new SigningResponseWrapper(new RecordingResponse(), 4096);
        PrintWriter w = big.getWriter();
        w.write("{\"a\":\"plain ascii\",");               // bulk path
        w.write("\"q\":\"why?\",");                       // a '?' takes the character path
        w.write("\"n\":\"José 名前 \uD83D\uDE00\",");    // non-ASCII
        w.write("xx\"o\":\"offsets\",yy", 2, 14);          // part of a string
        w.write("\"s\":\"split \uD83D");                   // a pair split across writes
        w.write("\uDE00 pair\"}");
        w.flush();

        String expected = "{\"a\":\"plain ascii\",\"q\":\"why?\",\"n\":\"José 名前 \uD83D\uDE00\",\"o\":\"offsets\","
                + "\"s\":\"split \uD83D\uDE00 pair\"}";
        assertArrayEquals(expected.getBytes(UTF_8), big.body().bytes());
    }

    @Test
    void refusesBadOffsetsOfAStringWrite() {
        PrintWriter w = wrapper.getWriter();

        assertThrows(IndexOutOfBoundsException.class, () -> w.write("abc", 2, 5));
        assertEquals(0, wrapper.body().size());
    }

    @Test
    void dropsAnAsciiStringWriterBodyThatOutgrowsTheLimitWhenItMayBeSigned() {
        PrintWriter w = wrapper.getWriter();
        w.write("x".repeat(60));
        w.write("y".repeat(10));

        assertEquals(Capture.OVER_LIMIT, wrapper.body().state());
        assertEquals(0, wrapper.body().size());
        assertFalse(real.touched());
    }

    @Test
    void allowsOnlyOneOfWriterAndStream() {
        wrapper.getWriter();

        IllegalStateException e = assertThrows(IllegalStateException.class, wrapper::getOutputStream);
        assertEquals("getWriter() has already been called for this response", e.getMessage());

        SigningResponseWrapper other = new SigningResponseWrapper(new RecordingResponse(), 64);
        other.getOutputStream();
        IllegalStateException e2 = assertThrows(IllegalStateException.class, other::getWriter);
        assertEquals("getOutputStream() has already been called for this response", e2.getMessage());
    }

    @Test
    void keepsEveryContentLengthSetterAwayFromTheRealResponse() {
        wrapper.setContentLength(10);
        wrapper.setContentLengthLong(11);
        wrapper.setHeader("Content-Length", "12");
        wrapper.addHeader("content-length", "13");
        wrapper.setIntHeader("CONTENT-LENGTH", 14);
        wrapper.addIntHeader("Content-Length", 15);

        assertNull(real.getHeader("Content-Length"));
    }

    @Test
    void replaysTheLastContentLengthWhenTheBodyPassesThrough() throws Exception {
        wrapper.setContentLength(10);
        wrapper.setIntHeader("Content-Length", 3);
        wrapper.getOutputStream().write("abc".getBytes(UTF_8));

        wrapper.body().replay();

        assertEquals("3", real.getHeader("Content-Length"));
        assertEquals("abc", real.bodyText(UTF_8));
    }

    @Test
    void passesOtherHeadersAndTheStatusStraightToTheRealResponse() {
        wrapper.setStatus(201);
        wrapper.setHeader("X-A", "1");
        wrapper.addHeader("Set-Cookie", "a=b");

        assertEquals(201, real.getStatus());
        assertEquals("1", real.getHeader("X-A"));
        assertEquals("a=b", real.getHeader("Set-Cookie"));
    }

    @Test
    void tracksTheDeclaredCharsetItself() {
        assertNull(wrapper.declaredCharset(), "the real response answers ISO-8859-1, but nothing was declared");

        wrapper.setContentType("application/json; charset=windows-1252");
        assertEquals("windows-1252", wrapper.declaredCharset());
        wrapper.setContentType("application/json");
        assertEquals("windows-1252", wrapper.declaredCharset());
        wrapper.setCharacterEncoding("UTF-16");
        assertEquals("UTF-16", wrapper.declaredCharset());
        wrapper.setHeader("Content-Type", "text/json;charset=ISO-8859-1");
        assertEquals("ISO-8859-1", wrapper.declaredCharset());
        assertEquals("text/json;charset=ISO-8859-1", real.getContentType());
        wrapper.setCharacterEncoding(StandardCharsets.UTF_8);
        assertEquals("UTF-8", wrapper.declaredCharset());
    }

    @Test
    void ignoresCharsetChangesAfterGetWriterAsAContainerDoes() {
        wrapper.setContentType("text/plain;charset=ISO-8859-1");
        wrapper.getWriter();

        wrapper.setCharacterEncoding("UTF-8");
        wrapper.setContentType("text/html;charset=UTF-8");

        assertEquals("ISO-8859-1", wrapper.declaredCharset());
        assertEquals("text/html;charset=ISO-8859-1", real.getContentType());
    }

    @Test
    void resetForgetsTheBodyTheHeadersTheCharsetAndTheContentLength() throws Exception {
        wrapper.setHeader("Set-Cookie", "junk=1");
        wrapper.setContentType("text/plain;charset=UTF-16");
        wrapper.setContentLength(99);
        PrintWriter w = wrapper.getWriter();
        w.write("junk");

        wrapper.reset();
        wrapper.getOutputStream().write("{}".getBytes(UTF_8));
        wrapper.body().replay();

        assertNull(wrapper.declaredCharset());
        assertEquals("{}", real.bodyText(UTF_8));
        assertEquals(java.util.List.of(), real.headerLines());
    }

    @Test
    void resetBufferForgetsOnlyTheBody() {
        wrapper.setHeader("X-A", "1");
        wrapper.getWriter().write("junk");

        wrapper.resetBuffer();

        assertEquals(0, wrapper.body().size());
        assertEquals("1", real.getHeader("X-A"));
    }

    @Test
    void handsSendErrorToTheContainerAndDropsWhatIsWrittenAfter() throws Exception {
        wrapper.getWriter().write("{\"access_token\":{}}");

        wrapper.sendError(401, "no");
        wrapper.getWriter().write("more");

        assertEquals(401, real.getStatus());
        assertTrue(real.isCommitted());
        assertTrue(wrapper.isCommitted(), "once the container owns the response, its commit state shows");
        assertEquals(0, wrapper.body().size());
        assertEquals(Capture.HANDED_OVER, wrapper.body().state());
    }

    @Test
    void handsSendRedirectToTheContainer() throws Exception {
        wrapper.sendRedirect("/home");

        assertEquals(302, real.getStatus());
        assertEquals("/home", real.getHeader("Location"));
        assertEquals(Capture.HANDED_OVER, wrapper.body().state());
    }

    @Test
    void fallsBackToThePlainRedirectOnAServlet60Container() throws Exception {
        wrapper.sendRedirect("/home", 303, true);

        assertEquals("/home", real.getHeader("Location"));
        assertEquals(Capture.HANDED_OVER, wrapper.body().state());
    }

    @Test
    void dropsABodyToSignThatOutgrowsTheLimitAndMarksIt() throws Exception {
        wrapper.setContentType("application/json");
        wrapper.getOutputStream().write(new byte[60]);
        wrapper.getOutputStream().write(new byte[5]);

        assertEquals(Capture.OVER_LIMIT, wrapper.body().state());
        assertEquals(0, wrapper.body().size());
        assertFalse(real.touched());
    }

    @Test
    void streamsAWriterBodyKnownUnsignedOnceItOutgrowsTheLimit() throws Exception {
        wrapper.setStatus(500);
        wrapper.setContentType("text/plain;charset=UTF-8");
        wrapper.setContentLength(80);
        PrintWriter w = wrapper.getWriter();
        w.write("x".repeat(62));
        w.write("\uD83D");
        assertFalse(real.touched());

        w.write("\uDE00" + "y".repeat(14));
        wrapper.setContentLength(81);
        wrapper.flushBuffer();

        assertEquals(Capture.STREAMED, wrapper.body().state());
        assertTrue(wrapper.isCommitted());
        assertEquals("x".repeat(62) + "\uD83D\uDE00" + "y".repeat(14), real.bodyText(UTF_8));
        assertEquals("80", real.getHeader("Content-Length"), "status and headers are final once streaming");
        wrapper.setStatus(200);
        wrapper.setContentType("application/json");
        wrapper.setHeader("Content-Type", "application/json");
        assertEquals(500, real.getStatus());
        assertEquals("text/plain;charset=UTF-8", real.getContentType());
        assertThrows(IllegalStateException.class, wrapper::reset, "reset() once committed");
    }

    @Test
    void replaysWriterOutputThroughTheRealWriterSoTheContainerPicksTheCharset() throws Exception {
        wrapper.setContentType("text/plain");
        wrapper.getWriter().write("José");

        wrapper.body().replay();

        assertEquals("text/plain;charset=ISO-8859-1", real.getContentType());
        assertArrayEquals("José".getBytes(StandardCharsets.ISO_8859_1), real.bodyBytes());
    }

    static Stream<Arguments> contentLengthSetters() {
        return Stream.of(
                setter("setContentLength", r -> r.setContentLength(3)),
                setter("setContentLengthLong", r -> r.setContentLengthLong(3)),
                setter("setHeader", r -> r.setHeader("Content-Length", "3")),
                setter("addHeader", r -> r.addHeader("content-length", "3")),
                setter("setIntHeader", r -> r.setIntHeader("CONTENT-LENGTH", 3)),
                setter("addIntHeader", r -> r.addIntHeader("Content-Length", 3)));
    }

    private static Arguments setter(String name, Consumer<HttpServletResponse> setter) {
        return Arguments.of(Named.of(name, setter));
    }

    @ParameterizedTest
    @MethodSource("contentLengthSetters")
    void replaysAContentLengthSetByAnySetterWhenTheBodyPassesThrough(Consumer<HttpServletResponse> setter)
            throws Exception {
        setter.accept(wrapper);
        wrapper.getOutputStream().write("abc".getBytes(UTF_8));
        assertNull(real.getHeader("Content-Length"));

        wrapper.body().replay();

        assertEquals(List.of("3"), real.getHeaders("Content-Length"));
        assertEquals("abc", real.bodyText(UTF_8));
    }

    @ParameterizedTest
    @MethodSource("contentLengthSetters")
    void passesAContentLengthSetByAnySetterStraightThroughOnceStreaming(Consumer<HttpServletResponse> setter)
            throws Exception {
        SigningResponseWrapper streaming = new SigningResponseWrapper(new BufferingResponse(real), 4);
        streaming.setStatus(401);
        streaming.getOutputStream().write("denied".getBytes(UTF_8));
        assertEquals(Capture.STREAMED, streaming.body().state());

        setter.accept(streaming);

        assertEquals(List.of("3"), real.getHeaders("Content-Length"));
    }

    @Test
    void passesOtherIntHeadersStraightToTheRealResponse() {
        wrapper.setIntHeader("X-Count", 1);
        wrapper.addIntHeader("X-Count", 2);

        assertEquals(List.of("1", "2"), real.getHeaders("X-Count"));
    }

    @Test
    void treatsAnAddedContentTypeHeaderAsSetContentType() {
        wrapper.addHeader("Content-Type", "text/plain;charset=UTF-16");
        assertEquals("UTF-16", wrapper.declaredCharset());
        assertEquals("text/plain;charset=UTF-16", real.getContentType());

        wrapper.getWriter();
        wrapper.addHeader("content-type", "application/json;charset=UTF-8");

        assertEquals("UTF-16", wrapper.declaredCharset());
        assertEquals("application/json;charset=UTF-16", real.getContentType());
    }

    @Test
    void passesTheCharsetOnToTheRealResponse() {
        wrapper.setContentType("text/plain");

        wrapper.setCharacterEncoding("UTF-16");

        assertEquals("text/plain;charset=UTF-16", real.getContentType());
        assertEquals("UTF-16", real.getCharacterEncoding());
    }

    @ParameterizedTest(name = "status {0}: streams {1}")
    @CsvSource({"199, true", "200, false", "299, false", "300, true"})
    void streamsABodyWithoutContentTypeOverTheLimitOnlyOutsideTwoHundreds(int status, boolean streams)
            throws Exception {
        wrapper.setStatus(status);

        wrapper.getOutputStream().write(new byte[65]);

        assertEquals(streams ? Capture.STREAMED : Capture.OVER_LIMIT, wrapper.body().state());
        assertEquals(streams ? 65 : 0, real.bodyBytes().length);
    }

    @Test
    void passesFlushBufferOnToTheClientOnceStreaming() throws Exception {
        BufferingResponse outer = new BufferingResponse(real);
        SigningResponseWrapper streaming = new SigningResponseWrapper(outer, 4);
        streaming.setStatus(500);
        streaming.setContentType("text/plain;charset=UTF-8");
        streaming.getWriter().write("stream me");
        int flushes = outer.flushBufferCalls();
        assertEquals("", real.bodyText(UTF_8), "the outer response's writer still holds what streamed");

        streaming.flushBuffer();

        assertEquals("stream me", real.bodyText(UTF_8));
        assertEquals(flushes + 1, outer.flushBufferCalls());
    }

    @Test
    void keepsFlushBufferFromTheRealResponseWhileHolding() throws Exception {
        BufferingResponse outer = new BufferingResponse(real);
        SigningResponseWrapper holding = new SigningResponseWrapper(outer, 64);
        holding.getWriter().write("{}");

        holding.flushBuffer();

        assertEquals(0, outer.flushBufferCalls());
        assertFalse(real.touched());
    }

    @Test
    void leavesResetBufferToTheContainerOnceStreaming() throws Exception {
        wrapper.setStatus(401);
        wrapper.getOutputStream().write(new byte[65]);

        IllegalStateException e = assertThrows(IllegalStateException.class, wrapper::resetBuffer);

        assertEquals("committed", e.getMessage(), "the container's own answer");
        assertEquals(65, real.bodyBytes().length);
    }

    @Test
    void handsASendRedirectWithAStatusToTheContainer() throws Exception {
        wrapper.getWriter().write("{\"access_token\":{}}");

        wrapper.sendRedirect("/home", 301);
        real.markServletReturned();

        assertEquals("/home", real.getHeader("Location"));
        assertEquals("sendRedirect, committed", real.touchedBeforeServletReturned());
        assertEquals(Capture.HANDED_OVER, wrapper.body().state());
    }

    @Test
    void dropsTheBodySoFarEvenBeforeARedirectThatKeepsTheBuffer() throws Exception {
        // Written before the redirect's status is set, it could fill the container's buffer and go out
        // with the servlet's 2xx; so a redirect never carries the held body.
        wrapper.setStatus(201);
        wrapper.getWriter().write("{\"access_token\":{\"sub\":\"alice\"}}");

        wrapper.sendRedirect("/home", false);
        real.markServletReturned();

        assertEquals("/home", real.getHeader("Location"));
        assertEquals("sendRedirect, committed", real.touchedBeforeServletReturned());
        assertEquals(0, real.bodyBytes().length);
        assertEquals(Capture.HANDED_OVER, wrapper.body().state());
    }

    @Test
    void sendsNoneOfTheBodyBeforeARedirectThatClearsTheBuffer() throws Exception {
        wrapper.setContentLength(3);
        wrapper.getWriter().write("abc");

        wrapper.sendRedirect("/home", 303, true);
        real.markServletReturned();

        assertNull(real.getHeader("Content-Length"));
        assertEquals("sendRedirect, committed", real.touchedBeforeServletReturned());
    }

    static Stream<Arguments> writesKeptAcrossReset() {
        return Stream.of(
                keptWrite("stream", r -> {
                    var out = r.getOutputStream();
                    r.reset();
                    out.write("denied".getBytes(UTF_8));
                }),
                keptWrite("writer, a string", r -> {
                    PrintWriter w = r.getWriter();
                    r.reset();
                    w.write("denied");
                }),
                keptWrite("writer, characters", r -> {
                    PrintWriter w = r.getWriter();
                    r.reset();
                    w.write("denied".toCharArray());
                }));
    }

    private static Arguments keptWrite(String name, Write write) {
        return Arguments.of(Named.of(name, write));
    }

    @ParameterizedTest
    @MethodSource("writesKeptAcrossReset")
    void aWriterOrStreamKeptAcrossResetStillWritesTheBody(Write write) throws Exception {
        write.to(wrapper);
        wrapper.body().replay();

        assertEquals("denied", real.bodyText(UTF_8));
    }
}
