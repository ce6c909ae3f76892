package io.github.jwtsigner.internal.ops;

/**
 * The one way a value that came from a request (a URI, a method, a claim, a header of a refused token) is written
 * into a log line, so that it stays one value on one physical line whatever it holds.
 *
 * <p>A value is written bare when it is not empty and made only of {@code A-Z a-z 0-9 . _ : / @ + -}. Otherwise
 * it is written in double quotes, with {@code "} as {@code \"}, {@code \} as {@code \\}, line feed, carriage return
 * and tab as {@code \n} {@code \r} {@code \t}, and as {@code \}{@code u} and four lower-case hex digits: every
 * other control character (U+0000 to U+001F, U+007F, U+0080 to U+009F), U+2028, U+2029, every Unicode format
 * character ({@link Character#FORMAT}: bidi controls such as U+202E, zero-width joiners, U+FEFF; a supplementary
 * one as its two surrogates) and every lone surrogate. Every other character is written as itself.
 *
 * <p>A value longer than its cap (256 characters unless said otherwise) keeps its first cap characters (one fewer
 * when the cut would split a surrogate pair), followed by {@code ...[+N]}, where N is the number of characters
 * left out; a cut value is always quoted, since {@code [} is not bare. The result never holds a line break or a
 * character that changes how a terminal shows the line.
 *
 * <p>Stateless and thread-safe.
 */
public final class LogText {
    /** The longest value written whole. */
    public static final int MAX_CHARS = 256;

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    /** ASCII characters a bare value may hold. */
    private static final boolean[] BARE = new boolean[128];
    /** ASCII characters written as themselves inside quotes. */
    private static final boolean[] PLAIN = new boolean[128];

    static {
        for (char c = 'A'; c <= 'Z'; c++) {
            BARE[c] = true;
            BARE[c + ('a' - 'A')] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            BARE[c] = true;
        }
        for (char c : "._:/@+-".toCharArray()) {
            BARE[c] = true;
        }
        for (char c = ' '; c < 0x7F; c++) {
            PLAIN[c] = true;
        }
        PLAIN['"'] = false;
        PLAIN['\\'] = false;
    }

    private LogText() {
    }

    /** {@code s} neutralised and capped at {@value #MAX_CHARS} characters; {@code ""} for null. */
    public static String value(String s) {
        if (s == null) {
            return "\"\"";
        }
        if (isBare(s, s.length()) && s.length() <= MAX_CHARS) {
            return s;
        }
        StringBuilder out = new StringBuilder(Math.min(s.length(), MAX_CHARS) + 16);
        append(out, s, MAX_CHARS);
        return out.toString();
    }

    /**
     * {@code uri} (a {@code getRequestURI()}) without its path parameters: each {@code ;} and what follows it up
     * to the next {@code /}. The containers keep them in the URI, and {@code ;jsessionid=} is a session id, a
     * credential where the session is tracked in the URL. A {@code %3B} is no parameter, and stays.
     */
    static String path(String uri) {
        int semicolon = uri == null ? -1 : uri.indexOf(';');
        if (semicolon < 0) {
            return uri;
        }
        StringBuilder out = new StringBuilder(uri.length()).append(uri, 0, semicolon);
        int i = semicolon;
        while (i < uri.length()) {
            int slash = uri.indexOf('/', i);
            if (slash < 0) {
                break;
            }
            int next = uri.indexOf(';', slash);
            int end = next < 0 ? uri.length() : next;
            out.append(uri, slash, end);
            i = end;
        }
        return out.toString();
    }

    /** {@code uri} (a {@code getRequestURI()}) for a log line: without its path parameters, neutralised. */
    public static String uri(String uri) {
        return value(path(uri));
    }

    /** Appends {@code s} neutralised and capped at {@value #MAX_CHARS} characters. */
    public static void append(StringBuilder out, String s) {
        append(out, s, MAX_CHARS);
    }

    /** Appends {@code s} neutralised and capped at {@code cap} characters. */
    public static void append(StringBuilder out, String s, int cap) {
        if (s.length() <= cap && isBare(s, s.length())) {
            out.append(s);
        } else {
            appendCut(out, s, s.length(), cap);
        }
    }

    /**
     * Appends a value of which {@code text} holds the start: all of it when {@code length <= cap}, else at least
     * its first {@code cap + 1} characters (so a cut can tell a surrogate pair).
     *
     * @param length the whole value's length
     */
    static void appendCut(StringBuilder out, CharSequence text, long length, int cap) {
        int keep = (int) Math.min(length, cap);
        if (keep < length && keep > 0 && Character.isHighSurrogate(text.charAt(keep - 1))
                && Character.isLowSurrogate(text.charAt(keep))) {
            keep--;
        }
        if (keep == length && isBare(text, keep)) {
            out.append(text, 0, keep);
            return;
        }
        out.append('"');
        escape(text, keep, out);
        if (keep < length) {
            out.append("...[+").append(length - keep).append(']');
        }
        out.append('"');
    }

    private static boolean isBare(CharSequence s, int n) {
        if (n == 0) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 128 || !BARE[c]) {
                return false;
            }
        }
        return true;
    }

    /** Writes {@code s[0, n)} escaped, without the quotes. */
    private static void escape(CharSequence s, int n, StringBuilder out) {
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 128) {
                if (PLAIN[c]) {
                    out.append(c);
                } else {
                    asciiEscape(c, out);
                }
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    char low = s.charAt(++i);
                    if (Character.getType(Character.toCodePoint(c, low)) == Character.FORMAT) {
                        unicodeEscape(c, out);
                        unicodeEscape(low, out);
                    } else {
                        out.append(c).append(low);
                    }
                } else {
                    unicodeEscape(c, out);
                }
            } else if (c <= 0x9F || c == '\u2028' || c == '\u2029' || Character.getType(c) == Character.FORMAT) {
                unicodeEscape(c, out);
            } else {
                out.append(c);
            }
        }
    }

    private static void asciiEscape(char c, StringBuilder out) {
        switch (c) {
            case '"' -> out.append('\\').append('"');
            case '\\' -> out.append('\\').append('\\');
            case '\n' -> out.append('\\').append('n');
            case '\r' -> out.append('\\').append('r');
            case '\t' -> out.append('\\').append('t');
            default -> unicodeEscape(c, out);
        }
    }

    private static void unicodeEscape(char c, StringBuilder out) {
        out.append('\\').append('u').append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF])
                .append(HEX[c & 0xF]);
    }
}
