package io.github.jwtsigner.it;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.util.stream.Stream;

/**
 * A login servlet writes its claims with 201 and its cookie, then includes a fragment that calls
 * {@code sendError} or {@code sendRedirect}. The container ignores both inside an include (Servlet 6.0
 * §9.3), but the signer hands the response over and drops the claims: the client gets the servlet's 2xx and
 * its cookie with an empty body, neither signed nor failed closed.
 */
class IncludedGiveUpIntegrationTest extends AttackIntegrationTest {
    static Stream<Arguments> fragments() {
        return ServletContainer.Kind.selected().stream().flatMap(kind ->
                Stream.of("send-error", "redirect").map(what -> Arguments.of(kind, what)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("fragments")
    void signsOrFailsClosedWhenAnIncludedFragmentGivesUp(ServletContainer.Kind kind, String what) throws Exception {
        HttpResponse<String> r = deployments.client(kind).post(AttackWebapp.SIGNED + "include-then/" + what);

        Answers.assertNoUnsignedClaim(r);
        if (Answers.is2xx(r)) {
            // A 2xx with the servlet's cookie is only right when it carries the signed token.
            Answers.assertSigned(r, 201);
        }
    }
}
