package io.github.jwtsigner.example;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RefreshTokenStoreTest {
    private static final Instant NOW = Instant.ofEpochSecond(1_735_689_600L);

    private final RefreshTokenStore store = new RefreshTokenStore();

    @Test
    void givesBackTheSubjectOfARememberedToken() {
        store.remember("jti-1", "1001", NOW.plusSeconds(60), NOW);

        assertEquals(Optional.of("1001"), store.consume("jti-1", NOW));
    }

    @Test
    void letsEachTokenBeUsedOnce() {
        store.remember("jti-1", "1001", NOW.plusSeconds(60), NOW);
        store.consume("jti-1", NOW);

        assertTrue(store.consume("jti-1", NOW).isEmpty());
    }

    @Test
    void refusesAnUnknownToken() {
        assertTrue(store.consume("never-issued", NOW).isEmpty());
    }

    @Test
    void refusesATokenAtItsExpiry() {
        store.remember("jti-1", "1001", NOW.plusSeconds(60), NOW);

        assertTrue(store.consume("jti-1", NOW.plusSeconds(60)).isEmpty());
    }

    @Test
    void forgetsExpiredTokensWhenRememberingANewOne() {
        store.remember("old", "1001", NOW.plusSeconds(60), NOW);
        store.remember("new", "1001", NOW.plusSeconds(3600), NOW.plusSeconds(61));

        assertEquals(1, store.size());
    }
}
