package io.github.jwtsigner.it;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a client of the {@link AttackWebapp} may receive: a signed answer, the filter's fail-closed answer, and
 * never the plain claim set (the marker subject {@value AttackServlet#MARKER} in clear).
 */
final class Answers {
    /** The exact body of the filter's fail-closed answer. */
    static final String FAIL_CLOSED_BODY = "{\"error\":\"token signing failed\"}";

    private Answers() {
    }

    /** Whatever the status: the body does not hold the plain claim set. */
    static void assertNoUnsignedClaim(HttpResponse<String> r) {
        assertFalse(r.body().contains(AttackServlet.MARKER), () -> "the unsigned claim leaked: " + describe(r));
    }

    /**
     * The answer is signed: {@code status}, a JSON type, {@code Cache-Control: no-store}, the marker absent, and
     * an {@code access_token} that is a compact JWS verifying with {@code sim2}.
     *
     * @return the verified claims of the access token
     */
    static JsonObject assertSigned(HttpResponse<String> r, int status) {
        String token = assertSignedShape(r, status);
        JsonObject claims = TokenVerifier.sim2().verify(token);
        assertEquals(AttackServlet.MARKER, claims.get("sub").getAsString(), () -> describe(r));
        return claims;
    }

    /** As {@link #assertSigned}, but returns the verified payload as text (for payloads too deep for Gson). */
    static String assertSignedPayload(HttpResponse<String> r, int status) {
        return TokenVerifier.sim2().verifiedPayload(assertSignedShape(r, status));
    }

    private static String assertSignedShape(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), () -> "status: " + describe(r));
        assertTrue(isJson(r), () -> "Content-Type: " + describe(r));
        assertNoUnsignedClaim(r);
        assertFalse(r.body().isBlank(), () -> "an empty body: " + describe(r));
        JsonElement body = JsonParser.parseString(r.body());
        JsonElement token = body.isJsonObject() ? body.getAsJsonObject().get("access_token") : null;
        assertTrue(token != null && token.isJsonPrimitive() && token.getAsJsonPrimitive().isString(),
                () -> "access_token is not a token: " + describe(r));
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(null), () -> describe(r));
        return token.getAsString();
    }

    /**
     * The filter's fail-closed answer, exactly: 500, a JSON type, {@code Cache-Control: no-store}, the body
     * {@value #FAIL_CLOSED_BODY}, none of the servlet's cookies.
     */
    static void assertFailClosed(HttpResponse<String> r) {
        assertTrue(isFailClosed(r), () -> "expected the fail-closed answer: " + describe(r));
        assertFalse(hasServletCookie(r), () -> "the servlet's cookie went out: " + describe(r));
    }

    static boolean isFailClosed(HttpResponse<String> r) {
        return r.statusCode() == 500 && isJson(r) && FAIL_CLOSED_BODY.equals(r.body())
                && "no-store".equals(r.headers().firstValue("Cache-Control").orElse(null));
    }

    static boolean hasServletCookie(HttpResponse<String> r) {
        return r.headers().allValues("Set-Cookie").stream()
                .anyMatch(c -> c.startsWith(AttackServlet.COOKIE_NAME + "="));
    }

    /** The media type of the answer, lower case without parameters; null without a Content-Type. */
    static String mediaType(HttpResponse<String> r) {
        return r.headers().firstValue("Content-Type")
                .map(t -> t.split(";", 2)[0].trim().toLowerCase(Locale.ROOT))
                .orElse(null);
    }

    /** A JSON type as the filter reads one: {@code application/json}, {@code application/*+json}, {@code text/json}. */
    static boolean isJson(HttpResponse<String> r) {
        String type = mediaType(r);
        return type != null && (List.of("application/json", "text/json").contains(type)
                || type.startsWith("application/") && type.endsWith("+json"));
    }

    static boolean is2xx(HttpResponse<String> r) {
        return r.statusCode() >= 200 && r.statusCode() <= 299;
    }

    /** What two answers must share to be the same: status, media type and body (HS256 tokens are deterministic). */
    static String outcome(HttpResponse<String> r) {
        return r.statusCode() + " " + mediaType(r) + " " + r.body();
    }

    /** Status, headers and the start of the body, for assertion messages. */
    static String describe(HttpResponse<String> r) {
        String body = r.body();
        if (body.length() > 400) {
            body = body.substring(0, 400) + "... (" + body.length() + " chars)";
        }
        return r.statusCode() + " " + r.headers().map() + " body [" + body + "]";
    }
}
