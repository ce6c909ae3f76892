package io.github.jwtsigner.internal.json;

import io.github.jwtsigner.internal.json.JsonNode.ArrayNode;
import io.github.jwtsigner.internal.json.JsonNode.LiteralNode;
import io.github.jwtsigner.internal.json.JsonNode.Member;
import io.github.jwtsigner.internal.json.JsonNode.NumberNode;
import io.github.jwtsigner.internal.json.JsonNode.ObjectNode;
import io.github.jwtsigner.internal.json.JsonNode.StringNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A strict RFC 8259 JSON parser: one value, optionally surrounded by whitespace, and nothing else.
 *
 * <p>Rejects everything lenient parsers accept: single quotes, unquoted names, {@code NaN}/{@code Infinity},
 * leading zeros, {@code +} signs, trailing commas, comments, unescaped control characters in strings, unknown
 * escapes, trailing content, empty input. Objects keep every member in source order, duplicate names
 * included; numbers keep their literal text. Containers nested deeper than {@link #MAX_DEPTH} are rejected;
 * the parser does not recurse, so the limit holds on a thread with a small stack too.
 * A {@code \}{@code uD800}-style lone surrogate escape is accepted here (RFC 8259 §8.2 allows it) and left
 * to the caller to refuse where it matters.
 *
 * <p>Stateless entry points; each call parses in one pass over the text and is thread-safe.
 */
public final class JsonParser {
    /** The deepest nesting of objects and arrays accepted. */
    public static final int MAX_DEPTH = 512;

    private static final String TRUE = "true";
    private static final String FALSE = "false";
    private static final String NULL = "null";

    /** Levels of nesting {@link #open} has room for at first: a login body has two or three. */
    private static final int INITIAL_LEVELS = 4;

    private final String text;
    private final int length;
    private final int maxDepth;
    private int pos;
    private StringBuilder scratch;
    /**
     * The open containers, outermost first, two slots per level: the members or elements read so far, and for
     * an object the name of the member whose value is being read. Allocated at the first container.
     */
    private Object[] open;
    /** For each level of {@link #open}: the container's start offset, and the pending name's offset. */
    private int[] openOffsets;

    private JsonParser(String text, int maxDepth) {
        this.text = text;
        this.length = text.length();
        this.maxDepth = maxDepth;
    }

    /**
     * Parses a whole JSON text with the default nesting limit of {@value #MAX_DEPTH}.
     *
     * @throws JsonParseException naming the offset where the text stops being strict JSON
     */
    public static JsonNode parse(String text) {
        return parse(text, MAX_DEPTH);
    }

    /**
     * Parses a whole JSON text, accepting objects and arrays nested at most {@code maxDepth} deep.
     *
     * @throws JsonParseException naming the offset where the text stops being strict JSON
     */
    public static JsonNode parse(String text, int maxDepth) {
        Objects.requireNonNull(text, "text");
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth [" + maxDepth + "] is too small; expected at least 1");
        }
        return new JsonParser(text, maxDepth).document();
    }

    private JsonNode document() {
        if (length == 0) {
            throw new JsonParseException("text is empty", 0, "a value");
        }
        skipWhitespace();
        JsonNode value = value();
        skipWhitespace();
        if (pos < length) {
            throw new JsonParseException("has content after the value", pos, "only whitespace after the value");
        }
        return value;
    }

    /**
     * Reads one value starting at {@code pos}. A loop with the open containers on {@link #open} rather than
     * recursion, so a thread with a small stack can take the whole {@code maxDepth}.
     */
    private JsonNode value() {
        int depth = 0;
        while (true) {
            JsonNode value;
            int c = peek();
            if (c == '{' || c == '[') {
                int start = pos;
                checkDepth(depth + 1);
                pos++;
                skipWhitespace();
                boolean object = c == '{';
                if (peek() != (object ? '}' : ']')) {
                    push(depth++, start);
                    if (object) {
                        memberName(depth - 1);
                    }
                    continue;
                }
                pos++;
                value = object ? new ObjectNode(List.of(), start, pos) : new ArrayNode(List.of(), start, pos);
            } else {
                value = scalar(c);
            }
            // Add the value to the innermost open container, and close each container that ends after it.
            while (depth > 0) {
                int level = depth - 1;
                int start = openOffsets[2 * level];
                skipWhitespace();
                int next = peek();
                if (text.charAt(start) == '{') {
                    List<Member> members = members(level);
                    members.add(new Member((String) open[2 * level + 1], openOffsets[2 * level + 1], value));
                    if (next == ',') {
                        pos++;
                        skipWhitespace();
                        memberName(level);
                        break;
                    }
                    if (next != '}') {
                        throw JsonParseException.unexpected(pos, length, "',' or '}'");
                    }
                    pos++;
                    value = new ObjectNode(members, start, pos);
                } else {
                    List<JsonNode> elements = elements(level);
                    elements.add(value);
                    if (next == ',') {
                        pos++;
                        skipWhitespace();
                        break;
                    }
                    if (next != ']') {
                        throw JsonParseException.unexpected(pos, length, "',' or ']'");
                    }
                    pos++;
                    value = new ArrayNode(elements, start, pos);
                }
                depth--;
            }
            if (depth == 0) {
                return value;
            }
        }
    }

    /** Opens the container that starts at {@code start}, at nesting level {@code level} (0 outermost). */
    private void push(int level, int start) {
        if (open == null) {
            open = new Object[2 * INITIAL_LEVELS];
            openOffsets = new int[2 * INITIAL_LEVELS];
        } else if (2 * level == open.length) {
            open = Arrays.copyOf(open, 2 * open.length);
            openOffsets = Arrays.copyOf(openOffsets, 2 * openOffsets.length);
        }
        open[2 * level] = new ArrayList<>();
        openOffsets[2 * level] = start;
    }

    /** Reads a member name and its colon, and keeps the name for the member of the object at {@code level}. */
    private void memberName(int level) {
        if (peek() != '"') {
            throw JsonParseException.unexpected(pos, length, "a member name in double quotes");
        }
        int nameStart = pos;
        String name = string();
        skipWhitespace();
        if (peek() != ':') {
            throw JsonParseException.unexpected(pos, length, "':' after the member name");
        }
        pos++;
        skipWhitespace();
        open[2 * level + 1] = name;
        openOffsets[2 * level + 1] = nameStart;
    }

    @SuppressWarnings("unchecked")
    private List<Member> members(int level) {
        return (List<Member>) open[2 * level];
    }

    @SuppressWarnings("unchecked")
    private List<JsonNode> elements(int level) {
        return (List<JsonNode>) open[2 * level];
    }

    /** A value that is not an object or array, starting with {@code c}. */
    private JsonNode scalar(int c) {
        switch (c) {
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
                throw JsonParseException.unexpected(pos, length,
                        "a value (object, array, string, number, true, false or null)");
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
                throw JsonParseException.controlCharacter(pos);
            }
            pos++;
        }
        throw JsonParseException.unterminatedString(length);
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
                throw JsonParseException.controlCharacter(pos);
            } else {
                pos++;
            }
        }
        throw JsonParseException.unterminatedString(length);
    }

    private void escape(StringBuilder sb) {
        int backslash = pos++;
        if (pos >= length) {
            throw JsonParseException.unterminatedString(length);
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
                throw JsonParseException.unterminatedString(length);
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
            throw JsonParseException.unexpected(pos, length, "a digit");
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) {
                throw JsonParseException.unexpected(pos, length, "a digit after the decimal point");
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
                throw JsonParseException.unexpected(pos, length, "a digit in the exponent");
            }
            skipDigits();
        }
        return new NumberNode(text.substring(start, pos), start, pos);
    }

    private LiteralNode literal(String literal) {
        if (!text.startsWith(literal, pos)) {
            throw JsonParseException.unexpected(pos, length,
                    "a value (object, array, string, number, true, false or null)");
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
}
