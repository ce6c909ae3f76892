package io.github.jwtsigner.internal.remote;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.jwtsigner.internal.remote.PinningTrustManager.PinMismatchException;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PinningTrustManagerTest {
    private static final String EC_AUTH = "ECDHE_ECDSA";

    private static TestPki.Ca ca;
    private static X509Certificate[] chain;

    @BeforeAll
    static void certificates() {
        ca = TestPki.newCa("Pinning Test CA");
        chain = new X509Certificate[] {ca.issue("keys.example.com").certificate, ca.certificate};
    }

    private static PublicKeyPins pins(X509Certificate... pinned) {
        List<String> encoded = new ArrayList<>();
        for (X509Certificate c : pinned) {
            encoded.add(PublicKeyPins.pinOf(c));
        }
        return PublicKeyPins.parse(encoded);
    }

    @Test
    void acceptsTrustedServerPresentingAPinnedKey() {
        PinningTrustManager leafPinned = new PinningTrustManager(new AnyServerTrustManager(), pins(chain[0]));
        PinningTrustManager caPinned = new PinningTrustManager(
                TlsPolicy.trustManagerFor(TestPki.trustStore(ca.certificate)), pins(ca.certificate));
        assertDoesNotThrow(() -> leafPinned.checkServerTrusted(chain, EC_AUTH));
        assertDoesNotThrow(() -> caPinned.checkServerTrusted(chain, EC_AUTH));
    }

    @Test
    void refusesServerPresentingNoPinnedKeyListingThePresentedPins() {
        X509Certificate other = TestPki.newCa("Other").certificate;
        PinningTrustManager tm = new PinningTrustManager(new AnyServerTrustManager(), pins(other));
        PinMismatchException e = assertThrows(PinMismatchException.class, () -> tm.checkServerTrusted(chain, EC_AUTH));
        assertEquals(List.of(PublicKeyPins.pinOf(chain[0]), PublicKeyPins.pinOf(chain[1])), e.presented());
        assertEquals("no certificate the server presented matches a pin; pins of the presented certificates "
                + e.presented() + ", expected one of [" + PublicKeyPins.pinOf(other) + "]", e.getMessage());
    }

    @Test
    void pinDoesNotMakeAnUntrustedServerTrusted() {
        PinningTrustManager tm = new PinningTrustManager(
                TlsPolicy.trustManagerFor(TestPki.trustStore(TestPki.newCa("Unrelated").certificate)), pins(chain[0]));
        CertificateException e = assertThrows(CertificateException.class, () -> tm.checkServerTrusted(chain, EC_AUTH));
        assertFalse(e instanceof PinMismatchException);
    }

    @Test
    void refusesAPinnedCertificateAppendedAfterAnotherChainWithoutVerification() {
        TestPki.Ca attackerCa = TestPki.newCa("Attacker CA");
        X509Certificate[] mitm = {attackerCa.issue("keys.example.com").certificate, attackerCa.certificate, chain[0]};
        PinningTrustManager tm = new PinningTrustManager(new AnyServerTrustManager(), pins(chain[0]));
        PinMismatchException e = assertThrows(PinMismatchException.class, () -> tm.checkServerTrusted(mitm, EC_AUTH));
        assertEquals(PublicKeyPins.pinsOf(mitm), e.presented());
    }

    @Test
    void refusesAPinnedCertificateAppendedAfterATrustedChainOfAnotherKey() {
        X509Certificate[] mitm = {ca.issue("keys.example.com").certificate, ca.certificate, chain[0]};
        PinningTrustManager tm = new PinningTrustManager(
                TlsPolicy.trustManagerFor(TestPki.trustStore(ca.certificate)), pins(chain[0]));
        assertThrows(PinMismatchException.class, () -> tm.checkServerTrusted(mitm, EC_AUTH));
    }

    @Test
    void acceptsAPinnedTrustAnchorThatSignedTheChainButIsNotSent() {
        TestPki.Ca intermediate = ca.issueCa("Pinning Test Intermediate");
        X509Certificate[] sent = {intermediate.issue("keys.example.com").certificate, intermediate.certificate};
        PinningTrustManager verifying = new PinningTrustManager(
                TlsPolicy.trustManagerFor(TestPki.trustStore(ca.certificate)), pins(ca.certificate));
        PinningTrustManager notVerifying = new PinningTrustManager(new AnyServerTrustManager(), pins(ca.certificate));
        assertDoesNotThrow(() -> verifying.checkServerTrusted(sent, EC_AUTH));
        assertThrows(PinMismatchException.class, () -> notVerifying.checkServerTrusted(sent, EC_AUTH));
    }
}
