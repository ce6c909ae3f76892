package io.github.jwtsigner.example;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenIssuerTest {
    private static final long NOW = 1_735_688_700L;
    private static final User JOHN = new User("1001", "john", List.of("role_a", "role_b"));

    private final RefreshTokenStore store = new RefreshTokenStore();
    private final TokenIssuer issuer = new TokenIssuer(
            Clock.fixed(Instant.ofEpochSecond(NOW).plusMillis(999), ZoneOffset.UTC), store);

    @Test
    void answersTheKrakenDShapeWithAccessTokenRefreshTokenAndExp() {
        JsonObject answer = issuer.issue(JOHN);

        assertEquals(List.of("access_token", "refresh_token", "exp"), List.copyOf(answer.keySet()));
        assertEquals(NOW + 900, answer.get("exp").getAsLong());
    }

    @Test
    void accessTokenHoldsSubjectNameRolesAndLastsFifteenMinutes() {
        JsonObject access = issuer.issue(JOHN).getAsJsonObject("access_token");

        assertEquals(List.of("aud", "iss", "sub", "preferred_username", "jti", "roles", "iat", "exp"),
                List.copyOf(access.keySet()));
        assertEquals("http://api.example.com", access.get("aud").getAsString());
        assertEquals(TokenIssuer.ISSUER, access.get("iss").getAsString());
        assertEquals("1001", access.get("sub").getAsString());
        assertEquals("john", access.get("preferred_username").getAsString());
        JsonArray roles = new JsonArray();
        roles.add("role_a");
        roles.add("role_b");
        assertEquals(roles, access.get("roles"));
        assertEquals(NOW, access.get("iat").getAsLong());
        assertEquals(NOW + 900, access.get("exp").getAsLong());
    }

    @Test
    void refreshTokenHasItsOwnAudienceNoNameNoRolesAndLastsADay() {
        JsonObject refresh = issuer.issue(JOHN).getAsJsonObject("refresh_token");

        assertEquals(List.of("aud", "iss", "sub", "jti", "iat", "exp"), List.copyOf(refresh.keySet()));
        assertEquals("http://monolith.example.com/refresh", refresh.get("aud").getAsString());
        assertEquals("1001", refresh.get("sub").getAsString());
        assertFalse(refresh.has("roles"));
        assertEquals(NOW + 86_400, refresh.get("exp").getAsLong());
    }

    @Test
    void everyLoginGetsFreshDistinctJtis() {
        JsonObject first = issuer.issue(JOHN);
        JsonObject second = issuer.issue(JOHN);

        assertNotEquals(jti(first, "access_token"), jti(first, "refresh_token"));
        assertNotEquals(jti(first, "access_token"), jti(second, "access_token"));
        assertNotEquals(jti(first, "refresh_token"), jti(second, "refresh_token"));
    }

    @Test
    void remembersOnlyTheRefreshTokenForOneExchange() {
        JsonObject answer = issuer.issue(JOHN);

        Instant now = Instant.ofEpochSecond(NOW);
        assertTrue(store.consume(jti(answer, "access_token"), now).isEmpty());
        assertEquals("1001", store.consume(jti(answer, "refresh_token"), now).orElseThrow());
    }

    private static String jti(JsonObject answer, String member) {
        return answer.getAsJsonObject(member).get("jti").getAsString();
    }
}
