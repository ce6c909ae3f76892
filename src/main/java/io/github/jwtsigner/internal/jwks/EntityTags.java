package io.github.jwtsigner.internal.jwks;

import java.util.List;

/**
 * {@code If-None-Match} (RFC 9110 §13.1.2): {@code *}, or a list of entity tags compared weakly (a
 * {@code W/} tag matches the same opaque tag). Anything that is not an entity tag is skipped; a header of
 * only garbage matches nothing.
 *
 * <p>Stateless and thread-safe.
 */
public final class EntityTags {
    private EntityTags() {
    }

    /**
     * @param headerValues every {@code If-None-Match} header of the request
     * @param etag the current strong entity tag, quoted
     * @return true when the request's copy is current
     */
    public static boolean noneMatchFails(List<String> headerValues, String etag) {
        String opaque = etag.substring(1, etag.length() - 1);
        for (String value : headerValues) {
            if (value != null && matches(value, opaque)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String value, String opaque) {
        int i = 0;
        int n = value.length();
        while (i < n) {
            char c = value.charAt(i);
            if (c == ' ' || c == '\t' || c == ',') {
                i++;
                continue;
            }
            if (c == '*') {
                int end = skipSpace(value, i + 1);
                if (end == n || value.charAt(end) == ',') {
                    return true;
                }
            }
            int start = value.startsWith("W/\"", i) ? i + 3 : c == '"' ? i + 1 : -1;
            if (start >= 0) {
                int close = value.indexOf('"', start);
                if (close < 0) {
                    return false;
                }
                int end = skipSpace(value, close + 1);
                if ((end == n || value.charAt(end) == ',') && value.regionMatches(start, opaque, 0, opaque.length())
                        && close - start == opaque.length()) {
                    return true;
                }
                i = close + 1;
            }
            // Garbage: skip to the next list member.
            int comma = value.indexOf(',', i);
            if (comma < 0) {
                return false;
            }
            i = comma + 1;
        }
        return false;
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
