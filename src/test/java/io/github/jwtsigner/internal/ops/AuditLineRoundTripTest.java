package io.github.jwtsigner.internal.ops;

import io.github.jwtsigner.internal.validation.Rejection;
import io.github.jwtsigner.testing.AuditLines;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Random strings, weighted towards what breaks log lines (line breaks, other control characters, bidi and
 * zero-width characters, lone surrogates, quotes, backslashes, spaces, {@code =}), put in every request field and
 * in the claims of issued and refused tokens: an independent reader ({@link AuditLines}) gets each value back as
 * it was, or as its documented cut, and no line ever holds a character that would break or disguise it.
 */
class AuditLineRoundTripTest {
    private static final int STRINGS = 5_000;
    private static final char[] AWKWARD = {'\r', '\n', '\t', '\u0000', '\u001b', '\u007f', '\u0085', '\u009b',
        '\u2028', '\u2029', '\u202A', '\u202E', '\u2066', '\u2069', '\u200B', '\u200D', '\u200E', '\u00AD', '\uFEFF',
        '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '"', '\\', ' ', '=', '[', ']', '.', '+', '{', '\'', 'a', 'Z', '0',
        '/', '@', ':', '-', '_', 'é', '名', '\uFFFE'};

    private final Random random = new Random(0x5eed_a0d17L);

    @Test
    void everyValueReadsBackAsWrittenOrAsItsDocumentedCut() {
        for (int i = 0; i < STRINGS; i++) {
            String s = randomString();
            String expected = expectedAfterCap(s, LogText.MAX_CHARS);

            String created = AuditLog.createdLine(s, s, AuditLogTest.SIGNER, AuditLogTest.claim("sub", s),
                    new RequestLine(s, s, s));
            Map<String, String> f = read(created, s);
            for (String name : new String[] {"member", "sub", "method", "client"}) {
                assertEquals(expected, f.get(name), () -> name + " of " + escapeForMessage(s));
            }
            String expectedUri = expectedAfterCap(LogText.path(s), LogText.MAX_CHARS);
            assertEquals(expectedUri, f.get("uri"), () -> "uri of " + escapeForMessage(s));
            assertEquals(s.isEmpty() ? null : expected, f.get("filter"), "a filter without a name is not named");

            String token = AuditLogTest.token("{\"alg\":\"HS256\",\"kid\":" + json(s) + "}", "{\"sub\":" + json(s) + "}");
            Map<String, String> r = read(AuditLog.rejectedLine(s, Rejection.BAD_SIGNATURE, token,
                    new RequestLine(s, s, s)), s);
            assertEquals(expected, r.get("unverified_sub"), () -> "unverified_sub of " + escapeForMessage(s));
            assertEquals(expectedAfterCap(s, AuditLog.MAX_HEADER_CHARS), r.get("kid"),
                    () -> "kid of " + escapeForMessage(s));
            assertEquals(expectedUri, r.get("uri"));
        }
    }

    private Map<String, String> read(String line, String s) {
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            boolean loneSurrogate = cp <= 0xFFFF && Character.isSurrogate((char) cp);
            if (Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029 || loneSurrogate
                    || Character.getType(cp) == Character.FORMAT) {
                fail("U+" + Integer.toHexString(cp) + " at " + i + " of the line for " + escapeForMessage(s));
            }
            i += Character.charCount(cp);
        }
        return AuditLines.parse(line);
    }

    /** What the reader must get back: the whole value, or its first cap characters (not half a pair) and the count. */
    static String expectedAfterCap(String s, int cap) {
        if (s.length() <= cap) {
            return s;
        }
        int keep = cap;
        if (Character.isHighSurrogate(s.charAt(keep - 1)) && Character.isLowSurrogate(s.charAt(keep))) {
            keep--;
        }
        return s.substring(0, keep) + "...[+" + (s.length() - keep) + "]";
    }

    private String randomString() {
        int length = switch (random.nextInt(10)) {
            case 0 -> 0;
            case 1 -> 250 + random.nextInt(20);
            case 2 -> 60 + random.nextInt(10);
            default -> random.nextInt(40);
        };
        StringBuilder sb = new StringBuilder(length);
        while (sb.length() < length) {
            int pick = random.nextInt(10);
            if (pick < 6) {
                sb.append(AWKWARD[random.nextInt(AWKWARD.length)]);
            } else if (pick < 8) {
                sb.append((char) random.nextInt(0x10000));
            } else if (pick == 8) {
                sb.appendCodePoint(0x10000 + random.nextInt(0x100000));
            } else {
                sb.appendCodePoint(random.nextBoolean() ? 0xE0001 : 0x1F600);
            }
        }
        return sb.toString();
    }

    /** {@code s} as a JSON string of ASCII characters only: every other one as a {@code \}{@code u} escape. */
    private static String json(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7F) {
                sb.append(c);
            } else {
                sb.append("\\u").append(HexFormat.of().toHexDigits(c));
            }
        }
        return sb.append('"').toString();
    }

    private static String escapeForMessage(String s) {
        StringBuilder sb = new StringBuilder();
        s.chars().forEach(c -> sb.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c)
                : String.format("\\u%04x", c)));
        return sb.toString();
    }
}
