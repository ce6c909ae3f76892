package io.github.jwtsigner.it;

import io.github.jwtsigner.JwtSignerFilter;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.annotation.WebInitParam;

/** The {@code @WebFilter} registration style: found by the container's annotation scan. */
@WebFilter(filterName = "annotatedSigner", urlPatterns = "/token", initParams = {
        @WebInitParam(name = "alg", value = "HS256"),
        @WebInitParam(name = "kid", value = "sim2"),
        @WebInitParam(name = "keys_to_sign", value = "access_token, refresh_token"),
        @WebInitParam(name = "jwk_local_path", value = "WEB-INF/jwk/symmetric.json")})
public class AnnotatedSignerFilter extends JwtSignerFilter {
}
