package io.github.jwtsigner.internal.servlet;

import io.github.jwtsigner.internal.json.JsonPointer;
import io.github.jwtsigner.InvalidConfigurationException;
import io.github.jwtsigner.Problems;
import io.github.jwtsigner.Setting;
import io.github.jwtsigner.SignerConfig;
import io.github.jwtsigner.internal.settings.InitParamsReader;
import io.github.jwtsigner.internal.settings.KrakendConfigReader;
import io.github.jwtsigner.internal.jws.ClaimDefaults;
import io.github.jwtsigner.internal.jws.PayloadSigner;
import io.github.jwtsigner.internal.jws.TokenSigner;
import io.github.jwtsigner.internal.ops.MeterRegistries;
import io.github.jwtsigner.internal.ops.SignerOperations;
import io.github.jwtsigner.internal.rotation.KeyRing;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The filter's {@code init()}: reads the configuration from wherever it was given (a {@link SignerConfig}
 * passed in code, init-params, or a KrakenD JSON file), loads the key into a {@link KeyRing} (which reloads it
 * in the background when its source can change), and logs one ready line naming the key source and the kid
 * in use. The ring is left in a context attribute for a JWKS servlet that publishes it ({@link SignerRegistry}).
 *
 * <p>Part of the filter's plumbing, not an API. Stateless and thread-safe.
 */
public final class SignerStartup {
    private SignerStartup() {
    }

    /**
     * @param filterConfig the container's filter configuration; may be null when {@code given} is set
     * @param given the configuration passed to the filter's constructor, or null to read init-params
     * @throws InvalidConfigurationException naming every problem found
     */
    public static Started start(FilterConfig filterConfig, SignerConfig given, Logger log) {
        ServletContext context = filterConfig == null ? null : filterConfig.getServletContext();
        WebappResourceLocator locator = new WebappResourceLocator(context, SignerStartup.class.getClassLoader());
        Map<String, String> params = initParams(filterConfig);
        String metrics = metricsParam(params, "init-params of filter [" + filterName(filterConfig) + "]");
        SignerConfig config = given != null ? checkNoInitParams(params, given, "a SignerConfig")
                : read(params, filterName(filterConfig), locator, KrakendConfigReader::read, InitParamsReader::read);
        Object registry = MeterRegistries.resolve(given == null ? null : given.meterRegistry().orElse(null), metrics,
                "init-params of filter [" + filterName(filterConfig) + "]");
        KeyRing<TokenSigner> keys = KeyRing.start(config, locator, log);
        SignerOperations ops = null;
        try {
            log.log(Level.INFO, "JWT signer ready: alg={0}, kid={1}, " + Setting.KEYS_TO_SIGN + "={2}, key"
                    + " source={3}", config.alg(), keys.get().kid(), config.keysToSign(), keys.description());
            PayloadSigner signer = new PayloadSigner(JsonPointer.parseAll(config.keysToSign()), keys,
                    config.requireKeysToSign(),
                    message -> log.log(Level.WARNING, "JWT signer: " + message), ClaimDefaults.from(config));
            SignerRegistry.register(context, filterConfig == null ? null : filterConfig.getFilterName(), keys);
            ops = SignerOperations.start(filterName(filterConfig), contextPath(context), keys, signer.keysToSign(),
                    registry, log);
            return new Started(new ResponseSigning(signer, config.maxBodyBytes(), log, ops), keys);
        } catch (RuntimeException | Error e) {
            // No destroy() follows a failed init(): what started here stops here, or it keeps the webapp alive.
            stopAfterFailure(ops, keys);
            stop(filterConfig, keys);
            throw e;
        }
    }

    /** Closes what a start made before it failed; {@code ops} null when it was not made. */
    static void stopAfterFailure(AutoCloseable ops, KeyRing<?> keys) {
        try {
            if (ops != null) {
                ops.close();
            }
        } catch (Exception ignored) {
            // The start's own failure is the one to report.
        } finally {
            keys.close();
        }
    }

    /** Undoes {@link #start}'s registration for the JWKS servlet; the filter calls it in {@code destroy()}. */
    public static void stop(FilterConfig filterConfig, KeyRing<TokenSigner> keys) {
        if (filterConfig != null) {
            SignerRegistry.unregister(filterConfig.getServletContext(), filterConfig.getFilterName(), keys);
        }
    }

    /**
     * What {@link #start} made: the request handling, and the key ring behind it, which the filter closes in
     * {@code destroy()} to stop reloading keys.
     */
    public record Started(ResponseSigning signing, KeyRing<TokenSigner> keys) {
    }

    /** Reads a KrakenD JSON document: its text, the endpoint or null, and the source for messages. */
    interface JsonReader<T> {
        T read(String json, String endpoint, String source);
    }

    /** Reads init-params: the params, the filter's own names to skip, and the source for messages. */
    interface ParamsReader<T> {
        T read(Map<String, String> params, java.util.Collection<String> extraAllowed, String source);
    }

    // The generic methods take the init-params, not the FilterConfig: the javax jar's transformation leaves the
    // old text of a generic signature naming a servlet type in the constant pool (JarNamespaceTest finds it).
    static <T> T checkNoInitParams(Map<String, String> params, T given, String what) {
        if (!params.isEmpty()) {
            throw new InvalidConfigurationException("init-params " + params.keySet() + " are set, but the filter"
                    + " was constructed with " + what + "; expected the settings in one place");
        }
        return given;
    }

    /**
     * The configuration from the filter's init-params (a copy it may change), or from the KrakenD file their
     * {@code config} names.
     */
    static <T> T read(Map<String, String> params, String filterName, WebappResourceLocator locator,
            JsonReader<T> fromJson, ParamsReader<T> fromParams) {
        String source = "init-params of filter [" + filterName + "]";
        Problems problems = new Problems();
        String rawConfig = params.get(Setting.CONFIG.settingName());
        String rawEndpoint = params.get(Setting.ENDPOINT.settingName());
        String configPath = ownParam(params, Setting.CONFIG, source, problems);
        String endpoint = ownParam(params, Setting.ENDPOINT, source, problems);
        boolean expanded = problems.isEmpty();
        T config = null;
        if (rawConfig != null) {
            if (!params.isEmpty()) {
                problems.add("init-params " + params.keySet() + " are set next to " + Setting.CONFIG
                        + " [" + rawConfig.trim() + "]; expected every setting in the config file");
            }
            try {
                if (expanded) {
                    WebappResourceLocator.Found file = locator.read(Setting.CONFIG.settingName(), configPath);
                    config = fromJson.read(file.text(), endpoint,
                            Setting.CONFIG + " [" + configPath + "]");
                }
            } catch (InvalidConfigurationException e) {
                problems.addAll(e);
            }
        } else {
            if (rawEndpoint != null) {
                problems.add("init-param " + Setting.ENDPOINT + " [" + rawEndpoint.trim()
                        + "] is set without " + Setting.CONFIG + "; expected "
                        + Setting.CONFIG + " naming a whole KrakenD configuration file");
            }
            try {
                // A list, not a set: the unknown-name message lists the names in this order every time.
                config = fromParams.read(params,
                        List.of(Setting.CONFIG.settingName(), Setting.ENDPOINT.settingName()), source);
            } catch (InvalidConfigurationException e) {
                problems.addAll(e);
            }
        }
        problems.throwIfAny();
        return config;
    }

    /** Removes {@code name} from {@code params}; its value trimmed and its placeholders expanded, or null. */
    private static String ownParam(Map<String, String> params, Setting name, String source, Problems problems) {
        String raw = params.remove(name.settingName());
        return raw == null ? null : InitParamsReader.expandOwnParam(name.settingName(), raw, source, problems);
    }

    /** The filter's init-params in their order, in a new map; empty without a configuration. */
    static Map<String, String> initParams(FilterConfig filterConfig) {
        Map<String, String> params = new LinkedHashMap<>();
        if (filterConfig != null && filterConfig.getInitParameterNames() != null) {
            for (String name : Collections.list(filterConfig.getInitParameterNames())) {
                params.put(name, filterConfig.getInitParameter(name));
            }
        }
        return params;
    }

    /**
     * Removes the {@code metrics} init-param from {@code params}: its value trimmed and its placeholders expanded,
     * or null when it is not set. Every component takes it, beside its settings or its {@code config} file.
     *
     * @throws InvalidConfigurationException for a placeholder that cannot be expanded
     */
    static String metricsParam(Map<String, String> params, String source) {
        Problems problems = new Problems();
        String metrics = ownParam(params, Setting.METRICS, source, problems);
        problems.throwIfAny();
        return metrics;
    }

    /** The webapp's context path, {@code ""} for the root webapp or without a context. */
    static String contextPath(ServletContext context) {
        try {
            return context == null || context.getContextPath() == null ? "" : context.getContextPath();
        } catch (RuntimeException e) {
            return "";
        }
    }

    static String filterName(FilterConfig filterConfig) {
        return filterConfig == null ? "" : filterConfig.getFilterName();
    }
}
