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
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.Charset;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A 200 without a Content-Type whose body is the claims in UTF-16 (RFC 7159 JSON, with or without a byte order
 * mark) is not valid UTF-8, so the filter takes it for "not JSON at all" and passes it through. Jackson's and
 * Python's JSON readers detect UTF-16 from the first bytes and read the plain claims.
 */
class UntypedUtf16BodyTest {
    private static final String CLAIMS = "{\"access_token\":{\"sub\":\"alice-plain\",\"exp\":1735689600}}";
    private static final SignerConfig CONFIG = SignerConfig.builder().alg(SigningAlgorithm.HS256).kid("sim2")
            .keysToSign("access_token").jwkLocalPath("classpath:" + Sim2Tokens.RESOURCE).build();
    private static final TokenSigner SIM2 = SigningKeys.load(CONFIG, Sim2Tokens.jwkSetJson(), "test key set");

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16", "UTF-16BE", "UTF-16LE"})
    void doesNotPassUtf16ClaimsThroughUnsigned(String charset) throws Exception {
        ResponseSigning signing = new ResponseSigning(new PayloadSigner(JsonPointer.parseAll(CONFIG.keysToSign()), () -> SIM2), 1 << 20,
                new RecordingLogger());
        RecordingResponse real = new RecordingResponse();
        signing.handle(new TestRequest("POST", "/token"), real, (req, res) -> {
            HttpServletResponse resp = (HttpServletResponse) res;
            resp.setStatus(200);
            // "UTF-16" writes a byte order mark; the others do not.
            resp.getOutputStream().write(CLAIMS.getBytes(Charset.forName(charset)));
            real.markServletReturned();
        });

        String asUtf16 = real.bodyText(Charset.forName(charset));
        assertFalse(asUtf16.contains("alice-plain"), () -> "the unsigned claims went out in " + charset + ": "
                + real.snapshot());
    }
}
