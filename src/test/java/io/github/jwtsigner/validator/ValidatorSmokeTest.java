package io.github.jwtsigner.validator;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.github.jwtsigner.JwtValidatorFilter;
import io.github.jwtsigner.Setting;
import io.github.jwtsigner.ValidatorConfig;
import io.github.jwtsigner.testing.RecordingResponse;
import io.github.jwtsigner.testing.TestFilterConfig;
import io.github.jwtsigner.testing.TestKeys;
import io.github.jwtsigner.testing.TestRequest;
import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The validator end to end on test doubles: a first check of the main paths. */
class ValidatorSmokeTest {
    private static final OctetSequenceKey HMAC = TestKeys.hmac(256, "h1");
    private static final RSAKey RSA = TestKeys.rsa("r1");

    @TempDir
    static Path dir;
    private static Path jwks;

    @BeforeAll
    static void keys() throws Exception {
        jwks = dir.resolve("jwks.json");
        Files.writeString(jwks, TestKeys.set(HMAC, RSA.toPublicJWK()));
    }

    private static JwtValidatorFilter filter(ValidatorConfig.Builder b) throws Exception {
        JwtValidatorFilter f = new JwtValidatorFilter(b.jwkLocalPath(jwks.toString()).build());
        f.init(TestFilterConfig.of(Map.of()));
        return f;
    }

    private static String hs256(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("h1").type(JOSEObjectType.JWT)
                .build(), claims);
        jwt.sign(new MACSigner(HMAC));
        return jwt.serialize();
    }

    private static JWTClaimsSet.Builder valid() {
        return new JWTClaimsSet.Builder().subject("alice").expirationTime(new Date(System.currentTimeMillis() + 60_000))
                .claim("roles", List.of("admin", "user"));
    }

    private record Result(RecordingResponse response, HttpServletRequest seen) {
    }

    private static Result call(JwtValidatorFilter f, TestRequest request) throws Exception {
        RecordingResponse response = new RecordingResponse();
        AtomicReference<HttpServletRequest> seen = new AtomicReference<>();
        f.doFilter(request, response, (req, res) -> seen.set((HttpServletRequest) req));
        return new Result(response, seen.get());
    }

    @Test
    void acceptsAnHs256AndAnRs256TokenAndWrapsTheRequest() throws Exception {
        JwtValidatorFilter f = filter(ValidatorConfig.builder().alg("HS256", "RS256"));
        Result hs = call(f, new TestRequest("GET", "/api").withHeader("Authorization", "bearer " + hs256(valid().build())));
        assertEquals("alice", hs.seen().getUserPrincipal().getName());
        assertEquals("alice", hs.seen().getRemoteUser());
        assertTrue(hs.seen().isUserInRole("admin"));
        assertEquals("Bearer", hs.seen().getAuthType());
        assertEquals("alice", ((Map<?, ?>) hs.seen().getAttribute(JwtValidatorFilter.CLAIMS_ATTRIBUTE)).get("sub"));

        SignedJWT rs = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("r1").build(), valid().build());
        rs.sign(new RSASSASigner(RSA));
        Result r = call(f, new TestRequest("GET", "/api").withHeader("Authorization", "Bearer " + rs.serialize()));
        assertEquals("alice", r.seen().getUserPrincipal().getName());
    }

    @Test
    void refusesWhatItMust() throws Exception {
        JwtValidatorFilter f = filter(ValidatorConfig.builder().alg("HS256", "RS256").roles("admin")
                .set(Setting.PROPAGATE_CLAIMS, List.of(List.of("sub", "X-User"))));
        String good = hs256(valid().build());
        String none = "eyJhbGciOiJub25lIn0." + good.split("\\.")[1] + ".";
        String expired = hs256(valid().expirationTime(new Date(System.currentTimeMillis() - 5000)).build());
        String noRole = hs256(valid().claim("roles", List.of("user")).build());
        for (String[] c : new String[][] {{none, "401", "invalid_token"}, {expired, "401", "invalid_token"},
                {noRole, "403", "insufficient_scope"}, {good + "x", "401", "invalid_token"}}) {
            Result r = call(f, new TestRequest("GET", "/api").withHeader("Authorization", "Bearer " + c[0]));
            assertNull(r.seen(), c[1]);
            assertEquals(Integer.parseInt(c[1]), r.response().getStatus());
            assertTrue(r.response().getHeader("WWW-Authenticate").contains(c[2]), r.response().getHeader("WWW-Authenticate"));
            assertEquals("no-store", r.response().getHeader("Cache-Control"));
        }
        Result missing = call(f, new TestRequest("GET", "/api"));
        assertEquals(401, missing.response().getStatus());
        assertEquals("Bearer", missing.response().getHeader("WWW-Authenticate"));

        Result ok = call(f, new TestRequest("GET", "/api").withHeader("X-User", "mallory")
                .withHeader("Authorization", "Bearer " + good));
        assertEquals("alice", ok.seen().getHeader("x-user"));
    }

    @Test
    void allowAnonymousPassesARequestWithoutTokenButDropsSpoofedClaimHeaders() throws Exception {
        JwtValidatorFilter f = filter(ValidatorConfig.builder().alg("HS256").allowAnonymous(true)
                .set(Setting.PROPAGATE_CLAIMS, List.of(List.of("sub", "X-User"))));
        Result r = call(f, new TestRequest("GET", "/api").withHeader("X-User", "mallory"));
        assertNull(r.seen().getHeader("X-User"));
        assertNull(r.seen().getUserPrincipal());
        Result bad = call(f, new TestRequest("GET", "/api").withHeader("Authorization", "Bearer x.y.z"));
        assertEquals(401, bad.response().getStatus());
    }
}
