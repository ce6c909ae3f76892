package io.github.jwtsigner.internal.servlet;

import io.github.jwtsigner.internal.json.JsonPointer;
import io.github.jwtsigner.SignerConfig;
import io.github.jwtsigner.SigningAlgorithm;
import io.github.jwtsigner.internal.keys.SigningKeys;
import io.github.jwtsigner.internal.jws.PayloadSigner;
import io.github.jwtsigner.internal.jws.TokenSigner;
import io.github.jwtsigner.testing.RecordingLogger;
import io.github.jwtsigner.testing.RecordingResponse;
import io.github.jwtsigner.testing.Sim2Tokens;
import io.github.jwtsigner.testing.TestRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HexFormat;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A 2xx without a Content-Type whose body is binary, not text: a download or a record behind the login URL
 * (a legacy servlet that never sets a type). Such a body is passed through untouched; the UTF-16/UTF-32
 * detection must not take it for a JSON object because a big-endian length of 123 (or a run of whitespace
 * code units before it) puts a zero byte next to {@code 0x7B} in its first bytes.
 */
class UntypedBinaryBodyTest {
    private static final SignerConfig CONFIG = SignerConfig.builder().alg(SigningAlgorithm.HS256).kid("sim2")
            .keysToSign("access_token").jwkLocalPath("classpath:" + Sim2Tokens.RESOURCE).build();
    private static final TokenSigner SIM2 = SigningKeys.load(CONFIG, Sim2Tokens.jwkSetJson(), "test key set");

    static Stream<String> binaries() {
        return Stream.of(
                // A 32-bit big-endian record length of 123, then binary data.
                "0000007b89504e470d0a1a0a00ff",
                // A 16-bit big-endian count of 123, then binary data.
                "007bfe01c0ffee",
                // A 32-bit big-endian field of 32 (JSON whitespace in UTF-32), then a length of 123.
                "000000200000007b80818283",
                // A 16-bit little-endian header word of 0x2000, then 123.
                "20007b00deadbeef");
    }

    @ParameterizedTest
    @MethodSource("binaries")
    void aBinaryBodyWithoutAContentTypeIsPassedThrough(String hex) throws Exception {
        byte[] body = HexFormat.of().parseHex(hex);
        RecordingResponse real = new RecordingResponse();
        new ResponseSigning(new PayloadSigner(JsonPointer.parseAll(CONFIG.keysToSign()), () -> SIM2), 1024, new RecordingLogger())
                .handle(TestRequest.post("/download"), real, (req, res) -> {
                    HttpServletResponse resp = (HttpServletResponse) res;
                    resp.setStatus(200);
                    resp.getOutputStream().write(body);
                    real.markServletReturned();
                });

        assertEquals(200, real.getStatus(), () -> "failed closed: " + real.snapshot());
        assertArrayEquals(body, real.bodyBytes());
    }
}
