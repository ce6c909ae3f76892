package io.github.jwtsigner.example;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Hs256TokenVerifierTest {
    private static final Path PLAYGROUND_JWK = Path.of("src/main/webapp/WEB-INF/jwk/symmetric.json");

    private final String jwkSet = read(PLAYGROUND_JWK);
    private final Hs256TokenVerifier verifier = Hs256TokenVerifier.fromJwkSet(jwkSet, "sim2");

    @Test
    void acceptsATokenSignedWithTheSameKeyByAnotherLibrary() throws Exception {
        String token = sign("sim2", JWSAlgorithm.HS256, "sim2");

        assertEquals("1001", verifier.verify(token).orElseThrow().get("sub").getAsString());
    }

    @Test
    void refusesATokenWithAChangedPayload() throws Exception {
        String[] parts = sign("sim2", JWSAlgorithm.HS256, "sim2").split("\\.");
        String forged = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"sub\":\"1002\",\"jti\":\"j\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertTrue(verifier.verify(parts[0] + "." + forged + "." + parts[2]).isEmpty());
    }

    @Test
    void refusesATokenThatNamesAnotherKid() throws Exception {
        assertTrue(verifier.verify(sign("sim2", JWSAlgorithm.HS256, "other")).isEmpty());
    }

    @Test
    void refusesAnotherAlgorithmEvenWithTheSameKey() throws Exception {
        assertTrue(verifier.verify(sign("sim2", JWSAlgorithm.HS512, "sim2")).isEmpty());
    }

    @Test
    void refusesGarbage() {
        assertTrue(verifier.verify("not-a-token").isEmpty());
        assertTrue(verifier.verify("a.b.c").isEmpty());
        assertTrue(verifier.verify("").isEmpty());
    }

    @Test
    void namesTheKidsThereWhenTheKidIsMissing() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Hs256TokenVerifier.fromJwkSet(jwkSet, "sim3"));

        assertEquals("kid [sim3] not found in JWK Set; kids there: [sim1, sim2]", e.getMessage());
    }

    @Test
    void refusesAKeyShorterThanTheHash() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Hs256TokenVerifier.fromJwkSet(jwkSet, "sim1"));

        assertEquals("key [sim1] is [128] bits long; expected at least 256 for HS256", e.getMessage());
    }

    @Test
    void toStringShowsTheKidOnly() {
        assertEquals("Hs256TokenVerifier[kid=sim2]", verifier.toString());
    }

    private String sign(String keyId, JWSAlgorithm alg, String headerKid) throws Exception {
        OctetSequenceKey key = (OctetSequenceKey) JWKSet.parse(jwkSet).getKeyByKeyId(keyId);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(headerKid).type(JOSEObjectType.JWT).build(),
                new JWTClaimsSet.Builder().subject("1001").jwtID("j").build());
        jwt.sign(new MACSigner(key));
        return jwt.serialize();
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
