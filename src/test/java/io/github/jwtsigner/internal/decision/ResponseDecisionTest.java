package io.github.jwtsigner.internal.decision;

import io.github.jwtsigner.SigningException.Reason;
import io.github.jwtsigner.internal.decision.ResponseDecision.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ResponseDecisionTest {
    private static final String OBJECT = "{\"access_token\":{\"sub\":\"1\"}}";

    private static ResponseDecision decide(int status, String type, String encoding, String body) {
        return decide(status, type, encoding, false, false, body.getBytes(UTF_8));
    }

    private static ResponseDecision decide(int status, String type, String encoding, boolean async,
            boolean overLimit, byte[] body) {
        return ResponseDecision.decide(new ResponseFacts(status, type, encoding, async, overLimit, body.length, 100),
                new BodyDecoder(body, false, false, null));
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 199, 301, 304, 400, 401, 403, 500, 503})
    void passesEveryStatusOutsideTwoHundredsThrough(int status) {
        assertEquals(Outcome.PASS_THROUGH, decide(status, "application/json", null, OBJECT).outcome());
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 202, 299})
    void signsAJsonObjectWithAnyTwoHundredStatus(int status) {
        ResponseDecision d = decide(status, "application/json", null, OBJECT);

        assertEquals(Outcome.SIGN, d.outcome());
        assertEquals(OBJECT, d.text());
    }

    @Test
    void passesANonJsonContentTypeThroughWhateverTheBody() {
        assertEquals(Outcome.PASS_THROUGH, decide(200, "text/html", null, OBJECT).outcome());
        assertEquals(Outcome.PASS_THROUGH, decide(200, "text/plain", "gzip", "x").outcome());
    }

    @Test
    void passesAnEmptyBodyThrough() {
        assertEquals(Outcome.PASS_THROUGH, decide(200, "application/json", null, "").outcome());
        assertEquals(Outcome.PASS_THROUGH, decide(200, null, null, "").outcome());
        assertEquals(Outcome.PASS_THROUGH, decide(200, "application/json", "gzip", "").outcome());
    }

    @Test
    void handsAnyNonEmptyJsonTypedBodyToTheSignerWhichJudgesIt() {
        ResponseDecision d = decide(200, "application/json", null, "[1]");

        assertEquals(Outcome.SIGN, d.outcome());
        assertEquals("[1]", d.text());
    }

    @Test
    void signsABodyWithoutContentTypeThatStartsWithABrace() {
        assertEquals(Outcome.SIGN, decide(200, null, null, " \n" + OBJECT).outcome());
        assertEquals(Outcome.SIGN, decide(200, "", null, "{ not json").outcome());
    }

    @Test
    void passesABodyWithoutContentTypeThatDoesNotStartWithABraceThrough() {
        assertEquals(Outcome.PASS_THROUGH, decide(200, null, null, "[" + OBJECT + "]").outcome());
        assertEquals(Outcome.PASS_THROUGH, decide(200, null, null, "hello").outcome());
        assertEquals(Outcome.PASS_THROUGH, decide(200, null, null, false, false, new byte[] {'x', (byte) 0xFF})
                .outcome());
    }

    @Test
    void failsClosedOnInvalidBytesWithoutContentTypeThatStartWithABrace() {
        ResponseDecision d = decide(200, null, null, false, false, new byte[] {'{', (byte) 0xFF, '}'});

        assertEquals(Outcome.FAIL_CLOSED, d.outcome());
        assertEquals(Reason.INVALID_ENCODING, d.failure().reason());
        assertNull(d.text());
    }

    @Test
    void failsClosedOnInvalidBytesWithAJsonType() {
        ResponseDecision d = decide(200, "application/json", null, false, false, new byte[] {'[', (byte) 0xFF});

        assertEquals(Reason.INVALID_ENCODING, d.failure().reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "br", "deflate, gzip"})
    void failsClosedOnACompressedBodyToSign(String encoding) {
        ResponseDecision d = decide(200, "application/json", encoding, OBJECT);

        assertEquals(Outcome.FAIL_CLOSED, d.outcome());
        assertEquals(Reason.UNSUPPORTED_RESPONSE, d.failure().reason());
        assertEquals("the response has Content-Encoding [" + encoding + "]; expected an uncompressed body to sign",
                d.failure().getMessage());
    }

    @Test
    void treatsIdentityContentEncodingAsUncompressed() {
        assertEquals(Outcome.SIGN, decide(200, "application/json", "identity", OBJECT).outcome());
    }

    @Test
    void failsClosedWhenTheRequestWentAsynchronousWhateverTheStatus() {
        ResponseDecision d = decide(401, "text/plain", null, true, false, new byte[0]);

        assertEquals(Outcome.FAIL_CLOSED, d.outcome());
        assertEquals(Reason.UNSUPPORTED_RESPONSE, d.failure().reason());
        assertEquals("the request went asynchronous (isAsyncStarted() after the filter chain returned); expected a"
                + " login servlet that answers before it returns", d.failure().getMessage());
    }

    @Test
    void failsClosedWhenTheBodyWasDroppedOverTheLimit() {
        ResponseDecision d = decide(200, "application/json", null, false, true, new byte[0]);

        assertEquals(Reason.TOO_LARGE, d.failure().reason());
        assertEquals("the response body is larger than max_body_bytes [100] bytes; expected a smaller token"
                + " response or a larger max_body_bytes", d.failure().getMessage());
        assertEquals("FAIL_CLOSED (TOO_LARGE)", d.toString());
    }
}
