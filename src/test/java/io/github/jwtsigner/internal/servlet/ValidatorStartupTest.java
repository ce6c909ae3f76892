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
    void eachRefusalIsOneDebugLineWithoutTheTokenAndTheCacheIsOffWithAZeroTtl(@TempDir Path dir) throws Exception {
        com.nimbusds.jose.jwk.OctetSequenceKey key = TestKeys.hmac(256, "h1");
        Path jwks = dir.resolve("jwks.json");
        Files.writeString(jwks, TestKeys.set(key));
        RecordingLogger log = new RecordingLogger();
        ValidatorStartup.Started started = ValidatorStartup.start(TestFilterConfig.of(Map.of()),
                ValidatorConfig.builder().alg("HS256").jwkLocalPath(jwks.toString())
                        .set(io.github.jwtsigner.Setting.VERIFIED_CACHE_TTL, java.time.Duration.ZERO).build(), log);
        try {
            com.nimbusds.jwt.SignedJWT jwt = new com.nimbusds.jwt.SignedJWT(new com.nimbusds.jose.JWSHeader.Builder(
                    com.nimbusds.jose.JWSAlgorithm.HS256).keyID("h1").build(), new com.nimbusds.jwt.JWTClaimsSet.Builder()
                    .subject("alice-the-claim").expirationTime(new java.util.Date(System.currentTimeMillis() + 60_000))
                    .build());
            jwt.sign(new com.nimbusds.jose.crypto.MACSigner(key));
            String good = jwt.serialize();
            String forged = good.substring(0, good.lastIndexOf('.') + 1) + "AAAA" + good.substring(good.lastIndexOf('.') + 5);
            int before = log.lines().size();
            for (String token : List.of(good, good, forged)) {
                started.validation().handle(new io.github.jwtsigner.testing.TestRequest("GET", "/api/x\r\nforged")
                        .withHeader("Authorization", "Bearer " + token), new io.github.jwtsigner.testing.RecordingResponse(),
                        (req, res) -> { });
            }
            List<RecordingLogger.Line> lines = log.lines().subList(before, log.lines().size());
            assertEquals(1, lines.size(), lines.toString());
            RecordingLogger.Line line = lines.get(0);
            assertEquals(Level.DEBUG, line.level());
            assertTrue(line.message().contains("GET \"/api/x\\r\\nforged\" refused with 401 (bad_signature)"),
                    line.message());
            assertTrue(!line.message().contains(forged.substring(0, 20)) && !line.message().contains("alice"),
                    line.message());
            assertEquals(0, started.validation().verifier().cachedCount(), "verified_cache_ttl 0s: no cache");
        } finally {
            started.keys().close();
        }
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
