package io.github.jwtsigner.internal.servlet;

import io.github.jwtsigner.internal.jws.TokenSigner;
import io.github.jwtsigner.internal.rotation.KeyRing;
import jakarta.servlet.ServletContext;

import java.util.Optional;

/**
 * Where a started signer filter leaves its key ring for the JWKS servlet of the same webapp: a
 * {@link ServletContext} attribute named after the filter. Filters and servlets start in an order the webapp
 * does not choose, so the servlet looks the ring up at each request.
 *
 * <p>Stateless and thread-safe.
 */
public final class SignerRegistry {
    /** The attribute names' prefix; the filter-name follows. */
    public static final String ATTRIBUTE_PREFIX = "io.github.jwtsigner.keyRing.";

    private SignerRegistry() {
    }

    /** Leaves the ring of the filter {@code filterName}; nothing without a context. */
    public static void register(ServletContext context, String filterName, KeyRing<TokenSigner> keys) {
        if (context != null && filterName != null) {
            context.setAttribute(ATTRIBUTE_PREFIX + filterName, keys);
        }
    }

    /** Takes the ring away again, if it is still this one. */
    public static void unregister(ServletContext context, String filterName, KeyRing<TokenSigner> keys) {
        if (context != null && filterName != null && context.getAttribute(ATTRIBUTE_PREFIX + filterName) == keys) {
            context.removeAttribute(ATTRIBUTE_PREFIX + filterName);
        }
    }

    /** The ring of the started filter {@code filterName}; empty when there is none (yet). */
    @SuppressWarnings("unchecked")
    public static Optional<KeyRing<TokenSigner>> lookup(ServletContext context, String filterName) {
        Object value = context.getAttribute(ATTRIBUTE_PREFIX + filterName);
        return value instanceof KeyRing<?> ring ? Optional.of((KeyRing<TokenSigner>) ring) : Optional.empty();
    }
}
