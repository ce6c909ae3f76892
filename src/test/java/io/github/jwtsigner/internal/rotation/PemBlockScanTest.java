package io.github.jwtsigner.internal.rotation;

import io.github.jwtsigner.internal.keys.PemKeyReader;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jwtsigner.InvalidConfigurationException;
import io.github.jwtsigner.internal.settings.SettingFile;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** How long reading a PEM file of at most SettingFile.MAX_KEY_FILE_BYTES takes, whatever it holds. */
class PemBlockScanTest {
    private static byte[] repeated(String unit) {
        StringBuilder b = new StringBuilder(SettingFile.MAX_KEY_FILE_BYTES);
        while (b.length() + unit.length() <= SettingFile.MAX_KEY_FILE_BYTES) {
            b.append(unit);
        }
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void aFileOfBeginLinesWithoutEndIsRefusedInBoundedTime() {
        byte[] file = repeated("-----BEGIN CERTIFICATE-----\n");
        long start = System.nanoTime();
        InvalidConfigurationException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(InvalidConfigurationException.class,
                        () -> PemKeyReader.read(file, "pem_local_path [key.pem]")));
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertTrue(millis < 2000, "took " + millis + " ms: " + e.getMessage());
    }

    @Test
    void tenThousandCertificateBlocksAreRefusedWithAShortMessage() {
        byte[] file = repeated("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        InvalidConfigurationException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(InvalidConfigurationException.class,
                        () -> PemKeyReader.read(file, "pem_local_path [key.pem]")));
        assertTrue(e.getMessage().length() < 4096, "a message of " + e.getMessage().length() + " characters");
    }
}
