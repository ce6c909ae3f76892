package io.github.jwtsigner.internal.servlet;

import io.github.jwtsigner.internal.jwks.EntityTags;
import io.github.jwtsigner.internal.jwks.JwksPublisher;
import io.github.jwtsigner.internal.ops.JwksOperations;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The JWKS servlet's answers: {@code GET} and {@code HEAD} get the JWK Set with {@code Content-Type},
 * {@code Cache-Control} and a strong {@code ETag}, or {@code 304} to a matching {@code If-None-Match};
 * any other method {@code 405} with {@code Allow: GET, HEAD}; no keys to publish (a {@code signer} filter that
 * has not started) {@code 500}.
 *
 * <p>Immutable and thread-safe.
 */
public final class JwksHandler implements AutoCloseable {
    /** RFC 7517 §8.5.2. */
    public static final String CONTENT_TYPE = "application/jwk-set+json";
    /** The methods answered. */
    public static final String ALLOW = "GET, HEAD";

    private final Supplier<Optional<JwksPublisher.Document>> documents;
    private final String cacheControl;
    private final AutoCloseable onClose;
    private final JwksOperations ops;

    JwksHandler(Supplier<Optional<JwksPublisher.Document>> documents, int maxAge, AutoCloseable onClose,
            JwksOperations ops) {
        this.documents = documents;
        this.cacheControl = "public, max-age=" + maxAge;
        this.onClose = onClose;
        this.ops = ops;
    }

    /** The counters of this servlet. */
    public JwksOperations operations() {
        return ops;
    }

    public void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        boolean head = "HEAD".equals(method);
        if (!head && !"GET".equals(method)) {
            response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            response.setHeader("Allow", ALLOW);
            response.setContentLength(0);
            ops.answered(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        Optional<JwksPublisher.Document> found = documents.get();
        if (found.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            response.setHeader("Cache-Control", "no-store");
            response.setContentLength(0);
            ops.answered(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            return;
        }
        JwksPublisher.Document document = found.get();
        response.setHeader("Cache-Control", cacheControl);
        response.setHeader("ETag", document.etag());
        List<String> noneMatch = Collections.list(request.getHeaders("If-None-Match"));
        if (EntityTags.noneMatchFails(noneMatch, document.etag())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            ops.answered(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        ops.answered(HttpServletResponse.SC_OK);
        response.setContentType(CONTENT_TYPE);
        response.setContentLength(document.body().length);
        if (!head) {
            response.getOutputStream().write(document.body());
        }
    }

    /** Unregisters the MXBean, and stops reloading the keys when this servlet loads them itself. */
    @Override
    public void close() {
        ops.close();
        try {
            onClose.close();
        } catch (Exception e) {
            // Closing a key ring throws nothing; anything else is not worth failing undeploy for.
        }
    }
}
