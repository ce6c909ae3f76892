package io.github.jwtsigner.internal.ops.micrometer;

import io.github.jwtsigner.internal.ops.Meters;
import io.micrometer.core.instrument.Counter;

/**
 * A JWKS servlet's meters: {@value #REQUESTS} by {@code status}, and the key health ({@link KeyHealthMeters}).
 *
 * <p>Thread-safe.
 */
final class JwksMeters implements Meters.Jwks {
    /** Answers by {@code status=200|304|405|500}. */
    static final String REQUESTS = "jwt.jwks.requests";

    private final OwnedMeters owned;
    private final Counter ok;
    private final Counter notModified;
    private final Counter methodNotAllowed;
    private final Counter unavailable;

    JwksMeters(OwnedMeters owned) {
        this.owned = owned;
        String description = "answers of the JWKS servlet";
        ok = owned.counter(REQUESTS, description, "status", "200");
        notModified = owned.counter(REQUESTS, description, "status", "304");
        methodNotAllowed = owned.counter(REQUESTS, description, "status", "405");
        unavailable = owned.counter(REQUESTS, description, "status", "500");
    }

    @Override
    public void answered(int status) {
        switch (status) {
            case 200 -> ok.increment();
            case 304 -> notModified.increment();
            case 405 -> methodNotAllowed.increment();
            default -> unavailable.increment();
        }
    }

    @Override
    public void close() {
        owned.close();
    }
}
