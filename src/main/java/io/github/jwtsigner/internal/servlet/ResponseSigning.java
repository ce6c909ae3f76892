package io.github.jwtsigner.internal.servlet;

import io.github.jwtsigner.internal.decision.BodyDecoder;
import io.github.jwtsigner.internal.decision.ResponseDecision;
import io.github.jwtsigner.internal.decision.ResponseFacts;

import io.github.jwtsigner.SigningException;
import io.github.jwtsigner.SigningException.Reason;
import io.github.jwtsigner.internal.jws.PayloadSigner;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * One request through the signer: wrap the request and the response, run the chain, then pass the response
 * through, sign its body, or fail closed (SIGNER-SPEC §6). Each failure is logged once with its reason and
 * the request URI, never with a claim, a token or a key.
 *
 * <p>Part of the filter's plumbing, not an API. Immutable and thread-safe: one instance serves all requests.
 */
public final class ResponseSigning {
    private final PayloadSigner signer;
    private final int maxBodyBytes;
    private final Logger log;

    public ResponseSigning(PayloadSigner signer, int maxBodyBytes, Logger log) {
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes [" + maxBodyBytes + "] must be positive");
        }
        this.signer = signer;
        this.maxBodyBytes = maxBodyBytes;
        this.log = log;
    }

    /** Runs {@code chain} with the response held back, then writes the outcome to {@code response}. */
    public void handle(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        SigningResponseWrapper wrapper = new SigningResponseWrapper(response, maxBodyBytes);
        try {
            chain.doFilter(new SigningRequestWrapper(request, wrapper), wrapper);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            abandon(request, wrapper, response);
            throw e;
        }
        finish(request, response, wrapper);
    }

    private void finish(HttpServletRequest request, HttpServletResponse response, SigningResponseWrapper wrapper)
            throws IOException, ServletException {
        CapturedBody body = wrapper.body();
        // First: a high surrogate the servlet left waiting can still take the body over the limit.
        body.end();
        if (body.isDiscarding() && !response.isCommitted() && ResponseDecision.is2xx(response.getStatus())) {
            // The servlet handed the response over, but the container did not take it: nothing of the body it
            // dropped may be replaced by an empty 2xx with the servlet's headers.
            failClosed(request, response, new SigningException(Reason.UNSUPPORTED_RESPONSE, "the servlet called"
                    + " sendError or sendRedirect, yet the response is still an uncommitted [" + response.getStatus()
                    + "]; expected the container to take the response over"));
            return;
        }
        if (body.isDiscarding() || body.isStreaming()) {
            // sendError/sendRedirect, or a large body known not to be signed: already on its way.
            return;
        }
        if (DetachedResponse.suspendedByContainer(response)) {
            throw suspended(request);
        }
        if (response.isCommitted()) {
            log.log(Level.ERROR, "JWT signer: the response to [{0}] was committed behind the filter''s back;"
                    + " left as it is", request.getRequestURI());
            return;
        }
        ResponseDecision decision;
        try {
            decision = ResponseDecision.decide(facts(request, wrapper), new BodyDecoder(body.bytes(),
                    body.output() == CapturedBody.Output.WRITER, body.sawLoneSurrogate(), wrapper.declaredCharset(),
                    wrapper.getCharacterEncoding()));
        } catch (Throwable e) {
            failClosedOnThrowable(request, response, e, "reading");
            return;
        }
        switch (decision.outcome()) {
            case PASS_THROUGH -> body.replay();
            case FAIL_CLOSED -> failClosed(request, response, decision.failure());
            case SIGN -> sign(request, response, decision.text());
            default -> throw new IllegalStateException("unknown outcome " + decision.outcome());
        }
    }

    private ResponseFacts facts(HttpServletRequest request, SigningResponseWrapper wrapper) {
        return new ResponseFacts(wrapper.getStatus(), wrapper.getContentType(), wrapper.getHeader("Content-Encoding"),
                request.isAsyncStarted(), wrapper.body().overLimit(), wrapper.body().size(), maxBodyBytes);
    }

    private void sign(HttpServletRequest request, HttpServletResponse response, String text) throws IOException {
        String signed;
        try {
            signed = signer.sign(text);
        } catch (SigningException e) {
            failClosed(request, response, e);
            return;
        } catch (Throwable e) {
            failClosedOnThrowable(request, response, e, "signing");
            return;
        }
        SignedResponse.write(response, signed);
    }

    /**
     * Anything else thrown while the body is read or signed, a {@link StackOverflowError} or an
     * {@link OutOfMemoryError} included, fails closed too; an error of the JVM other than a stack overflow is
     * thrown again afterwards, since the JVM may not be able to go on.
     */
    private void failClosedOnThrowable(HttpServletRequest request, HttpServletResponse response, Throwable e,
            String step) throws IOException {
        try {
            failClosed(request, response, new SigningException(Reason.SIGNATURE_FAILED,
                    "unexpected " + e.getClass().getName() + " while " + step, e));
        } finally {
            if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
                throw (VirtualMachineError) e;
            }
        }
    }

    /**
     * The container suspended the response (Tomcat does after a forward when the real response cannot be kept
     * behind a {@link DetachedResponse}): it refuses every change, so nothing can be signed or reset here. The
     * exception goes to the container, whose error handling resets the response and answers 500.
     */
    private ServletException suspended(HttpServletRequest request) {
        String message = "JWT signer failed closed: " + Reason.UNSUPPORTED_RESPONSE + ": the container suspended"
                + " the response after RequestDispatcher.forward, so no signed body can be written; on Tomcat set"
                + " the Context attribute suspendWrappedResponseAfterForward=\"false\" (it must be, with "
                + DetachedResponse.TOMCAT_STRICT_COMPLIANCE + "=true); request URI [" + request.getRequestURI() + "]";
        log.log(Level.ERROR, message);
        return new ServletException(message);
    }

    private void failClosed(HttpServletRequest request, HttpServletResponse response, SigningException cause)
            throws IOException {
        Level level = cause.reason() == Reason.SIGNATURE_FAILED ? Level.ERROR : Level.WARNING;
        log.log(level, "JWT signer failed closed with 500: {0}: {1}; request URI [{2}]", cause.reason(),
                cause.getMessage(), request.getRequestURI());
        dropNewSession(request);
        if (!FailClosedResponse.write(response)) {
            log.log(Level.ERROR, "JWT signer could not fail closed: the response to [{0}] was already committed",
                    request.getRequestURI());
        }
        if (request.isAsyncStarted()) {
            completeAsync(request, response);
        }
    }

    /** Ends an asynchronous request now, so whatever the servlet writes later goes nowhere. */
    private void completeAsync(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            response.flushBuffer();
            AsyncContext async = request.getAsyncContext();
            async.complete();
        } catch (IllegalStateException e) {
            log.log(Level.WARNING, "JWT signer could not complete the asynchronous request [{0}]: {1}",
                    request.getRequestURI(), e.getMessage());
        }
    }

    /** The servlet threw: nothing it wrote may go out with the container's error page. */
    private static void abandon(HttpServletRequest request, SigningResponseWrapper wrapper,
            HttpServletResponse response) {
        CapturedBody body = wrapper.body();
        if (body.isDiscarding() || body.isStreaming() || response.isCommitted()) {
            return;
        }
        body.discard();
        dropNewSession(request);
        response.reset();
    }

    /**
     * A session the servlet created in this request goes with the answer it belonged to: Jetty sets its cookie
     * only when the response is committed, so {@code reset()} alone would let it out with the fail-closed
     * answer. A session that existed before cannot be rolled back.
     */
    private static void dropNewSession(HttpServletRequest request) {
        try {
            HttpSession session = request.getSession(false);
            if (session != null && session.isNew()) {
                session.invalidate();
            }
        } catch (IllegalStateException e) {
            // Already invalidated, or the container cannot create or look up sessions now.
        }
    }
}
