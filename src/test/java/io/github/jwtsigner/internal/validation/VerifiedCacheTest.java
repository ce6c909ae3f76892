package io.github.jwtsigner.internal.validation;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerifiedCacheTest {
    private static final Object KEYS = new Object();

    private static VerifiedCache.Entry entry(Object keys, long until) {
        return new VerifiedCache.Entry(new VerifiedToken("alice", java.util.Set.of(), Map.of("sub", "alice"), "k1"),
                keys, until);
    }

    @Test
    void aTokenIsFoundByItsDigestOnlyWithTheKeysItVerifiedWithAndBeforeItsDeadline() {
        VerifiedCache cache = new VerifiedCache(10);
        VerifiedCache.Digest d = VerifiedCache.digest("a.b.c");
        cache.put(d, entry(KEYS, 1_000), 0);

        assertNotNull(cache.get(VerifiedCache.digest("a.b.c"), KEYS, 999));
        assertNull(cache.get(VerifiedCache.digest("a.b.d"), KEYS, 0), "another token");
        assertNull(cache.get(d, new Object(), 0), "other keys: after a reload that changed them");
        assertNull(cache.get(d, KEYS, 0), "and the entry was dropped then");
    }

    @Test
    void anEntryPastItsDeadlineIsDroppedAndNotReturned() {
        VerifiedCache cache = new VerifiedCache(10);
        VerifiedCache.Digest d = VerifiedCache.digest("a.b.c");
        cache.put(d, entry(KEYS, 1_000), 0);
        assertNull(cache.get(d, KEYS, 1_000));
        assertEquals(0, cache.size());
    }

    @Test
    void staysWithinItsSizeExpiredEntriesFirst() {
        VerifiedCache cache = new VerifiedCache(100);
        for (int i = 0; i < 100; i++) {
            cache.put(VerifiedCache.digest("t" + i), entry(KEYS, i < 50 ? 10 : 1_000_000), 0);
        }
        VerifiedCache.Digest fresh = VerifiedCache.digest("fresh");
        cache.put(fresh, entry(KEYS, 1_000_000), 500);
        assertTrue(cache.size() <= 100, "size " + cache.size());
        assertNotNull(cache.get(fresh, KEYS, 500));
        for (int i = 0; i < 50; i++) {
            assertNull(cache.get(VerifiedCache.digest("t" + i), KEYS, 500));
        }
        for (int i = 0; i < 1_000; i++) {
            cache.put(VerifiedCache.digest("more" + i), entry(KEYS, 1_000_000), 500);
            assertTrue(cache.size() <= 100, "size " + cache.size());
        }
    }
}
