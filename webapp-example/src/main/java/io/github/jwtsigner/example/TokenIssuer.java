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
 * {@code {"access_token": {aud, iss, sub, preferred_username, jti, roles, iat, exp}, "refresh_token": {aud,
 * iss, sub, jti, iat, exp}, "exp": ...}}. The signing filter in front of the servlet turns both claim sets into
 * JWTs.
 *
 * <p>The two tokens have different audiences, {@value #AUDIENCE} and {@value #REFRESH_AUDIENCE}, so the
 * validator in front of the API refuses a refresh token and the one in front of {@code /refresh} refuses an
 * access token. The access token names the user in {@code preferred_username}, which the API sees as
 * {@code getRemoteUser()}. The access token lives 15 minutes, the refresh token 24 hours; every answer has
 * fresh random {@code jti}s, and the refresh token's is remembered so it can be exchanged once. Thread-safe.
 */
public final class TokenIssuer {
    /** The access token's {@code aud} claim: the API it is meant for. */
    public static final String AUDIENCE = "http://api.example.com";
    /** The refresh token's {@code aud} claim: only the monolith's refresh endpoint takes it. */
    public static final String REFRESH_AUDIENCE = "http://monolith.example.com/refresh";
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

        JsonObject access = claims(user, true, now, accessExpiry);
        JsonObject refresh = claims(user, false, now, refreshExpiry);
        refreshTokens.remember(refresh.get("jti").getAsString(), user.id(), refreshExpiry, now);

        JsonObject answer = new JsonObject();
        answer.add("access_token", access);
        answer.add("refresh_token", refresh);
        answer.addProperty("exp", accessExpiry.getEpochSecond());
        return answer;
    }

    /** An access token's claims, with the user's name and roles, or a refresh token's, without. */
    private static JsonObject claims(User user, boolean access, Instant issuedAt, Instant expiresAt) {
        JsonObject claims = new JsonObject();
        claims.addProperty("aud", access ? AUDIENCE : REFRESH_AUDIENCE);
        claims.addProperty("iss", ISSUER);
        claims.addProperty("sub", user.id());
        if (access) {
            claims.addProperty("preferred_username", user.name());
        }
        claims.addProperty("jti", UUID.randomUUID().toString());
        if (access) {
            JsonArray roles = new JsonArray();
            user.roles().forEach(roles::add);
            claims.add("roles", roles);
        }
        claims.addProperty("iat", issuedAt.getEpochSecond());
        claims.addProperty("exp", expiresAt.getEpochSecond());
        return claims;
    }
}
