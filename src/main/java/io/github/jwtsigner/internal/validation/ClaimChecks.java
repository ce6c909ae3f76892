package io.github.jwtsigner.internal.validation;

import io.github.jwtsigner.Setting;
import io.github.jwtsigner.ValidatorConfig;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks of a verified token's claims, run on every request: {@code exp} (required), {@code nbf} and
 * {@code iat} with the leeway, {@code iss}, every configured {@code aud}, a string principal, then the roles and
 * scopes (a 403, where the others are 401).
 *
 * <p>Immutable and thread-safe.
 */
final class ClaimChecks {
    private static final long MAX_SECONDS = Long.MAX_VALUE / 1000 - 1;

    private final String issuer;
    private final List<String> audience;
    private final String principalClaim;
    private final String rolesKey;
    private final boolean rolesNested;
    private final List<String> roles;
    private final String scopesKey;
    private final List<String> scopes;
    private final boolean allScopes;

    ClaimChecks(ValidatorConfig config) {
        this.issuer = config.text(Setting.ISSUER);
        this.audience = config.texts(Setting.AUDIENCE);
        this.principalClaim = config.text(Setting.PRINCIPAL_CLAIM);
        this.rolesKey = config.text(Setting.ROLES_KEY);
        this.rolesNested = config.flag(Setting.ROLES_KEY_IS_NESTED);
        this.roles = config.texts(Setting.ROLES);
        this.scopesKey = config.text(Setting.SCOPES_KEY);
        this.scopes = config.texts(Setting.SCOPES);
        this.allScopes = config.scopesMatcher() == ValidatorConfig.ScopesMatcher.ALL;
    }

    VerifiedToken check(Map<String, Object> claims, String kid, long nowMillis, long leewayMillis)
            throws TokenRejectedException {
        return check(claims, kid, null, nowMillis, leewayMillis);
    }

    /**
     * Every check again, for a token from the cache: its claims and the settings cannot have changed, so the
     * token that passed before is returned when they pass again.
     */
    VerifiedToken check(VerifiedToken cached, long nowMillis, long leewayMillis) throws TokenRejectedException {
        return check(cached.claims(), cached.kid(), cached, nowMillis, leewayMillis);
    }

    private VerifiedToken check(Map<String, Object> claims, String kid, VerifiedToken cached, long nowMillis,
            long leewayMillis) throws TokenRejectedException {
        Object exp = claims.get("exp");
        if (exp == null) {
            throw Rejection.NO_EXP.exception();
        }
        if (compare(seconds(exp), nowMillis - leewayMillis) <= 0) {
            throw Rejection.EXPIRED.exception();
        }
        Object nbf = claims.get("nbf");
        if (nbf != null && compare(seconds(nbf), nowMillis + leewayMillis) > 0) {
            throw Rejection.NOT_YET_VALID.exception();
        }
        Object iat = claims.get("iat");
        if (iat != null && compare(seconds(iat), nowMillis + leewayMillis) > 0) {
            throw Rejection.ISSUED_IN_FUTURE.exception();
        }
        Object iss = claims.get("iss");
        if (iss != null && !(iss instanceof String)) {
            throw Rejection.BAD_CLAIM_TYPE.exception();
        }
        if (issuer != null && !issuer.equals(iss)) {
            throw Rejection.ISSUER.exception();
        }
        List<String> aud = strings(claims.get("aud"), false);
        if (aud == null) {
            throw Rejection.BAD_CLAIM_TYPE.exception();
        }
        if (!aud.containsAll(audience)) {
            throw Rejection.AUDIENCE.exception();
        }
        if (!(claims.get(principalClaim) instanceof String principal) || principal.isEmpty()) {
            throw Rejection.NO_PRINCIPAL.exception();
        }
        Set<String> tokenRoles;
        if (cached != null) {
            tokenRoles = cached.roles();
        } else {
            List<String> held = strings(rolesNested ? nested(claims, rolesKey) : claims.get(rolesKey), false);
            tokenRoles = held == null ? Set.of() : Set.copyOf(held);
        }
        if (!roles.isEmpty() && roles.stream().noneMatch(tokenRoles::contains)) {
            throw Rejection.ROLES.exception();
        }
        if (!scopes.isEmpty()) {
            Object s = claims.containsKey(scopesKey) ? claims.get(scopesKey) : nested(claims, scopesKey);
            List<String> tokenScopes = strings(s, true);
            Set<String> holds = tokenScopes == null ? Set.of() : new LinkedHashSet<>(tokenScopes);
            boolean ok = allScopes ? holds.containsAll(scopes) : scopes.stream().anyMatch(holds::contains);
            if (!ok) {
                throw Rejection.SCOPES.exception();
            }
        }
        return cached != null ? cached : new VerifiedToken(principal, tokenRoles, claims, kid);
    }

    /** Milliseconds from {@code nowMillis} to the token's exp, at least 0; for the cache. */
    long millisToExp(Map<String, Object> claims, long nowMillis) {
        Object exp = claims.get("exp");
        if (exp instanceof Long l && l < MAX_SECONDS) {
            return Math.max(0, l * 1000 - nowMillis);
        }
        return exp instanceof BigDecimal b && b.compareTo(BigDecimal.valueOf(MAX_SECONDS)) < 0
                ? Math.max(0, b.movePointRight(3).longValue() - nowMillis) : Long.MAX_VALUE / 1_000_000L;
    }

    /** A NumericDate claim, in seconds; rejected when it is not a number. */
    private static Object seconds(Object value) throws TokenRejectedException {
        if (value instanceof Long || value instanceof BigDecimal) {
            return value;
        }
        throw Rejection.BAD_CLAIM_TYPE.exception();
    }

    /** Compares a NumericDate in seconds with a time in milliseconds. */
    private static int compare(Object seconds, long millis) {
        if (seconds instanceof Long l && l < MAX_SECONDS && l > -MAX_SECONDS) {
            return Long.compare(l * 1000, millis);
        }
        BigDecimal s = seconds instanceof Long l ? BigDecimal.valueOf(l) : (BigDecimal) seconds;
        return s.compareTo(BigDecimal.valueOf(millis, 3));
    }

    /** A string (split at spaces when asked) or an array of strings; an empty list for none; null otherwise. */
    private static List<String> strings(Object value, boolean split) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof String s) {
            return split ? List.of(s.trim().split(" +")) : List.of(s);
        }
        if (value instanceof List<?> list) {
            List<String> out = new ArrayList<>(list.size());
            for (Object o : list) {
                if (!(o instanceof String s)) {
                    return null;
                }
                out.add(s);
            }
            return out;
        }
        return null;
    }

    /** The value at a dotted path through nested objects, or null. */
    private static Object nested(Map<String, Object> claims, String path) {
        Object at = claims;
        for (String part : path.split("\\.", -1)) {
            if (!(at instanceof Map<?, ?> m)) {
                return null;
            }
            at = m.get(part);
        }
        return at;
    }
}
