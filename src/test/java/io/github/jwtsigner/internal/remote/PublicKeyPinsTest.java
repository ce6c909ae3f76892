package io.github.jwtsigner.internal.remote;

import io.github.jwtsigner.InvalidConfigurationException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublicKeyPinsTest {
    private static TestPki.Ca ca;
    private static TestPki.Server server;
    private static String serverPin;

    @BeforeAll
    static void certificates() throws Exception {
        ca = TestPki.newCa("Pin Test CA");
        server = ca.issue("localhost");
        // Computed here from BouncyCastle's parse of the certificate, not from the JDK's public key object.
        byte[] spki = new X509CertificateHolder(server.certificate.getEncoded()).getSubjectPublicKeyInfo()
                .getEncoded();
        serverPin = Base64.getUrlEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(spki));
    }

    private static PublicKeyPins parse(String... pins) {
        return PublicKeyPins.parse(List.of(pins));
    }

    @Test
    void pinIsPaddedBase64UrlOfSha256OverSubjectPublicKeyInfo() {
        String pin = PublicKeyPins.pinOf(server.certificate);
        assertEquals(serverPin, pin);
        assertEquals(44, pin.length());
        assertTrue(pin.endsWith("="), pin);
    }

    @Test
    void matchesAnyPresentedCertificate() {
        Certificate[] chain = {server.certificate, ca.certificate};
        assertTrue(parse(serverPin).matchesAny(chain));
        assertTrue(parse(PublicKeyPins.pinOf(ca.certificate)).matchesAny(chain));
        assertFalse(parse(PublicKeyPins.pinOf(ca.certificate)).matchesAny(new Certificate[] {server.certificate}));
    }

    @Test
    void acceptsUnpaddedStandardAlphabetAndSurroundingSpaces() {
        String standard = serverPin.replace('-', '+').replace('_', '/');
        String unpadded = serverPin.substring(0, 43);
        Certificate[] chain = {server.certificate};
        assertTrue(parse(standard).matchesAny(chain));
        assertTrue(parse(unpadded).matchesAny(chain));
        assertTrue(parse(" " + serverPin + " ").matchesAny(chain));
        assertEquals(List.of(serverPin), parse(standard).encoded());
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "S3Jha2VuRCBpcyB0aGUgYmVzdCBnYXRld2F5LCBhbmQgeW91IGtub3cgaXQ==", "not base64 at all!",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=="})
    void refusesAnythingButASha256Digest(String pin) {
        assertThrows(IllegalArgumentException.class, () -> PublicKeyPins.parse(List.of(pin)));
        List<String> problems = assertThrows(InvalidConfigurationException.class,
                () -> JwkUrlSettings.url("https://keys.example.com/jwks.json").fingerprints(List.of(pin)).build())
                .problems();
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("jwk_fingerprints entry [" + pin + "] is not a base64url SHA-256"
                + " digest; expected 44 characters"), problems.get(0));
    }

    @Test
    void listsPinsOfEveryPresentedCertificateInOrder() {
        assertEquals(List.of(serverPin, PublicKeyPins.pinOf(ca.certificate)),
                PublicKeyPins.pinsOf(new Certificate[] {server.certificate, ca.certificate}));
    }
}
