package io.github.jwtsigner.internal.json;

import io.github.jwtsigner.SigningException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GoStringEscaperTest {

    static Stream<Arguments> escapes() {
        return Stream.of(
                Arguments.of("double quote", "\"", "\\\""),
                Arguments.of("backslash", "\\", "\\\\"),
                Arguments.of("newline", "\n", "\\n"),
                Arguments.of("carriage return", "\r", "\\r"),
                Arguments.of("tab", "\t", "\\t"),
                Arguments.of("backspace", "\b", "\\b"),
                Arguments.of("form feed", "\f", "\\f"),
                Arguments.of("NUL", "\u0000", "\\u0000"),
                Arguments.of("vertical tab", "\u000b", "\\u000b"),
                Arguments.of("escape, lowercase hex", "\u001b", "\\u001b"),
                Arguments.of("unit separator", "\u001f", "\\u001f"),
                Arguments.of("less-than", "<", "\\u003c"),
                Arguments.of("greater-than", ">", "\\u003e"),
                Arguments.of("ampersand", "&", "\\u0026"),
                Arguments.of("line separator", "\u2028", "\\u2028"),
                Arguments.of("paragraph separator", "\u2029", "\\u2029"),
                Arguments.of("slash stays literal", "/", "/"),
                Arguments.of("DEL stays literal", "\u007f", "\u007f"),
                Arguments.of("space and single quote stay literal", " '", " '"),
                Arguments.of("two-byte UTF-8", "\u00e9", "\u00e9"),
                Arguments.of("three-byte UTF-8", "\u20ac", "\u20ac"),
                Arguments.of("replacement character", "\uFFFD", "\uFFFD"),
                Arguments.of("four-byte UTF-8", "\uD83D\uDE00", "\uD83D\uDE00"),
                Arguments.of("C1 control stays literal", "\u0085", "\u0085"),
                Arguments.of("mixed", "a<b>&\"c\"\n\u2028\u00e9", "a\\u003cb\\u003e\\u0026\\\"c\\\"\\n\\u2028\u00e9"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("escapes")
    void escapesLikeGoEncodingJson(String name, String input, String expectedInsideQuotes) {
        byte[] expected = ("\"" + expectedInsideQuotes + "\"").getBytes(StandardCharsets.UTF_8);

        assertArrayEquals(expected, quote(input));
    }

    @Test
    void writesUtf8ForEveryCharacterItDoesNotEscape() {
        StringBuilder sb = new StringBuilder();
        for (int c = 0x20; c < 0x10000; c++) {
            boolean escaped = c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' || c == 0x2028
                    || c == 0x2029;
            if (!escaped && !Character.isSurrogate((char) c)) {
                sb.append((char) c);
            }
        }
        sb.appendCodePoint(0x10000).appendCodePoint(0x1F600).appendCodePoint(0x10FFFF);
        String all = sb.toString();

        assertArrayEquals(("\"" + all + "\"").getBytes(StandardCharsets.UTF_8), quote(all));
    }

    static Stream<Arguments> loneSurrogates() {
        return Stream.of(
                Arguments.of("lone high surrogate", "a\uD800b"),
                Arguments.of("lone low surrogate", "a\uDC00b"),
                Arguments.of("high surrogate at the end", "secret\uD83D"),
                Arguments.of("pair in the wrong order", "\uDE00\uD83D"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("loneSurrogates")
    void refusesLoneSurrogates(String name, String input) {
        SigningException e = assertThrows(SigningException.class,
                () -> GoStringEscaper.writeQuoted(input, 42, new Utf8Buffer(8)));

        assertEquals(SigningException.Reason.INVALID_STRING, e.reason());
        assertEquals("claim string at offset [42] holds a lone surrogate, which has no UTF-8 form; expected"
                + " well-formed Unicode text", e.getMessage());
        assertFalse(e.getMessage().contains("secret"));
    }

    private static byte[] quote(String s) {
        Utf8Buffer out = new Utf8Buffer(4);
        GoStringEscaper.writeQuoted(s, 0, out);
        return out.toByteArray();
    }
}
