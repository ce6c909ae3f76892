package io.github.jwtsigner.internal.keys;


import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.jwtsigner.InvalidConfigurationException;

import java.io.ByteArrayOutputStream;
import java.security.KeyStore;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.List;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class KeyStoreReaderTest {
    private static final String P12 = "keystore_path [rsa.p12]";
    private static final String JKS = "keystore_path [rsa.jks]";

    private static KeyStoreReader.StoredKey read(String fixture, String type, String password, String alias,
            String keyPassword, boolean keyPasswordSet, String source) {
        return KeyStoreReader.read(KeyFixtures.bytes(fixture), type, password.toCharArray(), alias,
                keyPassword.toCharArray(), keyPasswordSet, source);
    }

    private static InvalidConfigurationException fails(String fixture, String type, String password, String alias,
            String keyPassword, boolean keyPasswordSet, String source) {
        return assertThrows(InvalidConfigurationException.class,
                () -> read(fixture, type, password, alias, keyPassword, keyPasswordSet, source));
    }

    @Test
    void readsThePrivateKeyAndItsCertificatesPublicKeyFromOpensslPkcs12() {
        KeyStoreReader.StoredKey key = read("rsa.p12", "PKCS12", "store-pass", "signing", "store-pass", false, P12);

        assertInstanceOf(RSAPrivateKey.class, key.key());
        assertEquals(KeyFixtures.publicKey("rsa-public.pem", "RSA"), key.publicKey());
        assertEquals("StoredKey[RSA]", key.toString());
    }

    @Test
    void readsAnEcKey() {
        KeyStoreReader.StoredKey key = read("ec.p12", "PKCS12", "store-pass", "ec-signing", "store-pass", false,
                "keystore_path [ec.p12]");

        assertInstanceOf(ECPrivateKey.class, key.key());
        assertEquals(KeyFixtures.publicKey("ec-public.pem", "EC"), key.publicKey());
    }

    @Test
    void readsAJksKeyWithItsOwnPassword() {
        KeyStoreReader.StoredKey key = read("rsa.jks", "JKS", "jks-store-pass", "signing", "jks-key-pass", true, JKS);

        assertEquals(KeyFixtures.publicKey("rsa-public.pem", "RSA"), key.publicKey());
    }

    @Test
    void saysTheKeystorePasswordIsWrongWithoutShowingIt() {
        for (String[] c : new String[][] {{"rsa.p12", "PKCS12", P12}, {"rsa.jks", "JKS", JKS}}) {
            InvalidConfigurationException e = fails(c[0], c[1], "guess-1234", "signing", "guess-1234", false, c[2]);
            assertAll(
                    () -> assertEquals(List.of(c[2] + " cannot be opened with the configured keystore_password: the"
                            + " password is wrong (or the file was altered); expected the keystore's password"),
                            e.problems()),
                    () -> assertFalse(e.getMessage().contains("guess-1234")),
                    () -> assertNull(e.getCause(), "no cause that might describe the password"));
        }
    }

    @Test
    void listsTheAliasesThereWhenTheAliasIsWrong() {
        InvalidConfigurationException e = fails("rsa.jks", "JKS", "jks-store-pass", "signer", "jks-key-pass", true, JKS);
        assertEquals(List.of("keystore_alias [signer] not found in " + JKS + "; aliases there: [signing, trusted-ca]"),
                e.problems());
    }

    @Test
    void saysWhichPasswordFailedToRecoverTheKey() {
        InvalidConfigurationException withoutKeyPassword = fails("rsa.jks", "JKS", "jks-store-pass", "signing",
                "jks-store-pass", false, JKS);
        InvalidConfigurationException wrongKeyPassword = fails("rsa.jks", "JKS", "jks-store-pass", "signing",
                "not-it-9876", true, JKS);
        assertAll(
                () -> assertEquals(List.of("the key of keystore_alias [signing] in " + JKS + " cannot be recovered"
                        + " with keystore_password (key_password is not set): the password is wrong; expected the key"
                        + " entry's password"), withoutKeyPassword.problems()),
                () -> assertEquals(List.of("the key of keystore_alias [signing] in " + JKS + " cannot be recovered"
                        + " with key_password: the password is wrong; expected the key entry's password"),
                        wrongKeyPassword.problems()),
                () -> assertFalse(wrongKeyPassword.getMessage().contains("not-it-9876")));
    }

    @Test
    void refusesATrustedCertificateEntry() {
        InvalidConfigurationException e = fails("rsa.jks", "JKS", "jks-store-pass", "trusted-ca", "x", false, JKS);
        assertEquals(List.of("keystore_alias [trusted-ca] in " + JKS + " is a trusted certificate, not a key; expected a"
                + " private key entry (aliases there: [signing, trusted-ca])"), e.problems());
    }

    @Test
    void refusesAFileThatIsNoKeystore() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> KeyStoreReader.read(KeyFixtures.bytes("rsa-pkcs8.pem"), "PKCS12", "p".toCharArray(), "a",
                        "p".toCharArray(), false, "keystore_path [key.pem]"));
        String problem = e.problems().get(0);
        assertAll(
                () -> assertEquals(1, e.problems().size()),
                () -> assertEquals(true, problem.startsWith("keystore_path [key.pem] is not a readable PKCS12 keystore"
                        + " (IOException: "), problem),
                () -> assertEquals(true, problem.endsWith("); expected a PKCS12 file, or keystore_type naming its"
                        + " type"), problem));
    }

    @Test
    void readsASecretKeyEntryForHmac() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        SecretKey hmac = new SecretKeySpec(new byte[32], "HmacSHA256");
        store.setEntry("hmac", new KeyStore.SecretKeyEntry(hmac),
                new KeyStore.PasswordProtection("pw".toCharArray()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, "pw".toCharArray());

        KeyStoreReader.StoredKey key = KeyStoreReader.read(out.toByteArray(), "PKCS12", "pw".toCharArray(), "hmac",
                "pw".toCharArray(), false, "keystore_path [hmac.p12]");

        assertInstanceOf(SecretKey.class, key.key());
        assertNull(key.publicKey());
    }
}
