package io.github.jwtsigner.internal.rotation;

import io.github.jwtsigner.internal.jws.TokenSigner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;

import io.github.jwtsigner.InvalidConfigurationException;
import io.github.jwtsigner.SignerConfig;
import io.github.jwtsigner.testing.TestKeys;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwkFileLoaderTest {
    private static final ECKey FIRST = TestKeys.ec(Curve.P_256, "first");
    private static final ECKey SECOND = TestKeys.ec(Curve.P_256, "second");

    @TempDir
    Path dir;

    private static SignerConfig config(String path, Duration interval) {
        return SignerConfig.builder().alg("ES256").keysToSign("access_token").jwkLocalPath(path)
                .jwkLocalCheckInterval(interval).build();
    }

    /** An opener that finds the set inside a war: no file to watch. */
    private static KeyFileOpener resource(String text) {
        return (setting, path) -> new KeyFileOpener.Opened(text.getBytes(StandardCharsets.UTF_8),
                "webapp resource [/" + path + "]", null);
    }

    @Test
    void readsAResourceThatIsNotAFileOnce() throws Exception {
        JwkFileLoader<TokenSigner> source = SigningLoaders.jwkFile(config("WEB-INF/jwk.json", Duration.ofSeconds(5)),
                resource(TestKeys.set(FIRST)));

        assertEquals("first", source.load().kid());
        assertEquals(Duration.ZERO, source.reloadInterval());
        assertEquals("read once from webapp resource [/WEB-INF/jwk.json], which is not a file that can be watched",
                source.reloadPolicy());
        assertEquals("jwk_local_path [WEB-INF/jwk.json]", source.description());
        assertEquals(Level.ERROR, source.failureLevel());
    }

    @Test
    void dropsALeadingByteOrderMark() {
        JwkFileLoader<TokenSigner> source = SigningLoaders.jwkFile(config("WEB-INF/jwk.json", Duration.ZERO),
                resource("\uFEFF" + TestKeys.set(FIRST)));

        assertEquals("first", source.load().kid());
    }

    @Test
    void watchesAFileAndReloadsItOnlyWhenItsContentChanged() throws Exception {
        Path file = Files.writeString(dir.resolve("jwk.json"), TestKeys.set(FIRST));
        JwkFileLoader<TokenSigner> source = SigningLoaders.jwkFile(config(file.toString(), Duration.ofSeconds(2)),
                KeyFileOpener.files());
        source.load();
        assertEquals(Duration.ofSeconds(2), source.reloadInterval());
        assertEquals(Optional.empty(), source.reload());

        Files.writeString(file, TestKeys.set(FIRST));
        assertEquals(Optional.empty(), source.reload(), "the same bytes written again: nothing to reload");

        Files.writeString(file, TestKeys.set(SECOND, FIRST));
        assertEquals("second", source.reload().orElseThrow().kid());
        assertEquals(Optional.empty(), source.reload());
    }

    @Test
    void reportsAVanishedFileOnce() throws Exception {
        Path file = Files.writeString(dir.resolve("jwk.json"), TestKeys.set(FIRST));
        JwkFileLoader<TokenSigner> source = SigningLoaders.jwkFile(config(file.toString(), Duration.ofSeconds(2)),
                KeyFileOpener.files());
        source.load();
        Files.delete(file);

        IOException e = assertThrows(IOException.class, source::reload);
        assertEquals("file [" + file + "] is gone", e.getMessage());
        assertEquals(Optional.empty(), source.reload());

        Files.writeString(file, TestKeys.set(FIRST));
        assertEquals(Optional.empty(), source.reload(), "back with the same keys: nothing to reload");
    }

    @Test
    void refusesAJwkSetFileOverTheLimitAtStartup() throws Exception {
        String set = TestKeys.set(FIRST);
        Path file = Files.writeString(dir.resolve("jwk.json"), set + " ".repeat(1_048_577 - set.length()));
        JwkFileLoader<TokenSigner> source = SigningLoaders.jwkFile(config(file.toString(), Duration.ZERO), KeyFileOpener.files());

        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, source::load);

        assertEquals(java.util.List.of("jwk_local_path [" + file + "] is too large: file [" + file + "] holds"
                + " [1048577] bytes; expected a key file of at most [1048576] bytes"), e.problems());
    }

    @Test
    void reportsAFileWithoutUsableKeyAtStartup() throws Exception {
        Path file = Files.writeString(dir.resolve("jwk.json"), TestKeys.set(FIRST.toPublicJWK()));
        JwkFileLoader<TokenSigner> source = SigningLoaders.jwkFile(config(file.toString(), Duration.ZERO), KeyFileOpener.files());

        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, source::load);
        assertTrue(e.getMessage().contains("key [0] with kid [first] is a public key"), e.getMessage());
    }
}
