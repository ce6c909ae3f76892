package io.github.jwtsigner.internal.servlet;

import io.github.jwtsigner.InvalidConfigurationException;
import io.github.jwtsigner.Setting;
import io.github.jwtsigner.SigningAlgorithm;
import io.github.jwtsigner.ValidatorConfig;
import io.github.jwtsigner.internal.keys.VerificationKeys;
import io.github.jwtsigner.internal.ops.MeterRegistries;
import io.github.jwtsigner.internal.ops.ValidatorOperations;
import io.github.jwtsigner.internal.rotation.KeyRing;
import io.github.jwtsigner.internal.settings.InitParamsReader;
import io.github.jwtsigner.internal.settings.KrakendConfigReader;
import io.github.jwtsigner.internal.validation.TokenVerifier;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
        java.util.Map<String, String> params = SignerStartup.initParams(filterConfig);
        String metrics = SignerStartup.metricsParam(params,
                "init-params of filter [" + SignerStartup.filterName(filterConfig) + "]");
        ValidatorConfig config = given != null
                ? SignerStartup.checkNoInitParams(params, given, "a ValidatorConfig")
                : SignerStartup.read(params, SignerStartup.filterName(filterConfig), locator,
                        KrakendConfigReader::readValidator, InitParamsReader::readValidator);
        Object registry = MeterRegistries.resolve(given == null ? null : given.meterRegistry().orElse(null), metrics,
                "init-params of filter [" + SignerStartup.filterName(filterConfig) + "]");
        KeyRing<VerificationKeys> keys;
        try {
            keys = KeyRing.startVerifying(config, locator, log);
        } catch (InvalidConfigurationException e) {
            throw withOwnWebappHint(e, config.text(Setting.JWK_URL), context);
        }
        String name = filterConfig == null ? "" : filterConfig.getFilterName();
        ValidatorOperations ops = null;
        try {
            TokenVerifier verifier = new TokenVerifier(config, keys, keys::reloadEarly, System::currentTimeMillis);
            log.log(Level.INFO, "JWT validator [" + name + "] ready: alg=" + config.algorithms() + ", kids="
                    + keys.get().kids() + ", key source=" + keys.description() + ", " + config);
            warnOfUnusedAlgorithms(config, keys.get(), keys.description(), name, log);
            ops = ValidatorOperations.start(name, SignerStartup.contextPath(context), keys, verifier::cacheHits,
                    registry, log);
            return new Started(new RequestValidation(config, verifier, name, log, ops), keys);
        } catch (RuntimeException | Error e) {
            SignerStartup.stopAfterFailure(ops, keys);
            throw e;
        }
    }

    /**
     * A {@code jwk_url} served by this very webapp (its {@code JwksServlet}) cannot answer while the webapp's
     * filters start: the containers accept its requests only afterwards. Say so, and what to use instead.
     */
    static InvalidConfigurationException withOwnWebappHint(InvalidConfigurationException e, String url,
            ServletContext context) {
        String contextPath = context == null ? null : context.getContextPath();
        if (url == null || contextPath == null) {
            return e;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException notAUri) {
            return e;
        }
        String path = uri.getPath();
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
        boolean own = path != null && (contextPath.isEmpty() ? loopback : path.startsWith(contextPath + "/"));
        if (!own) {
            return e;
        }
        List<String> problems = new ArrayList<>(e.problems());
        problems.add(Setting.JWK_URL + " path [" + path + "] is inside this webapp (context path ["
                + (contextPath.isEmpty() ? "/" : contextPath) + "]), which answers no request while its filters"
                + " start; expected " + Setting.JWK_LOCAL_PATH + " naming the key file the signer reads (of a"
                + " private key only the public half is used), or the URL of another server");
        InvalidConfigurationException hinted = new InvalidConfigurationException(COMPONENT, problems, e.getCause());
        hinted.setStackTrace(e.getStackTrace());
        return hinted;
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
