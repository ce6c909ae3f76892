package io.github.jwtsigner.internal.jwks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EntityTagsTest {
    private static final String ETAG = "\"abc\"";

    @Test
    void matchesTheTagStarListsAndWeakTags() {
        for (String h : List.of("\"abc\"", "*", " * ", "W/\"abc\"", "\"x\", \"abc\"", "\"a,b\",\"abc\"", "junk, \"abc\"")) {
            assertTrue(EntityTags.noneMatchFails(List.of(h), ETAG), h);
        }
        assertTrue(EntityTags.noneMatchFails(List.of("\"x\"", "\"abc\""), ETAG));
    }

    @Test
    void garbageMatchesNothing() {
        for (String h : List.of("", "abc", "\"abc", "\"abcd\"", "\"ab\"", "W/", "w/\"abc\"", "**", "*x", "\"abc\"x",
                ",,,", "\"", "x".repeat(100_000), "\"a\",".repeat(20_000))) {
            assertFalse(EntityTags.noneMatchFails(List.of(h), ETAG), h.length() > 20 ? h.substring(0, 20) : h);
        }
        assertFalse(EntityTags.noneMatchFails(List.of(), ETAG));
    }
}
