package io.github.jwtsigner.bench;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ReadListener;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletConnection;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.Part;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A {@code POST /token} login request held in memory, as a container hands it to a filter: method, path, a JSON
 * body with credentials, a few headers and request attributes. What a login filter does not use (sessions,
 * authentication, multipart, async) throws {@link UnsupportedOperationException}.
 *
 * <p>Reused across benchmark invocations through {@link #recycle()}. One instance per thread; not thread-safe.
 */
public final class InMemoryRequest implements HttpServletRequest {
    private static final byte[] CREDENTIALS = "{\"user\":\"john\",\"pass\":\"doe\"}".getBytes(StandardCharsets.UTF_8);

    private final Map<String, Object> attributes = new HashMap<>();
    private int position;
    private boolean bodyTaken;
    private String characterEncoding;

    /** Makes the request as new: body unread, no attributes. */
    public void recycle() {
        attributes.clear();
        position = 0;
        bodyTaken = false;
        characterEncoding = null;
    }

    private final ServletInputStream input = new ServletInputStream() {
        @Override
        public int read() {
            return position < CREDENTIALS.length ? CREDENTIALS[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= CREDENTIALS.length) {
                return -1;
            }
            int n = Math.min(len, CREDENTIALS.length - position);
            System.arraycopy(CREDENTIALS, position, b, off, n);
            position += n;
            return n;
        }

        @Override
        public boolean isFinished() {
            return position >= CREDENTIALS.length;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener readListener) {
            throw unsupported("setReadListener");
        }
    };

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        return Collections.enumeration(attributes.keySet());
    }

    @Override
    public String getCharacterEncoding() {
        return characterEncoding == null ? "UTF-8" : characterEncoding;
    }

    @Override
    public void setCharacterEncoding(String env) {
        this.characterEncoding = env;
    }

    @Override
    public int getContentLength() {
        return CREDENTIALS.length;
    }

    @Override
    public long getContentLengthLong() {
        return CREDENTIALS.length;
    }

    @Override
    public String getContentType() {
        return "application/json";
    }

    @Override
    public ServletInputStream getInputStream() {
        bodyTaken = true;
        return input;
    }

    @Override
    public BufferedReader getReader() {
        if (bodyTaken) {
            throw new IllegalStateException("getInputStream() already called");
        }
        bodyTaken = true;
        return new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
    }

    @Override
    public String getParameter(String name) {
        return null;
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.emptyEnumeration();
    }

    @Override
    public String[] getParameterValues(String name) {
        return null;
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return Map.of();
    }

    @Override
    public String getProtocol() {
        return "HTTP/1.1";
    }

    @Override
    public String getScheme() {
        return "http";
    }

    @Override
    public String getServerName() {
        return "localhost";
    }

    @Override
    public int getServerPort() {
        return 8080;
    }

    @Override
    public String getRemoteAddr() {
        return "127.0.0.1";
    }

    @Override
    public String getRemoteHost() {
        return "127.0.0.1";
    }

    @Override
    public void setAttribute(String name, Object o) {
        if (o == null) {
            attributes.remove(name);
        } else {
            attributes.put(name, o);
        }
    }

    @Override
    public void removeAttribute(String name) {
        attributes.remove(name);
    }

    @Override
    public Locale getLocale() {
        return Locale.ROOT;
    }

    @Override
    public Enumeration<Locale> getLocales() {
        return Collections.enumeration(Collections.singleton(Locale.ROOT));
    }

    @Override
    public boolean isSecure() {
        return false;
    }

    @Override
    public RequestDispatcher getRequestDispatcher(String path) {
        throw unsupported("getRequestDispatcher");
    }

    @Override
    public int getRemotePort() {
        return 50000;
    }

    @Override
    public String getLocalName() {
        return "localhost";
    }

    @Override
    public String getLocalAddr() {
        return "127.0.0.1";
    }

    @Override
    public int getLocalPort() {
        return 8080;
    }

    @Override
    public ServletContext getServletContext() {
        throw unsupported("getServletContext");
    }

    @Override
    public AsyncContext startAsync() {
        throw new IllegalStateException("async not supported by this request");
    }

    @Override
    public AsyncContext startAsync(ServletRequest servletRequest, ServletResponse servletResponse) {
        throw new IllegalStateException("async not supported by this request");
    }

    @Override
    public boolean isAsyncStarted() {
        return false;
    }

    @Override
    public boolean isAsyncSupported() {
        return false;
    }

    @Override
    public AsyncContext getAsyncContext() {
        throw new IllegalStateException("async not started");
    }

    @Override
    public DispatcherType getDispatcherType() {
        return DispatcherType.REQUEST;
    }

    @Override
    public String getRequestId() {
        return "1";
    }

    @Override
    public String getProtocolRequestId() {
        return "";
    }

    @Override
    public ServletConnection getServletConnection() {
        throw unsupported("getServletConnection");
    }

    @Override
    public String getAuthType() {
        return null;
    }

    @Override
    public Cookie[] getCookies() {
        return null;
    }

    @Override
    public long getDateHeader(String name) {
        return -1;
    }

    @Override
    public String getHeader(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "content-type":
                return getContentType();
            case "content-length":
                return Integer.toString(CREDENTIALS.length);
            case "host":
                return "localhost:8080";
            case "accept":
                return "application/json";
            default:
                return null;
        }
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        String value = getHeader(name);
        return value == null ? Collections.emptyEnumeration()
                : Collections.enumeration(Collections.singleton(value));
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        return Collections.enumeration(java.util.List.of("Host", "Content-Type", "Content-Length", "Accept"));
    }

    @Override
    public int getIntHeader(String name) {
        String value = getHeader(name);
        return value == null ? -1 : Integer.parseInt(value);
    }

    @Override
    public String getMethod() {
        return "POST";
    }

    @Override
    public String getPathInfo() {
        return null;
    }

    @Override
    public String getPathTranslated() {
        return null;
    }

    @Override
    public String getContextPath() {
        return "";
    }

    @Override
    public String getQueryString() {
        return null;
    }

    @Override
    public String getRemoteUser() {
        return null;
    }

    @Override
    public boolean isUserInRole(String role) {
        return false;
    }

    @Override
    public Principal getUserPrincipal() {
        return null;
    }

    @Override
    public String getRequestedSessionId() {
        return null;
    }

    @Override
    public String getRequestURI() {
        return "/token";
    }

    @Override
    public StringBuffer getRequestURL() {
        return new StringBuffer("http://localhost:8080/token");
    }

    @Override
    public String getServletPath() {
        return "/token";
    }

    @Override
    public HttpSession getSession(boolean create) {
        if (create) {
            throw unsupported("getSession(true)");
        }
        return null;
    }

    @Override
    public HttpSession getSession() {
        throw unsupported("getSession");
    }

    @Override
    public String changeSessionId() {
        throw new IllegalStateException("no session");
    }

    @Override
    public boolean isRequestedSessionIdValid() {
        return false;
    }

    @Override
    public boolean isRequestedSessionIdFromCookie() {
        return false;
    }

    @Override
    public boolean isRequestedSessionIdFromURL() {
        return false;
    }

    @Override
    public boolean authenticate(HttpServletResponse response) {
        throw unsupported("authenticate");
    }

    @Override
    public void login(String username, String password) {
        throw unsupported("login");
    }

    @Override
    public void logout() {
        throw unsupported("logout");
    }

    @Override
    public Collection<Part> getParts() {
        throw unsupported("getParts");
    }

    @Override
    public Part getPart(String name) {
        throw unsupported("getPart");
    }

    @Override
    public <T extends HttpUpgradeHandler> T upgrade(Class<T> handlerClass) {
        throw unsupported("upgrade");
    }

    private static UnsupportedOperationException unsupported(String method) {
        return new UnsupportedOperationException(method + " is not supported by the in-memory benchmark request");
    }
}
