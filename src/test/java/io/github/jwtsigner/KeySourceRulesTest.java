package io.github.jwtsigner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeySourceRulesTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(nullValues = "none", value = {
        "none, keys.jks, JKS",
        "none, KEYS.JKS, JKS",
        "none, keys.p12, PKCS12",
        "none, keys, PKCS12",
        " jks , keys.p12, JKS",
        "Pkcs12, keys.jks, PKCS12",
        "JCEKS, keys.jceks, none",
        "PKCS#12, keys.p12, none"
    })
    void choosesTheKeystoreType(String explicit, String path, String expected) {
        assertEquals(expected, KeySourceRules.keystoreType(explicit, path));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "https://keys.example.com/jwks, https://keys.example.com/jwks",
        "https://reader:s3cret@keys.example.com/jwks, https://***@keys.example.com/jwks",
        "https://reader@keys.example.com/jwks, https://***@keys.example.com/jwks",
        "https://reader:s3 cret@keys example/jwks, https://***@keys example/jwks"
    })
    void hidesUserInfoInAUrl(String url, String shown) {
        assertEquals(shown, KeySourceRules.redactUserInfo(url));
    }

    @Test
    void showsDurationsShortly() {
        assertEquals("5s", KeySourceRules.show(Duration.ofSeconds(5)));
        assertEquals("1500ms", KeySourceRules.show(Duration.ofMillis(1500)));
        assertEquals("0s", KeySourceRules.show(Duration.ZERO));
        assertEquals("PT-1S", KeySourceRules.show(Duration.ofSeconds(-1)));
        assertEquals("PT0.000001S", KeySourceRules.show(Duration.ofNanos(1000)));
        assertEquals("none", KeySourceRules.show(null));
        assertEquals("9223372036854775807s", KeySourceRules.show(Duration.ofSeconds(Long.MAX_VALUE)));
    }

    @Test
    void needsNoKeystoreTypeWithoutAKeystore() {
        assertNull(SignerConfig.builder().alg("HS256").keysToSign("a").jwkLocalPath("k.json").build().keystoreType()
                .orElse(null));
    }
}
