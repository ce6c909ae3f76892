package io.github.jwtsigner.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URLClassLoader;
import java.net.http.HttpResponse;
import java.nio.file.Path;

/**
 * Servlet 6.1's {@code sendRedirect(location, sc, clearBuffer)} on Tomcat 11 with its own 6.1 API. With
 * {@code clearBuffer} false the signer replays the held claims to the container before the container has
 * redirected; Tomcat takes any {@code sc}, 200 included, and inside an include it ignores the redirect: either
 * way the plain claims go out under a 2xx status.
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

    @SuppressWarnings("unchecked")
    private HttpResponse<String> post(String path) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return (HttpResponse<String>) loader.loadClass(Servlet61Tomcat.class.getName())
                    .getMethod("post", Path.class, String.class).invoke(null, temp, path);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
