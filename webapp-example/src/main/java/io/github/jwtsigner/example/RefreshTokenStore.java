package io.github.jwtsigner.example;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The refresh tokens the monolith has issued and not yet seen back, by {@code jti}. Each one can be
 * exchanged once, so a stolen refresh token that was already used is worthless.
 *
 * <p>Kept in memory for the example: a restart forgets every session, and a cluster would keep this table in
 * its shared database. Thread-safe.
 */
public final class RefreshTokenStore {
    private record Entry(String subject, Instant expiresAt) {
    }

    private final Map<String, Entry> issued = new ConcurrentHashMap<>();

    /** Records an issued refresh token, and forgets every entry that has expired by {@code now}. */
    public void remember(String jti, String subject, Instant expiresAt, Instant now) {
        issued.values().removeIf(entry -> !entry.expiresAt().isAfter(now));
        issued.put(jti, new Entry(subject, expiresAt));
    }

    /**
     * Takes a refresh token out of the store.
     *
     * @return the subject it was issued to, when it was issued here, not used before and not expired at
     *     {@code now}; empty otherwise
     */
    public Optional<String> consume(String jti, Instant now) {
        Entry entry = issued.remove(jti);
        if (entry == null || !entry.expiresAt().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(entry.subject());
    }

    /** @return how many refresh tokens are waiting to be used */
    public int size() {
        return issued.size();
    }
}
