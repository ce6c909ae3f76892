package io.github.jwtsigner.internal.decision;

import java.util.Locale;

/**
 * Reads and removes the {@code charset} parameter of a {@code Content-Type} value.
 *
 * <p>Stateless and thread-safe.
 */
public final class ContentTypeCharset {
    private ContentTypeCharset() {
    }

    /** The value of the {@code charset} parameter, unquoted, or {@code null} when there is none. */
    public static String of(String contentType) {
        if (contentType == null) {
            return null;
        }
        String[] parts = contentType.split(";");
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].trim();
            int eq = param.indexOf('=');
            if (eq > 0 && param.substring(0, eq).trim().toLowerCase(Locale.ROOT).equals("charset")) {
                String value = param.substring(eq + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    /** The value with any {@code charset} parameter removed; other parameters are kept in order. */
    public static String remove(String contentType) {
        if (contentType == null || of(contentType) == null) {
            return contentType;
        }
        String[] parts = contentType.split(";");
        StringBuilder sb = new StringBuilder(parts[0].trim());
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].trim();
            int eq = param.indexOf('=');
            boolean isCharset = eq > 0 && param.substring(0, eq).trim().toLowerCase(Locale.ROOT).equals("charset");
            if (!isCharset && !param.isEmpty()) {
                sb.append(';').append(param);
            }
        }
        return sb.toString();
    }
}
