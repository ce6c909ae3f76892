package io.github.jwtsigner;

import io.github.jwtsigner.internal.keys.VerificationKeys;
import io.github.jwtsigner.internal.ops.ValidatorOperations;
import io.github.jwtsigner.internal.rotation.KeyRing;
import io.github.jwtsigner.internal.servlet.RequestValidation;
import io.github.jwtsigner.internal.servlet.ValidatorStartup;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.lang.System.Logger;
import java.util.Objects;

/**
 * Accepts a request only with a valid JWT, as KrakenD's {@code auth/validator} does at the gateway, and lets the
 * servlet behind it see the user as container authentication would: {@code getUserPrincipal()},
 * {@code getRemoteUser()}, {@code isUserInRole()}, {@code getAuthType()} ({@value #AUTH_TYPE}), and the claims in
 * the request attribute {@value #CLAIMS_ATTRIBUTE}. A request without a valid token gets a 401 (or a 403 for
 * missing roles or scopes) as RFC 6750 §3 says, and the servlet never runs.
 *
 * <p>Configure it as the signer: web.xml init-params named as in {@link ValidatorConfig#settingNames()}; the
 * init-param {@code config} naming a KrakenD JSON file (its {@code auth/validator} object), plus {@code endpoint}
 * for a whole configuration; a subclass annotated {@code @WebFilter}; or code,
 * {@code new JwtValidatorFilter(ValidatorConfig.builder()...build())}.
 *
 * <p>{@link #init} throws a {@link ServletException} naming every configuration problem. Logs through
 * {@code System.Logger} named {@value JwtSignerFilter#LOGGER_NAME}; each refused request at DEBUG.
 *
 * <p>Thread-safe: one instance serves all requests once {@link #init} has returned.
 */
public class JwtValidatorFilter implements Filter {
    /** The request attribute holding the verified claims, an unmodifiable {@code Map<String, Object>}. */
    public static final String CLAIMS_ATTRIBUTE = "io.github.jwtsigner.claims";

    /** What {@code getAuthType()} answers for a request with a verified token. */
    public static final String AUTH_TYPE = "Bearer";

    private static final Logger LOG = System.getLogger(JwtSignerFilter.LOGGER_NAME);

    private final ValidatorConfig config;
    private volatile RequestValidation validation;
    private volatile KeyRing<VerificationKeys> keys;
    private volatile ValidatorOperations operations;

    /** Reads its configuration from init-params in {@link #init}. */
    public JwtValidatorFilter() {
        this.config = null;
    }

    /** Uses {@code config}; the keys it names are loaded in {@link #init}, and init-params must be absent. */
    public JwtValidatorFilter(ValidatorConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Reads the configuration and loads the keys, then keeps them current when they come from {@code jwk_url} or
     * a {@code jwk_local_path} file. A subclass that overrides this must call {@code super.init(filterConfig)}.
     *
     * @throws ServletException naming every configuration problem; its cause is the
     *     {@link InvalidConfigurationException}, and its message is logged as one ERROR line first
     */
    @Override
    public void init(FilterConfig filterConfig) throws ServletException {
        try {
            ValidatorStartup.Started started = ValidatorStartup.start(filterConfig, config, LOG);
            closeKeys();
            keys = started.keys();
            validation = started.validation();
            operations = started.validation().operations();
        } catch (InvalidConfigurationException e) {
            // Tomcat writes the exception only to the context's log (localhost.<date>.log).
            LOG.log(Logger.Level.ERROR, "filter [" + filterConfig.getFilterName() + "] did not start: "
                    + e.getMessage());
            throw new ServletException(e.getMessage(), e);
        }
    }

    /**
     * Runs the chain with the request wrapped when its token is valid; answers 401, 403 or 400 otherwise.
     *
     * @throws ServletException for a request that is not HTTP, or when {@link #init} has not completed
     */
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest) || !(response instanceof HttpServletResponse)) {
            throw new ServletException("JwtValidatorFilter only handles HTTP requests; got ["
                    + request.getClass().getName() + "]");
        }
        RequestValidation current = validation;
        if (current == null) {
            throw new ServletException("JwtValidatorFilter is not initialised: init(FilterConfig) has not"
                    + " completed (a subclass that overrides init must call super.init(filterConfig))");
        }
        current.handle((HttpServletRequest) request, (HttpServletResponse) response, chain);
    }

    /** Stops reloading the keys, unregisters the MXBean and the meters, and refuses further requests. */
    @Override
    public void destroy() {
        validation = null;
        closeKeys();
    }

    private void closeKeys() {
        ValidatorOperations previousOperations = operations;
        operations = null;
        if (previousOperations != null) {
            previousOperations.close();
        }
        KeyRing<VerificationKeys> previous = keys;
        keys = null;
        if (previous != null) {
            previous.close();
        }
    }
}
