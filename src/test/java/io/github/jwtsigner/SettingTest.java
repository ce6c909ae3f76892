package io.github.jwtsigner;

import io.github.jwtsigner.testing.ConfigView;


import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingTest {

    @Test
    void listsTheFiltersOwnInitParamsApartFromTheSettingsOfAConfiguration() {
        assertEquals(Arrays.stream(Setting.values()).map(Setting::settingName).toList(),
                Setting.names(Setting.Scope.SIGNER, Setting.Scope.KEYS, Setting.Scope.FILTER, Setting.Scope.JWKS,
                        Setting.Scope.VALIDATOR));
        assertEquals(List.of("signer", "max_age", "retention"), Setting.names(Setting.Scope.JWKS));
        assertEquals(List.of("config", "endpoint", "metrics"), Setting.names(Setting.Scope.FILTER));
        assertFalse(Setting.names(Setting.Scope.SIGNER, Setting.Scope.KEYS).contains("config"));
    }

    @Test
    void findsASettingByItsExactName() {
        assertEquals(Optional.of(Setting.KEYS_TO_SIGN), Setting.named("keys_to_sign"));
        assertEquals(Optional.empty(), Setting.named("KEYS_TO_SIGN"));
        assertEquals(Optional.of(Setting.CONFIG), Setting.named("config"));
        assertEquals(Optional.empty(), Setting.named("colour"));
    }

    @Test
    void isWrittenAsItsName() {
        assertEquals("jwk_local_check_interval", Setting.JWK_LOCAL_CHECK_INTERVAL.toString());
        assertEquals("alg is required", Setting.ALG + " is required");
    }

    @Test
    void hasADefaultOfItsOwnKindOrNone() {
        for (Setting s : Setting.values()) {
            assertTrue(s.defaultValue() == null || s.kind().fits(s.defaultValue()), s::settingName);
        }
        assertEquals("JWT", Setting.TYP.defaultValue());
        assertEquals(java.time.Duration.ofSeconds(30), Setting.JWK_FETCH_TIMEOUT.defaultValue());
    }

    @Test
    void builderRefusesAValueOfTheWrongKindOrAFilterParam() {
        IllegalArgumentException wrongKind = assertThrows(IllegalArgumentException.class,
                () -> SignerConfig.builder().set(Setting.MAX_BODY_BYTES, "10"));
        assertEquals("max_body_bytes takes a whole number, not a String", wrongKind.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> SignerConfig.builder().set(Setting.CIPHER_SUITES, List.of("49199")));
        IllegalArgumentException filter = assertThrows(IllegalArgumentException.class,
                () -> SignerConfig.builder().set(Setting.CONFIG, "krakend.json"));
        assertEquals("config is an init-param of the filter, not a setting of the configuration",
                filter.getMessage());
    }

    @Test
    void builderRefusesNullWhereTheTypedSetterCouldNotTakeIt() {
        // maxBodyBytes(int), full(boolean) and keysToSign(List) never took null: a null flag must not read as
        // false, nor a null number or list fail later in build() with no message.
        for (Setting s : List.of(Setting.MAX_BODY_BYTES, Setting.CACHE_DURATION, Setting.JWK_MAX_BYTES,
                Setting.FULL, Setting.DISABLE_JWK_SECURITY, Setting.REQUIRE_KEYS_TO_SIGN, Setting.KEYS_TO_SIGN,
                Setting.JWK_FINGERPRINTS, Setting.CIPHER_SUITES)) {
            assertThrows(NullPointerException.class, () -> SignerConfig.builder().set(s, null), s::settingName);
        }
        SignerConfig.builder().set(Setting.KID, null).set(Setting.JWK_READ_TIMEOUT, null);
    }

    @Test
    void hidesTheValuesOfCypherKeyAndThePasswordsOnly() {
        assertEquals("", Setting.CYPHER_KEY.quote("secret"));
        assertEquals("", Setting.KEYSTORE_PASSWORD.quote("secret"));
        assertEquals(" [s3://b/k]", Setting.SECRET_URL.quote("s3://b/k"));
        assertTrue(Setting.CYPHER_KEY.isSecret());
        assertEquals(List.of(Setting.CYPHER_KEY, Setting.KEYSTORE_PASSWORD, Setting.KEY_PASSWORD),
                Arrays.stream(Setting.values()).filter(Setting::isSecret).toList());
    }

    @Test
    void limitsCipherSuitesToSixteenBitIds() {
        assertEquals(0, Setting.CIPHER_SUITES.min());
        assertEquals(65_535, Setting.CIPHER_SUITES.max());
        assertEquals(Setting.Kind.WHOLE_NUMBER_LIST, Setting.CIPHER_SUITES.kind());
    }

    @Test
    void setsAValueOfEveryKindOnTheBuilder() {
        SignerConfig.Builder builder = SignerConfig.builder();
        builder.set(Setting.ALG, "EdDSA");
        builder.set(Setting.KID, "ed1");
        builder.set(Setting.KEYS_TO_SIGN, List.of("id_token"));
        builder.set(Setting.JWK_LOCAL_PATH, "/keys/ed.json");
        builder.set(Setting.FULL, Boolean.TRUE);
        builder.set(Setting.CIPHER_SUITES, List.of(4865));
        builder.set(Setting.MAX_BODY_BYTES, 10);

        SignerConfig config = builder.build();

        assertEquals("EdDSA", config.alg().jwaName());
        assertEquals("ed1", config.kid());
        assertEquals("[id_token]", config.keysToSign().toString());
        assertTrue(config.full());
        assertFalse(ConfigView.disableJwkSecurity(config));
        assertEquals(List.of(4865), ConfigView.cipherSuites(config));
        assertEquals(10, config.maxBodyBytes());
    }

    @Test
    void setsDurationsAndKeystoreSettingsOnTheBuilder() {
        SignerConfig.Builder keystore = SignerConfig.builder().alg("RS256").kid("k1").keysToSign("access_token");
        keystore.set(Setting.KEYSTORE_PATH, "/keys/signing.p12");
        keystore.set(Setting.KEYSTORE_TYPE, "pkcs12");
        keystore.set(Setting.KEYSTORE_PASSWORD, "store");
        keystore.set(Setting.KEYSTORE_ALIAS, "signing");
        keystore.set(Setting.KEY_PASSWORD, "key");
        SignerConfig.Builder url = SignerConfig.builder().alg("RS256").keysToSign("access_token")
                .set(Setting.JWK_URL, "https://keys.example.com/jwks.json");
        url.set(Setting.CACHE_DURATION, 30);
        url.set(Setting.JWK_CONNECT_TIMEOUT, java.time.Duration.ofMillis(300));
        url.set(Setting.JWK_READ_TIMEOUT, java.time.Duration.ofSeconds(3));
        url.set(Setting.JWK_FETCH_TIMEOUT, java.time.Duration.ofSeconds(7));
        url.set(Setting.JWK_MAX_BYTES, 2048);
        SignerConfig.Builder file = SignerConfig.builder().alg("RS256").keysToSign("access_token")
                .set(Setting.JWK_LOCAL_PATH, "/keys/k.json")
                .set(Setting.JWK_LOCAL_CHECK_INTERVAL, java.time.Duration.ofSeconds(1));

        SignerConfig config = keystore.build();
        SignerConfig fetched = url.build();

        assertEquals(Optional.of("PKCS12"), ConfigView.keystoreType(config));
        assertEquals(Optional.of("key"), ConfigView.keyPassword(config));
        assertEquals(30, ConfigView.cacheDuration(fetched));
        assertEquals(java.time.Duration.ofMillis(300), ConfigView.jwkConnectTimeout(fetched));
        assertEquals(java.time.Duration.ofSeconds(3), ConfigView.jwkReadTimeout(fetched));
        assertEquals(java.time.Duration.ofSeconds(7), ConfigView.jwkFetchTimeout(fetched));
        assertEquals(2048, ConfigView.jwkMaxBytes(fetched));
        assertEquals(java.time.Duration.ofSeconds(1), ConfigView.jwkLocalCheckInterval(file.build()));
        assertEquals(Setting.Kind.DURATION, Setting.JWK_READ_TIMEOUT.kind());
        assertEquals(Setting.Kind.DURATION, Setting.JWK_FETCH_TIMEOUT.kind());
    }
}
