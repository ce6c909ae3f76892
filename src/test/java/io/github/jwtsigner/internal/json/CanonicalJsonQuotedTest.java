package io.github.jwtsigner.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.jwtsigner.SigningException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The single-string form the JWS header uses: the same Go escaping as the claims. */
class CanonicalJsonQuotedTest {
    private static String quoted(String value) {
        return new String(CanonicalJson.quoted(value), java.nio.charset.StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "plain|sim2|'\"sim2\"'",
        "quote|a\"b|'\"a\\\"b\"'",
        "backslash|a\\b|'\"a\\\\b\"'",
        "html|<a>&|'\"\\u003ca\\u003e\\u0026\"'",
        "slash stays|a/b|'\"a/b\"'",
        "del stays|a\u007fb|'\"a\u007fb\"'",
        "non-ascii stays|Zoë ✓|'\"Zoë ✓\"'",
        "line separators|\u2028\u2029|'\"\\u2028\\u2029\"'",
    })
    void escapesAsGoEncodingJsonDoes(String name, String value, String expected) {
        assertEquals(expected, quoted(value));
    }

    @Test
    void escapesControlCharactersShortWhereGoDoesElseAsLowercaseHex() {
        assertEquals("\"\\n\\r\\t\\b\\f\\u0000\\u001f\\u000b\"", quoted("\n\r\t\b\f\u0000\u001f\u000b"));
    }

    @Test
    void keepsSupplementaryCharactersLiteral() {
        assertEquals("\"\uD83D\uDE00\"", quoted("\uD83D\uDE00"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\uD83D", "\uDE00b", "\uDE00\uD83D"})
    void rejectsALoneSurrogate(String value) {
        SigningException e = assertThrows(SigningException.class, () -> quoted(value));

        assertEquals(SigningException.Reason.INVALID_STRING, e.reason());
        assertEquals("string holds a lone surrogate, which has no UTF-8 form; expected well-formed Unicode text",
                e.getMessage());
    }
}
