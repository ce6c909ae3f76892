package io.github.jwtsigner.bench;

import io.github.jwtsigner.JwtValidatorFilter;
import io.github.jwtsigner.Setting;
import io.github.jwtsigner.ValidatorConfig;
import io.github.jwtsigner.testing.TestFilterConfig;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletException;

import java.util.List;
import java.util.Map;

/**
 * Our {@link JwtValidatorFilter} as the validation benchmarks run it: the public JWK Set file of
 * {@link ValidationKeys} as {@code jwk_local_path}, one allowed algorithm, every other setting at its default, the
 * verified-signature cache at its default size or off; initialised outside a container.
 *
 * <p>Stateless and thread-safe.
 */
final class OurValidator {
    private OurValidator() {
    }

    /** The filter for {@code alg}; {@code cached} false sets {@code verified_cache_size} to 0. */
    static Filter filter(ValidationKeys keys, String alg, boolean cached) throws ServletException {
        ValidatorConfig.Builder config = ValidatorConfig.builder()
                .set(Setting.JWK_LOCAL_PATH, keys.publicJwkSetFile().toAbsolutePath().toString())
                .set(Setting.ALG, List.of(alg));
        if (!cached) {
            config.set(Setting.VERIFIED_CACHE_SIZE, 0);
        }
        JwtValidatorFilter filter = new JwtValidatorFilter(config.build());
        filter.init(TestFilterConfig.of(Map.of()));
        return filter;
    }
}
