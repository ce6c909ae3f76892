package io.github.jwtsigner.internal.rotation;

import io.github.jwtsigner.SignerConfig;
import io.github.jwtsigner.SigningAlgorithm;
import io.github.jwtsigner.internal.jws.TokenSigner;
import io.github.jwtsigner.internal.keys.PublicJwks;
import io.github.jwtsigner.internal.keys.SigningKeys;
import io.github.jwtsigner.internal.keys.VerificationKeys;

import java.security.Key;
import java.security.PublicKey;
import java.util.List;

/**
 * What a {@link KeyLoader} makes of the keys it read: the signer's {@link TokenSigner}, or the public keys the
 * JWKS servlet publishes.
 *
 * <p>Implementations are stateless and thread-safe.
 *
 * @param <T> what is made
 */
interface KeyReader<T> {

    /**
     * @param jwkSetJson a JWK Set or a single JWK
     * @param source where it came from, for messages
     * @throws io.github.jwtsigner.InvalidConfigurationException naming every problem
     */
    T fromJwkSet(String jwkSetJson, String source);

    /**
     * @param key a key that did not come from a JWK Set (a PEM file, a keystore entry)
     * @param publicKeyOrNull its public key, if known
     * @throws io.github.jwtsigner.InvalidConfigurationException naming every problem
     */
    T fromKey(Key key, PublicKey publicKeyOrNull, String source);

    /** True when a PEM file may hold a public key alone: the validator's keys, which never sign. */
    default boolean takesPublicKeyAlone() {
        return false;
    }

    /** The signer for {@code config}: its kid, alg, typ and serialization. */
    static KeyReader<TokenSigner> signing(SignerConfig config) {
        return new KeyReader<>() {
            @Override
            public TokenSigner fromJwkSet(String jwkSetJson, String source) {
                return SigningKeys.load(config, jwkSetJson, source);
            }

            @Override
            public TokenSigner fromKey(Key key, PublicKey publicKeyOrNull, String source) {
                return SigningKeys.load(config, key, publicKeyOrNull, source);
            }
        };
    }

    /** The public keys to publish: every key of a set, or the one with {@code kid} (or under it, for a key). */
    static KeyReader<PublicJwks> publishing(String kid) {
        return new KeyReader<>() {
            @Override
            public PublicJwks fromJwkSet(String jwkSetJson, String source) {
                return PublicJwks.fromJwkSet(jwkSetJson, kid, source);
            }

            @Override
            public PublicJwks fromKey(Key key, PublicKey publicKeyOrNull, String source) {
                return PublicJwks.fromKey(key, publicKeyOrNull, kid, source);
            }
        };
    }

    /** The keys that check signatures of {@code algorithms}: of a set, every fitting key or the one with kid. */
    static KeyReader<VerificationKeys> verifying(String kid, List<SigningAlgorithm> algorithms) {
        return new KeyReader<>() {
            @Override
            public VerificationKeys fromJwkSet(String jwkSetJson, String source) {
                return VerificationKeys.fromJwkSet(jwkSetJson, kid, algorithms, source);
            }

            @Override
            public VerificationKeys fromKey(Key key, PublicKey publicKeyOrNull, String source) {
                return VerificationKeys.fromKey(key, publicKeyOrNull, kid, algorithms, source);
            }

            @Override
            public boolean takesPublicKeyAlone() {
                return true;
            }
        };
    }
}
