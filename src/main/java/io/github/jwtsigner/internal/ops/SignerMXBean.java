package io.github.jwtsigner.internal.ops;

import java.util.Map;

/**
 * One {@code JwtSignerFilter}'s figures, registered as {@code io.github.jwtsigner:type=Signer,name=<filter-name>}.
 * Counts run from the filter's start.
 */
public interface SignerMXBean extends KeysMXBean {
    /** Responses written signed. */
    long getSigned();

    /** Responses passed through untouched: not 2xx, not JSON, empty, handed to the container. */
    long getPassedThrough();

    /** Responses answered with the fail-closed 500, or refused to the container, for any reason. */
    long getFailedClosed();

    /** {@link #getFailedClosed()} by reason ({@code MALFORMED_JSON}, {@code TOO_LARGE}, ...); every reason, 0 too. */
    Map<String, Long> getFailedClosedByReason();

    /** Tokens issued: each signed member of each signed response. */
    long getTokensIssued();

    /** {@link #getTokensIssued()} by {@code keys_to_sign} member, each member listed, 0 too. */
    Map<String, Long> getTokensIssuedByMember();

    /** The alg the filter signs with. */
    String getAlgorithm();

    /** The kid of the key signing now. */
    String getKeyId();
}
