package io.github.jwtsigner.internal.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemCertificatesTest {
    private static TestPki.Ca first;
    private static TestPki.Ca second;

    @BeforeAll
    static void cas() {
        first = TestPki.newCa("First CA");
        second = TestPki.newCa("Second CA");
    }

    @Test
    void readsEveryCertificateSkippingTextAndOtherBlocks(@TempDir Path dir) throws Exception {
        String bundle = "subject=CN = First CA, caf\u00e9\n" + TestPki.pem(first.certificate)
                + "-----BEGIN PRIVATE KEY-----\nMEECAQAwEwYHKoZIzj0CAQYIKoZIzj0DAQcEJzAlAgEBBCA=\n"
                + "-----END PRIVATE KEY-----\n" + TestPki.pem(second.certificate).replace("\n", "\r\n");
        Path file = Files.writeString(dir.resolve("bundle.pem"), bundle);
        assertEquals(List.of(first.certificate, second.certificate), PemCertificates.read(file));
    }

    @Test
    void findsNothingInAFileWithoutCertificates() throws Exception {
        assertEquals(List.of(), PemCertificates.parse("{\"keys\":[]}"));
    }

    @Test
    void refusesACertificateBlockThatIsNotACertificate() {
        assertThrows(CertificateException.class,
                () -> PemCertificates.parse("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"));
    }
}
