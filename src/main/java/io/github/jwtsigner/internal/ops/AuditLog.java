package io.github.jwtsigner.internal.ops;

import io.github.jwtsigner.internal.json.JsonNode.ObjectNode;
import io.github.jwtsigner.internal.jws.TokenSigner;
import io.github.jwtsigner.internal.validation.Rejection;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * The audit trail: one INFO line per issued token and per refused token, to the {@code System.Logger} named
 * {@value #LOGGER_NAME}. Never a token, a signature, a key or a claim other than the few named below.
 *
 * <p>Thread-safe.
 */
public final class AuditLog {
    /** The audit trail's logger. */
    public static final String LOGGER_NAME = "io.github.jwtsigner.audit";

    private final Logger log;

    AuditLog(Logger log) {
        this.log = log;
    }

    static AuditLog create() {
        return new AuditLog(System.getLogger(LOGGER_NAME));
    }

    /** True when the audit logger writes INFO lines. */
    public boolean enabled() {
        return log.isLoggable(Level.INFO);
    }

    /** TODO(ops): {@code event=authn_token_created}. */
    void tokenCreated(String component, String member, TokenSigner signer, ObjectNode claims, RequestLine request) {
    }

    /** TODO(ops): {@code event=authn_token_rejected}; {@code token} null when the request had none to read. */
    void tokenRejected(String component, Rejection why, String token, RequestLine request) {
    }
}
