package io.github.jwtsigner.it;

import io.github.jwtsigner.JwtValidatorFilter;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.annotation.WebInitParam;

/** The validator in the {@code @WebFilter} registration style: found by the container's annotation scan. */
@WebFilter(filterName = "annotatedValidator", urlPatterns = "/annotated/*", initParams = {
        @WebInitParam(name = "alg", value = "HS256"),
        @WebInitParam(name = "jwk_local_path", value = "WEB-INF/jwk/symmetric.json")})
public class AnnotatedValidatorFilter extends JwtValidatorFilter {
}
