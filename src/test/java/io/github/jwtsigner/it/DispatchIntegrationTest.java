package io.github.jwtsigner.it;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A login servlet that sets 201 and its cookie, then forwards to a JSP (or a named servlet) that writes the claims
 * as JSON, or includes the JSP after setting the type itself: the answer is signed with the servlet's status and
 * cookie, never an empty 2xx, never the plain claims. The build also runs this class on Tomcat 10.1 and on
 * Tomcat 11 with {@value #STRICT}: there a forward gets Tomcat's 500 error page naming the setting
 * {@code suspendWrappedResponseAfterForward}, and with that setting false it is signed again.
 */
class DispatchIntegrationTest extends AttackIntegrationTest {
    /** Tomcat's system property for strict Servlet compliance. */
    static final String STRICT = "org.apache.catalina.STRICT_SERVLET_COMPLIANCE";

    static Stream<Arguments> dispatches() {
        return ServletContainer.Kind.selected().stream().flatMap(kind ->
                Stream.of("forward/request", "forward/context", "forward/named", "include/jsp")
                        .map(how -> Arguments.of(kind, how)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("dispatches")
    void signsClaimsWrittenByTheDispatchTarget(ServletContainer.Kind kind, String how) throws Exception {
        HttpResponse<String> r = deployments.client(kind).post(AttackWebapp.SIGNED + how);

        Answers.assertNoUnsignedClaim(r);
        assertFalse(Answers.is2xx(r) && r.body().isEmpty(), () -> "an empty 2xx answer: " + Answers.describe(r));
        if (kind == ServletContainer.Kind.TOMCAT && Boolean.getBoolean(STRICT) && how.startsWith("forward")
                && !"false".equals(System.getProperty(TomcatContainer.SUSPEND_AFTER_FORWARD))) {
            // Tomcat suspends its response after the forward and refuses every change to it; the filter
            // throws, and Tomcat's error page answers. Headers the servlet set before (its cookie) stay, as
            // Tomcat keeps them on an error page after an exception; the README says so.
            assertEquals(500, r.statusCode(), () -> Answers.describe(r));
            assertEquals("text/html", Answers.mediaType(r), () -> Answers.describe(r));
            assertTrue(r.body().contains("suspendWrappedResponseAfterForward"), () -> Answers.describe(r));
            return;
        }
        Answers.assertSigned(r, 201);
        assertTrue(Answers.hasServletCookie(r), () -> "cookie kept: " + Answers.describe(r));
    }
}
