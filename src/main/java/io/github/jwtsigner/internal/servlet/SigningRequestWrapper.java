package io.github.jwtsigner.internal.servlet;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The request a servlet sees behind the signer. Only {@link #startAsync()} differs: by the Servlet
 * specification it would build its {@link AsyncContext} from the request and response the container made, so
 * {@code asyncContext.getResponse()} would be the real response and anything written to it would bypass the
 * signer. Here it means {@code startAsync(this, wrapper)}, so asynchronous output is held back like the rest
 * (and the signer fails the response closed, since a login that goes asynchronous is not supported).
 *
 * <p>One instance per request; not thread-safe.
 */
final class SigningRequestWrapper extends HttpServletRequestWrapper {
    private final HttpServletResponse response;

    SigningRequestWrapper(HttpServletRequest request, HttpServletResponse response) {
        super(request);
        this.response = response;
    }

    @Override
    public AsyncContext startAsync() {
        return startAsync(this, response);
    }
}
