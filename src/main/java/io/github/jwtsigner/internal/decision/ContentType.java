package io.github.jwtsigner.internal.decision;

import java.util.Locale;

/**
 * Reads a {@code Content-Type} value: its {@code charset} parameter, and whether it names JSON.
 *
 * <p>Stateless and thread-safe.
 */
public final class ContentType {
    private ContentType() {
    }

    /** The value of the {@code charset} parameter, unquoted, or {@code null} when there is none. */
    public static String charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        String[] parts = contentType.split(";");
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].trim();
            if (isCharset(param)) {
                String value = param.substring(param.indexOf('=') + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    /** The value with any {@code charset} parameter removed; other parameters are kept in order. */
    public static String withoutCharset(String contentType) {
        if (contentType == null || charset(contentType) == null) {
            return contentType;
        }
        String[] parts = contentType.split(";");
        StringBuilder sb = new StringBuilder(parts[0].trim());
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].trim();
            if (!isCharset(param) && !param.isEmpty()) {
                sb.append(';').append(param);
            }
        }
        return sb.toString();
    }

    /** True when no media type is set: {@code null} or blank. */
    static boolean isAbsent(String contentType) {
        return contentType == null || mediaType(contentType).isEmpty();
    }

    /**
     * True for {@code application/json}, {@code application/*+json} and {@code text/json}, case-insensitive,
     * parameters ignored; false for {@code null}, blank and every other type.
     */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = mediaType(contentType);
        return type.equals("application/json") || type.equals("text/json")
                || (type.startsWith("application/") && type.endsWith("+json")
                        && type.length() > "application/+json".length());
    }

    private static boolean isCharset(String param) {
        int eq = param.indexOf('=');
        return eq > 0 && param.substring(0, eq).trim().toLowerCase(Locale.ROOT).equals("charset");
    }

    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return type.trim().toLowerCase(Locale.ROOT);
    }
}
