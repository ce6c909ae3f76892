package io.github.jwtsigner.internal.rotation;

import io.github.jwtsigner.KeySource;
import io.github.jwtsigner.SignerConfig;
import io.github.jwtsigner.internal.jws.TokenSigner;

import java.lang.System.Logger;

/** The signer's loaders for one configuration, as {@link KeyRing#start} makes them. */
final class SigningLoaders {
    private SigningLoaders() {
    }

    static KeyLoader<TokenSigner> create(SignerConfig config, KeyFileOpener opener, Logger log) {
        return KeyLoaders.create(config.keySource(), KeyReader.signing(config), opener, log);
    }

    static JwkFileLoader<TokenSigner> jwkFile(SignerConfig config, KeyFileOpener opener) {
        return new JwkFileLoader<>((KeySource.JwkFile) config.keySource(), KeyReader.signing(config), opener);
    }

    static JwkUrlLoader<TokenSigner> jwkUrl(SignerConfig config, KeyFileOpener opener) {
        return new JwkUrlLoader<>((KeySource.JwkUrl) config.keySource(), KeyReader.signing(config), opener);
    }

    static PemFileLoader<TokenSigner> pemFile(SignerConfig config, KeyFileOpener opener) {
        return new PemFileLoader<>((KeySource.PemFile) config.keySource(), KeyReader.signing(config), opener);
    }
}
