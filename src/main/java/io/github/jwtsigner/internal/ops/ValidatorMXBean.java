package io.github.jwtsigner.internal.ops;

import java.util.List;
import java.util.Map;

/**
 * One {@code JwtValidatorFilter}'s figures, registered as
 * {@code io.github.jwtsigner:type=Validator,name=<filter-name>}. Counts run from the filter's start.
 */
public interface ValidatorMXBean extends KeysMXBean {
    /** Requests whose token passed every check. */
    long getAccepted();

    /** Requests refused with 401, 403 or 400, for any reason. */
    long getRejected();

    /**
     * {@link #getRejected()} by reason, in lower case ({@code missing}, {@code expired}, {@code bad_signature},
     * ...); every reason, 0 too.
     */
    Map<String, Long> getRejectedByReason();

    /** Requests without any token let through by {@code allow_anonymous}. */
    long getAnonymous();

    /** Accepted tokens whose signature was found verified in the cache. */
    long getCacheHits();

    /** Reloads of the keys asked for by a token with an unknown kid. */
    long getEarlyReloads();

    /** The kids of the keys the validator verifies with now. */
    List<String> getKeyIds();
}
