package io.github.jwtsigner.internal.rotation;

import io.github.jwtsigner.KeySource;

import io.github.jwtsigner.SignerConfig;

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
    static KeyLoader create(SignerConfig config, KeyFileOpener opener, Logger log) {
        KeySource source = config.keySource();
        if (source instanceof KeySource.JwkFile) {
            return new JwkFileLoader(config, opener);
        }
        if (source instanceof KeySource.JwkUrl) {
            JwkUrlLoader remote = new JwkUrlLoader(config, opener);
            remote.securityWarning().ifPresent(warning -> log.log(Level.WARNING, warning));
            return remote;
        }
        if (source instanceof KeySource.PemFile) {
            return new PemFileLoader(config, opener);
        }
        return new KeyStoreLoader(config, opener);
    }
}
