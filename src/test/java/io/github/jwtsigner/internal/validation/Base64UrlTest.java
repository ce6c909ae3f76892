package io.github.jwtsigner.internal.validation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Base64;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class Base64UrlTest {

    @Test
    void decodesWhatTheJdkEncodesForEveryLengthUpTo64() {
        Random random = new Random(12);
        for (int n = 0; n <= 64; n++) {
            byte[] bytes = new byte[n];
            random.nextBytes(bytes);
            String text = "." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + ".";
            assertArrayEquals(bytes, Base64Url.decode(text, 1, text.length() - 1), "length " + n);
        }
    }

    /** Padding, the other alphabet, spaces, a length no encoding has, unused bits set, non-ASCII. */
    @ParameterizedTest
    @ValueSource(strings = {"QQ==", "QQ=", "a+b/", "QU JD", "QUJDR", "QR", "QUF", "QUI\u00e9", "QU\nJD", "\uff21\uff21"})
    void refusesWhatIsNotCanonicalBase64url(String text) {
        assertNull(Base64Url.decode(text, 0, text.length()));
    }

    /** A character outside the alphabet at each position of a group of four, of two and of three. */
    @ParameterizedTest
    @ValueSource(strings = {" UJD", "Q JD", "QU D", "QUJ ", "=UJDQUJD", "QUJD=UJD", "QUJDQ=", "QUJD=U", "QUJDQU=",
        "QUJD=UJ", "QUJDQ=J", "\u0000UJD", "QUJ\u00ff"})
    void refusesACharacterOutsideTheAlphabetAnywhere(String text) {
        assertNull(Base64Url.decode(text, 0, text.length()));
    }

    @Test
    void theCanonicalFormOfTheSameBytesIsAccepted() {
        // "QR" and "QQ" differ only in the unused low bits of the last character; only "QQ" is canonical.
        assertArrayEquals(new byte[] {'A'}, Base64Url.decode("QQ", 0, 2));
        assertArrayEquals(new byte[] {'A', 'A'}, Base64Url.decode("QUE", 0, 3));
    }
}
