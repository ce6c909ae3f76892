package io.github.jwtsigner.internal.keys;

/**
 * One JWK of a set cannot be used. Checked, so every parser states it; {@link JwkSet} records the message
 * against that key instead of failing the whole set. Messages name members, never their values.
 */
final class JwkFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    JwkFormatException(String message) {
        super(message);
    }
}
