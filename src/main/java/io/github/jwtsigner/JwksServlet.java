package io.github.jwtsigner;

import io.github.jwtsigner.internal.servlet.JwksHandler;
import io.github.jwtsigner.internal.servlet.JwksStartup;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.lang.System.Logger;
import java.util.Objects;

/**
 * Publishes the public keys that verify the signer's tokens as a JWK Set ({@code application/jwk-set+json}),
 * for services that must verify them without ever seeing a private key. Map it where they expect it, such as
 * {@code /.well-known/jwks.json}.
 *
 * <p>Settings (init-params, or a {@link JwksConfig} in code): the signer's key source settings
 * ({@code jwk_local_path}, {@code jwk_url} and its TLS settings, {@code pem_local_path}, {@code keystore_*},
 * an optional {@code kid}), kept current as the signer keeps them; or {@code signer}, the filter-name of a
 * {@link JwtSignerFilter} of the same webapp, to publish exactly its keys. Plus {@code max_age} (seconds,
 * default 300) and {@code retention} (default 1h: a key that left the source stays published that long).
 *
 * <p>Only RSA, EC and OKP public members are published, never a private or a symmetric key. {@code GET} and
 * {@code HEAD} only; a strong {@code ETag} and {@code 304} to a matching {@code If-None-Match}.
 *
 * <p>{@link #init()} throws a {@link ServletException} naming every configuration problem. Logs through
 * {@code System.Logger} named {@value JwtSignerFilter#LOGGER_NAME}.
 *
 * <p>Thread-safe once {@link #init()} has returned.
 */
public class JwksServlet extends HttpServlet {
    private static final Logger LOG = System.getLogger(JwtSignerFilter.LOGGER_NAME);

    private final transient JwksConfig config;
    private transient volatile JwksHandler handler;

    /** Reads its settings from init-params in {@link #init()}. */
    public JwksServlet() {
        this.config = null;
    }

    /** Uses {@code config}; init-params must be absent. */
    public JwksServlet(JwksConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Reads the settings and loads the keys. A subclass that overrides this must call {@code super.init()}.
     *
     * @throws ServletException naming every configuration problem; its cause is the
     *     {@link InvalidConfigurationException}, and its message is logged as one ERROR line first
     */
    @Override
    public void init() throws ServletException {
        try {
            JwksHandler started = JwksStartup.start(getServletConfig(), config, JwtSignerFilter.class, LOG);
            closeHandler();
            handler = started;
        } catch (InvalidConfigurationException e) {
            // Tomcat writes the exception only to the context's log (localhost.<date>.log).
            LOG.log(Logger.Level.ERROR, "servlet [" + getServletName() + "] did not start: " + e.getMessage());
            throw new ServletException(e.getMessage(), e);
        }
    }

    /** Answers {@code GET} and {@code HEAD}; any other method gets {@code 405}. */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        JwksHandler current = handler;
        if (current == null) {
            throw new ServletException("JwksServlet is not initialised: init() has not completed (a subclass"
                    + " that overrides init must call super.init())");
        }
        current.handle(request, response);
    }

    /** Stops reloading the keys, and unregisters the MXBean and the meters. */
    @Override
    public void destroy() {
        closeHandler();
    }

    private void closeHandler() {
        JwksHandler previous = handler;
        handler = null;
        if (previous != null) {
            previous.close();
        }
    }
}
