package io.github.jwtsigner.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URLClassLoader;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Servlet 6.1's {@code sendRedirect(location, sc, clearBuffer)} on Tomcat 11 with its own 6.1 API. With
 * {@code clearBuffer} false the signer replays the held claims to the container before the container has
 * redirected; Tomcat takes any {@code sc}, 200 included, and inside an include it ignores the redirect: either
 * way the plain claims went out under a 2xx status. A redirect now never carries the held body.
 */
class Servlet61RedirectIntegrationTest {
    @TempDir
    Path temp;
    /** One loader for the class: Tomcat sets the JVM's URL stream handler factory once, from its first loader. */
    private static URLClassLoader loader;

    @BeforeAll
    static void isolate() throws Exception {
        loader = Servlet61Tomcat.loader();
    }

    @AfterAll
    static void close() throws Exception {
        loader.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"redirect-keep/200", "include-then/redirect-keep"})
    void neverSendsThePlainClaimsWithA2xx(String path) throws Exception {
        HttpResponse<String> r = post(AttackWebapp.SIGNED + path);

        Answers.assertNoUnsignedClaim(r);
    }

    /**
     * A 201 login of {@value AttackServlet#LARGE_LOGIN_BYTES} bytes written to the output stream (more than
     * Tomcat's default 8 KiB response buffer, far below {@code max_body_bytes}), then
     * {@code sendRedirect(location, 302, false)}: replaying the held claims before the redirect's status would
     * overflow the buffer and commit the 201 with them. Read over a raw socket, since such an answer is cut off.
     */
    @Test
    void aRedirectKeepingALargeBodyNeverSendsThePlainClaimsWithA2xx() throws Exception {
        String wire = (String) inTomcat("postRaw", AttackWebapp.SIGNED + "redirect-keep-large/302");

        String head = wire.substring(0, Math.min(wire.length(), 600));
        assertFalse(wire.startsWith("HTTP/1.1 2") && wire.contains(AttackServlet.MARKER),
                () -> "the plain claims went out with a 2xx:\n" + head);
    }

    @SuppressWarnings("unchecked")
    private HttpResponse<String> post(String path) throws Exception {
        return (HttpResponse<String>) inTomcat("post", path);
    }

    /** Calls {@code Servlet61Tomcat.<method>(temp, path)} as loaded by the isolated class loader. */
    private Object inTomcat(String method, String path) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return loader.loadClass(Servlet61Tomcat.class.getName())
                    .getMethod(method, Path.class, String.class).invoke(null, temp, path);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
