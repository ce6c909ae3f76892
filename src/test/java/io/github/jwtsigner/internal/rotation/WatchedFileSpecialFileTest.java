package io.github.jwtsigner.internal.rotation;

import io.github.jwtsigner.internal.jws.TokenSigner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;

import io.github.jwtsigner.SignerConfig;
import io.github.jwtsigner.testing.RecordingLogger;
import io.github.jwtsigner.testing.TestKeys;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A watched jwk_local_path that is replaced by something that is not a regular file. The first read refuses
 * anything but a regular file; a reload must not block on one either, or key rotation stops for good.
 */
class WatchedFileSpecialFileTest {
    private static final ECKey FIRST = TestKeys.ec(Curve.P_256, "first");
    private static final ECKey SECOND = TestKeys.ec(Curve.P_256, "second");

    @TempDir
    Path dir;

    @Test
    void aWatchedFileReplacedByAFifoDoesNotStopKeyRotation() throws Exception {
        Path file = Files.writeString(dir.resolve("jwk.json"), TestKeys.set(FIRST));
        Path fifo = dir.resolve("fifo");
        assumeTrue(mkfifo(fifo), "mkfifo is not available");
        SignerConfig config = SignerConfig.builder().alg("ES256").keysToSign("access_token")
                .jwkLocalPath(file.toString()).jwkLocalCheckInterval(Duration.ofMillis(100)).build();
        RecordingLogger log = new RecordingLogger();
        KeyRing<TokenSigner> ring = KeyRing.start(config, KeyFileOpener.files(), log);
        try {
            assertEquals("first", ring.get().kid());
            // Someone (or a broken deployment script) puts a FIFO where the key file was.
            Files.move(fifo, file, StandardCopyOption.REPLACE_EXISTING);
            Thread.sleep(600);
            // The file is fixed again, with a new key.
            Path fixed = Files.writeString(dir.resolve("jwk.json.new"), TestKeys.set(SECOND));
            Files.move(fixed, file, StandardCopyOption.REPLACE_EXISTING);
            long end = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (!ring.get().kid().equals("second") && System.nanoTime() < end) {
                Thread.sleep(50);
            }
            String kid = ring.get().kid();
            assertEquals("second", kid, "the fixed key file was never reloaded; refresh thread: "
                    + refreshThreadStack() + "; log: " + log.lines());
        } finally {
            ring.close();
            releaseReaders(dir);
        }
    }

    @Test
    void closingTheRingStopsItsThreadEvenWhenTheFileIsAFifo() throws Exception {
        Path file = Files.writeString(dir.resolve("jwk.json"), TestKeys.set(FIRST));
        Path fifo = dir.resolve("fifo");
        assumeTrue(mkfifo(fifo), "mkfifo is not available");
        SignerConfig config = SignerConfig.builder().alg("ES256").keysToSign("access_token")
                .jwkLocalPath(file.toString()).jwkLocalCheckInterval(Duration.ofMillis(100)).build();
        KeyRing<TokenSigner> ring = KeyRing.start(config, KeyFileOpener.files(), new RecordingLogger());
        Path held = dir.resolve("held");
        try {
            Files.move(fifo, file, StandardCopyOption.REPLACE_EXISTING);
            Thread.sleep(600);
            ring.close();
            // Keep the FIFO's name for releasing the reader afterwards.
            Files.move(file, held);
            assertTrue(ring.isStopped(), "the key refresh thread outlives close() (a webapp redeploy leaks it"
                    + " with its class loader): " + refreshThreadStack());
        } finally {
            if (Files.exists(held)) {
                Files.move(held, file, StandardCopyOption.REPLACE_EXISTING);
            }
            releaseReaders(dir);
        }
    }

    private static String refreshThreadStack() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getName().equals(KeyRing.REFRESH_THREAD_NAME))
                .map(e -> java.util.Arrays.toString(java.util.Arrays.copyOf(e.getValue(),
                        Math.min(6, e.getValue().length))))
                .toList().toString();
    }

    private static boolean mkfifo(Path fifo) throws InterruptedException {
        try {
            Process p = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Opens each FIFO for writing once, so that a reader blocked in open() returns. */
    private static void releaseReaders(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                if (!Files.isRegularFile(p) && !Files.isDirectory(p) && Files.exists(p)) {
                    Thread t = new Thread(() -> {
                        try (FileOutputStream out = new FileOutputStream(p.toFile())) {
                            out.flush();
                        } catch (IOException e) {
                            // nothing to release
                        }
                    });
                    t.setDaemon(true);
                    t.start();
                }
            }
        }
    }
}
