package io.github.jwtsigner.example;

import io.github.jwtsigner.JwtSignerFilter;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.annotation.WebInitParam;

/**
 * The signing filter registered by annotation instead of web.xml: it signs the new token pair that
 * {@link RefreshServlet} answers, with the same settings as the web.xml registration on {@code /token}.
 * The container finds it because web.xml is not {@code metadata-complete}.
 */
@WebFilter(filterName = "refreshTokenSigner", urlPatterns = "/refresh", initParams = {
        @WebInitParam(name = "alg", value = "HS256"),
        @WebInitParam(name = "kid", value = "sim2"),
        @WebInitParam(name = "keys_to_sign", value = "access_token,refresh_token"),
        @WebInitParam(name = "jwk_local_path", value = "WEB-INF/jwk/symmetric.json")
})
public class RefreshSigningFilter extends JwtSignerFilter {
}
