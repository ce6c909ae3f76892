package io.github.jwtsigner.it;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.util.Objects;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A body larger than {@code max_body_bytes} that started as a non-2xx or non-JSON answer streams through
 * unsigned; the container's buffer (1 MiB here) still holds it uncommitted when the servlet turns the answer
 * into 200 JSON. The decision "not signed" must stay final: the client gets the status and type the body started
 * streaming under, or the fail-closed answer, and never a 2xx JSON answer carrying the plain claims.
 */
class LateSwitchIntegrationTest extends AttackIntegrationTest {
    /** How the answer looked when its body started streaming. */
    enum Start {
        ERROR_500("error-500", 500, null),
        TEXT_PLAIN("text-plain", 200, "text/plain");

        final String path;
        final int status;
        final String mediaType;

        Start(String path, int status, String mediaType) {
            this.path = path;
            this.status = status;
            this.mediaType = mediaType;
        }
    }

    /** How the servlet then turns it into 200 {@code application/json}. */
    enum Change {
        SET_CONTENT_TYPE("set-content-type"),
        SET_HEADER("set-header"),
        ADD_HEADER("add-header"),
        RESET_AND_REWRITE("reset");

        final String path;

        Change(String path) {
            this.path = path;
        }
    }

    static Stream<Arguments> switches() {
        return ServletContainer.Kind.selected().stream().flatMap(kind -> Stream.of(Start.values())
                .flatMap(start -> Stream.of(Change.values()).map(change -> Arguments.of(kind, start, change))));
    }

    @ParameterizedTest(name = "{0}: streaming as {1}, then 200 JSON by {2}")
    @MethodSource("switches")
    void keepsAStreamedBodyUnsignedAndItsAnswerAsItStarted(ServletContainer.Kind kind, Start start, Change change)
            throws Exception {
        HttpResponse<String> r = deployments.client(kind)
                .post(AttackWebapp.SMALL + "late-switch/" + start.path + "/" + change.path);

        assertFalse(Answers.is2xx(r) && Answers.isJson(r) && r.body().contains(AttackServlet.MARKER),
                () -> "unsigned claims went out as 2xx JSON: " + Answers.describe(r));
        boolean asStarted = r.statusCode() == start.status && Objects.equals(Answers.mediaType(r), start.mediaType);
        assertTrue(asStarted || Answers.isFailClosed(r), () -> "expected " + start.status + " "
                + start.mediaType + " as the body started, or the fail-closed answer: " + Answers.describe(r));
    }
}
