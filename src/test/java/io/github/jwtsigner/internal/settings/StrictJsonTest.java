package io.github.jwtsigner.internal.settings;

import com.google.gson.JsonElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StrictJsonTest {

    @Test
    void parsesNestedObjectsAndArraysInOrder() throws Exception {
        JsonElement e = StrictJson.parse("{\"b\": [1, \"x\", true, null, {\"a\": {}}], \"a\": -2.50}");

        assertEquals("{\"b\":[1,\"x\",true,null,{\"a\":{}}],\"a\":-2.50}", e.toString());
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource({"1e6", "1.0", "-0.5", "49199", "12345678901234567890"})
    void keepsTheLiteralTextOfNumbers(String literal) throws Exception {
        JsonElement e = StrictJson.parse("[" + literal + "]");

        assertEquals(literal, e.getAsJsonArray().get(0).getAsString());
    }

    @Test
    void acceptsAScalarAtTheTopLevel() throws Exception {
        assertEquals("\"x\"", StrictJson.parse(" \"x\" ").toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unquoted name      | {alg: 1}           | malformed JSON at line 1 column 3 path $.",
            "single quotes      | ['a']              | malformed JSON at line 1 column 3 path $[0]",
            "NaN                | [NaN]              | malformed JSON at line 1 column 2 path $[0]",
            "a comment          | [1 /* c */]        | malformed JSON at line 1 column 5 path $[1]",
            "a second value     | [1] [2]            | content after the JSON value at line 1 column 6 path $",
            "a stray character  | {} x               | content after the JSON value at line 1 column 5 path $",
            "a duplicate member | {\"a\":1,\"a\":2}  | member [a] appears twice in one object at line 1 column 11 path $.a",
            "a nested duplicate | [{\"x\":{\"a\":1,\"a\":1}}] | member [a] appears twice in one object at line 1 column 17 path $[0].x.a",
            "cut short          | [1,                | End of input at line 1 column 4 path $[1]"})
    void rejectsWhatIsNotStrictJsonSayingWhere(String what, String text, String message) {
        StrictJson.MalformedJsonText e = assertThrows(StrictJson.MalformedJsonText.class,
                () -> StrictJson.parse(text));

        assertEquals(message, e.getMessage());
    }

    @Test
    void dropsGsonAdviceToTurnLeniencyOn() {
        StrictJson.MalformedJsonText e = assertThrows(StrictJson.MalformedJsonText.class,
                () -> StrictJson.parse("{'a': 1}"));

        assertTrue(!e.getMessage().contains("LENIENT") && !e.getMessage().contains("See "), e.getMessage());
    }

    @Test
    void rejectsNestingDeeperThanTheLimit() {
        String deep = "[".repeat(StrictJson.NESTING_LIMIT + 1) + "]".repeat(StrictJson.NESTING_LIMIT + 1);

        StrictJson.MalformedJsonText e = assertThrows(StrictJson.MalformedJsonText.class,
                () -> StrictJson.parse(deep));

        assertTrue(e.getMessage().startsWith("Nesting limit 64 reached at line 1 column 66 path $[0][0]"),
                e.getMessage());
    }

    @Test
    void acceptsNestingUpToTheLimit() throws Exception {
        String deep = "[".repeat(StrictJson.NESTING_LIMIT) + "]".repeat(StrictJson.NESTING_LIMIT);

        assertTrue(StrictJson.parse(deep).isJsonArray());
    }
}
