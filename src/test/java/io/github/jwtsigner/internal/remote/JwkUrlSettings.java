package io.github.jwtsigner.internal.remote;

import io.github.jwtsigner.KeySource;
import io.github.jwtsigner.SignerConfig;

import java.time.Duration;
import java.util.List;

/**
 * A {@code jwk_url} key source for tests of the fetcher, made through {@link SignerConfig.Builder}, so that
 * it passes the same checks as a real configuration. One instance per test; not thread-safe.
 */
final class JwkUrlSettings {
    private final SignerConfig.Builder builder = SignerConfig.builder().alg("RS256").keysToSign("t");
    private String caPem;

    static JwkUrlSettings url(String url) {
        JwkUrlSettings s = new JwkUrlSettings();
        s.builder.jwkUrl(url);
        return s;
    }

    JwkUrlSettings disableJwkSecurity(boolean disable) {
        builder.disableJwkSecurity(disable);
        return this;
    }

    JwkUrlSettings fingerprints(List<String> pins) {
        builder.jwkFingerprints(pins);
        return this;
    }

    JwkUrlSettings cipherSuites(List<Integer> ids) {
        builder.cipherSuites(ids);
        return this;
    }

    /** {@code jwk_local_ca} read as a file by the fetcher. */
    JwkUrlSettings localCaPath(String path) {
        builder.jwkLocalCa(path);
        return this;
    }

    /** {@code jwk_local_ca} already read by the caller, as the key loader does for a webapp resource. */
    JwkUrlSettings localCa(String path, String pem) {
        builder.jwkLocalCa(path);
        this.caPem = pem;
        return this;
    }

    JwkUrlSettings connectTimeout(Duration d) {
        builder.jwkConnectTimeout(d);
        return this;
    }

    JwkUrlSettings readTimeout(Duration d) {
        builder.jwkReadTimeout(d);
        return this;
    }

    JwkUrlSettings fetchTimeout(Duration d) {
        builder.jwkFetchTimeout(d);
        return this;
    }

    JwkUrlSettings maxBytes(int max) {
        builder.jwkMaxBytes(max);
        return this;
    }

    KeySource.JwkUrl build() {
        return (KeySource.JwkUrl) builder.build().keySource();
    }

    JwkFetcher fetcher() {
        return new JwkFetcher(build(), caPem);
    }
}
