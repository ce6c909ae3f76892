package io.github.jwtsigner.internal.rotation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.jwtsigner.InvalidConfigurationException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFileOpenerTest {
    @TempDir
    Path dir;

    @Test
    void readsAPlainFileAsBytesAndNamesIt() throws Exception {
        byte[] content = {0, 1, 2, (byte) 0xff};
        Path file = Files.write(dir.resolve("keys.p12"), content);

        KeyFileOpener.Opened opened = KeyFileOpener.files().open("keystore_path", file.toString());

        assertArrayEquals(content, opened.bytes());
        assertEquals(file, opened.file());
        assertEquals("file [" + file + "]", opened.location());
        assertEquals("Opened[file [" + file + "]]", opened.toString());
    }

    @Test
    void resolvesARelativePathAgainstTheWorkingDirectory() {
        Path absolute = Path.of("pom.xml").toAbsolutePath();
        assertEquals(absolute, KeyFileOpener.files().open("jwk_local_path", "pom.xml").file());
    }

    @Test
    void namesTheSettingAndTheFileWhenNothingIsThere() {
        Path missing = dir.resolve("missing.pem");
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> KeyFileOpener.files().open("pem_local_path", missing.toString()));
        assertEquals(List.of("pem_local_path [" + missing + "] not found: no file [" + missing + "]; expected a readable"
                + " file"), e.problems());
    }

    @Test
    void readsAFileOfExactlyTheLimit() throws Exception {
        Path file = Files.write(dir.resolve("large.json"), new byte[1_048_576]);

        assertEquals(1_048_576, KeyFileOpener.files().open("jwk_local_path", file.toString()).bytes().length);
    }

    @Test
    void refusesAFileOverTheLimitNamingTheSettingThePathTheSizeAndTheLimit() throws Exception {
        Path file = Files.write(dir.resolve("huge.pem"), new byte[1_048_577]);

        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> KeyFileOpener.files().open("pem_local_path", file.toString()));

        assertEquals(List.of("pem_local_path [" + file + "] is too large: file [" + file + "] holds [1048577] bytes;"
                + " expected a key file of at most [1048576] bytes"), e.problems());
    }

    @Test
    void refusesADirectory() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> KeyFileOpener.files().open("pem_local_path", dir.toString()));
        assertEquals(List.of("pem_local_path [" + dir + "] not found: no file [" + dir + "]; expected a readable file"),
                e.problems());
    }
}
