package io.github.jwtsigner.internal.validation;

/**
 * A token was refused; {@link #rejection()} says why. Carries no stack trace and nothing of the token.
 */
public final class TokenRejectedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Rejection rejection;

    TokenRejectedException(Rejection rejection) {
        super(rejection.description(), null, false, false);
        this.rejection = rejection;
    }

    public Rejection rejection() {
        return rejection;
    }
}
