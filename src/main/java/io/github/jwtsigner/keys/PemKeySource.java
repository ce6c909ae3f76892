package io.github.jwtsigner.keys;

import io.github.jwtsigner.SignerConfig;
import io.github.jwtsigner.jwk.SigningKeys;
import io.github.jwtsigner.jws.TokenSigner;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * {@code pem_local_path}: one private key in a PEM file, read once at startup.
 *
 * <p>Not thread-safe: see {@link KeySource}.
 */
final class PemKeySource implements KeySource {
    private final SignerConfig config;
    private final KeyFileOpener opener;
    private String location;

    PemKeySource(SignerConfig config, KeyFileOpener opener) {
        this.config = config;
        this.opener = opener;
    }

    @Override
    public String description() {
        return config.keySource();
    }

    @Override
    public TokenSigner load() {
        KeyFileOpener.Opened opened = opener.open(SignerConfig.PEM_LOCAL_PATH, config.pemLocalPath().orElseThrow());
        location = opened.location();
        try {
            PemKeyReader.PemKey key = PemKeyReader.read(opened.bytes(), description());
            return SigningKeys.load(config, key.privateKey(), key.publicKey(), description());
        } finally {
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
