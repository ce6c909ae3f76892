package io.github.jwtsigner.internal.keys;

import io.github.jwtsigner.KeySource;
import io.github.jwtsigner.Setting;
import io.github.jwtsigner.InvalidConfigurationException;
import io.github.jwtsigner.SignerConfig;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.PublicKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads one key entry of a PKCS#12 or JKS keystore: a private key (with the public key of its certificate, for
 * the key pair check) or a secret key (for HS*).
 *
 * <p>A wrong password, a missing alias, or an entry that holds no key is an error naming the file and the
 * alias (and the aliases there), never a password.
 *
 * <p>Stateless and thread-safe.
 */
public final class KeyStoreReader {
    /**
     * A key and, for a private key, its certificate's public key.
     *
     * @param publicKey null for a secret key, or an entry without a certificate
     */
    public record StoredKey(Key key, PublicKey publicKey) {
        @Override
        public String toString() {
            return "StoredKey[" + key.getAlgorithm() + "]";
        }
    }

    private KeyStoreReader() {
    }

    /**
     * @param type {@code PKCS12} or {@code JKS}
     * @param keyPasswordSet whether {@code keyPassword} came from {@code key_password}, for messages
     * @param source the setting and path, for messages, such as {@code keystore_path [WEB-INF/keys.p12]}
     * @throws InvalidConfigurationException when the keystore cannot be opened with the password, the alias is
     *     not there, or its entry holds no usable key
     */
    public static StoredKey read(byte[] file, String type, char[] password, String alias, char[] keyPassword,
            boolean keyPasswordSet, String source) {
        KeyStore store;
        try {
            store = KeyStore.getInstance(type);
        } catch (KeyStoreException e) {
            throw new InvalidConfigurationException(Setting.KEYSTORE_TYPE + " [" + type + "] is not available"
                    + " in this JVM; expected " + KeySource.KeyStoreEntry.PKCS12 + " or "
                    + KeySource.KeyStoreEntry.JKS, e);
        }
        try {
            store.load(new ByteArrayInputStream(file), password);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new InvalidConfigurationException(source + " cannot be opened with the configured "
                        + Setting.KEYSTORE_PASSWORD + ": the password is wrong (or the file was altered);"
                        + " expected the keystore's password");
            }
            throw new InvalidConfigurationException(source + " is not a readable " + type + " keystore ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); expected a " + type + " file, or "
                    + Setting.KEYSTORE_TYPE + " naming its type", e);
        } catch (GeneralSecurityException e) {
            throw new InvalidConfigurationException(source + " cannot be read (" + e.getClass().getSimpleName()
                    + "); expected a " + type + " keystore this JVM can read", e);
        }
        try {
            return entry(store, alias, keyPassword, keyPasswordSet, source);
        } catch (KeyStoreException e) {
            throw new InvalidConfigurationException(source + " cannot be read (" + e.getClass().getSimpleName()
                    + "); expected a " + type + " keystore this JVM can read", e);
        }
    }

    private static StoredKey entry(KeyStore store, String alias, char[] keyPassword, boolean keyPasswordSet,
            String source) throws KeyStoreException {
        String entry = Setting.KEYSTORE_ALIAS + " [" + alias + "]";
        if (!store.containsAlias(alias)) {
            throw new InvalidConfigurationException(entry + " not found in " + source + "; aliases there: "
                    + aliases(store));
        }
        if (!store.isKeyEntry(alias)) {
            throw new InvalidConfigurationException(entry + " in " + source + " is a trusted certificate, not a key;"
                    + " expected a private key entry (aliases there: " + aliases(store) + ")");
        }
        Key key;
        try {
            key = store.getKey(alias, keyPassword);
        } catch (UnrecoverableKeyException e) {
            String which = keyPasswordSet ? Setting.KEY_PASSWORD.settingName()
                    : Setting.KEYSTORE_PASSWORD + " (" + Setting.KEY_PASSWORD + " is not set)";
            throw new InvalidConfigurationException("the key of " + entry + " in " + source + " cannot be"
                    + " recovered with " + which + ": the password is wrong; expected the key entry's password");
        } catch (GeneralSecurityException e) {
            throw new InvalidConfigurationException("the key of " + entry + " in " + source + " cannot be read ("
                    + e.getClass().getSimpleName() + ")", e);
        }
        if (key == null) {
            throw new InvalidConfigurationException("the key of " + entry + " in " + source + " cannot be read;"
                    + " expected a private key entry");
        }
        Certificate certificate = store.getCertificate(alias);
        return new StoredKey(key, certificate == null ? null : certificate.getPublicKey());
    }

    private static List<String> aliases(KeyStore store) throws KeyStoreException {
        List<String> aliases = new ArrayList<>(Collections.list(store.aliases()));
        Collections.sort(aliases);
        return aliases;
    }
}
