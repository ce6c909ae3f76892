package io.github.jwtsigner.internal.servlet;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Enumeration;

/**
 * Finds the one token of a request (RFC 6750 §2.1): the header {@code auth_header_name} with the scheme
 * {@code Bearer} in any letter case, else the cookie {@code cookie_key}. A custom header (not
 * {@code Authorization}) may also hold the bare token. A cookie with an empty value holds no token (a logout
 * often "clears" the cookie so), where an empty {@code Bearer} header is a bad one.
 *
 * <p>Immutable and thread-safe.
 */
final class BearerToken {
    private static final String SCHEME = "Bearer";
    private static final String AUTHORIZATION = "Authorization";

    /** The request's token, none, or more than one. */
    record Found(String token, boolean ambiguous) {
        static final Found NONE = new Found(null, false);
        static final Found AMBIGUOUS = new Found(null, true);
    }

    private final String header;
    private final boolean standardHeader;
    private final String cookie;

    BearerToken(String header, String cookieOrNull) {
        this.header = header;
        this.standardHeader = header.equalsIgnoreCase(AUTHORIZATION);
        this.cookie = cookieOrNull;
    }

    Found find(HttpServletRequest request) {
        Enumeration<String> values = request.getHeaders(header);
        String value = null;
        if (values != null && values.hasMoreElements()) {
            value = values.nextElement();
            if (values.hasMoreElements()) {
                return Found.AMBIGUOUS;
            }
        }
        if (value != null) {
            String v = value.strip();
            if (v.length() > SCHEME.length() && v.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                    && (v.charAt(SCHEME.length()) == ' ' || v.charAt(SCHEME.length()) == '\t')) {
                return new Found(v.substring(SCHEME.length() + 1).strip(), false);
            }
            if (v.equalsIgnoreCase(SCHEME)) {
                return new Found("", false);
            }
            if (!standardHeader && !v.isEmpty()) {
                return new Found(v, false);
            }
            // Another scheme (Basic, say): no bearer token here; the cookie may hold one.
        }
        if (cookie == null) {
            return Found.NONE;
        }
        Cookie[] cookies = request.getCookies();
        String token = null;
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (cookie.equals(c.getName()) && c.getValue() != null && !c.getValue().isEmpty()) {
                    if (token != null) {
                        return Found.AMBIGUOUS;
                    }
                    token = c.getValue();
                }
            }
        }
        return token == null ? Found.NONE : new Found(token, false);
    }
}
