package io.github.jwtsigner.internal.servlet;

import io.github.jwtsigner.internal.servlet.CapturedBody.BodyBuffer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BodyBufferTest {
    @Test
    void holdsBytesUpToExactlyTheLimit() {
        BodyBuffer buffer = new BodyBuffer(5000);
        byte[] chunk = new byte[1000];
        for (int i = 0; i < 5; i++) {
            chunk[0] = (byte) i;
            assertTrue(buffer.append(chunk, 0, chunk.length));
        }

        assertEquals(5000, buffer.size());
        assertEquals(4, buffer.toByteArray()[4000]);
    }

    @Test
    void refusesAWholeAppendThatWouldPassTheLimit() {
        BodyBuffer buffer = new BodyBuffer(10);
        assertTrue(buffer.append(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, 0, 8));

        assertFalse(buffer.append(new byte[] {9, 10, 11}, 0, 3));
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, buffer.toByteArray());
        assertTrue(buffer.append(new byte[] {9, 10, 11}, 0, 2));
        assertFalse(buffer.append(new byte[] {0}, 0, 1));
    }

    @Test
    void appendsTheGivenSliceAndWritesItOut() throws Exception {
        BodyBuffer buffer = new BodyBuffer(100);
        buffer.append("xxhelloxx".getBytes(), 2, 5);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        buffer.writeTo(out);

        assertEquals("hello", out.toString());
    }

    @Test
    void clearEmptiesTheBuffer() {
        BodyBuffer buffer = new BodyBuffer(100_000);
        buffer.append(new byte[50_000], 0, 50_000);

        buffer.clear();

        assertEquals(0, buffer.size());
        assertTrue(buffer.append(new byte[100_000], 0, 100_000));
    }

    @Test
    void rejectsANonPositiveLimit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BodyBuffer(0));

        assertEquals("limit [0] must be positive", e.getMessage());
    }
}
