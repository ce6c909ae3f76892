package io.github.jwtsigner.servlet;

import io.github.jwtsigner.SigningException;
import io.github.jwtsigner.SigningException.Reason;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * Turns a held body back into text, strictly. Writer output is the servlet's characters as they were (held
 * as UTF-8); stream output is decoded with the declared charset, else UTF-8 (RFC 8259). A leading byte order
 * mark is dropped either way (the character U+FEFF from the writer, its UTF-8 bytes from the stream). Bytes that are not valid in that charset, and a lone surrogate from the writer,
 * are errors, never replaced.
 *
 * <p>Immutable and thread-safe.
 */
final class BodyDecoder {
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final String BOM_CHAR = "\uFEFF";

    private final byte[] bytes;
    private final boolean fromWriter;
    private final boolean loneSurrogate;
    private final String declaredCharset;

    /**
     * @param bytes the held body
     * @param fromWriter true when the bytes are writer output held as UTF-8
     * @param loneSurrogate true when the writer was handed a lone surrogate
     * @param declaredCharset the charset the servlet declared, or null
     */
    BodyDecoder(byte[] bytes, boolean fromWriter, boolean loneSurrogate, String declaredCharset) {
        this.bytes = bytes;
        this.fromWriter = fromWriter;
        this.loneSurrogate = loneSurrogate;
        this.declaredCharset = declaredCharset;
    }

    /**
     * @return the body as text
     * @throws SigningException {@code INVALID_STRING} for a lone surrogate from the writer,
     *     {@code INVALID_ENCODING} for bytes not valid in their charset or an unknown charset
     */
    String text() {
        if (fromWriter) {
            if (loneSurrogate) {
                throw new SigningException(Reason.INVALID_STRING, "the body written to getWriter() holds a lone"
                        + " surrogate, which has no UTF-8 form; expected well-formed text");
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            // A byte order mark written as a character is dropped, as its bytes are from a stream.
            return text.startsWith(BOM_CHAR) ? text.substring(1) : text;
        }
        Charset charset = charset();
        int start = charset.equals(StandardCharsets.UTF_8) && startsWithBom() ? UTF8_BOM.length : 0;
        return decode(charset, start);
    }

    /**
     * True when some reader could take the held bytes for a JSON object: the first character after JSON
     * whitespace is {@code {} in UTF-8 (after an optional byte order mark), or in UTF-16 or UTF-32 as RFC 4627 §3
     * detects them (a byte order mark, or the zero bytes around the first ASCII character), as lenient JSON
     * libraries do.
     */
    boolean rawStartsWithBrace() {
        return firstAsciiIsBrace(startsWithBom() ? UTF8_BOM.length : 0, 1, 0)
                || startsWith(0xFE, 0xFF) && firstAsciiIsBrace(2, 2, 1)
                || startsWith(0xFF, 0xFE, 0x00, 0x00) && firstAsciiIsBrace(4, 4, 0)
                || startsWith(0xFF, 0xFE) && firstAsciiIsBrace(2, 2, 0)
                || startsWith(0x00, 0x00, 0xFE, 0xFF) && firstAsciiIsBrace(4, 4, 3)
                || firstAsciiIsBrace(0, 2, 1) || firstAsciiIsBrace(0, 2, 0)
                || firstAsciiIsBrace(0, 4, 3) || firstAsciiIsBrace(0, 4, 0);
    }

    /**
     * True when, reading units of {@code width} bytes from {@code start} with the character in byte
     * {@code at} of each unit and zeros in the others, the first unit that is not JSON whitespace is {@code {}.
     */
    private boolean firstAsciiIsBrace(int start, int width, int at) {
        for (int i = start; i + width <= bytes.length; i += width) {
            for (int k = 0; k < width; k++) {
                if (k != at && bytes[i + k] != 0) {
                    return false;
                }
            }
            char c = (char) (bytes[i + at] & 0xFF);
            if (!isJsonWhitespace(c)) {
                return c == '{';
            }
        }
        return false;
    }

    private boolean startsWith(int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** True when the first character after JSON whitespace is {@code {}. */
    static boolean startsWithBrace(String text) {
        int i = 0;
        while (i < text.length() && isJsonWhitespace(text.charAt(i))) {
            i++;
        }
        return i < text.length() && text.charAt(i) == '{';
    }

    private static boolean isJsonWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private boolean startsWithBom() {
        return bytes.length >= 3 && bytes[0] == UTF8_BOM[0] && bytes[1] == UTF8_BOM[1] && bytes[2] == UTF8_BOM[2];
    }

    private Charset charset() {
        if (declaredCharset == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(declaredCharset);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new SigningException(Reason.INVALID_ENCODING, "the response declares charset [" + declaredCharset
                    + "], which this JVM does not support; expected a charset such as [UTF-8]", e);
        }
    }

    private String decode(Charset charset, int start) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate((int) (in.remaining() * (double) decoder.maxCharsPerByte()) + 16);
        CoderResult result = decoder.decode(in, out, true);
        while (result.isOverflow()) {
            out = grow(out);
            result = decoder.decode(in, out, true);
        }
        if (!result.isError()) {
            result = decoder.flush(out);
            while (result.isOverflow()) {
                out = grow(out);
                result = decoder.flush(out);
            }
        }
        if (result.isError()) {
            throw new SigningException(Reason.INVALID_ENCODING, "the response body is not valid " + charset.name()
                    + " at byte offset [" + in.position() + "]; expected text in the declared charset, else UTF-8");
        }
        return out.flip().toString();
    }

    private static CharBuffer grow(CharBuffer out) {
        CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2 + 16);
        return bigger.put(out.flip());
    }
}
