package io.github.jwtsigner.example;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Exchanges a refresh token for a new pair: {@code POST /refresh} with {@code {"refresh_token": "eyJ..."}}
 * or the form field {@code refresh_token}.
 *
 * <p>The refresh token must be one this monolith issued: its HS256 signature checks out with the signing
 * key, its {@code jti} is in the {@link RefreshTokenStore} (so an access token, a used refresh token or one
 * issued before a restart is refused) and it has not expired. The answer has the same plain claim sets as a
 * login, signed by {@link RefreshSigningFilter}. Refused: 401 {@code {"error":"invalid_refresh_token"}};
 * malformed: 400 {@code {"error":"invalid_request"}}. Thread-safe.
 */
@WebServlet(name = "refresh", urlPatterns = "/refresh")
public class RefreshServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private transient UserDirectory users;
    private transient TokenIssuer issuer;
    private transient RefreshTokenStore refreshTokens;
    private transient Hs256TokenVerifier verifier;
    private transient Clock clock;

    @Override
    public void init() throws ServletException {
        users = MonolithSetup.users(getServletContext());
        issuer = MonolithSetup.issuer(getServletContext());
        refreshTokens = MonolithSetup.refreshTokens(getServletContext());
        verifier = MonolithSetup.verifier(getServletContext());
        clock = Clock.systemUTC();
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Map<String, String>> fields = RequestFields.read(request, "refresh_token");
        if (fields.isEmpty()) {
            JsonAnswer.error(response, HttpServletResponse.SC_BAD_REQUEST, "invalid_request");
            return;
        }
        Optional<User> user = verifier.verify(fields.get().get("refresh_token")).flatMap(this::ownerOf);
        if (user.isEmpty()) {
            JsonAnswer.error(response, HttpServletResponse.SC_UNAUTHORIZED, "invalid_refresh_token");
            return;
        }
        JsonAnswer.write(response, HttpServletResponse.SC_OK, issuer.issue(user.get()));
    }

    private Optional<User> ownerOf(JsonObject claims) {
        Optional<String> jti = string(claims, "jti");
        Optional<String> subject = string(claims, "sub");
        if (jti.isEmpty() || subject.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return refreshTokens.consume(jti.get(), now)
                .filter(subject.get()::equals)
                .flatMap(users::findById);
    }

    private static Optional<String> string(JsonObject claims, String name) {
        JsonElement value = claims.get(name);
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()
                ? Optional.of(value.getAsString()) : Optional.empty();
    }
}
