package io.github.jwtsigner.internal.json;

import io.github.jwtsigner.JwtSignerException;

/**
 * A text is not strict RFC 8259 JSON. The message names the character offset and what was expected there;
 * it never quotes the text, which may hold credentials or claims.
 */
public final class JsonParseException extends JwtSignerException {
    private static final long serialVersionUID = 1L;

    private final int offset;

    JsonParseException(String problem, int offset, String expected) {
        super("JSON " + problem + " at offset [" + offset + "]; expected " + expected, null);
        this.offset = offset;
    }

    static JsonParseException unexpected(int pos, int length, String expected) {
        return new JsonParseException(pos < length ? "has an unexpected character" : "ends early", pos, expected);
    }

    static JsonParseException controlCharacter(int pos) {
        return new JsonParseException("has an unescaped control character in a string", pos,
                "control characters (below U+0020) written as escapes such as \\n or \\u0001");
    }

    static JsonParseException unterminatedString(int length) {
        return new JsonParseException("ends inside a string", length, "'\"' closing the string");
    }

    /** The character offset in the source where parsing stopped. */
    public int offset() {
        return offset;
    }
}
