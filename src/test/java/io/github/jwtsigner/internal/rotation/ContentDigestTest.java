package io.github.jwtsigner.internal.rotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ContentDigestTest {
    @Test
    void tellsEqualContentFromDifferentContent() {
        byte[] a = "{\"keys\":[]}".getBytes(StandardCharsets.UTF_8);
        assertEquals(ContentDigest.of(a), ContentDigest.of(a.clone()));
        assertEquals(ContentDigest.of(a).hashCode(), ContentDigest.of(a.clone()).hashCode());
        assertNotEquals(ContentDigest.of(a), ContentDigest.of("{\"keys\":[ ]}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void showsNothingOfTheContent() {
        assertEquals("ContentDigest", ContentDigest.of("secret".getBytes(StandardCharsets.UTF_8)).toString());
    }
}
