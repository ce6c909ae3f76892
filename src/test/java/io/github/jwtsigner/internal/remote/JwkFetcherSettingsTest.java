package io.github.jwtsigner.internal.remote;

import io.github.jwtsigner.InvalidConfigurationException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the fetcher makes of a {@code jwk_url} source before it connects. */
class JwkFetcherSettingsTest {
    private static final String URL = "https://keys.example.com/jwks.json";
    private static final String PIN = "A".repeat(43) + "=";

    @Test
    void warnsOnlyWhenSecurityIsDisabled() {
        String http = JwkUrlSettings.url("http://keys.local/jwks.json").disableJwkSecurity(true).fetcher()
                .settings().securityWarning().orElseThrow();
        String https = JwkUrlSettings.url(URL).disableJwkSecurity(true).fetcher().settings().securityWarning().orElseThrow();
        String pinned = JwkUrlSettings.url(URL).disableJwkSecurity(true).fingerprints(List.of(PIN)).fetcher()
                .settings().securityWarning().orElseThrow();
        assertAll(
                () -> assertEquals(Optional.empty(), JwkUrlSettings.url(URL).fetcher().settings().securityWarning()),
                () -> assertEquals("disable_jwk_security is true: jwk_url [http://keys.local/jwks.json] is fetched"
                        + " over plain http, unencrypted and unauthenticated; anyone on the network path can read or"
                        + " replace the signing key. Use it for local testing only", http),
                () -> assertTrue(https.contains("without checking the certificate's issuer or host name;"), https),
                () -> assertTrue(pinned.contains("(the jwk_fingerprints pins are still checked)"), pinned));
    }

    @Test
    void hidesUrlPasswordInTheWarning() {
        JwkFetcher fetcher = JwkUrlSettings.url("http://reader:s3cret@keys.local/jwks.json").disableJwkSecurity(true)
                .fetcher();
        assertAll(
                () -> assertTrue(fetcher.settings().toString().contains("jwk_url [http://***@keys.local/jwks.json]"),
                        fetcher.settings().toString()),
                () -> assertFalse(fetcher.settings().toString().contains("s3cret")),
                () -> assertFalse(fetcher.settings().securityWarning().orElseThrow().contains("s3cret")),
                () -> assertEquals("http://reader:s3cret@keys.local/jwks.json", fetcher.settings().url()));
    }

    @Test
    void refusesCipherSuitesThisJvmCannotEnable() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> JwkUrlSettings.url(URL).cipherSuites(List.of(49199, 5)).fetcher());
        assertTrue(e.problems().get(0).startsWith("cipher_suites entry [5] (SSL_RSA_WITH_RC4_128_SHA) cannot be"
                + " enabled"), e.getMessage());
    }

    @Test
    void resolvesTheCipherSuitesItKnows() {
        assertEquals(List.of("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_AES_256_GCM_SHA384"),
                CipherSuites.resolve(List.of(49196, 4866), new io.github.jwtsigner.Problems()));
    }

    @Test
    void roundsSubMillisecondTimeoutsUpToOneMillisecond() {
        assertAll(
                () -> assertEquals(1, JwkFetcher.millis(Duration.ofNanos(1))),
                () -> assertEquals(1500, JwkFetcher.millis(Duration.ofMillis(1500))));
    }
}
