package io.github.jwtsigner.internal.json;

import io.github.jwtsigner.SigningException;

import java.nio.charset.StandardCharsets;

/**
 * Writes a string as a quoted JSON string in UTF-8, escaped exactly as Go's {@code encoding/json} does with
 * its default HTML escaping, so tokens match KrakenD's byte for byte: {@code \"} {@code \\}, {@code \n}
 * {@code \r} {@code \t} {@code \b} {@code \f}, other control characters as lowercase {@code \}{@code u00xx},
 * {@code <} {@code >} {@code &} as {@code \}{@code u003c} {@code \}{@code u003e} {@code \}{@code u0026},
 * U+2028/U+2029 escaped, everything else (DEL and {@code /} included) as literal UTF-8.
 *
 * <p>Where Go would write U+FFFD for a lone surrogate, this refuses it: a signed claim must say what the
 * servlet meant. Stateless and thread-safe.
 */
final class GoStringEscaper {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    /** ASCII characters written as themselves (Go's {@code htmlSafeSet}). */
    private static final boolean[] SAFE = new boolean[128];

    static {
        for (int c = 0x20; c < 128; c++) {
            SAFE[c] = true;
        }
        SAFE['"'] = false;
        SAFE['\\'] = false;
        SAFE['<'] = false;
        SAFE['>'] = false;
        SAFE['&'] = false;
    }

    private GoStringEscaper() {
    }

    /**
     * @param sourceOffset where the string starts in the parsed text, for the error message only; negative for a
     *     string that did not come from a parsed body
     * @throws SigningException with reason {@code INVALID_STRING} when {@code s} holds a lone surrogate
     */
    static void writeQuoted(String s, int sourceOffset, Utf8Buffer out) {
        out.write('"');
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (SAFE[c]) {
                    out.write(c);
                } else {
                    writeAsciiEscape(c, out);
                }
            } else if (c < 0x800) {
                out.writeUtf8(c);
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    out.writeUtf8(Character.toCodePoint(c, s.charAt(++i)));
                } else {
                    throw new SigningException(SigningException.Reason.INVALID_STRING,
                            (sourceOffset >= 0 ? "claim string at offset [" + sourceOffset + "]" : "string")
                                    + " holds a lone surrogate, which has no UTF-8 form; expected well-formed"
                                    + " Unicode text");
                }
            } else if (c == '\u2028' || c == '\u2029') {
                // JavaScript string literals end at these; Go escapes them for that reason.
                out.writeAscii(c == '\u2028' ? "\\u2028" : "\\u2029");
            } else {
                out.writeUtf8(c);
            }
        }
        out.write('"');
    }

    private static void writeAsciiEscape(char c, Utf8Buffer out) {
        switch (c) {
            case '"': out.write('\\', '"'); break;
            case '\\': out.write('\\', '\\'); break;
            case '\n': out.write('\\', 'n'); break;
            case '\r': out.write('\\', 'r'); break;
            case '\t': out.write('\\', 't'); break;
            case '\b': out.write('\\', 'b'); break;
            case '\f': out.write('\\', 'f'); break;
            default:
                out.writeAscii("\\u00");
                out.write(HEX[c >> 4], HEX[c & 0xF]);
        }
    }
}
