package io.github.jwtsigner.internal.decision;

import io.github.jwtsigner.SigningException;
import io.github.jwtsigner.SigningException.Reason;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a held body back into text, strictly. Writer output is the servlet's characters as they were (held
 * as UTF-8); stream output is decoded with the declared charset, else UTF-8 (RFC 8259). A leading byte order
 * mark is dropped either way (the character U+FEFF from the writer, its UTF-8 bytes from the stream). Bytes
 * that are not valid in that charset, and a lone surrogate from the writer, are errors, never replaced.
 *
 * <p>Immutable and thread-safe.
 */
public final class BodyDecoder {
    private static final String BOM_CHAR = "\uFEFF";
    private static final int[] UTF8_BOM = {0xEF, 0xBB, 0xBF};
    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

    private final byte[] bytes;
    private final boolean fromWriter;
    private final boolean loneSurrogate;
    /** Stream output: the charset the servlet declared. Writer output: the charset the container encodes in. */
    private final String charset;

    private BodyDecoder(byte[] bytes, boolean fromWriter, boolean loneSurrogate, String charset) {
        this.bytes = bytes;
        this.fromWriter = fromWriter;
        this.loneSurrogate = loneSurrogate;
        this.charset = charset;
    }

    /**
     * A body written to {@code getOutputStream()}.
     *
     * @param bytes the servlet's bytes
     * @param declaredCharset the charset the servlet declared, or null for UTF-8
     */
    public static BodyDecoder ofStream(byte[] bytes, String declaredCharset) {
        return new BodyDecoder(bytes, false, false, declaredCharset);
    }

    /**
     * A body written to {@code getWriter()}.
     *
     * @param utf8 the servlet's characters, held as UTF-8
     * @param sawLoneSurrogate true when the servlet wrote a lone surrogate (held as {@code ?})
     * @param writerCharset the charset the container encodes writer output in ({@code getCharacterEncoding()}),
     *     or null to look at the body as its UTF-8 form
     */
    public static BodyDecoder ofWriter(byte[] utf8, boolean sawLoneSurrogate, String writerCharset) {
        return new BodyDecoder(utf8, true, sawLoneSurrogate, writerCharset);
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
        Charset declared = declaredCharset();
        int start = declared.equals(StandardCharsets.UTF_8) && startsWith(bytes, UTF8_BOM) ? UTF8_BOM.length : 0;
        return decode(declared, start);
    }

    /**
     * True when some reader could take the body, as the client gets it, for a JSON object: its first character
     * after JSON whitespace is {@code {} in UTF-8 (after an optional byte order mark), or it decodes strictly
     * in UTF-16 or UTF-32, as RFC 4627 §3 detects them (a byte order mark, or the zero bytes around the first
     * ASCII character) and as lenient JSON libraries do, to text that opens an object: {@code {} and then
     * {@code "} or {@code }}. Writer output is looked at as the container encodes it.
     */
    boolean rawStartsWithBrace() {
        byte[] wire = wireBytes();
        if (firstAsciiIsBrace(wire, startsWith(wire, UTF8_BOM) ? UTF8_BOM.length : 0)) {
            return true;
        }
        for (Object[] candidate : unicodeCandidates(wire)) {
            String text = strictly(wire, (Charset) candidate[0], (Integer) candidate[1]);
            if (text != null && opensAnObject(text)) {
                return true;
            }
        }
        return false;
    }

    /** The bytes the client gets: the stream's as held; the writer's characters in the writer's charset. */
    private byte[] wireBytes() {
        if (!fromWriter || charset == null) {
            return bytes;
        }
        try {
            return new String(bytes, StandardCharsets.UTF_8).getBytes(Charset.forName(charset));
        } catch (IllegalArgumentException e) {
            return bytes;
        }
    }

    private static boolean firstAsciiIsBrace(byte[] wire, int start) {
        int i = start;
        while (i < wire.length && isJsonWhitespace((char) wire[i])) {
            i++;
        }
        return i < wire.length && wire[i] == '{';
    }

    /** The UTF-16 and UTF-32 readings RFC 4627 §3 would try, each with the offset after its byte order mark. */
    private static List<Object[]> unicodeCandidates(byte[] wire) {
        List<Object[]> candidates = new ArrayList<>(2);
        if (startsWith(wire, 0x00, 0x00, 0xFE, 0xFF)) {
            candidates.add(new Object[] {UTF_32BE, 4});
        } else if (startsWith(wire, 0xFF, 0xFE, 0x00, 0x00)) {
            candidates.add(new Object[] {UTF_32LE, 4});
        } else if (startsWith(wire, 0xFE, 0xFF)) {
            candidates.add(new Object[] {StandardCharsets.UTF_16BE, 2});
        } else if (startsWith(wire, 0xFF, 0xFE)) {
            candidates.add(new Object[] {StandardCharsets.UTF_16LE, 2});
        } else if (wire.length >= 4 && wire[0] == 0 && wire[1] == 0 && wire[2] == 0) {
            candidates.add(new Object[] {UTF_32BE, 0});
        } else if (wire.length >= 4 && wire[1] == 0 && wire[2] == 0 && wire[3] == 0) {
            candidates.add(new Object[] {UTF_32LE, 0});
        } else if (wire.length >= 2 && wire[0] == 0) {
            candidates.add(new Object[] {StandardCharsets.UTF_16BE, 0});
        } else if (wire.length >= 2 && wire[1] == 0) {
            candidates.add(new Object[] {StandardCharsets.UTF_16LE, 0});
        }
        return candidates;
    }

    /** {@code wire} from {@code start} decoded with {@code charset}, or null where it is not valid in it. */
    private static String strictly(byte[] wire, Charset charset, int start) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(wire, start, wire.length - start)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** True when the text, after JSON whitespace, is {@code {} then, after whitespace, {@code "} or {@code }}. */
    private static boolean opensAnObject(String text) {
        int i = skipWhitespace(text, 0);
        if (i >= text.length() || text.charAt(i) != '{') {
            return false;
        }
        i = skipWhitespace(text, i + 1);
        return i < text.length() && (text.charAt(i) == '"' || text.charAt(i) == '}');
    }

    private static int skipWhitespace(String text, int from) {
        int i = from;
        while (i < text.length() && isJsonWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean startsWith(byte[] wire, int... prefix) {
        if (wire.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((wire[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** True when the first character after JSON whitespace is {@code {}. */
    static boolean startsWithBrace(String text) {
        int i = skipWhitespace(text, 0);
        return i < text.length() && text.charAt(i) == '{';
    }

    private static boolean isJsonWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private Charset declaredCharset() {
        if (charset == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(charset);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new SigningException(Reason.INVALID_ENCODING, "the response declares charset [" + charset
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
