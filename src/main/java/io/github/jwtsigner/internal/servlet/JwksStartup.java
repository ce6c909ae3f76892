package io.github.jwtsigner.internal.servlet;

import io.github.jwtsigner.InvalidConfigurationException;
import io.github.jwtsigner.JwksConfig;
import io.github.jwtsigner.Setting;
import io.github.jwtsigner.internal.jwks.JwksPublisher;
import io.github.jwtsigner.internal.jws.TokenSigner;
import io.github.jwtsigner.internal.keys.PublicJwks;
import io.github.jwtsigner.internal.ops.JwksOperations;
import io.github.jwtsigner.internal.ops.MeterRegistries;
import io.github.jwtsigner.internal.rotation.KeyRing;
import io.github.jwtsigner.internal.settings.InitParamsReader;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletContext;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The JWKS servlet's {@code init()}: reads its settings, then either loads the keys of its own key source into
 * a ring (kept current as the signer's is) or finds the {@code signer} filter's ring at each request; logs one
 * ready line, and a WARNING when only symmetric keys are there, which are never published.
 *
 * <p>Stateless and thread-safe.
 */
public final class JwksStartup {
    private JwksStartup() {
    }

    /**
     * @param given the configuration passed to the servlet's constructor, or null to read init-params
     * @param signerFilterType the signer filter's class: a {@code signer} must name a filter of that type
     * @throws InvalidConfigurationException naming every problem found
     */
    public static JwksHandler start(ServletConfig servletConfig, JwksConfig given, Class<?> signerFilterType,
            Logger log) {
        ServletContext context = servletConfig.getServletContext();
        String name = servletConfig.getServletName();
        String source = "init-params of servlet [" + name + "]";
        Map<String, String> params = new LinkedHashMap<>();
        for (String p : Collections.list(servletConfig.getInitParameterNames())) {
            params.put(p, servletConfig.getInitParameter(p));
        }
        String metrics = SignerStartup.metricsParam(params, source);
        JwksConfig config;
        if (given != null) {
            if (!params.isEmpty()) {
                throw new InvalidConfigurationException("init-params " + params.keySet() + " are set, but the"
                        + " servlet was constructed with a JwksConfig; expected the settings in one place");
            }
            config = given;
        } else {
            config = InitParamsReader.readJwks(params, source);
        }
        Object registry = MeterRegistries.resolve(given == null ? null : given.meterRegistry().orElse(null), metrics,
                source);
        String prefix = "JWKS servlet [" + name + "]: ";
        if (config.signer().isPresent()) {
            String signer = config.signer().get();
            checkSignerFilter(context, signer, signerFilterType, source);
            Function<TokenSigner, PublicJwks> toPublic = PublicJwks::of;
            AtomicReference<JwksPublisher<TokenSigner>> publisher = new AtomicReference<>();
            AtomicReference<Boolean> missing = new AtomicReference<>(null);
            log.log(Level.INFO, prefix + "ready: publishes the keys of filter [" + signer + "], " + config);
            Supplier<Optional<JwksPublisher.Document>> published = () -> SignerRegistry.lookup(context, signer)
                    .map(ring -> {
                        JwksPublisher<TokenSigner> p = publisher.get();
                        if (p == null || p.ring() != ring) {
                            p = new JwksPublisher<>(ring, toPublic, config.retention());
                            publisher.set(p);
                            warnIfOnlySymmetric(p.document().keys(), prefix, log);
                        }
                        return p.document();
                    });
            // Only an answer logs the missing filter: a JMX read of the kids answers nothing.
            Supplier<Optional<JwksPublisher.Document>> documents = () -> {
                Optional<JwksPublisher.Document> document = published.get();
                if (document.isPresent()) {
                    missing.set(false);
                } else if (!Boolean.TRUE.equals(missing.getAndSet(true))) {
                    log.log(Level.ERROR, prefix + Setting.SIGNER_FILTER + " [" + signer + "] names no"
                            + " JwtSignerFilter that has started in this webapp; answering 500");
                }
                return document;
            };
            JwksOperations ops = JwksOperations.start(name, SignerStartup.contextPath(context),
                    () -> SignerRegistry.lookup(context, signer).map(ring -> ring),
                    () -> published.get().map(d -> d.keys().kids()).orElse(List.of()), registry, log);
            return new JwksHandler(documents, config.maxAge(), () -> { }, ops);
        }
        WebappResourceLocator locator = new WebappResourceLocator(context, JwksStartup.class.getClassLoader());
        KeyRing<PublicJwks> ring = KeyRing.startPublishing(config.keySource().orElseThrow(),
                config.kid().orElse(null), locator, log);
        JwksOperations ops = null;
        try {
            JwksPublisher<PublicJwks> publisher = new JwksPublisher<>(ring, Function.identity(), config.retention());
            log.log(Level.INFO, prefix + "ready: kids " + ring.get().kids() + ", key source=" + ring.description()
                    + ", " + config);
            warnIfOnlySymmetric(ring.get(), prefix, log);
            ops = JwksOperations.start(name, SignerStartup.contextPath(context), () -> Optional.of(ring),
                    () -> publisher.document().keys().kids(), registry, log);
            return new JwksHandler(() -> Optional.of(publisher.document()), config.maxAge(), ring, ops);
        } catch (RuntimeException | Error e) {
            SignerStartup.stopAfterFailure(ops, ring);
            throw e;
        }
    }

    private static void warnIfOnlySymmetric(PublicJwks keys, String prefix, Logger log) {
        if (keys.size() == 0 && keys.symmetricLeftOut() > 0) {
            log.log(Level.WARNING, prefix + "the key source holds only symmetric (oct) keys, which are never"
                    + " published; serving {\"keys\":[]}. Verifiers of HS* tokens need the shared secret itself");
        }
    }

    /** Where the container can tell, a {@code signer} must name a filter of the signer's type. */
    private static void checkSignerFilter(ServletContext context, String signer, Class<?> type, String source) {
        Map<String, ? extends FilterRegistration> filters;
        try {
            filters = context.getFilterRegistrations();
        } catch (UnsupportedOperationException e) {
            return;
        }
        if (filters == null) {
            return;
        }
        FilterRegistration registration = filters.get(signer);
        if (registration == null) {
            throw new InvalidConfigurationException(source + ": " + Setting.SIGNER_FILTER + " [" + signer
                    + "] names no filter of this webapp; filters: " + filters.keySet());
        }
        String className = registration.getClassName();
        try {
            Class<?> c = Class.forName(className, false, context.getClassLoader());
            if (!type.isAssignableFrom(c)) {
                throw new InvalidConfigurationException(source + ": " + Setting.SIGNER_FILTER + " [" + signer
                        + "] names a filter of class [" + className + "]; expected a " + type.getSimpleName());
            }
        } catch (ClassNotFoundException | LinkageError | NullPointerException e) {
            // The container made the filter; if it cannot be loaded here, the lookup at request time tells.
        }
    }
}
