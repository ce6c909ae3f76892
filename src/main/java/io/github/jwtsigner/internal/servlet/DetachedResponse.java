package io.github.jwtsigner.internal.servlet;

import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.http.HttpServletResponse;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * The container's response behind an object that is neither a {@link ServletResponseWrapper} nor the
 * container's own class: every call goes straight to it.
 *
 * <p>Why: Tomcat 11, after {@code RequestDispatcher.forward}, unwraps the response it was given down to its
 * own response object and suspends it ({@code suspendWrappedResponseAfterForward}, true by default there), so
 * the signed body written after the servlet returns would be dropped and the client would get an empty 200.
 * Behind this object the unwrapping stops, and Tomcat closes the writer of the wrapper instead, as Tomcat
 * 10.1 and Jetty 12 always do. Used on Tomcat only: Jetty 12 finds its own response by unwrapping, and fails
 * an include when it cannot.
 *
 * <p>Not used when Tomcat checks {@code STRICT_SERVLET_COMPLIANCE}: then a forward must be given the
 * container's response or a wrapper of it, and a suspended response is failed closed instead (see
 * {@link #suspendedByContainer}).
 */
final class DetachedResponse {
    /** Tomcat's switch for the checks of the Servlet specification it skips by default. */
    static final String TOMCAT_STRICT_COMPLIANCE = "org.apache.catalina.STRICT_SERVLET_COMPLIANCE";

    /** Tomcat's response object, which it suspends after a forward. */
    static final String TOMCAT_RESPONSE = "org.apache.catalina.connector.ResponseFacade";

    private static final int MAX_WRAPPERS = 64;

    private DetachedResponse() {
    }

    /**
     * {@code real} behind a proxy on Tomcat, unless its strict compliance is on; elsewhere {@code real} itself,
     * since other containers find their own response by unwrapping (Jetty 12 does to include) and do not
     * suspend it.
     */
    static HttpServletResponse of(HttpServletResponse real) {
        return of(real, isTomcats(real) && !Boolean.getBoolean(TOMCAT_STRICT_COMPLIANCE));
    }

    /** {@code real} behind a proxy when {@code detach}, else {@code real}. */
    static HttpServletResponse of(HttpServletResponse real, boolean detach) {
        if (!detach) {
            return real;
        }
        return (HttpServletResponse) Proxy.newProxyInstance(HttpServletResponse.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return objectMethod(proxy, method.getName(), args, real);
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /**
     * True when the container has suspended {@code response} so that nothing written to it goes out any more:
     * Tomcat's response after a forward it was given unwrapped (its {@code ResponseFacade.isFinished()}).
     */
    static boolean suspendedByContainer(ServletResponse response) {
        ServletResponse inner = innermost(response);
        if (!inner.getClass().getName().equals(TOMCAT_RESPONSE)) {
            return false;
        }
        try {
            return Boolean.TRUE.equals(inner.getClass().getMethod("isFinished").invoke(inner));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    private static boolean isTomcats(ServletResponse response) {
        return innermost(response).getClass().getName().equals(TOMCAT_RESPONSE);
    }

    private static ServletResponse innermost(ServletResponse response) {
        ServletResponse inner = response;
        for (int depth = 0; inner instanceof ServletResponseWrapper && depth < MAX_WRAPPERS; depth++) {
            inner = ((ServletResponseWrapper) inner).getResponse();
        }
        return inner;
    }

    private static Object objectMethod(Object proxy, String name, Object[] args, HttpServletResponse real) {
        return switch (name) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> "detached " + real;
        };
    }
}
