package io.github.jwtsigner.it;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The servlet sets its session cookie, sends early hints ({@code sendError(103)}), then writes an answer the
 * signer fails closed. The fail-closed answer promises that none of the servlet's headers reach the client,
 * yet Tomcat's 103 carries every header set so far, the cookie included, and it is on the wire before the
 * signer decides. Read over a raw socket, since HTTP client libraries hide interim responses.
 */
class EarlyHintsCookieIntegrationTest extends AttackIntegrationTest {
    static Stream<ServletContainer.Kind> kinds() {
        return ServletContainer.Kind.selected().stream();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void noCookieReachesTheClientOfAFailClosedAnswer(ServletContainer.Kind kind) throws Exception {
        deployments.client(kind);
        String wire = RawHttp.postText(base(kind), "/" + AttackWebapp.SIGNED + "early-hints-cookie");

        String finalAnswer = wire.substring(wire.lastIndexOf("HTTP/1.1 "));
        assertTrue(finalAnswer.startsWith("HTTP/1.1 500") && finalAnswer.contains(Answers.FAIL_CLOSED_BODY),
                () -> "expected the fail-closed answer last:\n" + wire);
        assertFalse(wire.toLowerCase(Locale.ROOT).contains("set-cookie: " + AttackServlet.COOKIE_NAME.toLowerCase(
                Locale.ROOT) + "="), () -> "the servlet's cookie went out:\n" + wire);
    }

    private static URI base(ServletContainer.Kind kind) throws Exception {
        return deployments.base(kind);
    }
}
