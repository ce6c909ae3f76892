package io.github.jwtsigner.it;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.util.stream.Stream;

/**
 * A login servlet that calls {@code startAsync()} without arguments writes to the container's own response,
 * around the signer's wrapper. Asynchronous login servlets are not supported: whenever the claims are written,
 * on the request thread or from {@code AsyncContext.start} before or after the chain returned, the client gets
 * the fail-closed answer and never the plain claims or the servlet's cookie.
 */
class AsyncLoginIntegrationTest extends AttackIntegrationTest {
    static Stream<Arguments> writes() {
        return ServletContainer.Kind.selected().stream().flatMap(kind ->
                Stream.of("inline", "start-before-return", "start-after-return").map(when -> Arguments.of(kind, when)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("writes")
    void failsClosedWhenTheServletWritesThroughStartAsync(ServletContainer.Kind kind, String when) throws Exception {
        HttpResponse<String> r = deployments.client(kind).post(AttackWebapp.SIGNED + "async/" + when);

        Answers.assertNoUnsignedClaim(r);
        Answers.assertFailClosed(r);
    }
}
