package io.github.jwtsigner.internal.ops;

import io.github.jwtsigner.SigningException;
import io.github.jwtsigner.internal.jws.TokenSigner;
import io.github.jwtsigner.internal.validation.Rejection;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A component's meters that never fail the request they count: whatever a registry throws on a request thread
 * (a counter registered late, for a new kid, refused for tag keys another copy of the library registered; a
 * registry of one's own that throws) is caught, and told once per component as one WARNING that names the
 * component and the exception, never a token or a claim (meters see neither). A forged token still gets its
 * 401, a login is still signed, a JWK Set still served.
 *
 * <p>Thread-safe.
 */
final class GuardedMeters {
    private final String kind;
    private final String name;
    private final Logger log;
    private final AtomicBoolean told = new AtomicBoolean();

    private GuardedMeters(String kind, String name, Logger log) {
        this.kind = kind;
        this.name = name;
        this.log = log;
    }

    /** The first failure is a WARNING; the later ones are not news. */
    void failed(RuntimeException e) {
        if (told.compareAndSet(false, true)) {
            try {
                log.log(Level.WARNING, kind + " [" + name + "]: a meter failed, so its figures in the meter"
                        + " registry are short from now on; the MXBean still counts every request: " + e);
            } catch (RuntimeException ignored) {
                // A logger that cannot log: the request goes on regardless.
            }
        }
    }

    static Meters.Signer signer(Meters.Signer meters, String name, Logger log) {
        if (meters == Meters.NO_SIGNER) {
            return meters;
        }
        GuardedMeters guard = new GuardedMeters("JWT signer", name, log);
        return new Meters.Signer() {
            @Override
            public boolean timed() {
                return meters.timed();
            }

            @Override
            public void passed() {
                try {
                    meters.passed();
                } catch (RuntimeException e) {
                    guard.failed(e);
                }
            }

            @Override
            public void failedClosed(SigningException.Reason reason) {
                try {
                    meters.failedClosed(reason);
                } catch (RuntimeException e) {
                    guard.failed(e);
                }
            }

            @Override
            public void signed(long nanos) {
                try {
                    meters.signed(nanos);
                } catch (RuntimeException e) {
                    guard.failed(e);
                }
            }

            @Override
            public void token(int entry, TokenSigner signer) {
                try {
                    meters.token(entry, signer);
                } catch (RuntimeException e) {
                    guard.failed(e);
                }
            }

            @Override
            public void close() {
                meters.close();
            }
        };
    }

    static Meters.Validator validator(Meters.Validator meters, String name, Logger log) {
        if (meters == Meters.NO_VALIDATOR) {
            return meters;
        }
        GuardedMeters guard = new GuardedMeters("JWT validator", name, log);
        return new Meters.Validator() {
            @Override
            public boolean timed() {
                return meters.timed();
            }

            @Override
            public void accepted(long nanos) {
                try {
                    meters.accepted(nanos);
                } catch (RuntimeException e) {
                    guard.failed(e);
                }
            }

            @Override
            public void anonymous() {
                try {
                    meters.anonymous();
                } catch (RuntimeException e) {
                    guard.failed(e);
                }
            }

            @Override
            public void rejected(Rejection why, long nanos) {
                try {
                    meters.rejected(why, nanos);
                } catch (RuntimeException e) {
                    guard.failed(e);
                }
            }

            @Override
            public void close() {
                meters.close();
            }
        };
    }

    static Meters.Jwks jwks(Meters.Jwks meters, String name, Logger log) {
        if (meters == Meters.NO_JWKS) {
            return meters;
        }
        GuardedMeters guard = new GuardedMeters("JWKS servlet", name, log);
        return new Meters.Jwks() {
            @Override
            public void answered(int status) {
                try {
                    meters.answered(status);
                } catch (RuntimeException e) {
                    guard.failed(e);
                }
            }

            @Override
            public void close() {
                meters.close();
            }
        };
    }
}
