package io.github.jwtsigner.keys;

import io.github.jwtsigner.SignerConfig;
import io.github.jwtsigner.jwk.SigningKeys;
import io.github.jwtsigner.jws.TokenSigner;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * {@code keystore_path}: one key entry of a PKCS#12 or JKS keystore, read once at startup.
 *
 * <p>Not thread-safe: see {@link KeySource}.
 */
final class KeyStoreSource implements KeySource {
    private final SignerConfig config;
    private final KeyFileOpener opener;
    private String location;

    KeyStoreSource(SignerConfig config, KeyFileOpener opener) {
        this.config = config;
        this.opener = opener;
    }

    @Override
    public String description() {
        return config.keySource();
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

    @Override
    public Duration reloadInterval() {
        return Duration.ZERO;
    }

    @Override
    public String reloadPolicy() {
        return "read once from " + location;
    }

    @Override
    public Optional<TokenSigner> reload() {
        return Optional.empty();
    }

    @Override
    public Level failureLevel() {
        return Level.ERROR;
    }
}
