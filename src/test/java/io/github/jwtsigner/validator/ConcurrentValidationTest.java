package io.github.jwtsigner.validator;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;

import io.github.jwtsigner.JwtValidatorFilter;
import io.github.jwtsigner.Setting;
import io.github.jwtsigner.ValidatorConfig;
import io.github.jwtsigner.testing.TestKeys;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.github.jwtsigner.validator.Forge.b64;
import static io.github.jwtsigner.validator.Forge.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many threads sharing one filter, each alternating genuine and forged tokens of four algorithms, so that the
 * per-thread {@code Signature} and {@code Mac} objects and the cache are exercised under contention: every
 * answer must be the one a single thread gets. And the claims the servlet sees cannot be changed, so that one
 * request cannot alter what the cache hands the next.
 */
class ConcurrentValidationTest {
    private static final int THREADS = 8;
    private static final int ROUNDS = 150;

    @TempDir
    Path dir;

    private record Case(String token, String user) {
    }

    @Test
    void eightThreadsGetTheAnswersOneThreadGets() throws Exception {
        OctetSequenceKey hmac = TestKeys.hmac(256, "h1");
        RSAKey rsa = TestKeys.rsa("r1");
        ECKey ec = TestKeys.ec(Curve.P_256, "e1");
        for (int cacheSize : new int[] {0, 4}) {
            JwtValidatorFilter filter = Forge.filter(dir, TestKeys.set(hmac, rsa.toPublicJWK(), ec.toPublicJWK()),
                    ValidatorConfig.builder().alg("HS256", "RS256", "PS256", "ES256")
                            .set(Setting.VERIFIED_CACHE_SIZE, cacheSize));
            List<Case> cases = new ArrayList<>();
            for (String user : new String[] {"alice", "bob", "carol"}) {
                String claims = Forge.claims().replace("alice", user);
                String hs = Forge.input("{\"alg\":\"HS256\",\"kid\":\"h1\"}", claims);
                cases.add(new Case(Forge.hmac(hs, hmac.toByteArray(), 256), user));
                String rs = Forge.input("{\"alg\":\"RS256\",\"kid\":\"r1\"}", claims);
                String rsToken = rs + "." + b64(Forge.sign("SHA256withRSA", rsa.toPrivateKey(), rs));
                cases.add(new Case(rsToken, user));
                String ps = Forge.input("{\"alg\":\"PS256\",\"kid\":\"r1\"}", claims);
                cases.add(new Case(ps + "." + b64(Forge.pss(rsa.toPrivateKey(), ps, "SHA-256", "SHA-256", 32)), user));
                String es = Forge.input("{\"alg\":\"ES256\",\"kid\":\"e1\"}", claims);
                String esToken = es + "." + b64(Forge.sign("SHA256withECDSAinP1363Format", ec.toPrivateKey(), es));
                cases.add(new Case(esToken, user));
                // Forged: another user's claims under this signature; an HS256 MAC with the RSA key.
                String other = Forge.input("{\"alg\":\"RS256\",\"kid\":\"r1\"}", claims.replace(user, "mallory"));
                cases.add(new Case(other + rsToken.substring(rsToken.lastIndexOf('.')), null));
                cases.add(new Case(esToken.substring(0, esToken.lastIndexOf('.') + 1) + b64(new byte[64]), null));
                cases.add(new Case(Forge.hmac(hs.replace("h1", "r1"), rsa.toRSAPublicKey().getEncoded(), 256), null));
            }
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<Integer>> done = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int offset = t;
                    done.add(pool.submit(() -> {
                        go.await();
                        int checked = 0;
                        for (int i = 0; i < ROUNDS; i++) {
                            Case c = cases.get((i * 7 + offset) % cases.size());
                            Forge.Result r = bearer(filter, c.token());
                            if (c.user() == null) {
                                assertEquals(401, r.status(), c.token());
                                assertFalse(r.passed(), c.token());
                            } else {
                                assertTrue(r.passed(), c.token());
                                assertEquals(c.user(), r.seen().getRemoteUser());
                            }
                            checked++;
                        }
                        return checked;
                    }));
                }
                go.countDown();
                for (Future<Integer> f : done) {
                    assertEquals(ROUNDS, f.get(2, TimeUnit.MINUTES));
                }
            } finally {
                pool.shutdownNow();
            }
            filter.destroy();
        }
    }

    @Test
    void theClaimsAServletSeesCannotBeChangedAtAnyDepth() throws Exception {
        OctetSequenceKey hmac = TestKeys.hmac(256, "h1");
        JwtValidatorFilter filter = Forge.filter(dir, TestKeys.set(hmac), ValidatorConfig.builder().alg("HS256"));
        String token = Forge.hmac(Forge.input("{\"alg\":\"HS256\"}",
                Forge.claims("\"roles\":[\"user\"],\"realm\":{\"roles\":[\"user\"]}")), hmac.toByteArray(), 256);
        for (int i = 0; i < 2; i++) {
            Forge.Result r = bearer(filter, token);
            @SuppressWarnings("unchecked")
            Map<String, Object> claims = (Map<String, Object>) r.seen().getAttribute(
                    JwtValidatorFilter.CLAIMS_ATTRIBUTE);
            assertThrows(UnsupportedOperationException.class, () -> claims.put("sub", "admin"));
            @SuppressWarnings("unchecked")
            List<Object> roles = (List<Object>) claims.get("roles");
            assertThrows(UnsupportedOperationException.class, () -> roles.add("admin"));
            @SuppressWarnings("unchecked")
            Map<String, Object> realm = (Map<String, Object>) claims.get("realm");
            assertThrows(UnsupportedOperationException.class, () -> realm.put("roles", List.of("admin")));
            assertEquals(List.of("user"), claims.get("roles"), "round " + i);
            assertFalse(r.seen().isUserInRole("admin"));
        }
        filter.destroy();
    }
}
