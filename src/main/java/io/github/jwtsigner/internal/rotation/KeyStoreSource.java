package io.github.jwtsigner.internal.rotation;

import io.github.jwtsigner.internal.keys.KeyStoreReader;

import io.github.jwtsigner.SignerConfig;
import io.github.jwtsigner.internal.keys.SigningKeys;
import io.github.jwtsigner.internal.jws.TokenSigner;

import java.util.Arrays;

/**
 * {@code keystore_path}: one key entry of a PKCS#12 or JKS keystore, read once at startup.
 *
 * <p>Not thread-safe: see {@link KeySource}.
 */
final class KeyStoreSource extends ReadOnceKeySource {
    KeyStoreSource(SignerConfig config, KeyFileOpener opener) {
        super(config, opener);
    }

    @Override
    public TokenSigner load() {
        String path = config.keystorePath().orElseThrow();
        KeyFileOpener.Opened opened = opener.open(SignerConfig.KEYSTORE_PATH, path);
        location = opened.location();
        char[] password = config.keystorePassword().orElseThrow().toCharArray();
        char[] keyPassword = config.keyPassword().or(config::keystorePassword).orElseThrow().toCharArray();
        try {
            KeyStoreReader.StoredKey key = KeyStoreReader.read(opened.bytes(), config.keystoreType().orElseThrow(),
                    password, config.keystoreAlias().orElseThrow(), keyPassword,
                    config.keyPassword().isPresent(),
                    SignerConfig.KEYSTORE_PATH + " [" + path + "]");
            return SigningKeys.load(config, key.key(), key.publicKey(), description());
        } finally {
            Arrays.fill(password, '\0');
            Arrays.fill(keyPassword, '\0');
            Arrays.fill(opened.bytes(), (byte) 0);
        }
    }
}
