package io.github.jwtsigner.internal.json;

import io.github.jwtsigner.internal.json.JsonNode.ArrayNode;
import io.github.jwtsigner.internal.json.JsonNode.LiteralNode;
import io.github.jwtsigner.internal.json.JsonNode.Member;
import io.github.jwtsigner.internal.json.JsonNode.NumberNode;
import io.github.jwtsigner.internal.json.JsonNode.ObjectNode;
import io.github.jwtsigner.internal.json.JsonNode.StringNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The recursive {@link JsonParser} as it was before it became a loop with an explicit stack, kept unchanged
 * (but for its name) as the reference the loop is tested against: same nodes, same spans, same errors at the
 * same offsets. It needs a deep thread stack for deeply nested input.
 */
final class RecursiveJsonParser {
    /** The deepest nesting of objects and arrays accepted. */
    static final int MAX_DEPTH = 512;

    private static final String TRUE = "true";
    private static final String FALSE = "false";
    private static final String NULL = "null";

    private final String text;
    private final int length;
    private final int maxDepth;
    private int pos;
    private StringBuilder scratch;

    private RecursiveJsonParser(String text, int maxDepth) {
        this.text = text;
        this.length = text.length();
        this.maxDepth = maxDepth;
    }

    /**
     * Parses a whole JSON text with the default nesting limit of {@value #MAX_DEPTH}.
     *
     * @throws JsonParseException naming the offset where the text stops being strict JSON
     */
    static JsonNode parse(String text) {
        return parse(text, MAX_DEPTH);
    }

    /**
     * Parses a whole JSON text, accepting objects and arrays nested at most {@code maxDepth} deep.
     *
     * @throws JsonParseException naming the offset where the text stops being strict JSON
     */
    static JsonNode parse(String text, int maxDepth) {
        Objects.requireNonNull(text, "text");
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth [" + maxDepth + "] is too small; expected at least 1");
        }
        return new RecursiveJsonParser(text, maxDepth).document();
    }

    private JsonNode document() {
        if (length == 0) {
            throw new JsonParseException("text is empty", 0, "a value");
        }
        skipWhitespace();
        JsonNode value = value(0);
        skipWhitespace();
        if (pos < length) {
            throw new JsonParseException("has content after the value", pos, "only whitespace after the value");
        }
        return value;
    }

    private JsonNode value(int depth) {
        switch (peek()) {
            case '{':
                return object(depth + 1);
            case '[':
                return array(depth + 1);
            case '"': {
                int start = pos;
                String value = string();
                return new StringNode(value, start, pos);
            }
            case 't':
                return literal(TRUE);
            case 'f':
                return literal(FALSE);
            case 'n':
                return literal(NULL);
            case '-': case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8':
            case '9':
                return number();
            default:
                throw unexpected("a value (object, array, string, number, true, false or null)");
        }
    }

    private ObjectNode object(int depth) {
        int start = pos;
        checkDepth(depth);
        pos++;
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return new ObjectNode(List.of(), start, pos);
        }
        List<Member> members = new ArrayList<>();
        while (true) {
            if (peek() != '"') {
                throw unexpected("a member name in double quotes");
            }
            int nameStart = pos;
            String name = string();
            skipWhitespace();
            if (peek() != ':') {
                throw unexpected("':' after the member name");
            }
            pos++;
            skipWhitespace();
            members.add(new Member(name, nameStart, value(depth)));
            skipWhitespace();
            int c = peek();
            if (c == ',') {
                pos++;
                skipWhitespace();
            } else if (c == '}') {
                pos++;
                return new ObjectNode(members, start, pos);
            } else {
                throw unexpected("',' or '}'");
            }
        }
    }

    private ArrayNode array(int depth) {
        int start = pos;
        checkDepth(depth);
        pos++;
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return new ArrayNode(List.of(), start, pos);
        }
        List<JsonNode> elements = new ArrayList<>();
        while (true) {
            elements.add(value(depth));
            skipWhitespace();
            int c = peek();
            if (c == ',') {
                pos++;
                skipWhitespace();
            } else if (c == ']') {
                pos++;
                return new ArrayNode(elements, start, pos);
            } else {
                throw unexpected("',' or ']'");
            }
        }
    }

    /** Reads a string starting at its opening quote; leaves {@code pos} just past the closing quote. */
    private String string() {
        int start = ++pos;
        while (pos < length) {
            char c = text.charAt(pos);
            if (c == '"') {
                return text.substring(start, pos++);
            }
            if (c == '\\') {
                return escapedString(start);
            }
            if (c < 0x20) {
                throw controlCharacter();
            }
            pos++;
        }
        throw unterminatedString();
    }

    /** The slow path, entered at the first backslash: copies runs of plain characters in bulk. */
    private String escapedString(int start) {
        StringBuilder sb = scratch == null ? (scratch = new StringBuilder(64)) : scratch;
        sb.setLength(0);
        int run = start;
        while (pos < length) {
            char c = text.charAt(pos);
            if (c == '"') {
                sb.append(text, run, pos++);
                return sb.toString();
            }
            if (c == '\\') {
                sb.append(text, run, pos);
                escape(sb);
                run = pos;
            } else if (c < 0x20) {
                throw controlCharacter();
            } else {
                pos++;
            }
        }
        throw unterminatedString();
    }

    private void escape(StringBuilder sb) {
        int backslash = pos++;
        if (pos >= length) {
            throw unterminatedString();
        }
        char e = text.charAt(pos++);
        switch (e) {
            case '"': sb.append('"'); break;
            case '\\': sb.append('\\'); break;
            case '/': sb.append('/'); break;
            case 'b': sb.append('\b'); break;
            case 'f': sb.append('\f'); break;
            case 'n': sb.append('\n'); break;
            case 'r': sb.append('\r'); break;
            case 't': sb.append('\t'); break;
            case 'u': sb.append(hex4()); break;
            default:
                throw new JsonParseException("has an unknown escape in a string", backslash,
                        "one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
        }
    }

    private char hex4() {
        int value = 0;
        for (int i = 0; i < 4; i++) {
            if (pos >= length) {
                throw unterminatedString();
            }
            int digit = hexValue(text.charAt(pos));
            if (digit < 0) {
                throw new JsonParseException("has a malformed \\u escape in a string", pos,
                        "four hex digits after \\u");
            }
            value = (value << 4) | digit;
            pos++;
        }
        return (char) value;
    }

    private NumberNode number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        int c = peek();
        if (c == '0') {
            pos++;
            if (isDigit(peek())) {
                throw new JsonParseException("has a number with a leading zero", pos - 1,
                        "'.', an exponent or the end of the number");
            }
        } else if (isDigit(c)) {
            skipDigits();
        } else {
            throw unexpected("a digit");
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) {
                throw unexpected("a digit after the decimal point");
            }
            skipDigits();
        }
        c = peek();
        if (c == 'e' || c == 'E') {
            pos++;
            c = peek();
            if (c == '+' || c == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw unexpected("a digit in the exponent");
            }
            skipDigits();
        }
        return new NumberNode(text.substring(start, pos), start, pos);
    }

    private LiteralNode literal(String literal) {
        if (!text.startsWith(literal, pos)) {
            throw unexpected("a value (object, array, string, number, true, false or null)");
        }
        int start = pos;
        pos += literal.length();
        return new LiteralNode(literal, start, pos);
    }

    private void checkDepth(int depth) {
        if (depth > maxDepth) {
            throw new JsonParseException("nests objects and arrays deeper than [" + maxDepth + "] levels", pos,
                    "at most " + maxDepth + " levels");
        }
    }

    private void skipWhitespace() {
        while (pos < length) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            pos++;
        }
    }

    private void skipDigits() {
        while (isDigit(peek())) {
            pos++;
        }
    }

    private int peek() {
        return pos < length ? text.charAt(pos) : -1;
    }

    /** ASCII only: {@code Character.digit} would also take fullwidth and other non-ASCII digits. */
    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private JsonParseException unexpected(String expected) {
        return new JsonParseException(pos < length ? "has an unexpected character" : "ends early", pos, expected);
    }

    private JsonParseException controlCharacter() {
        return new JsonParseException("has an unescaped control character in a string", pos,
                "control characters (below U+0020) written as escapes such as \\n or \\u0001");
    }

    private JsonParseException unterminatedString() {
        return new JsonParseException("ends inside a string", length, "'\"' closing the string");
    }
}
