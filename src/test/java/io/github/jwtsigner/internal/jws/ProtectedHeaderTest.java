package io.github.jwtsigner.internal.jws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.jwtsigner.SigningAlgorithm;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ProtectedHeaderTest {
    private static String header(SigningAlgorithm alg, String kid, String typ) {
        return new String(ProtectedHeader.json(alg, kid, typ), StandardCharsets.UTF_8);
    }

    @Test
    void writesAlgKidTypInThatOrderWithoutSpaces() {
        assertEquals("{\"alg\":\"HS256\",\"kid\":\"sim2\",\"typ\":\"JWT\"}",
                header(SigningAlgorithm.HS256, "sim2", "JWT"));
        assertEquals("{\"alg\":\"EdDSA\",\"kid\":\"k\",\"typ\":\"at+jwt\"}",
                header(SigningAlgorithm.EdDSA, "k", "at+jwt"));
    }

    @Test
    void escapesKidAndTypAsGoDoes() {
        assertEquals("{\"alg\":\"ES256\",\"kid\":\"a\\\"b\\\\c\\u003c\\u2028é\",\"typ\":\"\\u0026\\n\"}",
                header(SigningAlgorithm.ES256, "a\"b\\c<\u2028é", "&\n"));
    }

    @Test
    void writesUtf8Bytes() {
        byte[] json = ProtectedHeader.json(SigningAlgorithm.HS256, "é", "JWT");

        assertEquals("{\"alg\":\"HS256\",\"kid\":\"é\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8).length,
                json.length);
    }

    @Test
    void namesTheMemberWithALoneSurrogate() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProtectedHeader.json(SigningAlgorithm.HS256, "ok", "JWT\uD800"));

        assertEquals("typ string holds a lone surrogate, which has no UTF-8 form; expected well-formed Unicode text", e.getMessage());
    }
}
