package io.github.jwtsigner.internal.rotation;

import io.github.jwtsigner.internal.jws.TokenSigner;
import io.github.jwtsigner.internal.keys.KeyFixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jwtsigner.InvalidConfigurationException;
import io.github.jwtsigner.SignerConfig;
import io.github.jwtsigner.testing.RecordingLogger;
import io.github.jwtsigner.testing.TestKeys;

import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** pem_local_path as the filter starts it: OpenSSL's three encodings sign tokens jose4j verifies. */
class PemFileLoaderTest {
    @TempDir
    Path dir;

    private final RecordingLogger log = new RecordingLogger();

    private SignerConfig config(String alg, Path pem) {
        return SignerConfig.builder().alg(alg).kid("pem-1").keysToSign("access_token").pemLocalPath(pem.toString())
                .build();
    }

    @ParameterizedTest(name = "{1} with {0}")
    @CsvSource({
        "RS256, rsa-pkcs8.pem, rsa-public.pem, RSA",
        "RS512, rsa-pkcs1.pem, rsa-public.pem, RSA",
        "PS256, rsa-pkcs1.pem, rsa-public.pem, RSA",
        "ES256, ec-sec1.pem, ec-public.pem, EC",
        "ES256, ec-pkcs8.pem, ec-public.pem, EC",
        "EdDSA, ed25519-pkcs8.pem, ed25519-public.pem, Ed25519"
    })
    void signsTokensThatVerifyWithTheMatchingPublicKey(String alg, String pem, String publicPem, String type)
            throws Exception {
        Path file = KeyFixtures.copy(pem, dir);
        PublicKey publicKey = KeyFixtures.publicKey(publicPem, type);

        try (KeyRing<TokenSigner> ring = KeyRing.start(config(alg, file), KeyFileOpener.files(), log)) {
            String token = SignedTokens.accessToken(ring);

            assertTrue(TestKeys.verifies(token, alg, publicKey), token);
            assertEquals("pem-1", TestKeys.kid(token));
            assertEquals("pem_local_path [" + file + "], read once from file [" + file + "]", ring.description());
            assertTrue(ring.isStopped(), "a PEM key is read once: no refresh thread");
        }
    }

    @ParameterizedTest(name = "{1} with {0}")
    @CsvSource(delimiter = '|', value = {
        "ES384 | ec-sec1.pem | is on curve [P-256]; alg [ES384] needs crv [P-384]",
        "ES256 | ec-p384-sec1.pem | is on curve [P-384]; alg [ES256] needs crv [P-256]",
        "ES256 | ec-secp256k1-sec1.pem | is on curve [secp256k1 (1.3.132.0.10)]; alg [ES256] needs crv [P-256]",
        "RS256 | rsa-1024-pkcs8.pem | has an RSA modulus of [1024] bits; alg [RS256] needs at least [2048] bits"
                + " (RFC 7518 §3.3)",
        "RS256 | ec-pkcs8.pem | is a key of kty [EC]; alg [RS256] needs kty [RSA]",
        "HS256 | rsa-pkcs8.pem | is a key of kty [RSA]; alg [HS256] needs kty [oct]"
    })
    void checksTheKeyAsAJwkIsChecked(String alg, String pem, String problem) throws Exception {
        Path file = KeyFixtures.copy(pem, dir);

        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> KeyRing.start(config(alg, file), KeyFileOpener.files(), log));

        assertEquals(List.of("the key in pem_local_path [" + file + "] " + problem), e.problems());
    }

    @Test
    void refusesToStartWithoutTheFile() {
        Path missing = dir.resolve("missing.pem");
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> KeyRing.start(config("RS256", missing), KeyFileOpener.files(), log));
        assertEquals(List.of("pem_local_path [" + missing + "] not found: no file [" + missing + "]; expected a"
                + " readable file"), e.problems());
    }

    @Test
    void refusesAPemFileOverTheLimitAtStartup() throws Exception {
        // A valid key after text that PEM readers skip: only the size is wrong.
        byte[] key = KeyFixtures.bytes("rsa-pkcs8.pem");
        byte[] padded = new byte[1_048_577];
        java.util.Arrays.fill(padded, (byte) '#');
        padded[padded.length - key.length - 1] = '\n';
        System.arraycopy(key, 0, padded, padded.length - key.length, key.length);
        Path file = java.nio.file.Files.write(dir.resolve("padded.pem"), padded);

        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> KeyRing.start(config("RS256", file), KeyFileOpener.files(), log));

        assertEquals(List.of("pem_local_path [" + file + "] is too large: file [" + file + "] holds [1048577] bytes;"
                + " expected a key file of at most [1048576] bytes"), e.problems());
    }

    @Test
    void refusesAnEncryptedKeyAtStartup() throws Exception {
        Path file = KeyFixtures.copy("rsa-encrypted-pkcs8.pem", dir);
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> KeyRing.start(config("RS256", file), KeyFileOpener.files(), log));
        assertTrue(e.getMessage().contains("holds an encrypted private key [ENCRYPTED PRIVATE KEY], which is not"
                + " supported"), e.getMessage());
    }

    @Test
    void neverReloads() throws Exception {
        PemFileLoader<TokenSigner> source = SigningLoaders.pemFile(config("RS256", KeyFixtures.copy("rsa-pkcs8.pem", dir)),
                KeyFileOpener.files());
        source.load();
        assertEquals(java.util.Optional.empty(), source.reload());
        assertEquals(java.time.Duration.ZERO, source.reloadInterval());
    }
}
