package io.github.jwtsigner.example;

import io.github.jwtsigner.JwtValidatorFilter;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Exchanges a refresh token for a new pair: {@code POST /refresh} with {@code Authorization: Bearer <refresh
 * token>}.
 *
 * <p>The validator mapped on {@code /refresh} in web.xml ({@code refreshValidator}) has checked the token before
 * this servlet runs: signature, {@code exp}, {@code iss} and the refresh audience
 * {@value TokenIssuer#REFRESH_AUDIENCE}; without a valid one the client got the validator's 401 and this servlet
 * never ran. What is left is the app's own business: the token's {@code jti} (from the request attribute
 * {@value JwtValidatorFilter#CLAIMS_ATTRIBUTE}) must be in the {@link RefreshTokenStore} (so a used refresh
 * token, or one issued before a restart, is refused) and belong to the user {@code getRemoteUser()} names (the
 * token's {@code sub}). The answer has the same plain claim sets as a login, signed by
 * {@link RefreshSigningFilter}. Refused here: 401 {@code {"error":"invalid_refresh_token"}}. Thread-safe.
 */
@WebServlet(name = "refresh", urlPatterns = "/refresh")
public class RefreshServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private transient UserDirectory users;
    private transient TokenIssuer issuer;
    private transient RefreshTokenStore refreshTokens;
    private transient Clock clock;

    @Override
    public void init() throws ServletException {
        users = MonolithSetup.users(getServletContext());
        issuer = MonolithSetup.issuer(getServletContext());
        refreshTokens = MonolithSetup.refreshTokens(getServletContext());
        clock = Clock.systemUTC();
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<User> user = owner(request.getRemoteUser(), request.getAttribute(JwtValidatorFilter.CLAIMS_ATTRIBUTE));
        if (user.isEmpty()) {
            JsonAnswer.error(response, HttpServletResponse.SC_UNAUTHORIZED, "invalid_refresh_token");
            return;
        }
        JsonAnswer.write(response, HttpServletResponse.SC_OK, issuer.issue(user.get()));
    }

    /** The user a validated refresh token belongs to, consuming it; empty when it is not a live one of ours. */
    private Optional<User> owner(String subject, Object claims) {
        if (subject == null || !(claims instanceof Map<?, ?> map) || !(map.get("jti") instanceof String jti)) {
            return Optional.empty();
        }
        return refreshTokens.consume(jti, clock.instant())
                .filter(subject::equals)
                .flatMap(users::findById);
    }
}
