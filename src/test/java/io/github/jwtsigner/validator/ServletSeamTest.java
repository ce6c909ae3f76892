package io.github.jwtsigner.validator;

import com.nimbusds.jose.jwk.OctetSequenceKey;

import io.github.jwtsigner.JwtValidatorFilter;
import io.github.jwtsigner.Setting;
import io.github.jwtsigner.ValidatorConfig;
import io.github.jwtsigner.testing.RecordingResponse;
import io.github.jwtsigner.testing.TestKeys;
import io.github.jwtsigner.testing.TestRequest;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

import static io.github.jwtsigner.validator.Forge.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The wrapped request as the servlet API defines its methods: {@code startAsync()}, {@code login()},
 * {@code logout()} and {@code authenticate()} on a request authenticated by its token, and the header methods
 * for propagated claims that are absent or not numbers.
 */
class ServletSeamTest {
    private static final OctetSequenceKey HMAC = TestKeys.hmac(256, "h1");
    private static JwtValidatorFilter filter;
    private static JwtValidatorFilter anonymous;
    private static JwtValidatorFilter anonymousCookie;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        String jwks = TestKeys.set(HMAC);
        List<List<String>> propagate = List.of(List.of("sub", "X-User"), List.of("name", "X-Name"),
                List.of("missing", "X-Missing"));
        filter = Forge.filter(dir, jwks, ValidatorConfig.builder().alg("HS256").roles("admin")
                .set(Setting.PROPAGATE_CLAIMS, propagate));
        anonymous = Forge.filter(dir, jwks, ValidatorConfig.builder().alg("HS256").allowAnonymous(true)
                .set(Setting.PROPAGATE_CLAIMS, propagate));
        anonymousCookie = Forge.filter(dir, jwks, ValidatorConfig.builder().alg("HS256").allowAnonymous(true)
                .set(Setting.COOKIE_KEY, "access_token"));
    }

    private static String token(String extraClaims) throws Exception {
        return Forge.hmac(Forge.input("{\"alg\":\"HS256\",\"kid\":\"h1\"}", Forge.claims(extraClaims)),
                HMAC.toByteArray(), 256);
    }

    private static HttpServletRequest seen(JwtValidatorFilter f, TestRequest request) throws Exception {
        Forge.Result r = call(f, request);
        assertTrue(r.passed(), () -> r.status() + " " + r.response().getHeader("WWW-Authenticate"));
        return r.seen();
    }

    private static TestRequest withToken() throws Exception {
        return new TestRequest("GET", "/api").withHeader("Authorization", "Bearer "
                + token("\"roles\":[\"admin\"],\"name\":\"Alice\"")).withHeader("x-user", "mallory");
    }

    @Test
    void startAsyncWithoutArgumentsKeepsTheWrappedRequestAndTheChainsResponse() throws Exception {
        RecordingResponse response = new RecordingResponse();
        HttpServletRequest[] seen = new HttpServletRequest[1];
        filter.doFilter(withToken(), response, (q, s) -> seen[0] = (HttpServletRequest) q);
        AsyncContext async = seen[0].startAsync();
        HttpServletRequest asyncRequest = (HttpServletRequest) async.getRequest();
        assertSame(seen[0], asyncRequest);
        assertSame(response, async.getResponse());
        assertEquals("alice", asyncRequest.getUserPrincipal().getName());
        assertEquals("alice", asyncRequest.getHeader("X-User"));
    }

    @Test
    void anAnonymousRequestsStartAsyncKeepsTheClientsClaimHeadersHidden() throws Exception {
        HttpServletRequest seen = seen(anonymous, new TestRequest("GET", "/api").withHeader("X-User", "mallory"));
        assertNull(((HttpServletRequest) seen.startAsync().getRequest()).getHeader("X-User"));
    }

    @Test
    void logoutEndsTheTokensIdentityForTheRestOfTheRequest() throws Exception {
        HttpServletRequest seen = seen(filter, withToken());
        assertEquals("alice", seen.getRemoteUser());
        seen.logout();
        assertNull(seen.getUserPrincipal());
        assertNull(seen.getRemoteUser());
        assertNull(seen.getAuthType());
        assertFalse(seen.isUserInRole("admin"));
        assertFalse(seen.isUserInRole("**"));
        assertNull(seen.getAttribute(JwtValidatorFilter.CLAIMS_ATTRIBUTE));
        assertFalse(Collections.list(seen.getAttributeNames()).contains(JwtValidatorFilter.CLAIMS_ATTRIBUTE));
        assertNull(seen.getHeader("X-User"), "neither the claim nor the client's header");
        assertFalse(Collections.list(seen.getHeaderNames()).stream().anyMatch("x-user"::equalsIgnoreCase));
    }

    @Test
    void loginIsRefusedWhileTheTokenNamesTheUser() throws Exception {
        HttpServletRequest seen = seen(filter, withToken());
        ServletException e = assertThrows(ServletException.class, () -> seen.login("bob", "secret"));
        assertTrue(e.getMessage().contains("already authenticated"), e.getMessage());
        assertEquals("alice", seen.getRemoteUser(), "the refused login changed nothing");
        HttpServletRequest open = seen(anonymous, new TestRequest("GET", "/api"));
        assertThrows(UnsupportedOperationException.class, () -> open.login("bob", "secret"),
                "without a token the container's login() runs (the test request has none)");
    }

    @Test
    void authenticateIsTrueForATokenWithoutTouchingTheResponse() throws Exception {
        HttpServletRequest seen = seen(filter, withToken());
        RecordingResponse response = new RecordingResponse();
        assertTrue(seen.authenticate(response));
        assertFalse(response.isCommitted());
        assertNull(response.getHeader("WWW-Authenticate"));
        assertFalse(seen(anonymous, new TestRequest("GET", "/api")).authenticate(response),
                "without a token the container decides (the test request says false)");
    }

    /** A logout that "clears" the token cookie by giving it an empty value leaves no token, not a bad one. */
    @Test
    void anEmptyTokenCookieIsNoTokenSoAnAnonymousRequestStillPasses() throws Exception {
        assertTrue(call(anonymousCookie, new TestRequest("GET", "/page").withCookies(new Cookie("access_token", "")))
                .passed());
        assertTrue(call(anonymousCookie, new TestRequest("GET", "/page").withCookies(new Cookie("access_token", ""),
                new Cookie("access_token", token("\"x\":1")))).passed(),
                "one token, and one empty cookie, is one token");
        Forge.Result bad = call(anonymousCookie, new TestRequest("GET", "/page")
                .withCookies(new Cookie("access_token", "x.y.z")));
        assertEquals(401, bad.status(), "a cookie that holds something is still checked");
        assertFalse(bad.passed());
        Forge.Result emptyBearer = call(anonymousCookie, new TestRequest("GET", "/page")
                .withHeader("Authorization", "Bearer "));
        assertEquals(401, emptyBearer.status(), "an empty Bearer header is a bad token, as before");
    }

    @Test
    void headerMethodsOfPropagatedNamesFollowTheServletContract() throws Exception {
        HttpServletRequest seen = seen(filter, withToken());
        assertFalse(seen.getHeaders("X-Missing").hasMoreElements(), "an absent claim is no header");
        assertEquals(-1, seen.getIntHeader("X-Missing"));
        assertEquals(-1, seen.getDateHeader("X-Missing"));
        assertThrows(NumberFormatException.class, () -> seen.getIntHeader("X-Name"));
        assertThrows(IllegalArgumentException.class, () -> seen.getDateHeader("X-Name"));
        List<String> names = Collections.list(seen.getHeaderNames());
        assertEquals(1, names.stream().filter("x-user"::equalsIgnoreCase).count(), names.toString());
        assertFalse(seen.isUserInRole(null));
        assertFalse(seen.isUserInRole("ADMIN"), "roles match in their letter case, as the container's do");
        assertTrue(seen.isUserInRole("admin"));
    }
}
