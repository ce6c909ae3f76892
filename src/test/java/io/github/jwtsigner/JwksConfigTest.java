package io.github.jwtsigner;

import io.github.jwtsigner.internal.settings.InitParamsReader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JwksConfigTest {
    private static final String SOURCE = "init-params of servlet [jwks]";

    private static List<String> problems(Map<String, String> params) {
        return assertThrows(InvalidConfigurationException.class, () -> InitParamsReader.readJwks(params, SOURCE))
                .problems();
    }

    @Test
    void readsASignerOrAKeySourceWithDefaults() {
        JwksConfig signer = InitParamsReader.readJwks(Map.of("signer", " jwtSigner "), SOURCE);
        assertEquals("jwtSigner", signer.signer().orElseThrow());
        assertTrue(signer.keySource().isEmpty());
        assertEquals(300, signer.maxAge());
        assertEquals(Duration.ofHours(1), signer.retention());
        JwksConfig file = InitParamsReader.readJwks(Map.of("jwk_local_path", "WEB-INF/jwk.json", "max_age", "0",
                "retention", "90s"), SOURCE);
        assertEquals(new KeySource.JwkFile("WEB-INF/jwk.json", Duration.ofSeconds(5)), file.keySource().orElseThrow());
        assertEquals(0, file.maxAge());
        assertEquals("JwksConfig{jwk_local_path [WEB-INF/jwk.json], max_age=0, retention=90s}", file.toString());
    }

    @Test
    void namesEveryProblem() {
        assertEquals(List.of(SOURCE + ": no key source: set signer (the filter-name of a JwtSignerFilter of this"
                + " webapp) or one of jwk_local_path (a JWK Set file), jwk_url (a URL serving one), pem_local_path"
                + " (a PEM private key) or keystore_path (a PKCS#12 or JKS keystore)"), problems(Map.of()));
        assertEquals(List.of(SOURCE + ": signer [s] is set next to jwk_local_path [a.json], kid [k]; expected"
                + " either signer (to publish that filter's keys) or one key source"),
                problems(Map.of("signer", "s", "jwk_local_path", "a.json", "kid", "k")));
        assertEquals(List.of(SOURCE + ": kid is required with pem_local_path: the key is published under it;"
                + " only a JWK Set source may leave it out"), problems(Map.of("pem_local_path", "k.pem")));
        assertEquals(List.of(SOURCE + ": max_age [-5] is negative; expected 0 or more seconds, the default is 300",
                SOURCE + ": retention [PT-1S] is negative; expected 0s or more, the default is 3600s"),
                problems(Map.of("signer", "s", "max_age", "-5", "retention", "-1s")));
        List<String> typo = problems(Map.of("signer", "s", "alg", "RS256", "maxage", "1"));
        assertEquals(2, typo.size(), typo.toString());
        assertTrue(typo.get(0).startsWith(SOURCE + ": unknown setting [alg]; known settings: "), typo.get(0));
        assertTrue(typo.get(1).startsWith(SOURCE + ": unknown setting [maxage]; did you mean [max_age]?"),
                typo.get(1));
        List<String> both = problems(Map.of("jwk_local_path", "a.json", "jwk_url", "https://x/", "cipher_suites", ""));
        assertEquals(2, both.size(), both.toString());
        assertTrue(both.get(0).contains("both jwk_local_path [a.json] and jwk_url [https://x/] are set"), both.get(0));
        assertTrue(both.get(1).contains("cipher_suites is an empty list"), both.get(1));
    }

    @Test
    void theBuilderRefusesTheSignersOwnSettings() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JwksConfig.builder().set(Setting.ALG, "RS256"));
        assertTrue(e.getMessage().startsWith("alg is not a setting of the JWKS servlet"), e.getMessage());
        assertEquals(List.of("kid", "jwk_local_path", "jwk_url", "disable_jwk_security", "jwk_fingerprints",
                "cipher_suites", "jwk_local_ca", "secret_url", "cypher_key", "cache_duration", "jwk_connect_timeout",
                "jwk_read_timeout", "jwk_fetch_timeout", "jwk_max_bytes", "jwk_local_check_interval", "pem_local_path",
                "keystore_path", "keystore_type", "keystore_password", "keystore_alias", "key_password", "signer",
                "max_age", "retention"), JwksConfig.settingNames());
    }
}
