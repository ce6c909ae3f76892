package io.github.jwtsigner.example;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSON half; the form half is request.getParameter and is exercised in the deployed-WAR tests. */
class RequestFieldsTest {
    @Test
    void readsTheNamedStringFieldsAndIgnoresOthers() {
        assertEquals(Map.of("user", "john", "pass", "doe"),
                RequestFields.fromJson("{\"user\":\"john\",\"pass\":\"doe\",\"remember\":true}", "user", "pass")
                        .orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"user\":\"john\"}", "{\"user\":\"john\",\"pass\":\"\"}",
        "{\"user\":\"john\",\"pass\":42}", "{\"user\":\"john\",\"pass\":null}", "{\"user\":\"john\",\"pass\":[\"doe\"]}",
        "[\"john\",\"doe\"]", "user=john&pass=doe"})
    void refusesABodyWithoutEveryFieldAsANonEmptyString(String json) {
        assertTrue(RequestFields.fromJson(json, "user", "pass").isEmpty(), json);
    }
}
