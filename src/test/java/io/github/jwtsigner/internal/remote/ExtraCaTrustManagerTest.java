package io.github.jwtsigner.internal.remote;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ExtraCaTrustManagerTest {
    /** The key exchange of an ECDSA server certificate; the JDK checks the key usage against it. */
    private static final String EC_AUTH = "ECDHE_ECDSA";

    private static TestPki.Ca systemCa;
    private static TestPki.Ca extraCa;
    private static TestPki.Ca strangerCa;
    private static ExtraCaTrustManager trust;

    @BeforeAll
    static void trustManagers() {
        systemCa = TestPki.newCa("Stands In For A Public CA");
        extraCa = TestPki.newCa("Local CA");
        strangerCa = TestPki.newCa("Stranger CA");
        trust = new ExtraCaTrustManager(TlsPolicy.trustManagerFor(TestPki.trustStore(systemCa.certificate)),
                TlsPolicy.trustManagerFor(TestPki.trustStore(extraCa.certificate)));
    }

    private static X509Certificate[] chain(TestPki.Ca ca) {
        return new X509Certificate[] {ca.issue("keys.example.com").certificate, ca.certificate};
    }

    @Test
    void trustsServersOfTheSystemTrustStore() {
        assertDoesNotThrow(() -> trust.checkServerTrusted(chain(systemCa), EC_AUTH));
    }

    @Test
    void trustsServersOfTheExtraCa() {
        assertDoesNotThrow(() -> trust.checkServerTrusted(chain(extraCa), EC_AUTH));
    }

    @Test
    void refusesOtherServersWithTheSystemStoresReason() {
        CertificateException e = assertThrows(CertificateException.class,
                () -> trust.checkServerTrusted(chain(strangerCa), EC_AUTH));
        assertTrue(e.getMessage().contains("PKIX path building failed"), e.getMessage());
        assertEquals(1, e.getSuppressed().length);
    }

    @Test
    void reportsTheExtraCasReasonForAServerItIssued() {
        // RSA key exchange needs keyEncipherment, which these EC certificates lack: the extra CA's trust
        // manager finds the chain and refuses it for that, the system's finds no chain at all.
        CertificateException e = assertThrows(CertificateException.class,
                () -> trust.checkServerTrusted(chain(extraCa), "RSA"));
        assertTrue(e.getMessage().toLowerCase().contains("key encipherment")
                || e.getMessage().toLowerCase().contains("keyusage"), e.getMessage());
        assertTrue(e.getSuppressed()[0].getMessage().contains("PKIX path building failed"),
                e.getSuppressed()[0].getMessage());
    }

    @Test
    void acceptsIssuersOfBoth() {
        assertEquals(List.of(systemCa.certificate, extraCa.certificate), List.of(trust.getAcceptedIssuers()));
    }

    @Test
    void checksNoClients() {
        assertThrows(CertificateException.class, () -> trust.checkClientTrusted(chain(extraCa), EC_AUTH));
    }
}
