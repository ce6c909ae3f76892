package io.github.jwtsigner.internal.validation;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A token that passed every check: who it names, the roles it holds, and all its claims.
 *
 * @param principal the value of {@code principal_claim}
 * @param roles the values of the roles claim; empty when it has none
 * @param claims every claim, unmodifiable at every depth (see {@link ClaimValues})
 * @param kid the token's kid, or null, for log lines
 */
public record VerifiedToken(String principal, Set<String> roles, Map<String, Object> claims, String kid) {
    /** A claim's value as request header text: a string as is, an array joined with commas, else as JSON. */
    public static String headerText(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof List<?> list) {
            StringBuilder sb = new StringBuilder();
            for (Object item : list) {
                if (sb.length() > 0) {
                    sb.append(',');
                }
                sb.append(item instanceof String s ? s : json(item));
            }
            return sb.toString();
        }
        return json(value);
    }

    /**
     * A claim's value as a request header value: {@link #headerText}, or null when that text holds a control
     * character other than tab (CR and LF would split the header; RFC 9110 §5.5 allows none of them).
     */
    public static String headerValue(Object value) {
        String text = headerText(value);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\t' && Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                return null;
            }
        }
        return text;
    }

    private static String json(Object value) {
        return GSON.toJson(value);
    }

    private static final com.google.gson.Gson GSON = new com.google.gson.GsonBuilder().disableHtmlEscaping()
            .serializeNulls().create();
}
