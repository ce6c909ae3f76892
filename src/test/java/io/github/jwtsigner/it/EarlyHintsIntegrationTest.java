package io.github.jwtsigner.it;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code sendError(103)} is Tomcat 11's way to send early hints, not an error: the servlet goes on to write its
 * answer, and that answer must be signed like any other.
 */
class EarlyHintsIntegrationTest extends AttackIntegrationTest {
    static Stream<ServletContainer.Kind> kinds() {
        return ServletContainer.Kind.selected().stream();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void signsTheAnswerWrittenAfterEarlyHints(ServletContainer.Kind kind) throws Exception {
        HttpResponse<String> r = deployments.client(kind).post(AttackWebapp.SIGNED + "early-hints");

        Answers.assertSigned(r, 200);
        assertTrue(Answers.hasServletCookie(r), () -> "cookie kept: " + Answers.describe(r));
    }
}
