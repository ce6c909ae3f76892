package io.github.jwtsigner.internal.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jwtsigner.InvalidConfigurationException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;


import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsPolicyTest {
    private static final String SUITE = "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256";

    private static TlsPolicy withCa(Path ca) {
        return TlsPolicy.create(JwkUrlSettings.url("https://keys.example.com/jwks.json").localCaPath(ca.toString())
                .build(), null, PublicKeyPins.parse(List.of()), List.of(SUITE));
    }

    @Test
    void refusesLocalCaFileWithoutCertificate(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("empty.pem"), "nothing here\n");
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> withCa(file));
        assertEquals(List.of("jwk_local_ca [" + file + "] holds no certificate; expected at least one"
                + " -----BEGIN CERTIFICATE----- block"), e.problems());
    }

    @Test
    void refusesLocalCaFileWithBrokenCertificate(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("broken.pem"),
                "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> withCa(file));
        assertTrue(e.problems().get(0).startsWith("jwk_local_ca [" + file + "] holds an invalid certificate"),
                e.getMessage());
    }

    @Test
    void refusesLocalCaFileOverTheLimit(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("huge.pem"), "#".repeat(1_048_577));
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> withCa(file));
        assertEquals(List.of("jwk_local_ca [" + file + "] is too large: file [" + file + "] holds [1048577] bytes;"
                + " expected a key file of at most [1048576] bytes"), e.problems());
    }

    @Test
    void acceptsSessionWithinThePolicy() {
        TlsPolicy policy = new TlsPolicy(new AnyServerTrustManager(), List.of(SUITE), true);
        assertEquals(Optional.empty(), policy.checkNegotiated("TLSv1.2", SUITE));
    }

    @Test
    void flagsSessionOutsideThePolicy() {
        TlsPolicy policy = new TlsPolicy(new AnyServerTrustManager(), List.of(SUITE), true);
        assertEquals(Optional.of("the server negotiated TLSv1.1; expected one of [TLSv1.3, TLSv1.2]"),
                policy.checkNegotiated("TLSv1.1", SUITE));
        assertEquals(Optional.of("the server negotiated cipher suite TLS_RSA_WITH_AES_128_CBC_SHA; expected one of ["
                + SUITE + "]"), policy.checkNegotiated("TLSv1.2", "TLS_RSA_WITH_AES_128_CBC_SHA"));
    }
}
