package io.github.jwtsigner.internal.servlet;

import io.github.jwtsigner.internal.validation.VerifiedToken;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The request as the servlet sees it after the validator: with a verified token, {@code getUserPrincipal()},
 * {@code getRemoteUser()}, {@code isUserInRole()} and {@code getAuthType()} ({@code Bearer}) answer from it, and
 * the request attribute {@value #CLAIMS_ATTRIBUTE} holds its claims. In every case the client's own headers of
 * the {@code propagate_claims} names are hidden, and with a token those headers hold its claims.
 *
 * <p>{@code startAsync()} means {@code startAsync(this, response)}: by the Servlet spec it would hand out the
 * container's own request, so an async dispatch or {@code AsyncContext.getRequest()} would lose the user and show
 * the client's own headers of the propagated names. With a token, {@code login()} is refused and
 * {@code authenticate()} is true; {@code logout()} ends the token's identity for the rest of the request (the
 * token itself stays valid until its {@code exp}).
 *
 * <p>As thread-safe as the request it wraps.
 */
final class ClaimsRequest extends HttpServletRequestWrapper {
    /** The request attribute holding the verified claims, an unmodifiable {@code Map<String, Object>}. */
    static final String CLAIMS_ATTRIBUTE = "io.github.jwtsigner.claims";
    static final String AUTH_TYPE = "Bearer";

    private final ServletResponse response;
    private final Map<String, String> propagated;
    /** Null for an anonymous request, and once {@link #logout()} ran. */
    private volatile VerifiedToken token;
    private final Principal principal;

    /**
     * @param response the response the chain runs with, for {@link #startAsync()}
     * @param token the verified token, or null for an anonymous request
     * @param propagated header name in lower case → claim
     */
    ClaimsRequest(HttpServletRequest request, ServletResponse response, VerifiedToken token,
            Map<String, String> propagated) {
        super(request);
        this.response = response;
        this.token = token;
        this.propagated = propagated;
        this.principal = token == null ? null : new TokenPrincipal(token.principal());
    }

    @Override
    public AsyncContext startAsync() {
        return startAsync(this, response);
    }

    @Override
    public Principal getUserPrincipal() {
        return token == null ? super.getUserPrincipal() : principal;
    }

    @Override
    public String getRemoteUser() {
        VerifiedToken t = token;
        return t == null ? super.getRemoteUser() : t.principal();
    }

    @Override
    public boolean isUserInRole(String role) {
        VerifiedToken t = token;
        if (t == null) {
            return super.isUserInRole(role);
        }
        return role != null && (role.equals("**") || t.roles().contains(role));
    }

    @Override
    public String getAuthType() {
        return token == null ? super.getAuthType() : AUTH_TYPE;
    }

    /** The Servlet spec: a request that already has a caller identity refuses {@code login()}. */
    @Override
    public void login(String username, String password) throws ServletException {
        if (token != null) {
            throw new ServletException("login() refused: the request is already authenticated by its bearer"
                    + " token; call logout() first");
        }
        super.login(username, password);
    }

    @Override
    public boolean authenticate(HttpServletResponse res) throws IOException, ServletException {
        return token != null || super.authenticate(res);
    }

    /** Logs the container out too, and from now on answers as the container does (the claims are gone). */
    @Override
    public void logout() throws ServletException {
        token = null;
        super.logout();
    }

    @Override
    public Object getAttribute(String name) {
        if (CLAIMS_ATTRIBUTE.equals(name)) {
            VerifiedToken t = token;
            return t == null ? null : t.claims();
        }
        return super.getAttribute(name);
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        List<String> names = new ArrayList<>();
        for (Enumeration<String> e = super.getAttributeNames(); e != null && e.hasMoreElements(); ) {
            String n = e.nextElement();
            if (!CLAIMS_ATTRIBUTE.equals(n)) {
                names.add(n);
            }
        }
        if (token != null) {
            names.add(CLAIMS_ATTRIBUTE);
        }
        return Collections.enumeration(names);
    }

    @Override
    public String getHeader(String name) {
        if (!isPropagated(name)) {
            return super.getHeader(name);
        }
        return claimHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        if (!isPropagated(name)) {
            return super.getHeaders(name);
        }
        String value = claimHeader(name);
        return Collections.enumeration(value == null ? List.of() : List.of(value));
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        List<String> names = new ArrayList<>();
        for (Enumeration<String> e = super.getHeaderNames(); e != null && e.hasMoreElements(); ) {
            String n = e.nextElement();
            if (!isPropagated(n)) {
                names.add(n);
            }
        }
        for (String h : propagated.keySet()) {
            if (claimHeader(h) != null) {
                names.add(h);
            }
        }
        return Collections.enumeration(names);
    }

    @Override
    public int getIntHeader(String name) {
        if (!isPropagated(name)) {
            return super.getIntHeader(name);
        }
        String value = claimHeader(name);
        return value == null ? -1 : Integer.parseInt(value);
    }

    @Override
    public long getDateHeader(String name) {
        if (!isPropagated(name)) {
            return super.getDateHeader(name);
        }
        if (claimHeader(name) == null) {
            return -1;
        }
        throw new IllegalArgumentException("header [" + name + "] holds a claim, not an HTTP date");
    }

    /** True for a header of {@code propagate_claims}, in any letter case: the token's claim, never the client's. */
    private boolean isPropagated(String name) {
        return name != null && propagated.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /** The claim for a propagated header as text; null when the token lacks it, or its text has a control character. */
    private String claimHeader(String name) {
        VerifiedToken t = token;
        if (t == null) {
            return null;
        }
        Object value = t.claims().get(propagated.get(name.toLowerCase(Locale.ROOT)));
        return value == null ? null : VerifiedToken.headerValue(value);
    }

    /** The user a token names; equal to another of the same name. */
    private record TokenPrincipal(String name) implements Principal {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public String toString() {
            return "TokenPrincipal[" + name + "]";
        }
    }
}
