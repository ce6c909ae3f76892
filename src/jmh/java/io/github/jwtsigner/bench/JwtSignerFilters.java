package io.github.jwtsigner.bench;

import io.github.jwtsigner.JwtSignerFilter;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;

import java.util.Collections;
import java.util.Enumeration;

/**
 * Our filter as the benchmarks use it: built from {@link BenchConfig#signerConfig(String)} and initialised
 * outside a container, with a filter configuration that has no init-params and no servlet context (the key is
 * a classpath resource).
 *
 * <p>Stateless and thread-safe.
 */
public final class JwtSignerFilters {
    private JwtSignerFilters() {
    }

    /** A new, initialised filter for {@code alg}. */
    public static JwtSignerFilter initialised(String alg) throws ServletException {
        return initialised(alg, BenchConfig.JDK);
    }

    /** A new, initialised filter for {@code alg} signing through {@code provider} (see BenchConfig). */
    public static JwtSignerFilter initialised(String alg, String provider) throws ServletException {
        JwtSignerFilter filter = new JwtSignerFilter(BenchConfig.signerConfig(alg, provider));
        filter.init(new NoParamsFilterConfig());
        return filter;
    }

    /** A new filter for {@code alg}, for a container to initialise. */
    public static JwtSignerFilter uninitialised(String alg) {
        return new JwtSignerFilter(BenchConfig.signerConfig(alg));
    }

    private static final class NoParamsFilterConfig implements FilterConfig {
        @Override
        public String getFilterName() {
            return "jwt-signer";
        }

        @Override
        public ServletContext getServletContext() {
            return null;
        }

        @Override
        public String getInitParameter(String name) {
            return null;
        }

        @Override
        public Enumeration<String> getInitParameterNames() {
            return Collections.emptyEnumeration();
        }
    }
}
