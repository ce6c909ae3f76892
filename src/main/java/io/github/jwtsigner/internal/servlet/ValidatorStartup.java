package io.github.jwtsigner.internal.servlet;

import io.github.jwtsigner.InvalidConfigurationException;
import io.github.jwtsigner.SigningAlgorithm;
import io.github.jwtsigner.ValidatorConfig;
import io.github.jwtsigner.internal.keys.VerificationKeys;
import io.github.jwtsigner.internal.rotation.KeyRing;
import io.github.jwtsigner.internal.settings.InitParamsReader;
import io.github.jwtsigner.internal.settings.KrakendConfigReader;
import io.github.jwtsigner.internal.validation.TokenVerifier;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * The validator's {@code init()}: reads the configuration (a {@link ValidatorConfig} passed in code,
 * init-params, or the {@code auth/validator} object of a KrakenD JSON file), loads the keys into a
 * {@link KeyRing} kept current as the signer's is, and logs one ready line.
 *
 * <p>Part of the filter's plumbing, not an API. Stateless and thread-safe.
 */
public final class ValidatorStartup {
    /** What configuration errors call the validator: {@code invalid JWT validator configuration}. */
    private static final String COMPONENT = "JWT validator";

    private ValidatorStartup() {
    }

    /**
     * What {@link #start} made: the request handling, and the key ring behind it, which the filter closes in
     * {@code destroy()}.
     */
    public record Started(RequestValidation validation, KeyRing<VerificationKeys> keys) {
    }

    /**
     * @param filterConfig the container's filter configuration; may be null when {@code given} is set
     * @param given the configuration passed to the filter's constructor, or null to read init-params
     * @throws InvalidConfigurationException naming every problem found
     */
    public static Started start(FilterConfig filterConfig, ValidatorConfig given, Logger log) {
        try {
            return started(filterConfig, given, log);
        } catch (InvalidConfigurationException e) {
            // The readers and key loaders are the signer's: their exceptions would say "JWT signer".
            InvalidConfigurationException relabelled = new InvalidConfigurationException(COMPONENT, e.problems(),
                    e.getCause());
            relabelled.setStackTrace(e.getStackTrace());
            throw relabelled;
        }
    }

    private static Started started(FilterConfig filterConfig, ValidatorConfig given, Logger log) {
        ServletContext context = filterConfig == null ? null : filterConfig.getServletContext();
        WebappResourceLocator locator = new WebappResourceLocator(context, ValidatorStartup.class.getClassLoader());
        ValidatorConfig config = given != null
                ? SignerStartup.checkNoInitParams(filterConfig, given, "a ValidatorConfig")
                : SignerStartup.read(filterConfig, locator, KrakendConfigReader::readValidator,
                        InitParamsReader::readValidator);
        KeyRing<VerificationKeys> keys = KeyRing.startVerifying(config, locator, log);
        String name = filterConfig == null ? "" : filterConfig.getFilterName();
        TokenVerifier verifier = new TokenVerifier(config, keys, keys::reloadEarly, System::currentTimeMillis);
        log.log(Level.INFO, "JWT validator [" + name + "] ready: alg=" + config.algorithms() + ", kids="
                + keys.get().kids() + ", key source=" + keys.description() + ", " + config);
        warnOfUnusedAlgorithms(config, keys.get(), keys.description(), name, log);
        return new Started(new RequestValidation(config, verifier, name, log), keys);
    }

    /** An allowed alg that no loaded key fits refuses every token of it: say so, it is usually a typo. */
    static void warnOfUnusedAlgorithms(ValidatorConfig config, VerificationKeys keys, String source, String name,
            Logger log) {
        List<String> unused = config.algorithms().stream()
                .filter(alg -> keys.entries().stream().noneMatch(e -> e.fits(alg))).map(SigningAlgorithm::jwaName)
                .toList();
        if (!unused.isEmpty()) {
            log.log(Level.WARNING, "JWT validator [" + name + "]: no key of " + source + " fits alg "
                    + unused + ", so every token of " + (unused.size() == 1 ? "it" : "them") + " is refused until a"
                    + " reload brings one; the keys there fit " + config.algorithms().stream()
                    .filter(alg -> !unused.contains(alg.jwaName())).map(SigningAlgorithm::jwaName).toList());
        }
    }
}
