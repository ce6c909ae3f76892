package io.github.jwtsigner.internal.ops;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.jwtsigner.ValidatorConfig;
import io.github.jwtsigner.internal.keys.VerificationKeys;
import io.github.jwtsigner.internal.rotation.KeyFileOpener;
import io.github.jwtsigner.internal.rotation.KeyRing;
import io.github.jwtsigner.internal.validation.Rejection;
import io.github.jwtsigner.internal.validation.TokenRejectedException;
import io.github.jwtsigner.internal.validation.TokenVerifier;
import io.github.jwtsigner.testing.RecordingLogger;
import io.github.jwtsigner.testing.Sim2Tokens;
import org.junit.jupiter.api.Test;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The validator's cache hits as a JMX client reads them: a hit counts only when the token is accepted. */
class ValidatorOperationsTest {
    private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();

    private final RecordingLogger log = new RecordingLogger();

    @Test
    void countsACacheHitOnlyWhenTheCachedTokenPassesItsClaimChecksAgain() throws Exception {
        ValidatorConfig config = ValidatorConfig.builder().alg("HS256").jwkLocalPath("sim2.json").build();
        KeyFileOpener sim2 = (setting, path) -> new KeyFileOpener.Opened(
                Sim2Tokens.jwkSetJson().getBytes(StandardCharsets.UTF_8), "test resource [" + path + "]", null);
        AtomicLong clock = new AtomicLong(System.currentTimeMillis());
        OctetSequenceKey key = (OctetSequenceKey) JWKSet.parse(Sim2Tokens.jwkSetJson()).getKeyByKeyId("sim2");
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("sim2").build(),
                new JWTClaimsSet.Builder().subject("alice").expirationTime(new Date(clock.get() + 60_000)).build());
        jwt.sign(new MACSigner(key));
        String token = jwt.serialize();
        try (KeyRing<VerificationKeys> ring = KeyRing.startVerifying(config, sim2, log)) {
            TokenVerifier verifier = new TokenVerifier(config, ring, ring::reloadEarly, clock::get);
            try (ValidatorOperations ops = ValidatorOperations.start("ops-cache-hits", "", ring, verifier::cacheHits,
                    null, log)) {
                ObjectName name = ops.objectName();
                verifier.verify(token);
                verifier.verify(token);
                assertEquals(1L, SERVER.getAttribute(name, "CacheHits"), "the second check found it verified");

                // The wall clock jumps past exp, while the cache's monotonic clock says the entry is still good.
                clock.addAndGet(120_000);
                TokenRejectedException e = assertThrows(TokenRejectedException.class, () -> verifier.verify(token));
                assertEquals(Rejection.EXPIRED, e.rejection());
                assertEquals(1L, SERVER.getAttribute(name, "CacheHits"), "a refused token is no accepted hit");
            }
        }
    }
}
