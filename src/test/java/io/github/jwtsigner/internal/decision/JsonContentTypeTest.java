package io.github.jwtsigner.internal.decision;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonContentTypeTest {
    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json;charset=UTF-8", "Application/JSON ; charset=utf-8",
        "text/json", "TEXT/JSON", "application/vnd.api+json", "application/problem+json; q=1", " application/json "})
    void recognisesJsonTypesWhateverTheirCaseAndParameters(String type) {
        assertTrue(JsonContentType.isJson(type));
        assertFalse(JsonContentType.isAbsent(type));
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/html", "text/plain;charset=UTF-8", "application/jsonp", "application/+json",
        "text/vnd.x+json", "application/json-patch", "application/xml", "json"})
    void rejectsEveryOtherType(String type) {
        assertFalse(JsonContentType.isJson(type));
        assertFalse(JsonContentType.isAbsent(type));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  ", ";charset=UTF-8"})
    void treatsNullAndBlankAsNoContentType(String type) {
        assertTrue(JsonContentType.isAbsent(type));
        assertFalse(JsonContentType.isJson(type));
    }
}
