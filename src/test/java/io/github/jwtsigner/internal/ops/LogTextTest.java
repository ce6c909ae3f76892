package io.github.jwtsigner.internal.ops;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link LogText}: which values stay bare, how the others are quoted and escaped, where a long one is cut. */
class LogTextTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "/app/token",
        "POST",
        "127.0.0.1",
        "0:0:0:0:0:0:0:1",
        "alice@example.org",
        "a+b-c_d.e",
        "1700000000",
    })
    void writesValuesOfBareCharactersAsTheyAre(String value) {
        assertEquals(value, LogText.value(value));
    }

    @Test
    void quotesEmptyAndNullValues() {
        assertEquals("\"\"", LogText.value(""));
        assertEquals("\"\"", LogText.value(null));
    }

    @Test
    void quotesValuesWithSpacesEqualSignsAndOtherPunctuation() {
        assertEquals("\"john doe\"", LogText.value("john doe"));
        assertEquals("\"a=b\"", LogText.value("a=b"));
        assertEquals("\"/a?b\"", LogText.value("/a?b"));
        assertEquals("\"[::1]\"", LogText.value("[::1]"));
        assertEquals("\"José\"", LogText.value("José"));
    }

    @Test
    void escapesQuotesBackslashesAndLineBreaks() {
        assertEquals("\"a\\\"b\\\\c\\nd\\re\\tf\"", LogText.value("a\"b\\c\nd\re\tf"));
    }

    @Test
    void escapesEveryOtherControlCharacterAsUnicode() {
        assertEquals("\"\\u0000\\u001b[31m\\u007f\\u0085\\u009f\"", LogText.value("\u0000\u001b[31m\u007f\u0085\u009f"));
    }

    @Test
    void escapesLineSeparatorsAndFormatCharacters() {
        assertEquals("\"a\\u2028b\\u2029c\"", LogText.value("a\u2028b\u2029c"));
        assertEquals("\"\\u202egnp.exe\"", LogText.value("\u202Egnp.exe"));
        assertEquals("\"\\u200b\\u200d\\u2066\\u00ad\\ufeff\"", LogText.value("\u200B\u200D\u2066\u00AD\uFEFF"));
        // U+E0001 LANGUAGE TAG is a format character outside the BMP: both its surrogates are escaped.
        assertEquals("\"x\\udb40\\udc01\"", LogText.value("x\uDB40\uDC01"));
    }

    @Test
    void keepsOtherCharactersOutsideAsciiAsTheyAre() {
        assertEquals("\"名前 \uD83D\uDE00\"", LogText.value("名前 \uD83D\uDE00"));
    }

    @Test
    void escapesLoneSurrogates() {
        assertEquals("\"a\\ud800b\\udc00\"", LogText.value("a\uD800b\uDC00"));
        assertEquals("\"\\udbff\"", LogText.value("\uDBFF"));
    }

    @Test
    void cutsALongValueAndSaysHowManyCharactersAreLeftOut() {
        String value = "a".repeat(300);
        assertEquals("\"" + "a".repeat(256) + "...[+44]\"", LogText.value(value));
        assertEquals("a".repeat(256), LogText.value("a".repeat(256)));
        assertEquals("\"" + "a".repeat(256) + "...[+1]\"", LogText.value("a".repeat(257)));
    }

    @Test
    void cutsBeforeASurrogatePairRatherThanThroughIt() {
        String value = "a".repeat(255) + "\uD83D\uDE00" + "b".repeat(10);
        assertEquals("\"" + "a".repeat(255) + "...[+12]\"", LogText.value(value));
    }

    @Test
    void cutsAtTheCapGiven() {
        StringBuilder out = new StringBuilder();
        LogText.append(out, "k".repeat(100), 64);
        assertEquals("\"" + "k".repeat(64) + "...[+36]\"", out.toString());
    }

    @Test
    void escapesWhatItKeepsOfACutValue() {
        assertEquals("\"" + "\\n".repeat(256) + "...[+4]\"", LogText.value("\n".repeat(260)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "/app/login;jsessionid=8A3F01C2D4E5 | /app/login",
        "/app;jsessionid=8A3F01C2/api;v=2/orders | /app/api/orders",
        "/app/;x | /app/",
        ";jsessionid=8A3F01C2 | ''",
        "/app/%3Bjsessionid=kept | /app/%3Bjsessionid=kept",
        "/app/orders | /app/orders",
    })
    void leavesPathParametersOutOfAUriForTheyCanCarryASessionId(String uri, String path) {
        assertEquals(path, LogText.path(uri));
        assertEquals(LogText.value(path), LogText.uri(uri));
    }
}
