package io.github.jwtsigner.jws;

/**
 * Writes a JSON string literal escaped exactly as Go's {@code encoding/json} does by default, so headers and
 * payloads are byte-identical to KrakenD's: {@code "} and {@code \}, the short escapes {@code \n \r \t \b \f},
 * other control characters as {@code \}{@code u00xx}, {@code < > &} as {@code \}{@code u003c} {@code \}{@code u003e}
 * {@code \}{@code u0026}, U+2028 and U+2029 escaped; everything else literal.
 *
 * <p>Stateless and thread-safe.
 */
final class GoJsonString {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private GoJsonString() {
    }

    /**
     * Appends {@code value} as a quoted JSON string.
     *
     * @throws IllegalArgumentException when {@code value} holds a lone surrogate, which has no UTF-8 form
     */
    static void appendQuoted(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '<', '>', '&', '\u2028', '\u2029' -> appendUnicodeEscape(out, c);
                default -> {
                    if (c < 0x20) {
                        appendUnicodeEscape(out, c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        out.append(c).append(value.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        throw new IllegalArgumentException("lone UTF-16 surrogate at index [" + i
                                + "]; expected valid Unicode text");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void appendUnicodeEscape(StringBuilder out, char c) {
        out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf]).append(HEX[c >> 4 & 0xf])
                .append(HEX[c & 0xf]);
    }
}
