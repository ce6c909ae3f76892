package io.github.jwtsigner.internal.ops.micrometer;

import io.github.jwtsigner.internal.ops.Meters;
import io.github.jwtsigner.internal.validation.Rejection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Timer;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A validator filter's meters: {@value #REQUESTS} by {@code outcome} and {@code reason}, the
 * {@value #VERIFICATION} timer by {@code outcome}, {@value #CACHE_HITS}, and the key health
 * ({@link KeyHealthMeters}).
 *
 * <p>Thread-safe.
 */
final class ValidatorMeters implements Meters.Validator {
    /** Requests by {@code outcome=accepted|rejected|anonymous} and {@code reason=none|<rejection in lower case>}. */
    static final String REQUESTS = "jwt.validator.requests";
    /** The time to check one token, by {@code outcome=accepted|rejected}; a request without a token is not timed. */
    static final String VERIFICATION = "jwt.validator.verification";
    /** Accepted tokens whose signature was found verified in the cache. */
    static final String CACHE_HITS = "jwt.validator.cache.hits";

    private static final String NONE = "none";

    private final OwnedMeters owned;
    private final Counter accepted;
    private final Counter anonymous;
    private final Counter[] rejected;
    private final Timer acceptedTime;
    private final Timer rejectedTime;

    ValidatorMeters(OwnedMeters owned, LongSupplier cacheHits) {
        this.owned = owned;
        String description = "requests of the validator filter";
        accepted = owned.counter(REQUESTS, description, "outcome", "accepted", "reason", NONE);
        anonymous = owned.counter(REQUESTS, description, "outcome", "anonymous", "reason", NONE);
        rejected = owned.counters(REQUESTS, description, "rejected", Rejection.values(),
                r -> r.name().toLowerCase(Locale.ROOT));
        String timeDescription = "time to check one token";
        acceptedTime = owned.timer(VERIFICATION, timeDescription, "outcome", "accepted");
        rejectedTime = owned.timer(VERIFICATION, timeDescription, "outcome", "rejected");
        owned.own(FunctionCounter.builder(CACHE_HITS, owned.keep(cacheHits), LongSupplier::getAsLong)
                .description("accepted tokens whose signature was found verified in the cache")
                .tags(owned.tags()).register(owned.registry()));
    }

    @Override
    public boolean timed() {
        return true;
    }

    @Override
    public void accepted(long nanos) {
        accepted.increment();
        if (nanos > 0) {
            acceptedTime.record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void anonymous() {
        anonymous.increment();
    }

    @Override
    public void rejected(Rejection why, long nanos) {
        rejected[why.ordinal()].increment();
        if (nanos > 0) {
            rejectedTime.record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void close() {
        owned.close();
    }
}
