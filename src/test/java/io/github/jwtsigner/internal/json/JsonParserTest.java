package io.github.jwtsigner.internal.json;

import io.github.jwtsigner.internal.json.JsonNode.ArrayNode;
import io.github.jwtsigner.internal.json.JsonNode.LiteralNode;
import io.github.jwtsigner.internal.json.JsonNode.Member;
import io.github.jwtsigner.internal.json.JsonNode.NumberNode;
import io.github.jwtsigner.internal.json.JsonNode.ObjectNode;
import io.github.jwtsigner.internal.json.JsonNode.StringNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonParserTest {

    static Stream<Arguments> validDocuments() {
        return Stream.of(
                Arguments.of("empty object", "{}"),
                Arguments.of("empty array", "[]"),
                Arguments.of("top-level string", "\"a\""),
                Arguments.of("top-level number", "-12.5e-3"),
                Arguments.of("true", "true"),
                Arguments.of("false", "false"),
                Arguments.of("null", "null"),
                Arguments.of("all four whitespace characters around and inside", " \t\r\n{ \"a\" \n:\t[ 1 ,\r2 ] } \n"),
                Arguments.of("nested containers", "{\"a\":[1,{\"b\":null,\"c\":[[],{}]}],\"d\":\"e\"}"),
                Arguments.of("every escape", "\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\u00C9 \\ud83d\\ude00\""),
                Arguments.of("lone surrogate escape", "\"\\ud800\""),
                Arguments.of("duplicate names", "{\"a\":1,\"a\":2}"),
                Arguments.of("DEL, non-ASCII and emoji unescaped", "\"\u007f \u00e9 \uD83D\uDE00 \u2028\""),
                Arguments.of("zero", "0"),
                Arguments.of("negative zero", "-0"),
                Arguments.of("zero with fraction", "0.0"),
                Arguments.of("exponent with plus", "1E+2"),
                Arguments.of("exponent with minus", "1e-2"),
                Arguments.of("huge integer", "12345678901234567890123"),
                Arguments.of("exponent beyond double", "1e400"),
                Arguments.of("empty string member name", "{\"\":1}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validDocuments")
    void acceptsStrictJson(String name, String json) {
        JsonNode node = JsonParser.parse(json);

        assertEquals(json.strip(), json.substring(node.start(), node.end()));
    }

    static Stream<Arguments> invalidDocuments() {
        return Stream.of(
                Arguments.of("empty input", "", 0),
                Arguments.of("only whitespace", " \n ", 3),
                Arguments.of("single-quoted name", "{'a':1}", 1),
                Arguments.of("single-quoted string", "['a']", 1),
                Arguments.of("unquoted name", "{a:1}", 1),
                Arguments.of("NaN", "NaN", 0),
                Arguments.of("Infinity", "[Infinity]", 1),
                Arguments.of("negative Infinity", "-Infinity", 1),
                Arguments.of("leading zero", "01", 0),
                Arguments.of("negative leading zero", "[-01]", 2),
                Arguments.of("leading zero before fraction digits", "00.5", 0),
                Arguments.of("plus sign", "+1", 0),
                Arguments.of("plus sign in array", "[+1]", 1),
                Arguments.of("minus sign alone", "-", 1),
                Arguments.of("decimal point without digits", "1.", 2),
                Arguments.of("decimal point first", ".5", 0),
                Arguments.of("exponent without digits", "1e", 2),
                Arguments.of("exponent sign without digits", "1e+", 3),
                Arguments.of("hexadecimal number", "0x10", 1),
                Arguments.of("trailing comma in object", "{\"a\":1,}", 7),
                Arguments.of("trailing comma in array", "[1,]", 3),
                Arguments.of("leading comma in array", "[,1]", 1),
                Arguments.of("missing colon", "{\"a\" 1}", 5),
                Arguments.of("missing value", "{\"a\":}", 5),
                Arguments.of("missing comma", "[1 2]", 3),
                Arguments.of("number as member name", "{1:2}", 1),
                Arguments.of("raw control character in string", "\"a\u0001b\"", 2),
                Arguments.of("raw newline in string", "\"a\nb\"", 2),
                Arguments.of("raw tab in escaped string", "\"\\n\tb\"", 3),
                Arguments.of("unknown escape", "\"\\x\"", 1),
                Arguments.of("escaped single quote", "\"\\'\"", 1),
                Arguments.of("bad hex digit", "\"\\u12G4\"", 5),
                Arguments.of("non-ASCII digit in unicode escape", "\"\\u\uFF10041\"", 3),
                Arguments.of("short unicode escape", "\"\\u12\"", 5),
                Arguments.of("unterminated string", "\"abc", 4),
                Arguments.of("backslash at end", "\"abc\\", 5),
                Arguments.of("line comment", "{}//c", 2),
                Arguments.of("block comment", "/*c*/{}", 0),
                Arguments.of("comment inside object", "{/*c*/\"a\":1}", 1),
                Arguments.of("hash comment", "# c\n{}", 0),
                Arguments.of("second value after whitespace", "{} {}", 3),
                Arguments.of("trailing garbage", "{}x", 2),
                Arguments.of("two numbers", "1 2", 2),
                Arguments.of("literal followed by letters", "truex", 4),
                Arguments.of("misspelled literal", "tru", 0),
                Arguments.of("capitalised literal", "True", 0),
                Arguments.of("Python None", "None", 0),
                Arguments.of("byte order mark", "\uFEFF{}", 0),
                Arguments.of("non-breaking space as whitespace", "\u00A0{}", 0),
                Arguments.of("unclosed object", "{\"a\":1", 6),
                Arguments.of("unclosed array", "[1", 2),
                Arguments.of("close without open", "}", 0),
                Arguments.of("mismatched brackets", "[1}", 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDocuments")
    void rejectsAnythingButStrictJson(String name, String json, int offset) {
        JsonParseException e = assertThrows(JsonParseException.class, () -> JsonParser.parse(json));

        assertEquals(offset, e.offset(), e.getMessage());
        assertTrue(e.getMessage().contains("at offset [" + offset + "]; expected "), e.getMessage());
    }

    @Test
    void namesWhatWasExpectedWithoutQuotingTheBody() {
        JsonParseException e = assertThrows(JsonParseException.class,
                () -> JsonParser.parse("{\"password\":\"hunter2\",}"));

        assertEquals("JSON has an unexpected character at offset [22]; expected a member name in double quotes",
                e.getMessage());
    }

    @Test
    void reportsTrailingContent() {
        JsonParseException e = assertThrows(JsonParseException.class, () -> JsonParser.parse("{\"a\":1} x"));

        assertEquals("JSON has content after the value at offset [8]; expected only whitespace after the value",
                e.getMessage());
    }

    @Test
    void reportsEmptyInput() {
        JsonParseException e = assertThrows(JsonParseException.class, () -> JsonParser.parse(""));

        assertEquals("JSON text is empty at offset [0]; expected a value", e.getMessage());
    }

    @Test
    void recordsTheSpanOfEveryValue() {
        String json = "{ \"a\" : [1, \"x\\n\"], \"b\":{},\"c\" :true }";

        ObjectNode root = (ObjectNode) JsonParser.parse(json);

        assertEquals(0, root.start());
        assertEquals(json.length(), root.end());
        Member a = root.members().get(0);
        assertEquals(2, a.nameStart());
        assertEquals("[1, \"x\\n\"]", text(json, a.value()));
        List<JsonNode> elements = ((ArrayNode) a.value()).elements();
        assertEquals("1", text(json, elements.get(0)));
        assertEquals("\"x\\n\"", text(json, elements.get(1)));
        assertEquals("{}", text(json, root.members().get(1).value()));
        assertEquals("true", text(json, root.members().get(2).value()));
        assertEquals(json.indexOf("\"c\""), root.members().get(2).nameStart());
    }

    @Test
    void keepsNumbersAsTheirLiteralText() {
        String json = "[12345678901234567890123, 1.0, -0, 1e400, 0.1, 1E+2, -1.5e-7]";

        ArrayNode array = (ArrayNode) JsonParser.parse(json);

        List<String> literals = array.elements().stream()
                .map(n -> ((NumberNode) n).literal())
                .collect(Collectors.toList());
        assertEquals(List.of("12345678901234567890123", "1.0", "-0", "1e400", "0.1", "1E+2", "-1.5e-7"), literals);
    }

    @Test
    void keepsEveryMemberInSourceOrderIncludingDuplicates() {
        ObjectNode root = (ObjectNode) JsonParser.parse("{\"b\":1,\"a\":2,\"b\":3}");

        List<String> names = root.members().stream().map(Member::name).collect(Collectors.toList());
        assertEquals(List.of("b", "a", "b"), names);
        assertEquals("3", ((NumberNode) root.members().get(2).value()).literal());
    }

    @Test
    void unescapesStrings() {
        StringNode node = (StringNode) JsonParser.parse(
                "\"a\\u0062\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00E9\\ud83d\\ude00z\"");

        assertEquals("ab\"\\/\b\f\n\r\t\u00e9\uD83D\uDE00z", node.value());
    }

    @Test
    void unescapesMemberNames() {
        ObjectNode root = (ObjectNode) JsonParser.parse("{\"a\\/b\":1,\"\\u006d~n\":2}");

        assertEquals("a/b", root.members().get(0).name());
        assertEquals("m~n", root.members().get(1).name());
    }

    @Test
    void keepsLoneSurrogateEscapesAsChars() {
        StringNode node = (StringNode) JsonParser.parse("\"x\\udc00\"");

        assertEquals("x\uDC00", node.value());
    }

    @Test
    void readsLiterals() {
        ArrayNode array = (ArrayNode) JsonParser.parse("[true,false,null]");

        assertEquals("true", ((LiteralNode) array.elements().get(0)).literal());
        assertEquals("false", ((LiteralNode) array.elements().get(1)).literal());
        assertEquals("null", ((LiteralNode) array.elements().get(2)).literal());
        assertEquals("boolean", array.elements().get(0).typeName());
        assertEquals("null", array.elements().get(2).typeName());
    }

    @Test
    void acceptsNestingUpToTheLimit() {
        String json = "[".repeat(JsonParser.MAX_DEPTH) + "]".repeat(JsonParser.MAX_DEPTH);

        assertInstanceOf(ArrayNode.class, JsonParser.parse(json));
    }

    @Test
    void rejectsArraysNestedBeyondTheLimit() {
        String json = "[".repeat(JsonParser.MAX_DEPTH + 1) + "]".repeat(JsonParser.MAX_DEPTH + 1);

        JsonParseException e = assertThrows(JsonParseException.class, () -> JsonParser.parse(json));

        assertEquals("JSON nests objects and arrays deeper than [512] levels at offset [512]; expected at most 512"
                + " levels", e.getMessage());
    }

    @Test
    void rejectsObjectsNestedBeyondTheLimit() {
        String json = "{\"a\":".repeat(JsonParser.MAX_DEPTH + 1) + "1" + "}".repeat(JsonParser.MAX_DEPTH + 1);

        JsonParseException e = assertThrows(JsonParseException.class, () -> JsonParser.parse(json));

        assertEquals(JsonParser.MAX_DEPTH * 5, e.offset());
    }

    @Test
    void rejectsDeepNestingWithoutOverflowingTheStack() {
        String json = "[".repeat(100_000);

        JsonParseException e = assertThrows(JsonParseException.class, () -> JsonParser.parse(json));

        assertTrue(e.getMessage().contains("deeper than [512] levels"), e.getMessage());
    }

    @Test
    void appliesACustomNestingLimit() {
        assertInstanceOf(ArrayNode.class, JsonParser.parse("[[1]]", 2));

        JsonParseException e = assertThrows(JsonParseException.class, () -> JsonParser.parse("[[1]]", 1));

        assertEquals(1, e.offset());
    }

    @Test
    void refusesANestingLimitBelowOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsonParser.parse("1", 0));

        assertEquals("maxDepth [0] is too small; expected at least 1", e.getMessage());
    }

    @Test
    void keepsClaimContentsOutOfToString() {
        ObjectNode root = (ObjectNode) JsonParser.parse("{\"password\":\"hunter2\"}");

        String printed = root + " " + root.members().get(0) + " " + root.members().get(0).value();

        assertFalse(printed.contains("password"), printed);
        assertFalse(printed.contains("hunter2"), printed);
    }

    private static String text(String json, JsonNode node) {
        return json.substring(node.start(), node.end());
    }
}
