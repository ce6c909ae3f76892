package io.github.jwtsigner.internal.rotation;

import io.github.jwtsigner.InvalidConfigurationException;
import io.github.jwtsigner.internal.settings.SettingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Opens the file a key setting names ({@code jwk_local_path}, {@code pem_local_path}, {@code keystore_path},
 * {@code jwk_local_ca}). The servlet filter supplies one that also finds webapp and classpath resources;
 * {@link #files()} reads plain files only. Either reads through {@link SettingFile}, so a file of more than
 * {@value SettingFile#MAX_KEY_FILE_BYTES} bytes is refused.
 *
 * <p>Called at startup, once per key source; a watched file is then read again directly, not through this.
 */
@FunctionalInterface
public interface KeyFileOpener {

    /**
     * A key file's bytes and where they were found.
     *
     * @param bytes the content; the caller clears it after use
     * @param location where it was found, for messages, such as {@code file [/etc/keys/jwk.json]}
     * @param file the file in the file system, when it is one: a {@link KeyRing} watches it for changes;
     *     null for a resource inside a war or jar, which is read once
     */
    record Opened(byte[] bytes, String location, Path file) {
        @Override
        public String toString() {
            return "Opened[" + location + "]";
        }
    }

    /**
     * @param setting the setting that names {@code path}, for messages
     * @throws InvalidConfigurationException when nothing is found there, it cannot be read, or it is larger than
     *     {@value SettingFile#MAX_KEY_FILE_BYTES} bytes
     */
    Opened open(String setting, String path);

    /** Plain files: a path is absolute, or relative to the working directory. */
    static KeyFileOpener files() {
        return (setting, path) -> {
            Path file;
            try {
                file = Path.of(path).toAbsolutePath();
            } catch (InvalidPathException e) {
                throw new InvalidConfigurationException(setting + " [" + path + "] is not a valid file path ("
                        + e.getReason() + "); expected a path to a readable file");
            }
            if (!Files.isRegularFile(file)) {
                throw new InvalidConfigurationException(setting + " [" + path + "] not found: no file ["
                        + file + "]; expected a readable file");
            }
            String location = "file [" + file + "]";
            try {
                return new Opened(SettingFile.readKeyFile(file, setting, path, location), location, file);
            } catch (IOException e) {
                throw new InvalidConfigurationException(setting + " [" + path + "] cannot be read (" + e
                        + "); expected a readable file", e);
            }
        };
    }
}
