package io.github.jwtsigner.internal.jws;

import io.github.jwtsigner.SignerConfig;
import io.github.jwtsigner.internal.keys.SigningKeys;
import io.github.jwtsigner.internal.settings.InitParamsReader;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code signature_provider} from an init-param down to the tokens: ACCP signs, an unknown name falls back, an
 * HMAC key never asks for it.
 */
class SignatureProviderSettingTest {
    private static final String CLAIMS = "{\"sub\":\"42\"}";

    @Test
    void accpSignsEs256TokensThatVerify() throws Exception {
        List<String> log = capture(() -> {
            TokenSigner signer = load("ACCP");
            assertTrue(verifies(signer.sign(CLAIMS.getBytes(StandardCharsets.UTF_8))));
        });
        assertTrue(log.stream().noneMatch(l -> l.contains("signature_provider")), log.toString());
    }

    @Test
    void anUnknownProviderFallsBackToTheJdkAndSaysSo() throws Exception {
        List<String> log = capture(() -> {
            TokenSigner signer = load("com.example.NoSuchProvider");
            assertTrue(verifies(signer.sign(CLAIMS.getBytes(StandardCharsets.UTF_8))));
        });
        assertTrue(log.stream().anyMatch(l -> l.startsWith("WARNING signature_provider [com.example.NoSuchProvider]"
                + " cannot be loaded")), log.toString());
    }

    @Test
    void anHmacKeyNeverLoadsTheProvider() throws Exception {
        SignerConfig config = InitParamsReader.read(Map.of("alg", "HS256", "kid", "k", "keys_to_sign", "access_token",
                "jwk_local_path", "k.json", "signature_provider", "com.example.NoSuchProvider"), List.of(), "test");

        List<String> log = capture(() -> Signatures.tokenSigner(config, "k", new byte[32], "kid [k]")
                .sign(CLAIMS.getBytes(StandardCharsets.UTF_8)));

        assertEquals(List.of(), log);
    }

    @Test
    void theSettingIsReadFromInitParams() {
        SignerConfig config = config("ACCP");
        assertEquals("ACCP", config.signatureProvider().orElseThrow());
        assertTrue(config.toString().contains("signature_provider=ACCP"));
    }

    private static SignerConfig config(String provider) {
        return InitParamsReader.read(Map.of("alg", "ES384", "kid", "gen-p384", "keys_to_sign", "access_token",
                "jwk_local_path", "generated-signing-keys.json", "signature_provider", provider), List.of(), "test");
    }

    private static TokenSigner load(String provider) throws Exception {
        SignerConfig config = config(provider);
        return SigningKeys.load(config, jwks(), config.keySource().description());
    }

    private static String jwks() throws Exception {
        try (InputStream in = SignatureProviderSettingTest.class.getResourceAsStream("/jwk/generated-signing-keys.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static boolean verifies(String token) throws Exception {
        JsonWebKey key = new JsonWebKeySet(jwks()).findJsonWebKey("gen-p384", null, null, null);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(token);
        jws.setKey(key.getKey());
        return jws.verifySignature() && CLAIMS.equals(jws.getPayload()) && "ES384".equals(jws.getAlgorithmHeaderValue());
    }

    private interface Action {
        void run() throws Exception;
    }

    private static List<String> capture(Action action) throws Exception {
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                lines.add(r.getLevel() + " " + r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger jul = Logger.getLogger("io.github.jwtsigner");
        jul.addHandler(handler);
        try {
            action.run();
        } finally {
            jul.removeHandler(handler);
        }
        return lines;
    }
}
