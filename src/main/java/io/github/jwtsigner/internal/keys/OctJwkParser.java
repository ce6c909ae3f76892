package io.github.jwtsigner.internal.keys;

/**
 * Reads a symmetric key, kty {@code oct} (RFC 7518 §6.4).
 *
 * <p>Stateless and thread-safe.
 */
final class OctJwkParser {
    private OctJwkParser() {
    }

    static Jwk parse(JwkMembers members, JwkMetadata metadata) throws JwkFormatException {
        return Jwk.symmetric(metadata, members.bytes(JwkParameters.K));
    }
}
