package io.github.jwtsigner.it;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The login servlet creates its session, then (with or without early hints) writes an answer the signer
 * fails closed. The fail-closed answer promises none of the servlet's headers, no {@code Set-Cookie}: the
 * session cookie the container set for the servlet's session must not reach the client either, in the 103
 * or in the final answer. Read over a raw socket, since HTTP client libraries hide interim responses.
 */
class SessionCookieFailClosedIntegrationTest extends AttackIntegrationTest {
    static Stream<Arguments> cases() {
        return ServletContainer.Kind.selected().stream().flatMap(kind ->
                Stream.of("plain", "hints").map(how -> Arguments.of(kind, how)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void noSessionCookieReachesTheClientOfAFailClosedAnswer(ServletContainer.Kind kind, String how)
            throws Exception {
        deployments.client(kind);
        String wire = RawHttp.postText(deployments.base(kind), "/" + AttackWebapp.SIGNED + "session-fail-closed/"
                + how);

        String finalAnswer = wire.substring(wire.lastIndexOf("HTTP/1.1 "));
        assertTrue(finalAnswer.startsWith("HTTP/1.1 500") && finalAnswer.contains(Answers.FAIL_CLOSED_BODY),
                () -> "expected the fail-closed answer last:\n" + wire);
        assertFalse(wire.toLowerCase(Locale.ROOT).contains("set-cookie: jsessionid="),
                () -> "the session cookie went out:\n" + wire);
    }
}
