package io.github.jwtsigner.internal.remote;

import io.github.jwtsigner.Problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CipherSuitesTest {
    @Test
    void resolvesKrakenDsNineDefaultsInOrder() {
        Problems problems = new Problems();
        List<String> names = CipherSuites.resolve(List.of(49199, 49195, 49200, 49196, 52392, 52393, 4865, 4866, 4867),
                problems);
        assertEquals(List.of(), problems.messages());
        assertEquals(List.of(
                "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
                "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
                "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
                "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
                "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
                "TLS_AES_128_GCM_SHA256",
                "TLS_AES_256_GCM_SHA384",
                "TLS_CHACHA20_POLY1305_SHA256"), names);
    }

    /** Ids from the IANA TLS Cipher Suites registry, written here in decimal as KrakenD configs do. */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "49191, TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
        "49192, TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384",
        "49171, TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
        "49172, TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
        "49161, TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
        "49162, TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
        "49187, TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256",
        "49188, TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384",
        "156, TLS_RSA_WITH_AES_128_GCM_SHA256",
        "157, TLS_RSA_WITH_AES_256_GCM_SHA384",
        "47, TLS_RSA_WITH_AES_128_CBC_SHA",
        "53, TLS_RSA_WITH_AES_256_CBC_SHA",
        "158, TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
        "159, TLS_DHE_RSA_WITH_AES_256_GCM_SHA384",
        "52394, TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
        "5, SSL_RSA_WITH_RC4_128_SHA",
        "10, SSL_RSA_WITH_3DES_EDE_CBC_SHA",
    })
    void mapsIanaIdsToJdkNames(int id, String jdkName) {
        assertEquals(Optional.of(jdkName), CipherSuites.jdkName(id));
    }

    @Test
    void refusesKrakenDsDocumentationExampleOfRc4And3des() {
        Problems problems = new Problems();
        List<String> names = CipherSuites.resolve(List.of(5, 10), problems);
        assertEquals(List.of(), names);
        assertEquals(2, problems.messages().size());
        assertTrue(problems.messages().get(0).startsWith("cipher_suites entry [5] (SSL_RSA_WITH_RC4_128_SHA) cannot be enabled"
                + " on this JVM: it is unsupported or disabled by jdk.tls.disabledAlgorithms; expected one of ["),
                problems.messages().get(0));
        assertTrue(problems.messages().get(1).startsWith("cipher_suites entry [10] (SSL_RSA_WITH_3DES_EDE_CBC_SHA)"),
                problems.messages().get(1));
        assertTrue(problems.messages().get(0).contains("49199"), problems.messages().get(0));
    }

    @Test
    void refusesIdsItDoesNotKnowNamingThem() {
        Problems problems = new Problems();
        List<Integer> ids = new ArrayList<>();
        ids.add(1234);
        ids.add(null);
        CipherSuites.resolve(ids, problems);
        assertEquals(2, problems.messages().size());
        assertTrue(problems.messages().get(0).startsWith("cipher_suites entry [1234] is not a TLS cipher suite id this library"
                + " knows; expected IANA ids such as ["), problems.messages().get(0));
        assertTrue(problems.messages().get(1).startsWith("cipher_suites entry [null]"), problems.messages().get(1));
    }

    @Test
    void listsEachSuiteOnce() {
        Problems problems = new Problems();
        assertEquals(List.of("TLS_AES_128_GCM_SHA256"),
                CipherSuites.resolve(List.of(4865, 4865), problems));
        assertEquals(List.of(), problems.messages());
    }
}
