package io.github.jwtsigner.internal.rotation;

import io.github.jwtsigner.internal.jws.TokenSigner;
import io.github.jwtsigner.internal.keys.KeyFixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jwtsigner.InvalidConfigurationException;
import io.github.jwtsigner.SignerConfig;
import io.github.jwtsigner.testing.RecordingLogger;
import io.github.jwtsigner.testing.TestKeys;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.List;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keystore_path as the filter starts it: keys from PKCS#12 and JKS sign tokens jose4j verifies. */
class KeyStoreSourceTest {
    @TempDir
    Path dir;

    private final RecordingLogger log = new RecordingLogger();

    private SignerConfig.Builder config(String alg, Path keystore, String password, String alias) {
        return SignerConfig.builder().alg(alg).kid("ks-1").keysToSign("access_token").keystorePath(keystore.toString())
                .keystorePassword(password).keystoreAlias(alias);
    }

    private String token(SignerConfig.Builder config) {
        try (KeyRing<TokenSigner> ring = KeyRing.start(config.build(), KeyFileOpener.files(), log)) {
            assertTrue(ring.isStopped(), "a keystore is read once: no refresh thread");
            return SignedTokens.accessToken(ring);
        }
    }

    @Test
    void signsWithTheRsaKeyOfAPkcs12Keystore() throws Exception {
        Path p12 = KeyFixtures.copy("rsa.p12", dir);

        String token = token(config("RS256", p12, "store-pass", "signing"));

        assertTrue(TestKeys.verifies(token, "RS256", KeyFixtures.publicKey("rsa-public.pem", "RSA")), token);
        assertEquals("ks-1", TestKeys.kid(token));
    }

    @Test
    void signsWithTheEcKeyOfAPkcs12Keystore() throws Exception {
        Path p12 = KeyFixtures.copy("ec.p12", dir);

        String token = token(config("ES256", p12, "store-pass", "ec-signing"));

        assertTrue(TestKeys.verifies(token, "ES256", KeyFixtures.publicKey("ec-public.pem", "EC")), token);
    }

    @Test
    void signsWithAJksKeyWhosePasswordDiffers() throws Exception {
        Path jks = KeyFixtures.copy("rsa.jks", dir);

        String token = token(config("PS384", jks, "jks-store-pass", "signing").keyPassword("jks-key-pass"));

        assertTrue(TestKeys.verifies(token, "PS384", KeyFixtures.publicKey("rsa-public.pem", "RSA")), token);
    }

    @Test
    void signsWithAnHmacKeyOfAPkcs12Keystore() throws Exception {
        byte[] secret = new byte[48];
        new SecureRandom().nextBytes(secret);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setEntry("hmac", new KeyStore.SecretKeyEntry(new SecretKeySpec(secret, "HmacSHA384")),
                new KeyStore.PasswordProtection("pw".toCharArray()));
        Path p12 = dir.resolve("hmac.p12");
        try (OutputStream out = Files.newOutputStream(p12)) {
            store.store(out, "pw".toCharArray());
        }

        String token = token(config("HS384", p12, "pw", "hmac"));

        assertTrue(TestKeys.verifies(token, "HS384", new SecretKeySpec(secret, "HmacSHA384")), token);
    }

    @Test
    void refusesToStartWithAWrongPasswordWithoutNamingIt() throws Exception {
        Path p12 = KeyFixtures.copy("rsa.p12", dir);

        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> token(config("RS256", p12, "Wr0ng-Pa55", "signing")));

        assertEquals(List.of("keystore_path [" + p12 + "] cannot be opened with the configured keystore_password: the"
                + " password is wrong (or the file was altered); expected the keystore's password"), e.problems());
        assertFalse(e.getMessage().contains("Wr0ng-Pa55"));
    }

    @Test
    void refusesToStartWithAWrongAlias() throws Exception {
        Path p12 = KeyFixtures.copy("rsa.p12", dir);

        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> token(config("RS256", p12, "store-pass", "signer")));

        assertEquals(List.of("keystore_alias [signer] not found in keystore_path [" + p12 + "]; aliases there:"
                + " [signing]"), e.problems());
        assertFalse(e.getMessage().contains("store-pass"));
    }

    @Test
    void refusesAKeystoreOverTheLimitAtStartup() throws Exception {
        Path p12 = Files.write(dir.resolve("padded.p12"), java.util.Arrays.copyOf(KeyFixtures.bytes("rsa.p12"),
                2_000_000));

        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> token(config("RS256", p12, "store-pass", "signing")));

        assertEquals(List.of("keystore_path [" + p12 + "] is too large: file [" + p12 + "] holds [2000000] bytes;"
                + " expected a key file of at most [1048576] bytes"), e.problems());
    }

    @Test
    void checksTheKeyAsAJwkIsChecked() throws Exception {
        Path p12 = KeyFixtures.copy("rsa.p12", dir);

        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> token(config("ES256", p12, "store-pass", "signing")));

        assertEquals(List.of("the key in keystore_path [" + p12 + "] (keystore_type PKCS12, keystore_alias [signing])"
                + " is a key of kty [RSA]; alg [ES256] needs kty [EC]"), e.problems());
    }

    @Test
    void takesTheTypeFromTheSettingWhenTheNameSaysNothing() throws Exception {
        Path renamed = Files.write(dir.resolve("signing.keystore"), KeyFixtures.bytes("rsa.jks"));

        String token = token(config("RS256", renamed, "jks-store-pass", "signing").keystoreType("jks")
                .keyPassword("jks-key-pass"));

        assertTrue(TestKeys.verifies(token, "RS256", KeyFixtures.publicKey("rsa-public.pem", "RSA")), token);
    }
}
