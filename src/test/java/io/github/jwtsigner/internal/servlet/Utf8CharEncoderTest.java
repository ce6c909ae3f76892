package io.github.jwtsigner.internal.servlet;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Utf8CharEncoderTest {
    private static byte[] encode(Utf8CharEncoder encoder, String s) {
        char[] chars = s.toCharArray();
        byte[] out = new byte[Utf8CharEncoder.maxBytes(chars.length)];
        int n = encoder.encode(chars, 0, chars.length, out);
        return Arrays.copyOf(out, n);
    }

    @Test
    void encodesEveryWellFormedCharacterAsTheJdkDoes() {
        String text = "a José 名前 \uD83D\uDE00 \u0000 \uFFFF";
        Utf8CharEncoder encoder = new Utf8CharEncoder();

        assertArrayEquals(text.getBytes(UTF_8), encode(encoder, text));
        assertFalse(encoder.sawLoneSurrogate());
    }

    @Test
    void joinsASurrogatePairSplitAcrossTwoWrites() {
        Utf8CharEncoder encoder = new Utf8CharEncoder();
        byte[] first = encode(encoder, "x\uD83D");
        byte[] second = encode(encoder, "\uDE00y");

        assertArrayEquals("x".getBytes(UTF_8), first);
        assertArrayEquals("\uD83D\uDE00y".getBytes(UTF_8), second);
        assertEquals(0, encoder.finish().length);
        assertFalse(encoder.sawLoneSurrogate());
    }

    @Test
    void writesALoneLowSurrogateAsQuestionMarkAndRemembersIt() {
        Utf8CharEncoder encoder = new Utf8CharEncoder();

        assertArrayEquals("a?b".getBytes(UTF_8), encode(encoder, "a\uDC00b"));
        assertTrue(encoder.sawLoneSurrogate());
    }

    @Test
    void writesAHighSurrogateWithoutItsLowHalfAsQuestionMark() {
        Utf8CharEncoder encoder = new Utf8CharEncoder();

        assertArrayEquals("a?b".getBytes(UTF_8), encode(encoder, "a\uD800b"));
        assertTrue(encoder.sawLoneSurrogate());
    }

    @Test
    void finishTurnsATrailingHighSurrogateIntoQuestionMark() {
        Utf8CharEncoder encoder = new Utf8CharEncoder();
        encode(encoder, "a\uD800");

        assertArrayEquals(new byte[] {'?'}, encoder.finish());
        assertTrue(encoder.sawLoneSurrogate());
        encoder.clear();
        assertFalse(encoder.sawLoneSurrogate());
    }

    @Test
    void staysWithinMaxBytesForTheWorstCase() {
        Utf8CharEncoder encoder = new Utf8CharEncoder();
        encode(encoder, "\uD800");
        String worst = "\uDC00" + "名".repeat(99);

        assertEquals(Utf8CharEncoder.maxBytes(100), encode(encoder, worst).length);
    }
}
