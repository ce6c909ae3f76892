package io.github.jwtsigner.it;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A 200 login without a Content-Type writes its claims in UTF-16 with a byte order mark the legacy way, as
 * ISO-8859-1 characters through the writer (the container's default writer charset, or declared). The bytes on
 * the wire are {@code FE FF 00 7B ...}, a JSON object to any reader that detects UTF-16 by its byte order mark
 * (RFC 8259 §8.1 allows a parser to ignore it); the signer looks for UTF-16 in the UTF-8 form of the characters
 * ({@code C3 BE C3 BF 00 7B ...}), does not find it, and passes the claims through unsigned.
 */
class Utf16ThroughWriterIntegrationTest extends AttackIntegrationTest {
    static Stream<Arguments> cases() {
        return ServletContainer.Kind.selected().stream().flatMap(kind ->
                Stream.of("default", "declared").map(how -> Arguments.of(kind, how)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void neverSendsAUtf16ClaimSetUnsigned(ServletContainer.Kind kind, String how) throws Exception {
        deployments.client(kind);
        HttpRequest request = HttpRequest.newBuilder(deployments.base(kind).resolve(AttackWebapp.SIGNED
                        + "latin1-utf16/" + how))
                .POST(HttpRequest.BodyPublishers.ofString("user=alice&pass=secret")).build();
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());

        String asUtf16 = new String(r.body(), StandardCharsets.UTF_16);
        assertFalse(asUtf16.contains(AttackServlet.MARKER), () -> "the unsigned claims went out in UTF-16: "
                + r.statusCode() + " " + r.headers().map() + " body [" + asUtf16 + "]");
    }
}
