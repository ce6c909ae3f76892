package io.github.jwtsigner.internal.rotation;

import io.github.jwtsigner.Setting;
import io.github.jwtsigner.InvalidConfigurationException;
import io.github.jwtsigner.KeySource;
import io.github.jwtsigner.Problems;
import io.github.jwtsigner.internal.remote.JwkFetcher;
import io.github.jwtsigner.internal.remote.KeyFetchException;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code jwk_url}: a JWK Set fetched at startup and again every {@code cache_duration} seconds, with
 * KrakenD's TLS policy (see {@link JwkFetcher}). A set served unchanged is not parsed again.
 *
 * <p>Not thread-safe: see {@link KeyLoader}.
 */
final class JwkUrlLoader<T> implements KeyLoader<T> {
    private final KeySource.JwkUrl source;
    private final KeyReader<T> reader;
    private final JwkFetcher fetcher;
    private ContentDigest digest;

    /**
     * Reads {@code jwk_local_ca} and prepares the TLS policy; does not connect.
     *
     * @throws InvalidConfigurationException naming every problem with those settings
     */
    JwkUrlLoader(KeySource.JwkUrl source, KeyReader<T> reader, KeyFileOpener opener) {
        this.source = source;
        this.reader = reader;
        Problems problems = new Problems();
        String caPem = null;
        if (source.localCa() != null) {
            // Found where the key files are: absolute, classpath:, webapp resource or working directory.
            try {
                // Latin-1 never fails to decode; the base64 inside the blocks is ASCII either way.
                caPem = new String(opener.open(Setting.JWK_LOCAL_CA.settingName(), source.localCa()).bytes(),
                        StandardCharsets.ISO_8859_1);
            } catch (InvalidConfigurationException e) {
                problems.addAll(e);
            }
        }
        JwkFetcher.check(source, problems);
        JwkFetcher checked = null;
        if (problems.isEmpty()) {
            try {
                checked = new JwkFetcher(source, caPem);
            } catch (InvalidConfigurationException e) {
                problems.addAll(e);
            }
        }
        problems.throwIfAny();
        this.fetcher = checked;
    }

    /** The WARNING to log at startup when {@code disable_jwk_security} is on. */
    Optional<String> securityWarning() {
        return source.securityWarning();
    }

    @Override
    public String description() {
        return source.description();
    }

    @Override
    public T load() {
        String body;
        try {
            body = fetcher.fetch();
        } catch (KeyFetchException e) {
            throw new InvalidConfigurationException(e.getMessage(), e);
        }
        T signer = reader.fromJwkSet(body, description());
        digest = ContentDigest.of(body.getBytes(StandardCharsets.UTF_8));
        return signer;
    }

    @Override
    public Duration reloadInterval() {
        return Duration.ofSeconds(source.cacheDuration());
    }

    @Override
    public String reloadPolicy() {
        return "fetched again every " + source.cacheDuration() + "s (" + Setting.CACHE_DURATION + ")";
    }

    @Override
    public Optional<T> reload() {
        String body = fetcher.fetch();
        ContentDigest fetched = ContentDigest.of(body.getBytes(StandardCharsets.UTF_8));
        if (fetched.equals(digest)) {
            return Optional.empty();
        }
        // The digest is kept only once the set proved usable, so a bad set is reported at every refresh.
        T signer = reader.fromJwkSet(body, description());
        digest = fetched;
        return Optional.of(signer);
    }

    @Override
    public Level failureLevel() {
        return Level.WARNING;
    }
}
