package io.github.jwtsigner.internal.rotation;

import io.github.jwtsigner.KeySource;

import io.github.jwtsigner.Setting;
import io.github.jwtsigner.internal.keys.KeyStoreReader;


import java.util.Arrays;

/**
 * {@code keystore_path}: one key entry of a PKCS#12 or JKS keystore, read once at startup.
 *
 * <p>Not thread-safe: see {@link KeyLoader}.
 */
final class KeyStoreLoader<T> extends ReadOnceLoader<T> {
    KeyStoreLoader(KeySource.KeyStoreEntry source, KeyReader<T> reader, KeyFileOpener opener) {
        super(source, reader, opener);
    }

    @Override
    public T load() {
        KeySource.KeyStoreEntry entry = (KeySource.KeyStoreEntry) source;
        String path = entry.path();
        KeyFileOpener.Opened opened = opener.open(Setting.KEYSTORE_PATH.settingName(), path);
        location = opened.location();
        char[] password = entry.password().toCharArray();
        char[] keyPassword = (entry.keyPassword() != null ? entry.keyPassword() : entry.password()).toCharArray();
        try {
            KeyStoreReader.StoredKey key = KeyStoreReader.read(opened.bytes(), entry.type(),
                    password, entry.alias(), keyPassword,
                    entry.keyPassword() != null,
                    Setting.KEYSTORE_PATH + " [" + path + "]");
            return reader.fromKey(key.key(), key.publicKey(), description());
        } finally {
            Arrays.fill(password, '\0');
            Arrays.fill(keyPassword, '\0');
            Arrays.fill(opened.bytes(), (byte) 0);
        }
    }
}
