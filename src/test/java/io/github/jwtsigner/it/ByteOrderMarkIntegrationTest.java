package io.github.jwtsigner.it;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Claims after a UTF-8 byte order mark: the stream path drops the bytes EF BB BF and signs; the writer path,
 * handed U+FEFF, must give the same answer, with or without a Content-Type.
 */
class ByteOrderMarkIntegrationTest extends AttackIntegrationTest {
    static Stream<Arguments> writes() {
        return ServletContainer.Kind.selected().stream().flatMap(kind -> Stream.of("writer", "stream")
                .flatMap(api -> Stream.of("no-type", "json").map(type -> Arguments.of(kind, api, type))));
    }

    static Stream<Arguments> types() {
        return ServletContainer.Kind.selected().stream().flatMap(kind ->
                Stream.of("no-type", "json").map(type -> Arguments.of(kind, type)));
    }

    @ParameterizedTest(name = "{0}: {1}, {2}")
    @MethodSource("writes")
    void signsClaimsAfterAByteOrderMark(ServletContainer.Kind kind, String api, String type) throws Exception {
        HttpResponse<String> r = deployments.client(kind).post(AttackWebapp.SIGNED + "bom/" + api + "/" + type);

        Answers.assertSigned(r, 200);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("types")
    void answersTheSameThroughWriterAndStream(ServletContainer.Kind kind, String type) throws Exception {
        AttackClient client = deployments.client(kind);
        HttpResponse<String> stream = client.post(AttackWebapp.SIGNED + "bom/stream/" + type);
        HttpResponse<String> writer = client.post(AttackWebapp.SIGNED + "bom/writer/" + type);

        String expected = Answers.outcome(stream);
        assertEquals(expected, Answers.outcome(writer), () -> "stream path: " + Answers.describe(stream)
                + "\nwriter path: " + Answers.describe(writer));
    }
}
