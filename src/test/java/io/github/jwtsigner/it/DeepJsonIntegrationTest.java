package io.github.jwtsigner.it;

import io.github.jwtsigner.internal.json.JsonParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Claims nested as deep as the parser allows ({@link JsonParser#MAX_DEPTH}, the outer object counting 1) are
 * signed; one level more fails closed. The build also runs this class with {@code -Xss256k}: a small request
 * thread stack must not turn either answer into the container's error page.
 */
class DeepJsonIntegrationTest extends AttackIntegrationTest {
    static Stream<ServletContainer.Kind> kinds() {
        return ServletContainer.Kind.selected().stream();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void signsClaimsNestedAsDeepAsTheParserAllows(ServletContainer.Kind kind) throws Exception {
        HttpResponse<String> r = deployments.client(kind).post(AttackWebapp.SIGNED + "deep/" + JsonParser.MAX_DEPTH);

        String payload = Answers.assertSignedPayload(r, 200);
        int arrays = JsonParser.MAX_DEPTH - 2;
        assertEquals("{\"deep\":" + "[".repeat(arrays) + "]".repeat(arrays) + ",\"sub\":\"" + AttackServlet.MARKER
                + "\"}", payload);
        assertTrue(Answers.hasServletCookie(r), () -> "cookie kept: " + Answers.describe(r));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void failsClosedOnClaimsNestedDeeperThanTheParserAllows(ServletContainer.Kind kind) throws Exception {
        HttpResponse<String> r = deployments.client(kind)
                .post(AttackWebapp.SIGNED + "deep/" + (JsonParser.MAX_DEPTH + 1));

        Answers.assertNoUnsignedClaim(r);
        assertFalse(r.body().contains("Exception") || r.body().contains("Error"),
                () -> "a stack trace went out: " + Answers.describe(r));
        Answers.assertFailClosed(r);
    }
}
