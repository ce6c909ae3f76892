package io.github.jwtsigner.example;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

import java.time.Clock;

/**
 * Builds the objects the servlets share (user table, refresh-token table, token issuer) when the app starts,
 * and keeps them as servlet-context attributes, as legacy apps do.
 */
public final class MonolithSetup implements ServletContextListener {
    private static final String USERS = UserDirectory.class.getName();
    private static final String ISSUER = TokenIssuer.class.getName();
    private static final String REFRESH_TOKENS = RefreshTokenStore.class.getName();

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        RefreshTokenStore refreshTokens = new RefreshTokenStore();
        context.setAttribute(USERS, UserDirectory.demoUsers());
        context.setAttribute(REFRESH_TOKENS, refreshTokens);
        context.setAttribute(ISSUER, new TokenIssuer(Clock.systemUTC(), refreshTokens));
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
}
