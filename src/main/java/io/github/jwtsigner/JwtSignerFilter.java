package io.github.jwtsigner;

import io.github.jwtsigner.internal.jws.TokenSigner;
import io.github.jwtsigner.internal.ops.SignerOperations;
import io.github.jwtsigner.internal.rotation.KeyRing;
import io.github.jwtsigner.internal.servlet.ResponseSigning;
import io.github.jwtsigner.internal.servlet.SignerStartup;
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
 * Signs chosen members of a login servlet's JSON response as JWTs, in-process, byte for byte as KrakenD's
 * {@code auth/signer} does at the gateway. A 2xx JSON response is signed, any other passes through untouched,
 * and one that cannot be signed is answered with a 500 that holds none of its claims (it fails closed).
 *
 * <p>Configure it in one of these ways:
 * <ul>
 *   <li>web.xml init-params named as {@link Setting#settingName()} gives for the scopes
 *       {@link Setting.Scope#SIGNER SIGNER} and {@link Setting.Scope#KEYS KEYS};</li>
 *   <li>the init-param {@code config} naming a KrakenD JSON file: the {@code auth/signer} object, an
 *       endpoint object, or a whole KrakenD configuration plus the init-param {@code endpoint} naming
 *       the endpoint;</li>
 *   <li>a subclass annotated {@code @WebFilter(urlPatterns = ..., initParams = ...)};</li>
 *   <li>code: {@code new JwtSignerFilter(SignerConfig.builder()...build())} for
 *       {@code ServletContext.addFilter} or Spring's {@code FilterRegistrationBean}.</li>
 * </ul>
 * File paths ({@code jwk_local_path}, {@code pem_local_path}, {@code keystore_path}, {@code config}):
 * an absolute path is a file, {@code classpath:name} a classpath resource, anything else a webapp resource
 * (such as {@code WEB-INF/jwk/private.json}), then a file relative to the working directory.
 *
 * <p>{@link #init} throws a {@link ServletException} naming every configuration problem, so the container does
 * not start the webapp. Logs through {@code System.Logger} named {@value #LOGGER_NAME}.
 *
 * <p>Thread-safe: one instance serves all requests once {@link #init} has returned.
 */
public class JwtSignerFilter implements Filter {
    /** The {@code System.Logger} the filter logs to. */
    public static final String LOGGER_NAME = "io.github.jwtsigner";

    private static final Logger LOG = System.getLogger(LOGGER_NAME);

    private final SignerConfig config;
    private volatile ResponseSigning signing;
    private volatile KeyRing<TokenSigner> keys;
    private volatile FilterConfig filterConfig;
    private volatile SignerOperations operations;

    /** Reads its configuration from init-params in {@link #init}. */
    public JwtSignerFilter() {
        this.config = null;
    }

    /** Uses {@code config}; the key it names is loaded in {@link #init}, and init-params must be absent. */
    public JwtSignerFilter(SignerConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Reads the configuration, loads the key, and starts reloading it in the background when it comes from
     * {@code jwk_url} or a {@code jwk_local_path} file. A subclass that overrides this must call
     * {@code super.init(filterConfig)}.
     *
     * @throws ServletException naming every configuration problem; its cause is the
     *     {@link InvalidConfigurationException}, and its message is logged as one ERROR line first
     */
    @Override
    public void init(FilterConfig filterConfig) throws ServletException {
        try {
            SignerStartup.Started started = SignerStartup.start(filterConfig, config, LOG);
            closeKeys();
            this.filterConfig = filterConfig;
            keys = started.keys();
            signing = started.signing();
            operations = started.signing().operations();
        } catch (InvalidConfigurationException e) {
            // Tomcat writes the exception only to the context's log (localhost.<date>.log).
            LOG.log(Logger.Level.ERROR, "filter [" + filterConfig.getFilterName() + "] did not start: "
                    + e.getMessage());
            throw new ServletException(e.getMessage(), e);
        }
    }

    /**
     * Runs the chain with the response held back, then signs it, passes it through or fails closed.
     *
     * @throws ServletException for a request that is not HTTP, or when {@link #init} has not completed
     */
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest) || !(response instanceof HttpServletResponse)) {
            throw new ServletException("JwtSignerFilter only handles HTTP requests; got ["
                    + request.getClass().getName() + "]");
        }
        ResponseSigning current = signing;
        if (current == null) {
            throw new ServletException("JwtSignerFilter is not initialised: init(FilterConfig) has not completed"
                    + " (a subclass that overrides init must call super.init(filterConfig))");
        }
        current.handle((HttpServletRequest) request, (HttpServletResponse) response, chain);
    }

    /**
     * Stops reloading the key (the {@value KeyRing#REFRESH_THREAD_NAME} thread), unregisters the MXBean and the
     * meters, and refuses further requests.
     */
    @Override
    public void destroy() {
        signing = null;
        closeKeys();
    }

    private void closeKeys() {
        SignerOperations previousOperations = operations;
        operations = null;
        if (previousOperations != null) {
            previousOperations.close();
        }
        KeyRing<TokenSigner> previous = keys;
        keys = null;
        if (previous != null) {
            SignerStartup.stop(filterConfig, previous);
            previous.close();
        }
    }
}
