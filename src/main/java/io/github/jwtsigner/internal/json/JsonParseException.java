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

    /** The character offset in the source where parsing stopped. */
    public int offset() {
        return offset;
    }
}
