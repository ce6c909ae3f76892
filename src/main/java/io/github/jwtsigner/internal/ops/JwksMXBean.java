package io.github.jwtsigner.internal.ops;

import java.util.List;

/**
 * One {@code JwksServlet}'s figures, registered as {@code io.github.jwtsigner:type=Jwks,name=<servlet-name>}.
 * Counts run from the servlet's start.
 */
public interface JwksMXBean extends KeysMXBean {
    /** {@code GET} and {@code HEAD} answered 200 with the JWK Set. */
    long getServed();

    /** Answered 304: the client's copy is current. */
    long getNotModified();

    /** Other methods, answered 405. */
    long getMethodNotAllowed();

    /** Answered 500: the {@code signer} filter has not started, so there was nothing to publish. */
    long getUnavailable();

    /** The kids published now. */
    List<String> getKeyIds();
}
