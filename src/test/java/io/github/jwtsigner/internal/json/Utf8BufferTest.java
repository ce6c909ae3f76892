package io.github.jwtsigner.internal.json;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class Utf8BufferTest {

    @Test
    void encodesCodePointsOfEveryLengthAsUtf8() {
        int[] codePoints = {0x80, 0x7FF, 0x800, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF};
        Utf8Buffer out = new Utf8Buffer(1);
        StringBuilder expected = new StringBuilder();
        for (int cp : codePoints) {
            out.writeUtf8(cp);
            expected.appendCodePoint(cp);
        }

        assertArrayEquals(expected.toString().getBytes(StandardCharsets.UTF_8), out.toByteArray());
    }

    @Test
    void growsPastItsInitialCapacity() {
        Utf8Buffer out = new Utf8Buffer(16);
        String ascii = "abcdefghij".repeat(100);

        out.write('[');
        out.writeAscii(ascii);
        out.write(',', ']');

        assertEquals("[" + ascii + ",]", new String(out.toByteArray(), StandardCharsets.US_ASCII));
    }
}
