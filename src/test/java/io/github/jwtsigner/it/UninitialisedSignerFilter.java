package io.github.jwtsigner.it;

import io.github.jwtsigner.JwtSignerFilter;
import jakarta.servlet.FilterConfig;

/**
 * A signer filter subclass whose {@code init} forgets {@code super.init}: it starts, yet has no keys, so a JWKS
 * servlet that publishes its keys ({@code signer}) has nothing to publish and answers 500.
 *
 * <p>Not copied into the webapp: the container loads it from the class path.
 */
public class UninitialisedSignerFilter extends JwtSignerFilter {
    @Override
    public void init(FilterConfig filterConfig) {
        // The mistake this class stands for: super.init(filterConfig) is not called.
    }
}
