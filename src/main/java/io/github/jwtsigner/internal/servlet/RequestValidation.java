package io.github.jwtsigner.internal.servlet;

import io.github.jwtsigner.Setting;
import io.github.jwtsigner.ValidatorConfig;
import io.github.jwtsigner.internal.ops.LogText;
import io.github.jwtsigner.internal.ops.RequestLine;
import io.github.jwtsigner.internal.ops.ValidatorOperations;
import io.github.jwtsigner.internal.validation.Rejection;
import io.github.jwtsigner.internal.validation.TokenRejectedException;
import io.github.jwtsigner.internal.validation.TokenVerifier;
import io.github.jwtsigner.internal.validation.VerifiedToken;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request through the validator: find the token, check it, and either run the chain with the request
 * wrapped ({@link ClaimsRequest}) or answer 401/403/400 as RFC 6750 §3 says, with a JSON body and
 * {@code Cache-Control: no-store}, without running the chain. A request with no token at all passes untouched
 * (but for the propagated headers, which are dropped) when {@code allow_anonymous} is on.
 *
 * <p>Thread-safe.
 */
public final class RequestValidation {
    private final TokenVerifier verifier;
    private final BearerToken tokens;
    private final boolean allowAnonymous;
    /** Header name in lower case → claim. */
    private final Map<String, String> propagated;
    private final String scopeHint;
    private final String name;
    private final Logger log;
    private final ValidatorOperations ops;

    RequestValidation(ValidatorConfig config, TokenVerifier verifier, String name, Logger log,
            ValidatorOperations ops) {
        this.verifier = verifier;
        this.tokens = new BearerToken(config.text(Setting.AUTH_HEADER_NAME), config.text(Setting.COOKIE_KEY));
        this.allowAnonymous = config.flag(Setting.ALLOW_ANONYMOUS);
        Map<String, String> p = new LinkedHashMap<>();
        for (List<String> pair : config.propagatedClaims()) {
            p.put(pair.get(1).strip().toLowerCase(Locale.ROOT), pair.get(0));
        }
        this.propagated = Map.copyOf(p);
        List<String> scopes = config.texts(Setting.SCOPES);
        this.scopeHint = scopes.isEmpty() ? null : String.join(" ", scopes);
        this.name = name;
        this.log = log;
        this.ops = ops;
    }

    /** The counters and the audit trail of this validator. */
    public ValidatorOperations operations() {
        return ops;
    }

    /** The verifier, for tests and the cache figures. */
    public TokenVerifier verifier() {
        return verifier;
    }

    public void handle(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        BearerToken.Found found = tokens.find(request);
        if (found.ambiguous()) {
            reject(request, response, Rejection.AMBIGUOUS, 0, null);
            return;
        }
        if (found.token() == null) {
            if (allowAnonymous) {
                ops.anonymous();
                chain.doFilter(propagated.isEmpty() ? request : new ClaimsRequest(request, response, null, propagated),
                        response);
            } else {
                reject(request, response, Rejection.MISSING, 0, null);
            }
            return;
        }
        VerifiedToken verified;
        long start = ops.startNanos();
        try {
            verified = verifier.verify(found.token());
        } catch (TokenRejectedException e) {
            reject(request, response, e.rejection(), start, found.token());
            return;
        }
        ops.accepted(start);
        chain.doFilter(new ClaimsRequest(request, response, verified, propagated), response);
    }

    /** @param token the token refused, or null when there was none to check */
    private void reject(HttpServletRequest request, HttpServletResponse response, Rejection why, long start,
            String token) throws IOException {
        ops.rejected(why, start, token, ops.auditing()
                ? new RequestLine(request.getMethod(), request.getRequestURI(), request.getRemoteAddr()) : null);
        if (log.isLoggable(Level.DEBUG)) {
            log.log(Level.DEBUG, "JWT validator [" + name + "]: " + LogText.value(request.getMethod()) + " "
                    + LogText.uri(request.getRequestURI()) + " refused with " + why.status() + " ("
                    + why.name().toLowerCase(Locale.ROOT) + "): " + why.description());
        }
        response.setStatus(why.status());
        StringBuilder challenge = new StringBuilder("Bearer");
        if (why.error() != null) {
            challenge.append(" error=\"").append(why.error()).append("\", error_description=\"")
                    .append(why.description()).append('"');
            if (why == Rejection.SCOPES && scopeHint != null) {
                challenge.append(", scope=\"").append(scopeHint.replace("\"", "")).append('"');
            }
        }
        response.setHeader("WWW-Authenticate", challenge.toString());
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
        response.setContentType("application/json;charset=UTF-8");
        byte[] body = ("{\"error\":\"" + (why.error() == null ? "missing_token" : why.error())
                + "\",\"error_description\":\"" + why.description() + "\"}").getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
