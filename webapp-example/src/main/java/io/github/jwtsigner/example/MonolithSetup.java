package io.github.jwtsigner.example;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Builds the objects the servlets share (user table, refresh-token table, token issuer, refresh-token
 * verifier) when the app starts, and keeps them as servlet-context attributes, as legacy apps do.
 *
 * <p>The verifier reads the context-params {@value #JWK_PATH_PARAM} and {@value #KID_PARAM}: the same key
 * file and kid the signing filters use. A missing or unusable key stops the app from starting.
 */
public final class MonolithSetup implements ServletContextListener {
    /** Context-param: the JWK Set file inside the webapp, e.g. {@code /WEB-INF/jwk/symmetric.json}. */
    public static final String JWK_PATH_PARAM = "refresh_token.jwk_path";
    /** Context-param: the kid of the key that signs refresh tokens. */
    public static final String KID_PARAM = "refresh_token.kid";

    private static final String USERS = UserDirectory.class.getName();
    private static final String ISSUER = TokenIssuer.class.getName();
    private static final String REFRESH_TOKENS = RefreshTokenStore.class.getName();
    private static final String VERIFIER = Hs256TokenVerifier.class.getName();

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        RefreshTokenStore refreshTokens = new RefreshTokenStore();
        context.setAttribute(USERS, UserDirectory.demoUsers());
        context.setAttribute(REFRESH_TOKENS, refreshTokens);
        context.setAttribute(ISSUER, new TokenIssuer(Clock.systemUTC(), refreshTokens));
        context.setAttribute(VERIFIER, loadVerifier(context));
    }

    private static Hs256TokenVerifier loadVerifier(ServletContext context) {
        String path = required(context, JWK_PATH_PARAM);
        String kid = required(context, KID_PARAM);
        try (InputStream in = context.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(JWK_PATH_PARAM + " [" + path + "] not found; expected a file in the webapp");
            }
            return Hs256TokenVerifier.fromJwkSet(new String(in.readAllBytes(), StandardCharsets.UTF_8), kid);
        } catch (IOException e) {
            throw new UncheckedIOException(JWK_PATH_PARAM + " [" + path + "] could not be read", e);
        }
    }

    private static String required(ServletContext context, String name) {
        String value = context.getInitParameter(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("context-param [" + name + "] is missing; expected it in web.xml");
        }
        return value.trim();
    }

    static UserDirectory users(ServletContext context) {
        return (UserDirectory) context.getAttribute(USERS);
    }

    static TokenIssuer issuer(ServletContext context) {
        return (TokenIssuer) context.getAttribute(ISSUER);
    }

    static RefreshTokenStore refreshTokens(ServletContext context) {
        return (RefreshTokenStore) context.getAttribute(REFRESH_TOKENS);
    }

    static Hs256TokenVerifier verifier(ServletContext context) {
        return (Hs256TokenVerifier) context.getAttribute(VERIFIER);
    }
}
