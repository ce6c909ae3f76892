package io.github.jwtsigner.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLClassLoader;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Servlet 6.1's {@code sendRedirect(location, 302, false)} on Tomcat 11 with its own 6.1 API, after a 201 login
 * of {@value AttackServlet#LARGE_LOGIN_BYTES} bytes written to the output stream (more than Tomcat's default
 * 8 KiB response buffer, far below {@code max_body_bytes}). The signer replays the held claims to the container before the container has set
 * the redirect's status: the buffer overflows, Tomcat commits the 201 with the plain claims, and the redirect
 * then fails on a committed response. Read over a raw socket, since the answer is cut off.
 */
class Servlet61LargeRedirectIntegrationTest {
    @TempDir
    Path temp;
    private static URLClassLoader loader;

    @BeforeAll
    static void isolate() throws Exception {
        loader = Servlet61Tomcat.loader();
    }

    @AfterAll
    static void close() throws Exception {
        loader.close();
    }

    @Test
    void aRedirectKeepingALargeBodyNeverSendsThePlainClaimsWithA2xx() throws Exception {
        String wire = postRaw(AttackWebapp.SIGNED + "redirect-keep-large/302");

        String head = wire.substring(0, Math.min(wire.length(), 600));
        assertFalse(wire.startsWith("HTTP/1.1 2") && wire.contains(AttackServlet.MARKER),
                () -> "the plain claims went out with a 2xx:\n" + head);
    }

    private String postRaw(String path) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return (String) loader.loadClass(Servlet61Tomcat.class.getName())
                    .getMethod("postRaw", Path.class, String.class).invoke(null, temp, path);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
