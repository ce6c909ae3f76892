package io.github.jwtsigner.internal.rotation;

import io.github.jwtsigner.SignerConfig;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * Makes the {@link KeySource} a configuration names.
 *
 * <p>Stateless and thread-safe.
 */
final class KeySources {
    private KeySources() {
    }

    /**
     * Checks the source's own settings; logs the {@code disable_jwk_security} WARNING. Loads nothing yet.
     *
     * @throws io.github.jwtsigner.InvalidConfigurationException naming every problem with those settings
     */
    static KeySource create(SignerConfig config, KeyFileOpener opener, Logger log) {
        return switch (config.keySourceType()) {
            case JWK_LOCAL_PATH -> new LocalJwkSource(config, opener);
            case JWK_URL -> {
                RemoteJwkSource remote = new RemoteJwkSource(config, opener);
                remote.securityWarning().ifPresent(warning -> log.log(Level.WARNING, warning));
                yield remote;
            }
            case PEM_LOCAL_PATH -> new PemKeySource(config, opener);
            case KEYSTORE_PATH -> new KeyStoreSource(config, opener);
        };
    }
}
