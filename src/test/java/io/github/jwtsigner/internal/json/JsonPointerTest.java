package io.github.jwtsigner.internal.json;

import io.github.jwtsigner.SigningException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonPointerTest {
    private static final String DOC = "{\"a/b\":1,\"m~n\":2,\"x~1\":3,\"\":4,\"0\":5,\"s\":\"str\","
            + "\"data\":{\"access_token\":{\"sub\":\"42\"}},"
            + "\"tokens\":[{\"t\":0},{\"t\":1}],"
            + "\"dup\":{\"k\":1,\"k\":2},\"dup\":{\"k\":3},"
            + "\"other\":{\"k\":1,\"o\":1,\"o\":2}}";

    @Test
    void readsAPlainNameLiterally() {
        JsonPointer pointer = JsonPointer.parse("a/b~1");

        assertFalse(pointer.isPointer());
        assertEquals(List.of("a/b~1"), pointer.tokens());
        assertEquals("a/b~1", pointer.toString());
    }

    @Test
    void unescapesPointerTokens() {
        JsonPointer pointer = JsonPointer.parse("/a~1b/m~0n/~01");

        assertTrue(pointer.isPointer());
        assertEquals(List.of("a/b", "m~n", "~1"), pointer.tokens());
    }

    @Test
    void rejectsTheEndOfArrayIndex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JsonPointer.parse("/tokens/-"));

        assertTrue(e.getMessage().startsWith("keys_to_sign JSON Pointer [/tokens/-] uses the array index [-]"),
                e.getMessage());
    }

    @Test
    void rejectsAMalformedEscape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsonPointer.parse("/a~2"));

        assertTrue(e.getMessage().contains("malformed escape [~2]"), e.getMessage());
    }

    static Stream<Arguments> resolvable() {
        return Stream.of(
                Arguments.of("plain name with a slash", "a/b", "1"),
                Arguments.of("plain name with a tilde", "m~n", "2"),
                Arguments.of("~1 is a slash", "/a~1b", "1"),
                Arguments.of("~0 is a tilde", "/m~0n", "2"),
                Arguments.of("~01 is a tilde then 1", "/x~01", "3"),
                Arguments.of("empty token is the empty name", "/", "4"),
                Arguments.of("digits name an object member", "/0", "5"),
                Arguments.of("nested member", "/data/access_token", "{\"sub\":\"42\"}"),
                Arguments.of("array index 0", "/tokens/0", "{\"t\":0}"),
                Arguments.of("array index 1", "/tokens/1/t", "1"),
                Arguments.of("duplicates elsewhere in the object", "/other/k", "1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resolvable")
    void resolvesTheMemberItNames(String name, String entry, String expectedText) {
        Optional<JsonNode> found = JsonPointer.parse(entry).resolve(JsonParser.parse(DOC));

        assertTrue(found.isPresent());
        assertEquals(expectedText, DOC.substring(found.get().start(), found.get().end()));
    }

    static Stream<Arguments> unresolvable() {
        return Stream.of(
                Arguments.of("missing member", "nope"),
                Arguments.of("missing nested member", "/data/refresh_token"),
                Arguments.of("index out of range", "/tokens/2"),
                Arguments.of("index with a leading zero", "/tokens/01"),
                Arguments.of("negative index", "/tokens/-1"),
                Arguments.of("index too large for an int", "/tokens/99999999999"),
                Arguments.of("name on an array", "/tokens/t"),
                Arguments.of("empty token on an array", "/tokens/"),
                Arguments.of("step into a string", "/s/0"),
                Arguments.of("step into a number", "/0/x"),
                Arguments.of("plain name is not a pointer", "data/access_token"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unresolvable")
    void findsNothingWhereThePathEnds(String name, String entry) {
        assertEquals(Optional.empty(), JsonPointer.parse(entry).resolve(JsonParser.parse(DOC)));
    }

    @Test
    void appliesAPlainNameToObjectsOnly() {
        assertEquals(Optional.empty(), JsonPointer.parse("0").resolve(JsonParser.parse("[{}]")));
        assertTrue(JsonPointer.parse("/0").resolve(JsonParser.parse("[{}]")).isPresent());
    }

    @Test
    void refusesADuplicateNameOnThePath() {
        SigningException e = assertThrows(SigningException.class,
                () -> JsonPointer.parse("/dup/k").resolve(JsonParser.parse(DOC)));

        assertEquals(SigningException.Reason.DUPLICATE_MEMBER, e.reason());
        assertEquals("keys_to_sign entry [/dup/k] leads to member [dup], which appears more than once in the"
                + " object at offset [0]; expected it once", e.getMessage());
    }

    @Test
    void refusesADuplicateOfTheFinalName() {
        String json = "{\"data\": {\"t\": {}, \"t\": {}}}";

        SigningException e = assertThrows(SigningException.class,
                () -> JsonPointer.parse("/data/t").resolve(JsonParser.parse(json)));

        assertEquals(SigningException.Reason.DUPLICATE_MEMBER, e.reason());
        assertTrue(e.getMessage().contains("member [t], which appears more than once in the object at offset [9]"),
                e.getMessage());
    }
}
