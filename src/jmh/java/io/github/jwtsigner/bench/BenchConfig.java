package io.github.jwtsigner.bench;

import io.github.jwtsigner.JwtSignerFilter;
import io.github.jwtsigner.SignerConfig;
import io.github.jwtsigner.testing.TestFilterConfig;
import jakarta.servlet.ServletException;

import java.util.Map;

/**
 * The signer configuration every benchmark and the load server use: the login's two members, the benchmark key
 * for the algorithm, compact tokens, typ JWT.
 *
 * <p>Stateless and thread-safe.
 */
public final class BenchConfig {
    private BenchConfig() {
    }

    /** The configuration for {@code alg}, reading the keys from the classpath resource {@link BenchKeys#RESOURCE}. */
    public static SignerConfig signerConfig(String alg) {
        return signerConfig(alg, JDK);
    }

    /** The same with {@code signature_provider}: {@link #JDK} for the JDK's providers, else its value. */
    public static SignerConfig signerConfig(String alg, String provider) {
        return SignerConfig.builder()
                .alg(alg)
                .kid(BenchKeys.kid(alg))
                .keysToSign(LoginBody.KEYS_TO_SIGN)
                .jwkLocalPath("classpath:" + BenchKeys.RESOURCE)
                .signatureProvider(JDK.equals(provider) ? null : provider)
                .build();
    }

    /** Our filter for {@code alg} and {@code provider}, initialised outside a container without init-params. */
    public static JwtSignerFilter initialisedFilter(String alg, String provider) throws ServletException {
        JwtSignerFilter filter = new JwtSignerFilter(signerConfig(alg, provider));
        filter.init(TestFilterConfig.of(Map.of()));
        return filter;
    }

    /** The benchmark parameter value for "no signature_provider". */
    public static final String JDK = "JDK";
}
