package io.github.jwtsigner.internal.rotation;

import io.github.jwtsigner.KeySource;

import io.github.jwtsigner.Setting;
import io.github.jwtsigner.internal.keys.PemKeyReader;

import io.github.jwtsigner.SignerConfig;
import io.github.jwtsigner.internal.keys.SigningKeys;
import io.github.jwtsigner.internal.jws.TokenSigner;

import java.util.Arrays;

/**
 * {@code pem_local_path}: one private key in a PEM file, read once at startup.
 *
 * <p>Not thread-safe: see {@link KeyLoader}.
 */
final class PemFileLoader extends ReadOnceLoader {
    PemFileLoader(SignerConfig config, KeyFileOpener opener) {
        super(config, opener);
    }

    @Override
    public TokenSigner load() {
        String path = ((KeySource.PemFile) config.keySource()).path();
        KeyFileOpener.Opened opened = opener.open(Setting.PEM_LOCAL_PATH.settingName(), path);
        location = opened.location();
        try {
            PemKeyReader.PemKey key = PemKeyReader.read(opened.bytes(), description());
            return SigningKeys.load(config, key.privateKey(), key.publicKey(), description());
        } finally {
            Arrays.fill(opened.bytes(), (byte) 0);
        }
    }
}
