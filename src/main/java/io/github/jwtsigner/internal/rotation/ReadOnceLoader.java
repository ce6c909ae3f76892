package io.github.jwtsigner.internal.rotation;

import io.github.jwtsigner.SignerConfig;
import io.github.jwtsigner.internal.jws.TokenSigner;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Optional;

/**
 * A key file read once at startup and never again (PEM, keystore): the part of {@link KeyLoader} that such
 * sources share.
 *
 * <p>Not thread-safe: see {@link KeyLoader}.
 */
abstract class ReadOnceLoader implements KeyLoader {
    protected final SignerConfig config;
    protected final KeyFileOpener opener;
    /** Where the file was found, once {@link #load()} has opened it. */
    protected String location;

    ReadOnceLoader(SignerConfig config, KeyFileOpener opener) {
        this.config = config;
        this.opener = opener;
    }

    @Override
    public String description() {
        return config.keySource().description();
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
