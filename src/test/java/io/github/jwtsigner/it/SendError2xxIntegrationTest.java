package io.github.jwtsigner.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A login servlet writes its claims with 201 and its cookie, then calls {@code sendError(200)} or
 * {@code sendError(204)}. The signer hands the response over and drops the claims; both containers then send
 * a 2xx with the servlet's cookie and no token (Jetty an HTML error page with 200, Tomcat an empty 200 or
 * 204), neither signed nor failed closed: the hand-over of an uncommitted 2xx that fails closed elsewhere.
 */
class SendError2xxIntegrationTest {
    @TempDir
    static Path temp;
    private static final Map<ServletContainer.Kind, ServletContainer> RUNNING =
            new EnumMap<>(ServletContainer.Kind.class);

    private static AttackClient client(ServletContainer.Kind kind) throws Exception {
        ServletContainer c = RUNNING.get(kind);
        if (c == null) {
            Path dir = temp.resolve(kind.name());
            c = kind.start(SendErrorWebapp.create(dir.resolve("webapp")), dir.resolve("work"));
            RUNNING.put(kind, c);
            assertTrue(c.webappAvailable(), "webapp did not start: " + c.startupFailure());
        }
        return new AttackClient(c.base());
    }

    @AfterAll
    static void stop() throws Exception {
        for (ServletContainer c : RUNNING.values()) {
            c.close();
        }
        RUNNING.clear();
    }

    static Stream<Arguments> statuses() {
        return ServletContainer.Kind.selected().stream().flatMap(kind ->
                Stream.of(200, 204).map(status -> Arguments.of(kind, status)));
    }

    @ParameterizedTest(name = "{0}: sendError({1})")
    @MethodSource("statuses")
    void aSendErrorWithA2xxStatusIsSignedOrFailsClosed(ServletContainer.Kind kind, int status) throws Exception {
        HttpResponse<String> r = client(kind).post(SendErrorWebapp.SIGNED + "send-error/" + status);

        Answers.assertNoUnsignedClaim(r);
        assertTrue(!Answers.is2xx(r) || !Answers.hasServletCookie(r) || Answers.isJson(r)
                && r.body().contains("\"access_token\":\"ey"),
                () -> "a 2xx with the servlet's cookie and no token: " + Answers.describe(r));
    }
}
