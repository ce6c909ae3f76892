package io.github.jwtsigner.testing;

import io.github.jwtsigner.KeySource;
import io.github.jwtsigner.Setting;
import io.github.jwtsigner.SignerConfig;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The settings of a configuration's key source, read the way the tests of the readers ask for them: one
 * static method per setting, from the source the configuration made or from {@link SignerConfig#value}.
 */
public final class ConfigView {
    private ConfigView() {
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(SignerConfig c, Setting setting) {
        return (List<T>) c.value(setting);
    }

    public static Class<? extends KeySource> keySourceType(SignerConfig c) {
        return c.keySource().getClass();
    }

    public static Optional<String> jwkLocalPath(SignerConfig c) {
        return c.keySource() instanceof KeySource.JwkFile f ? Optional.of(f.path()) : Optional.empty();
    }

    public static Duration jwkLocalCheckInterval(SignerConfig c) {
        return (Duration) c.value(Setting.JWK_LOCAL_CHECK_INTERVAL);
    }

    public static Optional<String> jwkUrl(SignerConfig c) {
        return c.keySource() instanceof KeySource.JwkUrl u ? Optional.of(u.url()) : Optional.empty();
    }

    public static boolean disableJwkSecurity(SignerConfig c) {
        return (Boolean) c.value(Setting.DISABLE_JWK_SECURITY);
    }

    public static List<String> jwkFingerprints(SignerConfig c) {
        return list(c, Setting.JWK_FINGERPRINTS);
    }

    public static List<Integer> cipherSuites(SignerConfig c) {
        return list(c, Setting.CIPHER_SUITES);
    }

    public static Optional<String> jwkLocalCa(SignerConfig c) {
        return Optional.ofNullable((String) c.value(Setting.JWK_LOCAL_CA));
    }

    public static int cacheDuration(SignerConfig c) {
        return (Integer) c.value(Setting.CACHE_DURATION);
    }

    public static Duration jwkConnectTimeout(SignerConfig c) {
        return (Duration) c.value(Setting.JWK_CONNECT_TIMEOUT);
    }

    public static Duration jwkReadTimeout(SignerConfig c) {
        return (Duration) c.value(Setting.JWK_READ_TIMEOUT);
    }

    public static Duration jwkFetchTimeout(SignerConfig c) {
        return (Duration) c.value(Setting.JWK_FETCH_TIMEOUT);
    }

    public static int jwkMaxBytes(SignerConfig c) {
        return (Integer) c.value(Setting.JWK_MAX_BYTES);
    }

    public static Optional<String> pemLocalPath(SignerConfig c) {
        return c.keySource() instanceof KeySource.PemFile p ? Optional.of(p.path()) : Optional.empty();
    }

    public static Optional<String> keystorePath(SignerConfig c) {
        return c.keySource() instanceof KeySource.KeyStoreEntry k ? Optional.of(k.path()) : Optional.empty();
    }

    public static Optional<String> keystoreType(SignerConfig c) {
        return c.keySource() instanceof KeySource.KeyStoreEntry k ? Optional.of(k.type()) : Optional.empty();
    }

    public static Optional<String> keystorePassword(SignerConfig c) {
        return Optional.ofNullable((String) c.value(Setting.KEYSTORE_PASSWORD));
    }

    public static Optional<String> keystoreAlias(SignerConfig c) {
        return Optional.ofNullable((String) c.value(Setting.KEYSTORE_ALIAS));
    }

    public static Optional<String> keyPassword(SignerConfig c) {
        return Optional.ofNullable((String) c.value(Setting.KEY_PASSWORD));
    }
}
