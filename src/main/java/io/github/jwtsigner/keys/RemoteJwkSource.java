package io.github.jwtsigner.keys;

import io.github.jwtsigner.InvalidConfigurationException;
import io.github.jwtsigner.SignerConfig;
import io.github.jwtsigner.jwk.SigningKeys;
import io.github.jwtsigner.jws.TokenSigner;
import io.github.jwtsigner.remote.JwkFetcher;
import io.github.jwtsigner.remote.KeyFetchException;
import io.github.jwtsigner.remote.RemoteJwkSettings;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code jwk_url}: a JWK Set fetched at startup and again every {@code cache_duration} seconds, with
 * KrakenD's TLS policy (see {@link JwkFetcher}). A set served unchanged is not parsed again.
 *
 * <p>Not thread-safe: see {@link KeySource}.
 */
final class RemoteJwkSource implements KeySource {
    private final SignerConfig config;
    private final RemoteJwkSettings settings;
    private final JwkFetcher fetcher;
    private ContentDigest digest;

    /**
     * Checks the URL and TLS settings and reads {@code jwk_local_ca}; does not connect.
     *
     * @throws InvalidConfigurationException naming every problem with those settings
     */
    RemoteJwkSource(SignerConfig config) {
        this.config = config;
        this.settings = RemoteJwkSettings.builder()
                .url(config.jwkUrl().orElseThrow())
                .disableJwkSecurity(config.disableJwkSecurity())
                .fingerprints(config.jwkFingerprints())
                .cipherSuites(config.cipherSuites())
                .localCaPath(config.jwkLocalCa().orElse(null))
                .connectTimeout(config.jwkConnectTimeout())
                .readTimeout(config.jwkReadTimeout())
                .maxBytes(config.jwkMaxBytes())
                .build();
        this.fetcher = new JwkFetcher(settings);
    }

    /** The WARNING to log at startup when {@code disable_jwk_security} is on. */
    Optional<String> securityWarning() {
        return settings.securityWarning();
    }

    @Override
    public String description() {
        return config.keySource();
    }

    @Override
    public TokenSigner load() {
        String body;
        try {
            body = fetcher.fetch();
        } catch (KeyFetchException e) {
            throw new InvalidConfigurationException(e.getMessage(), e);
        }
        TokenSigner signer = SigningKeys.load(config, body, description());
        digest = ContentDigest.of(body.getBytes(StandardCharsets.UTF_8));
        return signer;
    }

    @Override
    public Duration reloadInterval() {
        return Duration.ofSeconds(config.cacheDuration());
    }

    @Override
    public String reloadPolicy() {
        return "fetched again every " + config.cacheDuration() + "s (" + SignerConfig.CACHE_DURATION + ")";
    }

    @Override
    public Optional<TokenSigner> reload() {
        String body = fetcher.fetch();
        ContentDigest fetched = ContentDigest.of(body.getBytes(StandardCharsets.UTF_8));
        if (fetched.equals(digest)) {
            return Optional.empty();
        }
        // The digest is kept only once the set proved usable, so a bad set is reported at every refresh.
        TokenSigner signer = SigningKeys.load(config, body, description());
        digest = fetched;
        return Optional.of(signer);
    }

    @Override
    public Level failureLevel() {
        return Level.WARNING;
    }
}
