package io.github.jwtsigner.internal.keys;

/**
 * The non-secret members every JWK may carry; {@code null} for an absent optional member ({@code keyOps} too).
 *
 * <p>Immutable and thread-safe.
 */
record JwkMetadata(String kty, String kid, String alg, String use, String crv, java.util.List<String> keyOps) {
    JwkMetadata(String kty, String kid, String alg, String use, String crv) {
        this(kty, kid, alg, use, crv, null);
    }
}
