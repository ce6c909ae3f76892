package io.github.jwtsigner.internal.jws;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.jwtsigner.InvalidConfigurationException;
import io.github.jwtsigner.SigningAlgorithm;
import io.github.jwtsigner.SigningException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

class JwsTokenSignerTest {
    /** kid sim2 of KrakenD's sample set (krakend-symmetric-jwk.json). */
    private static final byte[] SIM2 = Base64.getUrlDecoder()
            .decode("AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow");
    private static final byte[] PAYLOAD = ("{\"aud\":\"http://api.example.com\",\"exp\":1735689600,"
            + "\"iss\":\"https://krakend.io\",\"jti\":\"mnb23vcsrt756yuiomnbvcx98ertyuiop\","
            + "\"roles\":[\"role_a\",\"role_b\"],\"sub\":\"1234567890qwertyuio\"}").getBytes(StandardCharsets.UTF_8);
    private static final String HEADER = "eyJhbGciOiJIUzI1NiIsImtpZCI6InNpbTIiLCJ0eXAiOiJKV1QifQ";
    private static final String CLAIMS = "eyJhdWQiOiJodHRwOi8vYXBpLmV4YW1wbGUuY29tIiwiZXhwIjoxNzM1Njg5NjAwLCJpc3MiOiJ"
            + "odHRwczovL2tyYWtlbmQuaW8iLCJqdGkiOiJtbmIyM3Zjc3J0NzU2eXVpb21uYnZjeDk4ZXJ0eXVpb3AiLCJyb2xlcyI6WyJyb2xlX2E"
            + "iLCJyb2xlX2IiXSwic3ViIjoiMTIzNDU2Nzg5MHF3ZXJ0eXVpbyJ9";
    private static final String SIGNATURE = "-yLJg9QzQeVLEYIGYQneWfsSrQRAUf2JHgtKdvlL1nY";

    @Test
    void signsTheKrakendVectorCompact() {
        JwsTokenSigner signer = new JwsTokenSigner(SigningAlgorithm.HS256, "sim2", "JWT", false,
                Signatures.hmac(SigningAlgorithm.HS256, SIM2));

        assertEquals(HEADER + "." + CLAIMS + "." + SIGNATURE, signer.sign(PAYLOAD));
    }

    @Test
    void signsTheKrakendVectorAsFlattenedJson() {
        JwsTokenSigner signer = new JwsTokenSigner(SigningAlgorithm.HS256, "sim2", "JWT", true,
                Signatures.hmac(SigningAlgorithm.HS256, SIM2));

        assertEquals("{\"payload\":\"" + CLAIMS + "\",\"protected\":\"" + HEADER + "\",\"signature\":\"" + SIGNATURE
                + "\"}", signer.sign(PAYLOAD));
    }

    @Test
    void passesTheEncodedHeaderAndPayloadToTheSignatureFunction() {
        List<String> seen = new ArrayList<>();
        SignatureFunction recording = (h, p) -> {
            seen.add(new String(h, StandardCharsets.US_ASCII));
            seen.add(new String(p, StandardCharsets.US_ASCII));
            return new byte[] {(byte) 0xfb, (byte) 0xff};
        };
        JwsTokenSigner signer = new JwsTokenSigner(SigningAlgorithm.HS256, "sim2", "JWT", false, recording);

        String token = signer.sign(PAYLOAD);

        assertEquals(List.of(HEADER, CLAIMS), seen);
        assertEquals(HEADER + "." + CLAIMS + ".-_8", token);
    }

    @Test
    void encodesAnEmptyPayload() {
        JwsTokenSigner signer = new JwsTokenSigner(SigningAlgorithm.HS256, "sim2", "JWT", false, (h, p) -> new byte[0]);

        assertEquals(HEADER + "..", signer.sign(new byte[0]));
    }

    @Test
    void escapesTheKidInTheHeaderAsGoDoes() {
        JwsTokenSigner signer = new JwsTokenSigner(SigningAlgorithm.RS256, "a<b>\"", "JWT", false,
                (h, p) -> new byte[1]);
        String header = signer.sign(new byte[0]).split("\\.")[0];

        assertArrayEquals("{\"alg\":\"RS256\",\"kid\":\"a\\u003cb\\u003e\\\"\",\"typ\":\"JWT\"}"
                .getBytes(StandardCharsets.UTF_8), Base64.getUrlDecoder().decode(header));
    }

    @Test
    void rejectsAKidWithALoneSurrogateAtConstruction() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> new JwsTokenSigner(SigningAlgorithm.HS256, "k\uDC00", "JWT", false, (h, p) -> new byte[1]));

        assertEquals(List.of("kid string holds a lone surrogate, which has no UTF-8 form; expected well-formed Unicode text"),
                e.problems());
    }

    @Test
    void letsASigningFailureThrough() {
        SigningException failure = new SigningException(SigningException.Reason.SIGNATURE_FAILED, "boom");
        JwsTokenSigner signer = new JwsTokenSigner(SigningAlgorithm.HS256, "sim2", "JWT", false, (h, p) -> {
            throw failure;
        });

        assertSame(failure, assertThrows(SigningException.class, () -> signer.sign(PAYLOAD)));
    }

    @Test
    void exposesItsSettings() {
        JwsTokenSigner signer = new JwsTokenSigner(SigningAlgorithm.PS256, "k1", "at+jwt", true, (h, p) -> new byte[1]);

        assertEquals(SigningAlgorithm.PS256, signer.alg());
        assertEquals("k1", signer.kid());
        assertEquals("at+jwt", signer.typ());
        assertEquals(true, signer.full());
        assertEquals("JwsTokenSigner{alg=PS256, kid=k1, typ=at+jwt, full=true}", signer.toString());
    }
}
