package io.github.jwtsigner.internal.rotation;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Optional;

/**
 * One place keys come from, and how to tell that they changed; a {@link KeyReader} makes what the ring holds
 * of them.
 *
 * <p>Used by one {@link KeyRing}: {@link #load()} once at startup, then {@link #reload()} from its refresh
 * thread only, never concurrently.
 *
 * @param <T> what the ring holds: a signer, or the public keys to publish
 */
interface KeyLoader<T> {

    /** The setting and its path or URL, for log lines: {@code jwk_url [https://keys.example.com/jwks]}. */
    String description();

    /**
     * Loads and checks the key.
     *
     * @throws io.github.jwtsigner.InvalidConfigurationException naming every problem
     */
    T load();

    /** How long to wait between two calls of {@link #reload()}; zero when the key is never reloaded. */
    Duration reloadInterval();

    /** What {@link #reload()} does, for the startup line: {@code fetched again every 900s}. */
    String reloadPolicy();

    /**
     * Loads the key again if its source changed.
     *
     * @return what the new keys make, or empty when nothing changed
     * @throws Exception when the source cannot be read or yields no usable key; the caller keeps the last good
     *     key
     */
    Optional<T> reload() throws Exception;

    /**
     * True when the last {@link #reload()} returned empty without reading anything, and the read before it
     * failed: the source is as broken as it was, which is no news (a file whose stamp has not moved since it
     * turned to garbage). The ring then neither logs a recovery nor counts a success.
     */
    default boolean unchangedSinceFailure() {
        return false;
    }

    /** How loud a failed reload is: WARNING for a key server that is down, ERROR for a broken local file. */
    Level failureLevel();
}
