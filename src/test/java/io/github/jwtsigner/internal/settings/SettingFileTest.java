package io.github.jwtsigner.internal.settings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.jwtsigner.InvalidConfigurationException;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SettingFileTest {
    private static final String TOO_LARGE = "; expected a key file of at most [1048576] bytes";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, 8191, 8192, 8193, 100_000, SettingFile.MAX_KEY_FILE_BYTES})
    void readsFilesAndStreamsUpToTheLimitWhole(int length) throws Exception {
        byte[] content = new byte[length];
        new SplittableRandom(length).nextBytes(content);
        Path file = Files.write(dir.resolve("key"), content);

        assertArrayEquals(content, SettingFile.readKeyFile(file, "pem_local_path", "key", "file [key]"));
        assertArrayEquals(content, SettingFile.readKeyFile(new ByteArrayInputStream(content), "pem_local_path", "key",
                "webapp resource [/key]"));
    }

    @Test
    void refusesAFileOverTheLimitByItsSizeNamingTheSettingThePathTheSizeAndTheLimit() throws Exception {
        Path file = Files.write(dir.resolve("huge.p12"), new byte[SettingFile.MAX_KEY_FILE_BYTES + 1]);

        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> SettingFile.readKeyFile(file, "keystore_path", "huge.p12", "file [" + file + "]"));

        assertEquals(List.of("keystore_path [huge.p12] is too large: file [" + file + "] holds [1048577] bytes"
                + TOO_LARGE), e.problems());
    }

    /** Counts what is taken from an endless stream of one byte value. */
    private static final class Endless extends InputStream {
        long taken;

        @Override
        public int read() {
            taken++;
            return 'x';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            java.util.Arrays.fill(b, off, off + len, (byte) 'x');
            taken += len;
            return len;
        }
    }

    @Test
    void stopsReadingAStreamOneByteOverTheLimit() {
        Endless endless = new Endless();

        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> SettingFile.readKeyFile(endless, "jwk_local_path", "classpath:jwk.json",
                        "classpath resource [jwk.json]"));

        assertEquals(List.of("jwk_local_path [classpath:jwk.json] is too large: classpath resource [jwk.json] holds"
                + " more than [1048576] bytes" + TOO_LARGE), e.problems());
        assertEquals(SettingFile.MAX_KEY_FILE_BYTES + 1, endless.taken);
    }

    @Test
    void refusesADeviceWithoutReadingIt() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.isReadable(zero), "a system with /dev/zero");

        java.io.IOException e = assertThrows(java.io.IOException.class,
                () -> SettingFile.readKeyFile(zero, "jwk_local_ca", "/dev/zero", "file [/dev/zero]"));

        assertEquals("file [/dev/zero] is not a regular file", e.getMessage());
    }

    @Test
    void stopsReadingAStreamThatNeverEndsAtTheLimit() throws Exception {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.isReadable(zero), "a system with /dev/zero");

        try (java.io.InputStream in = Files.newInputStream(zero)) {
            InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                    () -> SettingFile.readKeyFile(in, "jwk_local_ca", "/dev/zero", "file [/dev/zero]"));

            assertEquals(List.of("jwk_local_ca [/dev/zero] is too large: file [/dev/zero] holds more than"
                    + " [1048576] bytes" + TOO_LARGE), e.problems());
        }
    }

    @Test
    void quotesNoContent() throws Exception {
        Path file = Files.writeString(dir.resolve("secret.json"), "{\"k\":\"c2VjcmV0\"}".repeat(70_000));

        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> SettingFile.readKeyFile(file, "jwk_local_path", "secret.json", "file [secret.json]"));

        assertTrue(!e.getMessage().contains("c2VjcmV0") && e.getMessage().length() < 200, e.getMessage());
    }
}
