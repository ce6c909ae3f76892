package io.github.jwtsigner.internal.decision;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContentTypeTest {
    // ---- the charset parameter ------------------------------------------------------------------------------

    @Test
    void readsTheCharsetParameterWhateverItsCaseSpacingAndQuotes() {
        assertEquals("UTF-8", ContentType.charset("application/json;charset=UTF-8"));
        assertEquals("iso-8859-1", ContentType.charset("text/plain; CHARSET = iso-8859-1"));
        assertEquals("utf-8", ContentType.charset("text/plain; a=b; charset=\"utf-8\""));
    }

    @Test
    void answersNullWithoutACharset() {
        assertNull(ContentType.charset(null));
        assertNull(ContentType.charset("application/json"));
        assertNull(ContentType.charset("application/json; charset="));
        assertNull(ContentType.charset("application/json; mycharset=x"));
    }

    @Test
    void removesOnlyTheCharsetParameter() {
        assertEquals("text/plain;a=b;c=d", ContentType.withoutCharset("text/plain; a=b; charset=UTF-8; c=d"));
        assertEquals("application/json", ContentType.withoutCharset("application/json;charset=UTF-8"));
        assertEquals("application/json; a=b", ContentType.withoutCharset("application/json; a=b"));
        assertNull(ContentType.withoutCharset(null));
    }

    // ---- JSON or not ----------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json;charset=UTF-8", "Application/JSON ; charset=utf-8",
        "text/json", "TEXT/JSON", "application/vnd.api+json", "application/problem+json; q=1", " application/json "})
    void recognisesJsonTypesWhateverTheirCaseAndParameters(String type) {
        assertTrue(ContentType.isJson(type));
        assertFalse(ContentType.isAbsent(type));
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/html", "text/plain;charset=UTF-8", "application/jsonp", "application/+json",
        "text/vnd.x+json", "application/json-patch", "application/xml", "json"})
    void rejectsEveryOtherType(String type) {
        assertFalse(ContentType.isJson(type));
        assertFalse(ContentType.isAbsent(type));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  ", ";charset=UTF-8"})
    void treatsNullAndBlankAsNoContentType(String type) {
        assertTrue(ContentType.isAbsent(type));
        assertFalse(ContentType.isJson(type));
    }
}
