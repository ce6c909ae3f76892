package io.github.jwtsigner.internal.decision;

import java.util.Locale;

/**
 * Tells whether a {@code Content-Type} names JSON: {@code application/json}, {@code application/*+json} or
 * {@code text/json}, case-insensitive, parameters ignored.
 *
 * <p>Stateless and thread-safe.
 */
public final class JsonContentType {
    private JsonContentType() {
    }

    /** True when no media type is set: {@code null} or blank. */
    public static boolean isAbsent(String contentType) {
        return contentType == null || mediaType(contentType).isEmpty();
    }

    /** True for a JSON media type; false for {@code null}, blank and every other type. */
    public static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = mediaType(contentType);
        return type.equals("application/json") || type.equals("text/json")
                || (type.startsWith("application/") && type.endsWith("+json")
                        && type.length() > "application/+json".length());
    }

    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return type.trim().toLowerCase(Locale.ROOT);
    }
}
