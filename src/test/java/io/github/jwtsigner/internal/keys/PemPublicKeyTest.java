package io.github.jwtsigner.internal.keys;

import io.github.jwtsigner.InvalidConfigurationException;
import io.github.jwtsigner.JwtSignerFilter;
import io.github.jwtsigner.JwtValidatorFilter;
import io.github.jwtsigner.testing.RecordingResponse;
import io.github.jwtsigner.testing.TestFilterConfig;
import io.github.jwtsigner.testing.TestRequest;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A PEM {@code PUBLIC KEY} block: read for the validator ({@link PemKeyReader#readForVerifying}), refused with a
 * clear message for the signer ({@link PemKeyReader#read}).
 */
class PemPublicKeyTest {
    private static final String SOURCE = "pem_local_path [WEB-INF/verify.pem]";
    private static final String FOR_VERIFYING = "expected one -----BEGIN PUBLIC KEY----- block (openssl pkey -pubout"
            + " writes it), or one unencrypted PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY block";

    private static String failsForVerifying(byte[] file) {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> PemKeyReader.readForVerifying(file, SOURCE));
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.problems().get(0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"rsa-public.pem, RSA", "ec-public.pem, EC", "ed25519-public.pem, Ed25519"})
    void readsTheOnePublicKeyOfAFileForTheValidator(String file, String type) {
        PemKeyReader.PemKey key = PemKeyReader.readForVerifying(KeyFixtures.bytes(file), SOURCE);
        assertAll(
                () -> assertNull(key.privateKey()),
                () -> assertEquals(KeyFixtures.publicKey(file, type), key.publicKey()),
                () -> assertEquals(key.publicKey(), key.key()),
                () -> assertTrue(key.toString().endsWith(", public]"), key.toString()));
    }

    @Test
    void readsAPrivateKeyForTheValidatorToo() {
        PemKeyReader.PemKey key = PemKeyReader.readForVerifying(KeyFixtures.bytes("ec-sec1.pem"), SOURCE);
        assertNotNull(key.privateKey());
        assertEquals(KeyFixtures.publicKey("ec-public.pem", "EC"), key.publicKey());
        byte[] both = (KeyFixtures.text("rsa-public.pem") + KeyFixtures.text("rsa-pkcs8.pem"))
                .getBytes(StandardCharsets.US_ASCII);
        assertNotNull(PemKeyReader.readForVerifying(both, SOURCE).privateKey(), "a private key wins");
    }

    @Test
    void theSignerRefusesAPublicKeySayingWhy() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> PemKeyReader.read(KeyFixtures.bytes("rsa-public.pem"), SOURCE));
        assertEquals(List.of(SOURCE + " holds a public key [PUBLIC KEY] but no private key, and signing needs the"
                + " private key; expected one unencrypted -----BEGIN PRIVATE KEY----- (PKCS#8), RSA PRIVATE KEY"
                + " (PKCS#1) or EC PRIVATE KEY (SEC1) block (the public key is for those who verify the tokens)"),
                e.problems());
    }

    @Test
    void refusesTwoPublicKeysAndAFileWithNoKey() {
        byte[] two = (KeyFixtures.text("rsa-public.pem") + KeyFixtures.text("ec-public.pem"))
                .getBytes(StandardCharsets.US_ASCII);
        assertEquals(SOURCE + " holds 2 public keys; expected exactly one (a JWK Set, with jwk_local_path, holds"
                + " several)", failsForVerifying(two));
        assertEquals(SOURCE + " holds no key; blocks there: [CERTIFICATE]; " + FOR_VERIFYING,
                failsForVerifying(KeyFixtures.pem("CERTIFICATE", new byte[] {0x30, 0})));
        assertEquals(SOURCE + " holds no key (no PEM block at all); " + FOR_VERIFYING,
                failsForVerifying("ssh-ed25519 AAAA".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void namesAPublicKeyOfAnAlgorithmItCannotUse() throws Exception {
        byte[] ed448 = KeyPairGenerator.getInstance("Ed448").generateKeyPair().getPublic().getEncoded();
        assertEquals(SOURCE + " holds a [PUBLIC KEY] key of algorithm [1.3.101.113] (an Ed448 key; EdDSA tokens here"
                + " are Ed25519), which is not supported; expected RSA [1.2.840.113549.1.1.1], EC [1.2.840.10045.2.1]"
                + " or Ed25519 [1.3.101.112]", failsForVerifying(KeyFixtures.pem("PUBLIC KEY", ed448)));
        byte[] dsa = KeyPairGenerator.getInstance("DSA").generateKeyPair().getPublic().getEncoded();
        assertTrue(failsForVerifying(KeyFixtures.pem("PUBLIC KEY", dsa)).startsWith(SOURCE + " holds a [PUBLIC KEY]"
                + " key of algorithm [1.2.840.10040.4.1] (a DSA key, which JWS does not use), which is not"
                + " supported;"));
    }

    @Test
    void refusesABrokenPublicKeyWithoutQuotingIt() {
        byte[] der = java.util.Arrays.copyOf(KeyFixtures.publicKey("rsa-public.pem", "RSA").getEncoded(), 100);
        assertEquals(SOURCE + " holds a [PUBLIC KEY] block that is not a valid key: the SubjectPublicKeyInfo is cut"
                + " short; " + FOR_VERIFYING, failsForVerifying(KeyFixtures.pem("PUBLIC KEY", der)));
        assertEquals(SOURCE + " holds a [PUBLIC KEY] block that is not valid base64; " + FOR_VERIFYING,
                failsForVerifying("-----BEGIN PUBLIC KEY-----\nMII!!\n-----END PUBLIC KEY-----\n"
                        .getBytes(StandardCharsets.US_ASCII)));
    }

    /** Through the filter: a token signed by jose4j with the private key passes a validator given the public one. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"RS256, rsa-pkcs8.pem, rsa-public.pem", "ES256, ec-pkcs8.pem, ec-public.pem",
        "EdDSA, ed25519-pkcs8.pem, ed25519-public.pem"})
    void aValidatorWithThePublicKeyAcceptsTokensOfThePrivateOne(String alg, String privatePem, String publicPem)
            throws Exception {
        PrivateKey signing = PemKeyReader.read(KeyFixtures.bytes(privatePem), "test").privateKey();
        JwtValidatorFilter filter = new JwtValidatorFilter();
        filter.init(new TestFilterConfig(Map.of("alg", alg, "pem_local_path", "WEB-INF/verify.pem", "kid", "v1"),
                Map.of("/WEB-INF/verify.pem", KeyFixtures.text(publicPem))));
        try {
            RecordingResponse response = new RecordingResponse();
            AtomicReference<HttpServletRequest> seen = new AtomicReference<>();
            filter.doFilter(new TestRequest("GET", "/api").withHeader("Authorization", "Bearer "
                    + token(alg, signing)), response, (req, res) -> seen.set((HttpServletRequest) req));
            assertNotNull(seen.get(), response.getHeader("WWW-Authenticate"));
            assertEquals("alice", seen.get().getUserPrincipal().getName());
        } finally {
            filter.destroy();
        }
    }

    @Test
    void theSignerFilterRefusesToStartWithAPublicKey() {
        ServletException e = assertThrows(ServletException.class, () -> new JwtSignerFilter().init(
                new TestFilterConfig(Map.of("alg", "RS256", "kid", "k1", "keys_to_sign", "access_token",
                        "pem_local_path", "WEB-INF/key.pem"),
                        Map.of("/WEB-INF/key.pem", KeyFixtures.text("rsa-public.pem")))));
        assertTrue(e.getMessage().contains("holds a public key [PUBLIC KEY] but no private key, and signing needs"
                + " the private key;"), e.getMessage());
    }

    private static String token(String alg, PrivateKey key) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("alice");
        claims.setExpirationTimeMinutesInTheFuture(5);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(alg);
        jws.setKeyIdHeaderValue("v1");
        jws.setKey(key);
        return jws.getCompactSerialization();
    }

    @Test
    void keepsTheKeyAPublicOnlyFileIsReadWith() {
        PublicKey fromFile = PemKeyReader.readForVerifying(KeyFixtures.bytes("rsa-public.pem"), SOURCE).publicKey();
        VerificationKeys keys = VerificationKeys.fromKey(fromFile, null, "v1",
                List.of(io.github.jwtsigner.SigningAlgorithm.RS256, io.github.jwtsigner.SigningAlgorithm.PS256),
                SOURCE);
        assertEquals(List.of("v1"), keys.kids());
        assertEquals("RSA", keys.entries().get(0).kty());
        assertEquals(fromFile, keys.entries().get(0).key());
    }
}
