package io.github.jwtsigner.internal.rotation;

import io.github.jwtsigner.KeySource;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * Makes the {@link KeyLoader} a configuration names.
 *
 * <p>Stateless and thread-safe.
 */
final class KeyLoaders {
    private KeyLoaders() {
    }

    /**
     * Checks the source's own settings; logs the {@code disable_jwk_security} WARNING. Loads nothing yet.
     *
     * @throws io.github.jwtsigner.InvalidConfigurationException naming every problem with those settings
     */
    static <T> KeyLoader<T> create(KeySource source, KeyReader<T> reader, KeyFileOpener opener, Logger log) {
        if (source instanceof KeySource.JwkFile file) {
            return new JwkFileLoader<>(file, reader, opener);
        }
        if (source instanceof KeySource.JwkUrl url) {
            JwkUrlLoader<T> remote = new JwkUrlLoader<>(url, reader, opener);
            remote.securityWarning().ifPresent(warning -> log.log(Level.WARNING, warning));
            return remote;
        }
        if (source instanceof KeySource.PemFile pem) {
            return new PemFileLoader<>(pem, reader, opener);
        }
        return new KeyStoreLoader<>((KeySource.KeyStoreEntry) source, reader, opener);
    }
}
