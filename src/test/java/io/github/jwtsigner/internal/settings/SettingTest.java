package io.github.jwtsigner.internal.settings;

import io.github.jwtsigner.SignerConfig;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingTest {

    @Test
    void coversEverySettingNameInDocumentationOrder() {
        assertEquals(SignerConfig.SETTING_NAMES,
                Arrays.stream(Setting.values()).map(Setting::settingName).toList());
    }

    @Test
    void findsASettingByItsExactName() {
        assertEquals(Optional.of(Setting.KEYS_TO_SIGN), Setting.named("keys_to_sign"));
        assertEquals(Optional.empty(), Setting.named("KEYS_TO_SIGN"));
        assertEquals(Optional.empty(), Setting.named("config"));
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
    void appliesAValueOfEveryKindToTheBuilder() {
        SignerConfig.Builder builder = SignerConfig.builder();
        Setting.ALG.apply(builder, "EdDSA");
        Setting.KID.apply(builder, "ed1");
        Setting.KEYS_TO_SIGN.apply(builder, List.of("id_token"));
        Setting.JWK_LOCAL_PATH.apply(builder, "/keys/ed.json");
        Setting.FULL.apply(builder, Boolean.TRUE);
        Setting.CIPHER_SUITES.apply(builder, List.of(4865));
        Setting.MAX_BODY_BYTES.apply(builder, 10);

        SignerConfig config = builder.build();

        assertEquals("EdDSA", config.alg().jwaName());
        assertEquals("ed1", config.kid());
        assertEquals("[id_token]", config.keysToSign().toString());
        assertTrue(config.full());
        assertFalse(config.disableJwkSecurity());
        assertEquals(List.of(4865), config.cipherSuites());
        assertEquals(10, config.maxBodyBytes());
    }

    @Test
    void appliesDurationsAndKeystoreSettingsToTheBuilder() {
        SignerConfig.Builder builder = SignerConfig.builder().alg("RS256").kid("k1").keysToSign("access_token");
        Setting.KEYSTORE_PATH.apply(builder, "/keys/signing.p12");
        Setting.KEYSTORE_TYPE.apply(builder, "pkcs12");
        Setting.KEYSTORE_PASSWORD.apply(builder, "store");
        Setting.KEYSTORE_ALIAS.apply(builder, "signing");
        Setting.KEY_PASSWORD.apply(builder, "key");
        Setting.CACHE_DURATION.apply(builder, 30);
        Setting.JWK_CONNECT_TIMEOUT.apply(builder, java.time.Duration.ofMillis(300));
        Setting.JWK_READ_TIMEOUT.apply(builder, java.time.Duration.ofSeconds(3));
        Setting.JWK_FETCH_TIMEOUT.apply(builder, java.time.Duration.ofSeconds(7));
        Setting.JWK_MAX_BYTES.apply(builder, 2048);
        Setting.JWK_LOCAL_CHECK_INTERVAL.apply(builder, java.time.Duration.ofSeconds(1));

        SignerConfig config = builder.build();

        assertEquals(Optional.of("PKCS12"), config.keystoreType());
        assertEquals(Optional.of("key"), config.keyPassword());
        assertEquals(30, config.cacheDuration());
        assertEquals(java.time.Duration.ofMillis(300), config.jwkConnectTimeout());
        assertEquals(java.time.Duration.ofSeconds(3), config.jwkReadTimeout());
        assertEquals(java.time.Duration.ofSeconds(7), config.jwkFetchTimeout());
        assertEquals(2048, config.jwkMaxBytes());
        assertEquals(java.time.Duration.ofSeconds(1), config.jwkLocalCheckInterval());
        assertEquals(Setting.Kind.DURATION, Setting.JWK_READ_TIMEOUT.kind());
        assertEquals(Setting.Kind.DURATION, Setting.JWK_FETCH_TIMEOUT.kind());
    }
}
