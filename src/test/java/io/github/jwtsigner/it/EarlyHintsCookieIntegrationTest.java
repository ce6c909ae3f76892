package io.github.jwtsigner.it;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
        String wire = rawPost(base(kind), "/" + AttackWebapp.SIGNED + "early-hints-cookie");

        String finalAnswer = wire.substring(wire.lastIndexOf("HTTP/1.1 "));
        assertTrue(finalAnswer.startsWith("HTTP/1.1 500") && finalAnswer.contains(Answers.FAIL_CLOSED_BODY),
                () -> "expected the fail-closed answer last:\n" + wire);
        assertFalse(wire.toLowerCase(Locale.ROOT).contains("set-cookie: " + AttackServlet.COOKIE_NAME.toLowerCase(
                Locale.ROOT) + "="), () -> "the servlet's cookie went out:\n" + wire);
    }

    private static URI base(ServletContainer.Kind kind) throws Exception {
        return deployments.base(kind);
    }

    /** Everything the server sends for one POST, interim responses included, until it closes. */
    private static String rawPost(URI base, String path) throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 0\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return all.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
