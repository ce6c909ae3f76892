package io.github.jwtsigner.internal.servlet;

import io.github.jwtsigner.ValidatorConfig;
import io.github.jwtsigner.testing.RecordingLogger;
import io.github.jwtsigner.testing.TestFilterConfig;
import io.github.jwtsigner.testing.TestKeys;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValidatorStartupTest {

    private static List<RecordingLogger.Line> start(Path jwks, String... algs) {
        RecordingLogger log = new RecordingLogger();
        ValidatorStartup.Started started = ValidatorStartup.start(TestFilterConfig.of(Map.of()),
                ValidatorConfig.builder().alg(algs).jwkLocalPath(jwks.toString()).build(), log);
        started.keys().close();
        return log.lines();
    }

    @Test
    void anAllowedAlgThatNoKeyFitsIsAWarningNamingIt(@TempDir Path dir) throws Exception {
        Path jwks = dir.resolve("jwks.json");
        Files.writeString(jwks, TestKeys.set(TestKeys.rsa("r1").toPublicJWK()));

        List<RecordingLogger.Line> lines = start(jwks, "HS256", "RS256", "ES256");

        List<RecordingLogger.Line> warnings = lines.stream().filter(l -> l.level() == Level.WARNING).toList();
        assertEquals(1, warnings.size(), lines.toString());
        String w = warnings.get(0).message();
        assertTrue(w.contains("fits alg [HS256, ES256]") && w.contains("the keys there fit [RS256]")
                && w.contains("jwk_local_path"), w);
    }

    @Test
    void noWarningWhenEveryAllowedAlgHasAKey(@TempDir Path dir) throws Exception {
        Path jwks = dir.resolve("jwks.json");
        Files.writeString(jwks, TestKeys.set(TestKeys.rsa("r1").toPublicJWK(), TestKeys.hmac(256, "h1")));

        List<RecordingLogger.Line> lines = start(jwks, "HS256", "RS256", "PS256");

        assertTrue(lines.stream().noneMatch(l -> l.level() == Level.WARNING), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.level() == Level.INFO && l.message().contains("ready")), lines.toString());
    }
}
