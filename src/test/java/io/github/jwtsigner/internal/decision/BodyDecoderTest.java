package io.github.jwtsigner.internal.decision;

import io.github.jwtsigner.SigningException;
import org.junit.jupiter.api.Test;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BodyDecoderTest {
    private static final String TEXT = "{\"name\":\"José 名前 \uD83D\uDE00\"}";

    @Test
    void decodesStreamBytesAsUtf8WhenNoCharsetIsDeclared() {
        assertEquals(TEXT, BodyDecoder.ofStream(TEXT.getBytes(UTF_8), null).text());
    }

    @Test
    void decodesStreamBytesWithTheDeclaredCharset() {
        String latin = "{\"name\":\"José\"}";

        assertEquals(latin, BodyDecoder.ofStream(latin.getBytes(ISO_8859_1), "ISO-8859-1").text());
        assertEquals(TEXT, BodyDecoder.ofStream(TEXT.getBytes(java.nio.charset.StandardCharsets.UTF_16BE), "UTF-16BE")
                .text());
    }

    @Test
    void dropsALeadingUtf8ByteOrderMark() {
        byte[] withBom = ("\uFEFF" + TEXT).getBytes(UTF_8);

        assertEquals(TEXT, BodyDecoder.ofStream(withBom, null).text());
        assertEquals(TEXT, BodyDecoder.ofStream(withBom, "utf-8").text());
    }

    @Test
    void keepsWriterTextAsWrittenButForALeadingByteOrderMark() {
        // The charset the container encodes writer output in does not change the characters written.
        assertEquals(TEXT, BodyDecoder.ofWriter(("\uFEFF" + TEXT).getBytes(UTF_8), false, "ISO-8859-1").text());
        assertEquals(TEXT + "\uFEFF", BodyDecoder.ofWriter((TEXT + "\uFEFF").getBytes(UTF_8), false, null).text());
        assertEquals("\uFEFF" + TEXT, BodyDecoder.ofWriter(("\uFEFF\uFEFF" + TEXT).getBytes(UTF_8), false, null)
                .text(), "only one mark is dropped, as from a stream");
    }

    @Test
    void dropsOneLeadingUtf8ByteOrderMarkFromAStream() {
        assertEquals("\uFEFF" + TEXT, BodyDecoder.ofStream(("\uFEFF\uFEFF" + TEXT).getBytes(UTF_8), null)
                .text());
    }

    @Test
    void refusesBytesThatAreNotValidInTheirCharsetAndSaysWhere() {
        byte[] bad = {'{', '"', 'a', '"', ':', (byte) 0xC3, 0x28, '}'};

        SigningException e = assertThrows(SigningException.class, () -> BodyDecoder.ofStream(bad, null).text());

        assertEquals(SigningException.Reason.INVALID_ENCODING, e.reason());
        assertEquals("the response body is not valid UTF-8 at byte offset [5]; expected text in the declared"
                + " charset, else UTF-8", e.getMessage());
    }

    @Test
    void refusesWriterTextThatHeldALoneSurrogate() {
        SigningException e = assertThrows(SigningException.class,
                () -> BodyDecoder.ofWriter("{\"a\":\"?\"}".getBytes(UTF_8), true, null).text());

        assertEquals(SigningException.Reason.INVALID_STRING, e.reason());
        assertEquals("the body written to getWriter() holds a lone surrogate, which has no UTF-8 form; expected"
                + " well-formed text", e.getMessage());
    }

    @Test
    void refusesAnUnknownCharset() {
        SigningException e = assertThrows(SigningException.class,
                () -> BodyDecoder.ofStream(new byte[] {'{', '}'}, "no-such-charset").text());

        assertEquals(SigningException.Reason.INVALID_ENCODING, e.reason());
        assertEquals("the response declares charset [no-such-charset], which this JVM does not support; expected a"
                + " charset such as [UTF-8]", e.getMessage());
    }

    @Test
    void seesABraceAfterWhitespaceAndAByteOrderMark() {
        assertTrue(BodyDecoder.startsWithBrace(" \t\r\n{"));
        assertFalse(BodyDecoder.startsWithBrace("x{"));
        assertFalse(BodyDecoder.startsWithBrace("\u00A0{"));
        assertFalse(BodyDecoder.startsWithBrace(""));
        assertTrue(BodyDecoder.ofStream(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, ' ', '{', (byte) 0xFF}, null)
                .rawStartsWithBrace());
        assertFalse(BodyDecoder.ofStream(new byte[] {'[', '{'}, null).rawStartsWithBrace());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"UTF-16", "UTF-16BE", "UTF-16LE", "UTF-32BE",
            "UTF-32LE"})
    void seesAnObjectInUtf16AndUtf32AsALenientReaderWould(String charset) {
        java.nio.charset.Charset cs = java.nio.charset.Charset.forName(charset);

        assertTrue(BodyDecoder.ofStream(" \n{\"a\":1}".getBytes(cs), null).rawStartsWithBrace());
        assertFalse(BodyDecoder.ofStream(" [{\"a\":1}]".getBytes(cs), null).rawStartsWithBrace());
        assertFalse(BodyDecoder.ofStream("OK".getBytes(cs), null).rawStartsWithBrace());
    }

    @Test
    void seesAnObjectAfterAUtf16OrUtf32ByteOrderMark() {
        String json = "{\"a\":1}";
        byte[][] bodies = {
            concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, json.getBytes(java.nio.charset.Charset.forName("UTF-16BE"))),
            concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, json.getBytes(java.nio.charset.Charset.forName("UTF-16LE"))),
            concat(new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF}, json.getBytes(java.nio.charset.Charset.forName("UTF-32BE"))),
            concat(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0}, json.getBytes(java.nio.charset.Charset.forName("UTF-32LE"))),
        };
        for (byte[] body : bodies) {
            assertTrue(BodyDecoder.ofStream(body, null).rawStartsWithBrace(), java.util.Arrays.toString(body));
        }
        assertFalse(BodyDecoder.ofStream(new byte[] {(byte) 0xFE, (byte) 0xFF, 1, '{'}, null)
                .rawStartsWithBrace(), "not a zero where UTF-16 puts one");
        assertFalse(BodyDecoder.ofStream(new byte[0], null).rawStartsWithBrace());
    }

    @Test
    void takesBinaryThatOnlyLooksLikeUtf16Or32ForWhatItIs() {
        byte[][] binaries = {
            {0, '{', 1, 2, 3, 4},                             // a 16-bit count of 123, then data
            {0, 0, 0, '{', (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF}, // not valid UTF-32
            {0, '{', (byte) 0xD8, 0},                          // a lone surrogate in UTF-16BE
            {0, '{', 0, 'x'},                                  // an object would open with " or }
            {0, 0, 0, ' ', 0, 0, 0, '{'},                      // "{" and nothing after it
            {0, ' ', 0, ' '},                                  // only whitespace
            {0, ' ', 0, '{', 0, ' '},                          // "{" then only whitespace
        };
        for (byte[] body : binaries) {
            assertFalse(BodyDecoder.ofStream(body, null).rawStartsWithBrace(), java.util.Arrays.toString(body));
        }
    }

    @Test
    void looksAtWriterOutputAsTheContainerEncodesIt() {
        // A legacy idiom: UTF-16 bytes smuggled through the writer as ISO-8859-1 characters.
        String smuggled = new String("{\"a\":1}".getBytes(java.nio.charset.Charset.forName("UTF-16")),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] held = smuggled.getBytes(UTF_8);

        assertTrue(BodyDecoder.ofWriter(held, false, "ISO-8859-1").rawStartsWithBrace());
        assertFalse(BodyDecoder.ofWriter(held, false, null).rawStartsWithBrace(), "its UTF-8 form is no object");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
