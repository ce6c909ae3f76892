package io.github.jwtsigner.internal.rotation;

import io.github.jwtsigner.InvalidConfigurationException;
import io.github.jwtsigner.SignerConfig;
import io.github.jwtsigner.internal.keys.SigningKeys;
import io.github.jwtsigner.internal.jws.TokenSigner;
import io.github.jwtsigner.internal.remote.JwkFetcher;
import io.github.jwtsigner.internal.remote.KeyFetchException;
import io.github.jwtsigner.internal.remote.RemoteJwkSettings;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
    RemoteJwkSource(SignerConfig config, KeyFileOpener opener) {
        this.config = config;
        List<String> problems = new ArrayList<>();
        String caPath = config.jwkLocalCa().orElse(null);
        String caPem = null;
        if (caPath != null && !caPath.isBlank()) {
            // Found where the key files are: absolute, classpath:, webapp resource or working directory.
            try {
                // Latin-1 never fails to decode; the base64 inside the blocks is ASCII either way.
                caPem = new String(opener.open(SignerConfig.JWK_LOCAL_CA, caPath).bytes(),
                        StandardCharsets.ISO_8859_1);
            } catch (InvalidConfigurationException e) {
                problems.addAll(e.problems());
                caPath = null;
            }
        }
        RemoteJwkSettings checked = null;
        try {
            checked = RemoteJwkSettings.builder()
                    .url(config.jwkUrl().orElseThrow())
                    .disableJwkSecurity(config.disableJwkSecurity())
                    .fingerprints(config.jwkFingerprints())
                    .cipherSuites(config.cipherSuites())
                    .localCa(caPath, caPem)
                    .connectTimeout(config.jwkConnectTimeout())
                    .readTimeout(config.jwkReadTimeout())
                    .fetchTimeout(config.jwkFetchTimeout())
                    .maxBytes(config.jwkMaxBytes())
                    .build();
        } catch (InvalidConfigurationException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
        this.settings = checked;
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
