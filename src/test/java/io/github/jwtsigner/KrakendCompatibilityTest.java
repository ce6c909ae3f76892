package io.github.jwtsigner;

import io.github.jwtsigner.internal.json.JsonPointer;
import io.github.jwtsigner.internal.keys.SigningKeys;
import io.github.jwtsigner.internal.jws.PayloadSigner;
import io.github.jwtsigner.internal.jws.TokenSigner;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The whole core, from the login body KrakenD's documentation shows to the signed body, against the token
 * KrakenD issues for the same claims and key (kid sim2 of its playground).
 */
class KrakendCompatibilityTest {
    private static final String LOGIN_BODY = "{\n"
            + "    \"access_token\": {\n"
            + "        \"aud\": \"http://api.example.com\",\n"
            + "        \"iss\": \"https://krakend.io\",\n"
            + "        \"sub\": \"1234567890qwertyuio\",\n"
            + "        \"jti\": \"mnb23vcsrt756yuiomnbvcx98ertyuiop\",\n"
            + "        \"roles\": [\"role_a\", \"role_b\"],\n"
            + "        \"exp\": 1735689600\n"
            + "    },\n"
            + "    \"exp\": 1735689600\n"
            + "}";

    private static final String KRAKEND_HEADER = "eyJhbGciOiJIUzI1NiIsImtpZCI6InNpbTIiLCJ0eXAiOiJKV1QifQ";
    private static final String KRAKEND_PAYLOAD = "eyJhdWQiOiJodHRwOi8vYXBpLmV4YW1wbGUuY29tIiwiZXhwIjoxNzM1Njg5NjAwLCJp"
            + "c3MiOiJodHRwczovL2tyYWtlbmQuaW8iLCJqdGkiOiJtbmIyM3Zjc3J0NzU2eXVpb21uYnZjeDk4ZXJ0eXVpb3AiLCJyb2xlcyI6WyJyb2"
            + "xlX2EiLCJyb2xlX2IiXSwic3ViIjoiMTIzNDU2Nzg5MHF3ZXJ0eXVpbyJ9";
    private static final String KRAKEND_SIGNATURE = "-yLJg9QzQeVLEYIGYQneWfsSrQRAUf2JHgtKdvlL1nY";

    @Test
    void signsThePlaygroundClaimsExactlyAsKrakendDoes() throws IOException {
        String signed = signer(false).sign(LOGIN_BODY);

        String token = KRAKEND_HEADER + "." + KRAKEND_PAYLOAD + "." + KRAKEND_SIGNATURE;
        assertEquals(LOGIN_BODY.replaceFirst("(?s)\\{\\n        \"aud\".*?\\n    }", "\"" + token + "\""), signed);
        assertEquals("{\"alg\":\"HS256\",\"kid\":\"sim2\",\"typ\":\"JWT\"}", decode(KRAKEND_HEADER));
    }

    @Test
    void fullSerializationHoldsTheSameThreePartsAsAJsonString() throws IOException {
        String signed = signer(true).sign(LOGIN_BODY);

        String flattened = "{\"payload\":\"" + KRAKEND_PAYLOAD + "\",\"protected\":\"" + KRAKEND_HEADER
                + "\",\"signature\":\"" + KRAKEND_SIGNATURE + "\"}";
        String asJsonString = "\"" + flattened.replace("\"", "\\\"") + "\"";
        assertEquals(LOGIN_BODY.replaceFirst("(?s)\\{\\n        \"aud\".*?\\n    }",
                java.util.regex.Matcher.quoteReplacement(asJsonString)), signed);
    }

    private static PayloadSigner signer(boolean full) throws IOException {
        SignerConfig config = SignerConfig.builder()
                .alg("HS256")
                .kid("sim2")
                .keysToSign("access_token")
                .jwkLocalPath("krakend-symmetric-jwk.json")
                .full(full)
                .build();
        String jwks;
        try (InputStream in = KrakendCompatibilityTest.class.getResourceAsStream("/jwk/krakend-symmetric-jwk.json")) {
            jwks = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        TokenSigner tokenSigner = SigningKeys.load(config, jwks, config.keySource().description());
        return new PayloadSigner(JsonPointer.parseAll(config.keysToSign()), () -> tokenSigner);
    }

    private static String decode(String b64) {
        return new String(Base64.getUrlDecoder().decode(b64), StandardCharsets.UTF_8);
    }
}
