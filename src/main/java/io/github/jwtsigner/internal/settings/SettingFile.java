package io.github.jwtsigner.internal.settings;

import io.github.jwtsigner.InvalidConfigurationException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a key file that a setting names ({@code jwk_local_path}, {@code pem_local_path}, {@code keystore_path},
 * {@code jwk_local_ca}) into memory, refusing one of more than {@value #MAX_KEY_FILE_BYTES} bytes. The limit is
 * checked while reading, not only against the size beforehand, since a file can grow meanwhile and a webapp or
 * classpath resource is a stream of unknown length: at most one byte over the limit is ever read.
 *
 * <p>Messages name the setting, the path, the size and the limit, never the content. Key files hold secrets:
 * buffers outgrown on the way are cleared, and the caller clears the result.
 *
 * <p>Stateless and thread-safe.
 */
public final class SettingFile {
    /**
     * The largest key file read: 1 MiB. A JWK Set of dozens of RSA keys, a PKCS#12 keystore or a CA bundle is a
     * few kilobytes to a few hundred.
     */
    public static final int MAX_KEY_FILE_BYTES = 1_048_576;

    private static final int FIRST_BUFFER_BYTES = 8192;

    private SettingFile() {
    }

    /**
     * The content of a file in the file system.
     *
     * @param setting the setting that names the file, for messages, such as {@code pem_local_path}
     * @param path the setting's value, for messages
     * @param location where the file was found, for messages, such as {@code file [/etc/keys/key.pem]}
     * @throws InvalidConfigurationException when the file is larger than {@value #MAX_KEY_FILE_BYTES} bytes
     * @throws IOException when it cannot be read, or is not a regular file (a FIFO, a device, a directory)
     */
    public static byte[] readKeyFile(Path file, String setting, String path, String location) throws IOException {
        // Opening a FIFO with no writer blocks for ever; a device or a directory is no key file either.
        if (!Files.isRegularFile(file)) {
            throw new IOException(location + " is not a regular file");
        }
        long size = Files.size(file);
        if (size > MAX_KEY_FILE_BYTES) {
            throw tooLarge(setting, path, location, "[" + size + "] bytes");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, (int) size, setting, path, location);
        }
    }

    /**
     * The content of a stream, such as a webapp or classpath resource; does not close it.
     *
     * @param setting the setting that names the file, for messages, such as {@code pem_local_path}
     * @param path the setting's value, for messages
     * @param location where the file was found, for messages, such as {@code webapp resource [/WEB-INF/key.pem]}
     * @throws InvalidConfigurationException when it holds more than {@value #MAX_KEY_FILE_BYTES} bytes
     * @throws IOException when it cannot be read
     */
    public static byte[] readKeyFile(InputStream in, String setting, String path, String location)
            throws IOException {
        return read(in, FIRST_BUFFER_BYTES, setting, path, location);
    }

    private static byte[] read(InputStream in, int expectedBytes, String setting, String path, String location)
            throws IOException {
        // One byte more than expected, so that the end is seen without growing the buffer.
        byte[] buffer = new byte[Math.min(MAX_KEY_FILE_BYTES, expectedBytes) + 1];
        int length = 0;
        try {
            while (true) {
                if (length == buffer.length) {
                    buffer = grow(buffer, (int) Math.min(MAX_KEY_FILE_BYTES + 1L, 2L * buffer.length));
                }
                int n = in.read(buffer, length, buffer.length - length);
                if (n < 0) {
                    return Arrays.copyOf(buffer, length);
                }
                length += n;
                if (length > MAX_KEY_FILE_BYTES) {
                    throw tooLarge(setting, path, location, "more than [" + MAX_KEY_FILE_BYTES + "] bytes");
                }
            }
        } finally {
            Arrays.fill(buffer, (byte) 0);
        }
    }

    private static byte[] grow(byte[] buffer, int capacity) {
        byte[] grown = Arrays.copyOf(buffer, capacity);
        Arrays.fill(buffer, (byte) 0);
        return grown;
    }

    private static InvalidConfigurationException tooLarge(String setting, String path, String location,
            String size) {
        return new InvalidConfigurationException(setting + " [" + path + "] is too large: " + location + " holds "
                + size + "; expected a key file of at most [" + MAX_KEY_FILE_BYTES + "] bytes");
    }
}
