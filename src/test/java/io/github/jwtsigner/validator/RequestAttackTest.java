package io.github.jwtsigner.validator;

import com.nimbusds.jose.jwk.OctetSequenceKey;

import io.github.jwtsigner.JwtValidatorFilter;
import io.github.jwtsigner.Setting;
import io.github.jwtsigner.ValidatorConfig;
import io.github.jwtsigner.internal.servlet.ValidatorStartup;
import io.github.jwtsigner.testing.RecordingLogger;
import io.github.jwtsigner.testing.RecordingResponse;
import io.github.jwtsigner.testing.TestFilterConfig;
import io.github.jwtsigner.testing.TestKeys;
import io.github.jwtsigner.testing.TestRequest;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static io.github.jwtsigner.validator.Forge.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a client controls besides the token: how it is sent (scheme spelling, header and cookie together, twice),
 * headers named like propagated claims, and what comes back (the 401 body, the challenge, the log line), which
 * must hold nothing of the request.
 */
class RequestAttackTest {
    private static final OctetSequenceKey HMAC = TestKeys.hmac(256, "h1");
    private static final String HEADER = "{\"alg\":\"HS256\",\"kid\":\"h1\"}";
    private static JwtValidatorFilter filter;
    private static Path jwks;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        jwks = dir.resolve("jwks.json");
        Files.writeString(jwks, TestKeys.set(HMAC));
        filter = new JwtValidatorFilter(config().build());
        filter.init(TestFilterConfig.of(Map.of()));
    }

    private static ValidatorConfig.Builder config() {
        return ValidatorConfig.builder().alg("HS256").jwkLocalPath(jwks.toString())
                .set(Setting.COOKIE_KEY, "jwt")
                .set(Setting.PROPAGATE_CLAIMS, List.of(List.of("sub", "X-User"), List.of("name", "X-Name"),
                        List.of("groups", "X-Groups"), List.of("meta", "X-Meta")));
    }

    private static String token(String claims) throws Exception {
        return Forge.hmac(Forge.input(HEADER, claims), HMAC.toByteArray(), 256);
    }

    private static String good() throws Exception {
        return token(Forge.claims());
    }

    private static TestRequest get() {
        return new TestRequest("GET", "/api");
    }

    @Test
    void theSchemeIsBearerFollowedBySpaceOrTab() throws Exception {
        String t = good();
        for (String v : new String[] {"Bearer " + t, "bearer " + t, "BEARER " + t, "Bearer  " + t, "Bearer\t" + t,
                " Bearer " + t + " "}) {
            assertTrue(call(filter, get().withHeader("Authorization", v)).passed(), v);
        }
        for (String v : new String[] {"Bearer\u00a0" + t, "Bearer" + t, "Bearer:" + t, "Bearer " + t + " x",
                "Bearer " + t + "," + t, "Token " + t, t, "Bearer \u00a0" + t, "Bearer " + t + "\u200b",
                "Bearer " + t.replace('.', '\u2024')}) {
            Forge.Result r = call(filter, get().withHeader("Authorization", v));
            assertFalse(r.passed(), v);
            assertEquals(401, r.status(), v);
        }
    }

    @Test
    void theHeaderDecidesWhenItHoldsABearerTokenAndTwoTokensAreAnError() throws Exception {
        String t = good();
        Forge.Result bad = call(filter, get().withHeader("Authorization", "Bearer x.y.z")
                .withCookies(new Cookie("jwt", t)));
        assertFalse(bad.passed(), "a bad header token is not replaced by a good cookie");
        assertEquals(401, bad.status());
        Forge.Result empty = call(filter, get().withHeader("Authorization", "Bearer")
                .withCookies(new Cookie("jwt", t)));
        assertFalse(empty.passed(), "an empty bearer header is not replaced by the cookie");
        Forge.Result two = call(filter, get().withHeader("Authorization", "Bearer " + t)
                .withHeader("Authorization", "Bearer " + t));
        assertEquals(400, two.status());
        assertFalse(two.passed());
        Forge.Result twoCookies = call(filter, get().withCookies(new Cookie("jwt", t), new Cookie("jwt", "x.y.z")));
        assertEquals(400, twoCookies.status());
        assertFalse(twoCookies.passed());
        assertTrue(call(filter, get().withCookies(new Cookie("JWT", "x"), new Cookie("jwt", t))).passed(),
                "cookie names are case-sensitive");
    }

    @Test
    void propagatedHeadersHoldOnlyTheTokensClaimsAndNeverAControlCharacter() throws Exception {
        String claims = Forge.claims("\"name\":\"a\\r\\nX-Admin: true\",\"groups\":[\"g1\",\"g\\u000b2\"],"
                + "\"meta\":{\"k\":\"v\\u0085\"}");
        Forge.Result r = call(filter, get().withHeader("Authorization", "Bearer " + token(claims))
                .withHeader("X-Name", "spoofed").withHeader("x-user", "mallory").withHeader("X-Groups", "admins"));
        assertTrue(r.passed());
        HttpServletRequest seen = r.seen();
        assertEquals("alice", seen.getHeader("X-User"));
        assertEquals(List.of("alice"), Collections.list(seen.getHeaders("X-USER")));
        assertNull(seen.getHeader("X-Name"), "a claim with CR LF is dropped, and so is the client's header");
        assertFalse(Collections.list(seen.getHeaders("x-name")).contains("spoofed"));
        assertNull(seen.getHeader("X-Groups"), "a vertical tab is no header text either");
        List<String> names = Collections.list(seen.getHeaderNames());
        assertFalse(names.stream().anyMatch(n -> n.equalsIgnoreCase("x-name") || n.equalsIgnoreCase("x-groups")),
                names.toString());
        assertEquals(1, names.stream().filter(n -> n.equalsIgnoreCase("x-user")).count(), names.toString());
        String meta = seen.getHeader("X-Meta");
        assertTrue(meta == null || meta.chars().noneMatch(Character::isISOControl), meta);
    }

    @Test
    void aSpoofedClaimsAttributeIsNeverSeen() throws Exception {
        TestRequest anonymous = get();
        anonymous.setAttribute(JwtValidatorFilter.CLAIMS_ATTRIBUTE, Map.of("sub", "admin"));
        JwtValidatorFilter open = new JwtValidatorFilter(config().allowAnonymous(true).build());
        open.init(TestFilterConfig.of(Map.of()));
        Forge.Result r = call(open, anonymous);
        assertTrue(r.passed());
        assertNull(r.seen().getAttribute(JwtValidatorFilter.CLAIMS_ATTRIBUTE));
        assertFalse(Collections.list(r.seen().getAttributeNames()).contains(JwtValidatorFilter.CLAIMS_ATTRIBUTE));
        assertNull(r.seen().getUserPrincipal());

        TestRequest withToken = get().withHeader("Authorization", "Bearer " + good());
        withToken.setAttribute(JwtValidatorFilter.CLAIMS_ATTRIBUTE, Map.of("sub", "admin"));
        Forge.Result t = call(filter, withToken);
        assertEquals("alice", ((Map<?, ?>) t.seen().getAttribute(JwtValidatorFilter.CLAIMS_ATTRIBUTE)).get("sub"));
        assertEquals(1, Collections.list(t.seen().getAttributeNames()).stream()
                .filter(JwtValidatorFilter.CLAIMS_ATTRIBUTE::equals).count());
    }

    @Test
    void theAnswerAndTheLogLineHoldNothingOfTheRequest() throws Exception {
        RecordingLogger log = new RecordingLogger();
        ValidatorStartup.Started started = ValidatorStartup.start(null, config().roles("admin").build(), log);
        try {
            String secretClaim = "s3cr3t-claim-value";
            String[] tokens = {token(Forge.claims("\"name\":\"" + secretClaim + "\"")),
                    Forge.hmac(Forge.input("{\"alg\":\"HS256\",\"kid\":\"" + secretClaim + "\"}", Forge.claims()),
                            HMAC.toByteArray(), 256),
                    Forge.input("{\"alg\":\"HS256\",\"kid\":\"h1\"}", Forge.claims("\"name\":\"" + secretClaim + "\""))
                            + ".c2lnbmF0dXJl",
                    "\"quoted\r\n" + secretClaim + "\"",
                    secretClaim + "." + secretClaim + "." + secretClaim};
            for (String t : tokens) {
                RecordingResponse response = new RecordingResponse();
                AtomicReference<Object> ran = new AtomicReference<>();
                started.validation().handle(new TestRequest("GET", "/api\r\nINFO: forged\u0085line\u2028x")
                        .withHeader("Authorization", "Bearer " + t), response, (q, s) -> ran.set(q));
                assertNull(ran.get());
                String body = response.bodyText(StandardCharsets.UTF_8);
                String challenge = response.getHeader("WWW-Authenticate");
                for (String part : t.split("\\.")) {
                    assertFalse(body.contains(part) || challenge.contains(part), body + " / " + challenge);
                }
                assertFalse(body.contains(secretClaim) || challenge.contains(secretClaim));
                assertTrue(challenge.chars().allMatch(c -> c >= 0x20 && c < 0x7f), challenge);
            }
            List<RecordingLogger.Line> lines = log.lines();
            assertTrue(lines.size() > tokens.length, lines.toString());
            for (RecordingLogger.Line line : lines) {
                assertFalse(line.message().contains(secretClaim), line.message());
                for (String t : tokens) {
                    for (String part : t.split("\\.")) {
                        assertFalse(line.message().contains(part), line.message());
                    }
                }
                assertTrue(line.message().chars().noneMatch(c -> Character.isISOControl(c) || c == 0x2028
                        || c == 0x2029), line.message());
            }
        } finally {
            started.keys().close();
        }
    }
}
