package io.github.jwtsigner.internal.rotation;

import io.github.jwtsigner.KeySource;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Optional;

/**
 * A key file read once at startup and never again (PEM, keystore): the part of {@link KeyLoader} that such
 * sources share.
 *
 * <p>Not thread-safe: see {@link KeyLoader}.
 */
abstract class ReadOnceLoader<T> implements KeyLoader<T> {
    protected final KeySource source;
    protected final KeyReader<T> reader;
    protected final KeyFileOpener opener;
    /** Where the file was found, once {@link #load()} has opened it. */
    protected String location;

    ReadOnceLoader(KeySource source, KeyReader<T> reader, KeyFileOpener opener) {
        this.source = source;
        this.reader = reader;
        this.opener = opener;
    }

    @Override
    public String description() {
        return source.description();
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
    public Optional<T> reload() {
        return Optional.empty();
    }

    @Override
    public Level failureLevel() {
        return Level.ERROR;
    }
}
