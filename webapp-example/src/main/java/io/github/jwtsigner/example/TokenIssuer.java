package io.github.jwtsigner.example;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Builds the login answer with plain, unsigned claim sets, in the shape of KrakenD's example:
 * {@code {"access_token": {aud, iss, sub, jti, roles, iat, exp}, "refresh_token": {aud, iss, sub, jti, iat,
 * exp}, "exp": ...}}. The signing filter in front of the servlet turns both claim sets into JWTs.
 *
 * <p>The access token lives 15 minutes, the refresh token 24 hours; every answer has fresh random
 * {@code jti}s, and the refresh token's is remembered so it can be exchanged once. Thread-safe.
 */
public final class TokenIssuer {
    /** The {@code aud} claim: who the tokens are meant for. */
    public static final String AUDIENCE = "http://api.example.com";
    /** The {@code iss} claim: who issued them. */
    public static final String ISSUER = "http://monolith.example.com";
    public static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofMinutes(15);
    public static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofHours(24);

    private final Clock clock;
    private final RefreshTokenStore refreshTokens;

    public TokenIssuer(Clock clock, RefreshTokenStore refreshTokens) {
        this.clock = clock;
        this.refreshTokens = refreshTokens;
    }

    /** @return the login answer for {@code user}, issued now */
    public JsonObject issue(User user) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant accessExpiry = now.plus(ACCESS_TOKEN_LIFETIME);
        Instant refreshExpiry = now.plus(REFRESH_TOKEN_LIFETIME);

        JsonArray roles = new JsonArray();
        user.roles().forEach(roles::add);
        JsonObject access = claims(user, roles, now, accessExpiry);
        JsonObject refresh = claims(user, null, now, refreshExpiry);
        refreshTokens.remember(refresh.get("jti").getAsString(), user.id(), refreshExpiry, now);

        JsonObject answer = new JsonObject();
        answer.add("access_token", access);
        answer.add("refresh_token", refresh);
        answer.addProperty("exp", accessExpiry.getEpochSecond());
        return answer;
    }

    private static JsonObject claims(User user, JsonArray roles, Instant issuedAt, Instant expiresAt) {
        JsonObject claims = new JsonObject();
        claims.addProperty("aud", AUDIENCE);
        claims.addProperty("iss", ISSUER);
        claims.addProperty("sub", user.id());
        claims.addProperty("jti", UUID.randomUUID().toString());
        if (roles != null) {
            claims.add("roles", roles);
        }
        claims.addProperty("iat", issuedAt.getEpochSecond());
        claims.addProperty("exp", expiresAt.getEpochSecond());
        return claims;
    }
}
