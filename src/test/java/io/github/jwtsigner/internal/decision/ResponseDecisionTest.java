package io.github.jwtsigner.internal.decision;

import io.github.jwtsigner.SigningException;
import io.github.jwtsigner.SigningException.Reason;
import io.github.jwtsigner.internal.decision.ResponseDecision.Outcome;
import io.github.jwtsigner.internal.decision.ResponseFacts.Capture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class ResponseDecisionTest {
    private static final String OBJECT = "{\"access_token\":{\"sub\":\"1\"}}";
    private static final Outcome PASS = new Outcome.Pass();

    private static Outcome decide(int status, String type, String encoding, String body) {
        return decide(status, type, encoding, false, false, body.getBytes(UTF_8));
    }

    private static Outcome decide(int status, String type, String encoding, boolean async, boolean overLimit,
            byte[] body) {
        return ResponseDecision.decide(new ResponseFacts(overLimit ? Capture.OVER_LIMIT : Capture.HELD, false,
                false, async, status, type, encoding, body.length, 100), BodyDecoder.ofStream(body, null));
    }

    /** A 2xx JSON response holding an object to sign, but for what the arguments say. */
    private static Outcome decide(Capture capture, boolean committed, boolean suspended, int status) {
        byte[] body = capture == Capture.HELD ? OBJECT.getBytes(UTF_8) : new byte[0];
        return ResponseDecision.decide(new ResponseFacts(capture, committed, suspended, true, status,
                "application/json", "gzip", body.length, 100), BodyDecoder.ofStream(body, null));
    }

    private static SigningException failure(Outcome outcome) {
        return assertInstanceOf(Outcome.FailClosed.class, outcome).cause();
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 199, 301, 304, 400, 401, 403, 500, 503})
    void passesEveryStatusOutsideTwoHundredsThrough(int status) {
        assertEquals(PASS, decide(status, "application/json", null, OBJECT));
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 202, 299})
    void signsAJsonObjectWithAnyTwoHundredStatus(int status) {
        assertEquals(new Outcome.Sign(OBJECT), decide(status, "application/json", null, OBJECT));
    }

    @Test
    void passesANonJsonContentTypeThroughWhateverTheBody() {
        assertEquals(PASS, decide(200, "text/html", null, OBJECT));
        assertEquals(PASS, decide(200, "text/plain", "gzip", "x"));
    }

    @Test
    void passesAnEmptyBodyThrough() {
        assertEquals(PASS, decide(200, "application/json", null, ""));
        assertEquals(PASS, decide(200, null, null, ""));
        assertEquals(PASS, decide(200, "application/json", "gzip", ""));
    }

    @Test
    void handsAnyNonEmptyJsonTypedBodyToTheSignerWhichJudgesIt() {
        assertEquals(new Outcome.Sign("[1]"), decide(200, "application/json", null, "[1]"));
    }

    @Test
    void signsABodyWithoutContentTypeThatStartsWithABrace() {
        assertEquals(new Outcome.Sign(" \n" + OBJECT), decide(200, null, null, " \n" + OBJECT));
        assertEquals(new Outcome.Sign("{ not json"), decide(200, "", null, "{ not json"));
    }

    @Test
    void passesABodyWithoutContentTypeThatDoesNotStartWithABraceThrough() {
        assertEquals(PASS, decide(200, null, null, "[" + OBJECT + "]"));
        assertEquals(PASS, decide(200, null, null, "hello"));
        assertEquals(PASS, decide(200, null, null, false, false, new byte[] {'x', (byte) 0xFF}));
    }

    @Test
    void failsClosedOnInvalidBytesWithoutContentTypeThatStartWithABrace() {
        Outcome d = decide(200, null, null, false, false, new byte[] {'{', (byte) 0xFF, '}'});

        // A FailClosed carries no text to sign.
        assertEquals(Reason.INVALID_ENCODING, failure(d).reason());
    }

    @Test
    void failsClosedOnInvalidBytesWithAJsonType() {
        Outcome d = decide(200, "application/json", null, false, false, new byte[] {'[', (byte) 0xFF});

        assertEquals(Reason.INVALID_ENCODING, failure(d).reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "br", "deflate, gzip"})
    void failsClosedOnACompressedBodyToSign(String encoding) {
        Outcome d = decide(200, "application/json", encoding, OBJECT);

        assertEquals(Reason.UNSUPPORTED_RESPONSE, failure(d).reason());
        assertEquals("the response has Content-Encoding [" + encoding + "]; expected an uncompressed body to sign",
                failure(d).getMessage());
    }

    @Test
    void treatsIdentityContentEncodingAsUncompressed() {
        assertEquals(new Outcome.Sign(OBJECT), decide(200, "application/json", "identity", OBJECT));
    }

    @Test
    void failsClosedWhenTheRequestWentAsynchronousWhateverTheStatus() {
        Outcome d = decide(401, "text/plain", null, true, false, new byte[0]);

        assertEquals(Reason.UNSUPPORTED_RESPONSE, failure(d).reason());
        assertEquals("the request went asynchronous (isAsyncStarted() after the filter chain returned); expected a"
                + " login servlet that answers before it returns", failure(d).getMessage());
    }

    @Test
    void failsClosedWhenTheBodyWasDroppedOverTheLimit() {
        Outcome d = decide(200, "application/json", null, false, true, new byte[0]);

        assertEquals(Reason.TOO_LARGE, failure(d).reason());
        assertEquals("the response body is larger than max_body_bytes [100] bytes; expected a smaller token"
                + " response or a larger max_body_bytes", failure(d).getMessage());
        assertEquals("FailClosed (TOO_LARGE)", d.toString());
    }

    // ---- the body is no longer held, or the response can no longer be written ------------------------------

    @ParameterizedTest(name = "status {0}, committed {1}")
    @CsvSource({"200, true", "302, false", "302, true", "401, false", "500, true"})
    void passesAResponseTheContainerTookOver(int status, boolean committed) {
        assertEquals(PASS, decide(Capture.HANDED_OVER, committed, false, status));
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 204, 299})
    void failsClosedOnAHandOverTheContainerDidNotTake(int status) {
        Outcome d = decide(Capture.HANDED_OVER, false, true, status);

        assertEquals(Reason.UNSUPPORTED_RESPONSE, failure(d).reason());
        assertEquals("the servlet called sendError or sendRedirect, yet the response is still an uncommitted ["
                + status + "]; expected the container to take the response over", failure(d).getMessage());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void passesABodyThatStreamedWhateverElseIsTrue(boolean committed) {
        assertEquals(PASS, decide(Capture.STREAMED, committed, true, 200));
    }

    @ParameterizedTest
    @EnumSource(value = Capture.class, names = {"HELD", "OVER_LIMIT"})
    void leavesASuspendedResponseToTheContainerBeforeAnyOtherRule(Capture capture) {
        assertEquals(new Outcome.Suspended(), decide(capture, true, true, 200));
    }

    @ParameterizedTest
    @EnumSource(value = Capture.class, names = {"HELD", "OVER_LIMIT"})
    void leavesAResponseCommittedBehindTheFiltersBackAsItIs(Capture capture) {
        assertEquals(new Outcome.AlreadyCommitted(), decide(capture, true, false, 200));
    }

    // ---- what the capture asks while the servlet writes ----------------------------------------------------

    @ParameterizedTest(name = "status {0}, Content-Type {1}: {2}")
    @CsvSource(value = {"200, application/json, true", "299, NULL, true", "201, '', true",
        "204, application/problem+json;charset=UTF-8, true", "200, text/html, false", "199, NULL, false",
        "300, application/json, false", "500, NULL, false"}, nullValues = "NULL")
    void mayBeSignedOnlyWhenTwoHundredsAndJsonOrUntyped(int status, String type, boolean expected) {
        assertEquals(expected, ResponseDecision.mayBeSigned(status, type));
    }
}
