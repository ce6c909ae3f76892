package io.github.jwtsigner;

/**
 * Root of every exception this library throws. Unchecked: a configuration error is a deployment bug, and a
 * signing error is answered by the filter itself (fail closed), so callers rarely have anything to catch.
 *
 * <p>Messages never contain key material or token contents.
 */
public abstract class JwtSignerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected JwtSignerException(String message, Throwable cause) {
        super(message, cause);
    }
}
