package io.github.jwtsigner.internal.ops;

import io.github.jwtsigner.SigningException;
import io.github.jwtsigner.internal.jws.TokenSigner;
import io.github.jwtsigner.internal.validation.Rejection;

/**
 * The optional mirror of a component's figures in a Micrometer {@code MeterRegistry}. JDK types only, so that
 * this loads without Micrometer; {@code internal.ops.micrometer} implements it, and is loaded only when a registry
 * was given. Each method is called on a request thread, after the JMX counters counted the same event.
 *
 * <p>Implementations are thread-safe.
 */
public final class Meters {
    private Meters() {
    }

    /** A signer's meters. */
    public interface Signer extends AutoCloseable {
        /** True when the signing time is measured: the caller reads {@link System#nanoTime()} around it. */
        boolean timed();

        void passed();

        void failedClosed(SigningException.Reason reason);

        /** One response signed, in {@code nanos}. */
        void signed(long nanos);

        /** One token issued for {@code keys_to_sign} entry {@code entry}, by {@code signer}. */
        void token(int entry, TokenSigner signer);

        /** Removes every meter from the registry. */
        @Override
        void close();
    }

    /** A validator's meters. */
    public interface Validator extends AutoCloseable {
        boolean timed();

        /** A token accepted, checked in {@code nanos}. */
        void accepted(long nanos);

        void anonymous();

        /** A request refused; {@code nanos} is the check's time, 0 when there was no token to check. */
        void rejected(Rejection why, long nanos);

        @Override
        void close();
    }

    /** A JWKS servlet's meters. */
    public interface Jwks extends AutoCloseable {
        /** One answer: 200, 304, 405 or 500. */
        void answered(int status);

        @Override
        void close();
    }

    /** No registry: nothing is measured. */
    static final Signer NO_SIGNER = new Signer() {
        @Override
        public boolean timed() {
            return false;
        }

        @Override
        public void passed() {
        }

        @Override
        public void failedClosed(SigningException.Reason reason) {
        }

        @Override
        public void signed(long nanos) {
        }

        @Override
        public void token(int entry, TokenSigner signer) {
        }

        @Override
        public void close() {
        }
    };

    static final Validator NO_VALIDATOR = new Validator() {
        @Override
        public boolean timed() {
            return false;
        }

        @Override
        public void accepted(long nanos) {
        }

        @Override
        public void anonymous() {
        }

        @Override
        public void rejected(Rejection why, long nanos) {
        }

        @Override
        public void close() {
        }
    };

    static final Jwks NO_JWKS = new Jwks() {
        @Override
        public void answered(int status) {
        }

        @Override
        public void close() {
        }
    };
}
