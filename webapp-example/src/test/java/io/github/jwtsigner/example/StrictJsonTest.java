package io.github.jwtsigner.example;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StrictJsonTest {
    @Test
    void readsAnObject() {
        assertEquals("john", StrictJson.parseObject("{\"user\":\"john\"}").orElseThrow().get("user").getAsString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "\"text\"", "{'user':'john'}", "{user:\"john\"}", "{\"a\":1} {}",
        "{\"a\":1}x", "{\"a\":NaN}", "{\"a\":1,}", "{"})
    void refusesAnythingButOneStrictObject(String text) {
        assertTrue(StrictJson.parseObject(text).isEmpty(), text);
    }
}
