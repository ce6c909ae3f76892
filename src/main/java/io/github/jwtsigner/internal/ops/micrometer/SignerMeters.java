package io.github.jwtsigner.internal.ops.micrometer;

import io.github.jwtsigner.SigningException.Reason;
import io.github.jwtsigner.internal.jws.TokenSigner;
import io.github.jwtsigner.internal.ops.Meters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A signer filter's meters: {@value #RESPONSES} by {@code outcome} and {@code reason}, {@value #TOKENS} by
 * {@code member}, {@code alg} and {@code kid}, the {@value #SIGNING} timer, and the key health
 * ({@link KeyHealthMeters}).
 *
 * <p>The request thread reads a field and increments. The token counter of a member is found again only when the
 * key ring hands over another {@link TokenSigner} (a rotation): the kid is a tag, so a new kid is a new counter,
 * and the old one keeps its count until the filter stops.
 *
 * <p>Thread-safe.
 */
final class SignerMeters implements Meters.Signer {
    /** Responses by {@code outcome=signed|passed|failed_closed} and {@code reason=none|<reason in lower case>}. */
    static final String RESPONSES = "jwt.signer.responses";
    /** Tokens issued, by {@code member} ({@code keys_to_sign} entry), {@code alg} and {@code kid}. */
    static final String TOKENS = "jwt.signer.tokens";
    /** The time to sign one response's body. */
    static final String SIGNING = "jwt.signer.signing";

    private static final String NONE = "none";

    /** One member's counter for one signer; immutable, so a racy read sees a whole one or null. */
    private record TokenCounter(TokenSigner signer, Counter counter) {
    }

    private final OwnedMeters owned;
    private final List<String> members;
    private final Counter signed;
    private final Counter passed;
    private final Counter[] failed;
    private final Timer signing;
    // Not volatile: a thread that misses another's entry finds the same counter in the registry.
    private final TokenCounter[] tokens;

    SignerMeters(OwnedMeters owned, List<String> members) {
        this.owned = owned;
        this.members = List.copyOf(members);
        String description = "responses of the signer filter";
        signed = owned.counter(RESPONSES, description, "outcome", "signed", "reason", NONE);
        passed = owned.counter(RESPONSES, description, "outcome", "passed", "reason", NONE);
        failed = owned.counters(RESPONSES, description, "failed_closed", Reason.values(),
                r -> r.name().toLowerCase(Locale.ROOT));
        signing = owned.timer(SIGNING, "time to sign one response's body");
        tokens = new TokenCounter[members.size()];
    }

    @Override
    public boolean timed() {
        return true;
    }

    @Override
    public void passed() {
        passed.increment();
    }

    @Override
    public void failedClosed(Reason reason) {
        failed[reason.ordinal()].increment();
    }

    @Override
    public void signed(long nanos) {
        signed.increment();
        if (nanos > 0) {
            signing.record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void token(int entry, TokenSigner signer) {
        TokenCounter t = tokens[entry];
        if (t == null || t.signer() != signer) {
            t = tokenCounter(entry, signer);
        }
        t.counter().increment();
    }

    private TokenCounter tokenCounter(int entry, TokenSigner signer) {
        String kid = signer.kid() == null ? NONE : signer.kid();
        TokenCounter t = new TokenCounter(signer, owned.counter(TOKENS, "tokens issued by the signer filter",
                "member", members.get(entry), "alg", signer.alg().jwaName(), "kid", kid));
        tokens[entry] = t;
        return t;
    }

    @Override
    public void close() {
        owned.close();
    }
}
