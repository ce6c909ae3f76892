package io.github.jwtsigner.internal.rotation;

import io.github.jwtsigner.KeySource;

import io.github.jwtsigner.Setting;
import io.github.jwtsigner.internal.keys.PemKeyReader;


import java.util.Arrays;

/**
 * {@code pem_local_path}: one private key in a PEM file, read once at startup; for the validator, a public key
 * alone will do.
 *
 * <p>Not thread-safe: see {@link KeyLoader}.
 */
final class PemFileLoader<T> extends ReadOnceLoader<T> {
    PemFileLoader(KeySource.PemFile source, KeyReader<T> reader, KeyFileOpener opener) {
        super(source, reader, opener);
    }

    @Override
    public T load() {
        String path = ((KeySource.PemFile) source).path();
        KeyFileOpener.Opened opened = opener.open(Setting.PEM_LOCAL_PATH.settingName(), path);
        location = opened.location();
        try {
            PemKeyReader.PemKey key = reader.takesPublicKeyAlone()
                    ? PemKeyReader.readForVerifying(opened.bytes(), description())
                    : PemKeyReader.read(opened.bytes(), description());
            return reader.fromKey(key.key(), key.publicKey(), description());
        } finally {
            Arrays.fill(opened.bytes(), (byte) 0);
        }
    }
}
