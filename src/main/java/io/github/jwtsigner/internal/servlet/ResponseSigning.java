package io.github.jwtsigner.internal.servlet;

import io.github.jwtsigner.SigningException;
import io.github.jwtsigner.SigningException.Reason;
import io.github.jwtsigner.internal.decision.ResponseDecision;
import io.github.jwtsigner.internal.decision.ResponseDecision.Outcome;
import io.github.jwtsigner.internal.decision.ResponseFacts;
import io.github.jwtsigner.internal.jws.PayloadSigner;
import io.github.jwtsigner.internal.ops.LogText;
import io.github.jwtsigner.internal.ops.RequestLine;
import io.github.jwtsigner.internal.ops.SignerOperations;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;

/**
 * One request through the signer: wrap the request and the response, run the chain, then do what
 * {@link ResponseDecision} says about the finished response: pass it through, write it signed, or fail closed.
 * Each failure is logged once with its reason and the request URI, never with a claim, a token or a key.
 *
 * <p>Part of the filter's plumbing, not an API. Immutable and thread-safe: one instance serves all requests.
 */
public final class ResponseSigning {
    /** The body of every fail-closed answer. */
    static final String FAIL_CLOSED_BODY = "{\"error\":\"token signing failed\"}";
    private static final String JSON_CONTENT_TYPE = "application/json;charset=UTF-8";
    private static final byte[] FAIL_CLOSED_BYTES = FAIL_CLOSED_BODY.getBytes(StandardCharsets.UTF_8);
    private static final String CACHE_CONTROL = "Cache-Control";
    private static final String NO_STORE = "no-store";

    private final PayloadSigner signer;
    private final int maxBodyBytes;
    private final Logger log;
    private final SignerOperations ops;

    /** With counters that no MXBean shows: for tests and benchmarks that build the plumbing by hand. */
    public ResponseSigning(PayloadSigner signer, int maxBodyBytes, Logger log) {
        this(signer, maxBodyBytes, log, SignerOperations.unregistered(signer.keysToSign()));
    }

    public ResponseSigning(PayloadSigner signer, int maxBodyBytes, Logger log, SignerOperations ops) {
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes [" + maxBodyBytes + "] must be positive");
        }
        this.signer = signer;
        this.maxBodyBytes = maxBodyBytes;
        this.log = log;
        this.ops = ops;
    }

    /** The counters and the audit trail of this signer. */
    public SignerOperations operations() {
        return ops;
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
        Outcome outcome;
        try {
            outcome = ResponseDecision.decide(facts(request, response, wrapper), wrapper.heldBody());
        } catch (Throwable e) {
            failClosedOnThrowable(request, response, e, "reading");
            return;
        }
        // One branch per kind of Outcome (Java 17 has no switch over types).
        if (outcome instanceof Outcome.Pass) {
            ops.passed();
            body.replay();
        } else if (outcome instanceof Outcome.Sign sign) {
            sign(request, response, sign.text());
        } else if (outcome instanceof Outcome.FailClosed failClosed) {
            failClosed(request, response, failClosed.cause());
        } else if (outcome instanceof Outcome.Suspended) {
            ops.failedClosed(Reason.UNSUPPORTED_RESPONSE);
            throw suspended(request);
        } else if (outcome instanceof Outcome.AlreadyCommitted) {
            ops.passed();
            log.log(Level.ERROR, "JWT signer: the response to [{0}] was committed behind the filter''s back;"
                    + " left as it is", LogText.uri(request.getRequestURI()));
        }
    }

    private ResponseFacts facts(HttpServletRequest request, HttpServletResponse response,
            SigningResponseWrapper wrapper) {
        CapturedBody body = wrapper.body();
        return new ResponseFacts(body.state(), response.isCommitted(), DetachedResponse.suspendedByContainer(response),
                request.isAsyncStarted(), wrapper.getStatus(), wrapper.getContentType(),
                wrapper.getHeader("Content-Encoding"), body.size(), maxBodyBytes);
    }

    private void sign(HttpServletRequest request, HttpServletResponse response, String text) throws IOException {
        String signed;
        long start = ops.startNanos();
        try {
            RequestLine line = ops.auditing()
                    ? new RequestLine(request.getMethod(), request.getRequestURI(), request.getRemoteAddr()) : null;
            signed = signer.sign(text, ops.issued(line));
        } catch (SigningException e) {
            failClosed(request, response, e);
            return;
        } catch (Throwable e) {
            failClosedOnThrowable(request, response, e, "signing");
            return;
        }
        ops.signed(start);
        writeSigned(response, signed);
    }

    /**
     * Writes a signed body over the servlet's response: its status and headers stay, the Content-Type becomes
     * {@value #JSON_CONTENT_TYPE}, the Content-Length is the new body's, and {@code Cache-Control: no-store}
     * is added unless the servlet set a Cache-Control (RFC 6749 §5.1).
     */
    private static void writeSigned(HttpServletResponse response, String signedBody) throws IOException {
        byte[] bytes = signedBody.getBytes(StandardCharsets.UTF_8);
        response.setContentType(JSON_CONTENT_TYPE);
        if (!response.containsHeader(CACHE_CONTROL)) {
            response.setHeader(CACHE_CONTROL, NO_STORE);
        }
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
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
                + DetachedResponse.TOMCAT_STRICT_COMPLIANCE + "=true); request URI ["
                + LogText.uri(request.getRequestURI()) + "]";
        log.log(Level.ERROR, message);
        return new ServletException(message);
    }

    private void failClosed(HttpServletRequest request, HttpServletResponse response, SigningException cause)
            throws IOException {
        ops.failedClosed(cause.reason());
        Level level = cause.reason() == Reason.SIGNATURE_FAILED ? Level.ERROR : Level.WARNING;
        log.log(level, "JWT signer failed closed with 500: {0}: {1}; request URI [{2}]", cause.reason(),
                cause.getMessage(), LogText.uri(request.getRequestURI()));
        dropNewSession(request);
        if (!writeFailClosed(response)) {
            log.log(Level.ERROR, "JWT signer could not fail closed: the response to [{0}] was already committed",
                    LogText.uri(request.getRequestURI()));
        }
        if (request.isAsyncStarted()) {
            completeAsync(request, response);
        }
    }

    /**
     * Writes the one answer the filter gives when it cannot sign: the response reset (so none of the servlet's
     * headers, cookies or bytes go out), then 500, {@code Cache-Control: no-store} and a small JSON body that
     * says nothing about the cause.
     *
     * @return false when the response was already committed, so nothing could be written
     */
    private static boolean writeFailClosed(HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return false;
        }
        response.reset();
        response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        response.setContentType(JSON_CONTENT_TYPE);
        response.setHeader(CACHE_CONTROL, NO_STORE);
        response.setContentLength(FAIL_CLOSED_BYTES.length);
        response.getOutputStream().write(FAIL_CLOSED_BYTES);
        return true;
    }

    /** Ends an asynchronous request now, so whatever the servlet writes later goes nowhere. */
    private void completeAsync(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            response.flushBuffer();
            AsyncContext async = request.getAsyncContext();
            async.complete();
        } catch (IllegalStateException e) {
            log.log(Level.WARNING, "JWT signer could not complete the asynchronous request [{0}]: {1}",
                    LogText.uri(request.getRequestURI()), e.getMessage());
        }
    }

    /** The servlet threw: nothing it wrote may go out with the container's error page. */
    private static void abandon(HttpServletRequest request, SigningResponseWrapper wrapper,
            HttpServletResponse response) {
        CapturedBody body = wrapper.body();
        if (body.passingThrough() || response.isCommitted()) {
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
