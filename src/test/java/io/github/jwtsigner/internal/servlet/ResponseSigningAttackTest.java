package io.github.jwtsigner.internal.servlet;

import io.github.jwtsigner.internal.decision.ResponseFacts.Capture;
import io.github.jwtsigner.internal.json.JsonPointer;
import com.google.gson.JsonObject;
import io.github.jwtsigner.SignerConfig;
import io.github.jwtsigner.SigningAlgorithm;
import io.github.jwtsigner.SigningException;
import io.github.jwtsigner.internal.keys.SigningKeys;
import io.github.jwtsigner.internal.jws.PayloadSigner;
import io.github.jwtsigner.internal.jws.TokenSigner;
import io.github.jwtsigner.testing.RecordingLogger;
import io.github.jwtsigner.testing.RecordingResponse;
import io.github.jwtsigner.testing.Sim2Tokens;
import io.github.jwtsigner.testing.TestRequest;
import io.github.jwtsigner.testing.TestSigners;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a login servlet (or whoever controls it) can try to get an unsigned claim set out, and what the filter
 * answers. Each case once let the claims through; the real containers' side is in the integration tests.
 */
class ResponseSigningAttackTest {
    @FunctionalInterface
    interface Servlet {
        void service(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException;
    }

    private static final String MARKER = "alice-plain";
    private static final String CLAIMS = "{\"access_token\":{\"sub\":\"" + MARKER + "\",\"exp\":1735689600}}";
    private static final int LIMIT = 64;

    private static final SignerConfig CONFIG = SignerConfig.builder().alg(SigningAlgorithm.HS256).kid("sim2")
            .keysToSign("access_token").jwkLocalPath("classpath:" + Sim2Tokens.RESOURCE).build();
    private static final TokenSigner SIM2 = SigningKeys.load(CONFIG, Sim2Tokens.jwkSetJson(), "test key set");

    private final RecordingLogger log = new RecordingLogger();

    private ResponseSigning signing(TokenSigner tokenSigner) {
        return new ResponseSigning(new PayloadSigner(JsonPointer.parseAll(CONFIG.keysToSign()), () -> tokenSigner), LIMIT, log);
    }

    private RecordingResponse run(TestRequest request, Servlet servlet) throws IOException, ServletException {
        return run(signing(SIM2), request, servlet);
    }

    private static RecordingResponse run(ResponseSigning signing, TestRequest request, Servlet servlet)
            throws IOException, ServletException {
        RecordingResponse real = new RecordingResponse();
        signing.handle(request, real, (req, res) -> {
            servlet.service((HttpServletRequest) req, (HttpServletResponse) res);
            real.markServletReturned();
        });
        return real;
    }

    private static String padded(String claims) {
        return claims.substring(0, claims.length() - 1) + ",\"pad\":\"" + "x".repeat(2 * LIMIT) + "\"}";
    }

    private static void assertNoMarker(RecordingResponse real) {
        String everything = real.snapshot() + real.bodyText(ISO_8859_1);
        assertFalse(everything.contains(MARKER), () -> "the unsigned claims reached the client: " + everything);
    }

    private static void assertFailedClosed(RecordingResponse real) {
        assertEquals(500, real.getStatus());
        assertEquals(ResponseSigning.FAIL_CLOSED_BODY, real.bodyText(UTF_8));
        assertEquals("no-store", real.getHeader("Cache-Control"));
        assertNoMarker(real);
    }

    private static void assertSigned(RecordingResponse real) {
        assertEquals(200, real.getStatus());
        JsonObject body = com.google.gson.JsonParser.parseString(real.bodyText(UTF_8)).getAsJsonObject();
        assertEquals(MARKER, Sim2Tokens.verify(body.get("access_token").getAsString()).get("sub").getAsString());
        assertNoMarker(real);
    }

    @Test
    void aCompletedLoginIsStillSigned() throws Exception {
        RecordingResponse real = run(TestRequest.post("/token"), (req, res) -> {
            res.setContentType("application/json");
            PrintWriter w = res.getWriter();
            w.write(CLAIMS);
        });

        assertSigned(real);
    }

    /** A body that streamed out unsigned cannot be made to look like a signed login afterwards. */
    @Nested
    class AStreamedBodyStaysUnsigned {
        @Test
        void aLaterSwitchTo200JsonDoesNotReachTheClient() throws Exception {
            RecordingResponse real = run(TestRequest.post("/token"), (req, res) -> {
                res.setStatus(500);
                res.getOutputStream().write(padded(CLAIMS).getBytes(UTF_8));
                res.setStatus(200);
                res.setContentType("application/json");
                res.setHeader("Content-Type", "application/json");
                res.addHeader("Content-Type", "application/json");
            });

            assertTrue(real.isCommitted(), "committed when streaming started");
            assertEquals(500, real.getStatus());
            assertEquals(null, real.getContentType());
            assertEquals(padded(CLAIMS), real.bodyText(UTF_8));
        }

        @Test
        void aTextBodyCannotBecomeJsonAfterItStreams() throws Exception {
            RecordingResponse real = run(TestRequest.post("/token"), (req, res) -> {
                res.setContentType("text/plain;charset=UTF-8");
                res.getWriter().write(padded(CLAIMS));
                res.setContentType("application/json");
            });

            assertEquals(200, real.getStatus());
            assertEquals("text/plain;charset=UTF-8", real.getContentType());
        }

        @Test
        void resetAfterStreamingIsRefusedAsByAContainer() throws Exception {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> run(TestRequest.post("/token"), (req, res) -> {
                        res.setStatus(401);
                        res.getOutputStream().write(padded(CLAIMS).getBytes(UTF_8));
                        res.reset();
                        res.setStatus(200);
                        res.setContentType("application/json");
                        res.getOutputStream().write(CLAIMS.getBytes(UTF_8));
                    }));
            assertEquals("committed", e.getMessage());
        }
    }

    /** startAsync() hands out the wrapper, so what is written asynchronously is held too. */
    @Nested
    class StartAsyncWithoutArguments {
        @Test
        void handsOutTheWrapperSoAsynchronousOutputIsHeldAndFailsClosed() throws Exception {
            TestRequest request = TestRequest.post("/token");
            HttpServletResponse[] asyncResponse = new HttpServletResponse[1];
            RecordingResponse real = new RecordingResponse();
            signing(SIM2).handle(request, real, (req, res) -> {
                AsyncContext async = req.startAsync();
                asyncResponse[0] = (HttpServletResponse) async.getResponse();
                assertSame(req, async.getRequest());
                asyncResponse[0].addCookie(new Cookie("session", "s3cr3t"));
                asyncResponse[0].setContentType("application/json");
                asyncResponse[0].getWriter().write(CLAIMS);
                asyncResponse[0].flushBuffer();
                assertFalse(real.touched(), "the asynchronous response flushed to the client");
                real.markServletReturned();
            });

            assertInstanceOf(SigningResponseWrapper.class, asyncResponse[0]);
            assertFailedClosed(real);
            assertFalse(real.snapshot().contains("s3cr3t"), real.snapshot());
        }
    }

    /** A byte order mark written as a character is dropped, as one written as bytes is. */
    @Nested
    class AByteOrderMarkThroughTheWriter {
        @Test
        void isDroppedAndTheBodySignedAsThroughTheStream() throws Exception {
            RecordingResponse viaWriter = run(TestRequest.post("/token"),
                    (req, res) -> res.getWriter().write("\uFEFF" + CLAIMS));
            RecordingResponse viaStream = run(TestRequest.post("/token"), (req, res) -> {
                res.getOutputStream().write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
                res.getOutputStream().write(CLAIMS.getBytes(UTF_8));
            });

            assertSigned(viaWriter);
            assertSigned(viaStream);
            assertEquals(viaStream.bodyText(UTF_8), viaWriter.bodyText(UTF_8));
        }

        @Test
        void isDroppedWithAJsonContentTypeToo() throws Exception {
            RecordingResponse real = run(TestRequest.post("/token"), (req, res) -> {
                res.setContentType("application/json");
                res.getWriter().write("\uFEFF" + CLAIMS);
            });

            assertSigned(real);
        }
    }

    /** 103 Early Hints go out and the final response is still signed; other statuses below 300 are refused. */
    @Nested
    class EarlyHints {
        @Test
        void areSentAndTheFinalResponseIsStillSigned() throws Exception {
            RecordingResponse real = run(TestRequest.post("/token"), (req, res) -> {
                res.setHeader("Link", "</app.css>; rel=preload");
                res.sendError(RecordingResponse.EARLY_HINTS);
                res.setContentType("application/json");
                res.getWriter().write(CLAIMS);
            });

            assertEquals(1, real.earlyHints());
            assertSigned(real);
        }

        @Test
        void withAMessageToo() throws Exception {
            RecordingResponse real = run(TestRequest.post("/token"), (req, res) -> {
                res.sendError(RecordingResponse.EARLY_HINTS, "Early Hints");
                res.getOutputStream().write(CLAIMS.getBytes(UTF_8));
            });

            assertEquals(1, real.earlyHints());
            assertSigned(real);
        }

        @Test
        void anErrorStatusStillHandsTheResponseOver() throws Exception {
            RecordingResponse real = run(TestRequest.post("/token"), (req, res) -> {
                res.getWriter().write(CLAIMS);
                res.sendError(404);
            });

            assertEquals(404, real.getStatus());
            assertNoMarker(real);
        }

        @Test
        void aStatusBelow300ThatIsNotEarlyHintsIsRefused() {
            for (int sc : new int[] {100, 102, 200, 204, 299}) {
                SigningResponseWrapper wrapper = new SigningResponseWrapper(new RecordingResponse(), LIMIT);

                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> wrapper.sendError(sc), () -> "status " + sc);
                assertThrows(IllegalArgumentException.class, () -> wrapper.sendError(sc, "x"));

                assertEquals("sendError status [" + sc + "] is not an error; expected a status of 300 or more (or"
                        + " 103 for early hints) behind the JWT signer filter", e.getMessage());
                assertEquals(Capture.HELD, wrapper.body().state());
            }
            SigningResponseWrapper redirectish = new SigningResponseWrapper(new RecordingResponse(), LIMIT);
            assertDoesNotThrow(() -> redirectish.sendError(300));
        }
    }

    /** An Error while signing fails closed, only OutOfMemoryError goes on; a servlet's goes on after a reset. */
    @Nested
    class ErrorsWhileSigning {
        private TokenSigner throwing(Throwable t) {
            return TestSigners.throwing("sim2", t);
        }

        private Servlet login() {
            return (req, res) -> {
                res.addCookie(new Cookie("session", "s3cr3t"));
                res.setContentType("application/json");
                res.getWriter().write(CLAIMS);
            };
        }

        @Test
        void aStackOverflowFailsClosed() throws Exception {
            RecordingResponse real = run(signing(throwing(new StackOverflowError())), TestRequest.post("/token"),
                    login());

            assertFailedClosed(real);
            assertFalse(real.snapshot().contains("s3cr3t"));
            assertEquals(1, log.lines().size());
            assertTrue(log.lines().get(0).message().contains("java.lang.StackOverflowError while signing"),
                    log.lines().get(0).message());
        }

        @Test
        void anOutOfMemoryErrorFailsClosedThenIsThrownAgain() throws Exception {
            OutOfMemoryError oom = new OutOfMemoryError("test");
            RecordingResponse real = new RecordingResponse();
            OutOfMemoryError thrown = assertThrows(OutOfMemoryError.class, () -> signing(throwing(oom))
                    .handle(TestRequest.post("/token"), real, (req, res) -> login()
                            .service((HttpServletRequest) req, (HttpServletResponse) res)));

            assertSame(oom, thrown);
            assertFailedClosed(real);
        }

        @Test
        void anAssertionErrorFailsClosedAndIsNotThrown() throws Exception {
            RecordingResponse real = run(signing(throwing(new AssertionError("bug"))), TestRequest.post("/token"),
                    login());

            assertFailedClosed(real);
        }

        /** The response to a client that went away: the body cannot be written. */
        private HttpServletResponse clientGone(RecordingResponse real) {
            return new HttpServletResponseWrapper(real) {
                @Override
                public ServletOutputStream getOutputStream() {
                    return new ServletOutputStream() {
                        @Override
                        public void write(int b) throws IOException {
                            throw new IOException("Broken pipe");
                        }

                        @Override
                        public void write(byte[] b, int off, int len) throws IOException {
                            throw new IOException("Broken pipe");
                        }

                        @Override
                        public boolean isReady() {
                            return true;
                        }

                        @Override
                        public void setWriteListener(WriteListener writeListener) {
                        }
                    };
                }
            };
        }

        @Test
        void anOutOfMemoryErrorIsThrownAgainEvenWhenTheFailClosedAnswerCannotBeWritten() {
            OutOfMemoryError oom = new OutOfMemoryError("test");
            RecordingResponse real = new RecordingResponse();
            OutOfMemoryError thrown = assertThrows(OutOfMemoryError.class, () -> signing(throwing(oom))
                    .handle(TestRequest.post("/token"), clientGone(real), (req, res) -> login()
                            .service((HttpServletRequest) req, (HttpServletResponse) res)));

            assertSame(oom, thrown);
            assertEquals(500, real.getStatus());
            assertNoMarker(real);
        }

        @Test
        void aStackOverflowIsNotThrownAgainWhenTheFailClosedAnswerCannotBeWritten() {
            RecordingResponse real = new RecordingResponse();
            IOException thrown = assertThrows(IOException.class, () -> signing(throwing(new StackOverflowError()))
                    .handle(TestRequest.post("/token"), clientGone(real), (req, res) -> login()
                            .service((HttpServletRequest) req, (HttpServletResponse) res)));

            assertEquals("Broken pipe", thrown.getMessage());
            assertEquals(500, real.getStatus());
            assertNoMarker(real);
        }

        @Test
        void anErrorFromTheServletResetsTheResponseBeforeTheContainerSeesIt() {
            RecordingResponse real = new RecordingResponse();
            StackOverflowError e = assertThrows(StackOverflowError.class, () -> signing(SIM2)
                    .handle(TestRequest.post("/token"), real, (req, res) -> {
                        login().service((HttpServletRequest) req, (HttpServletResponse) res);
                        throw new StackOverflowError();
                    }));

            assertEquals(null, e.getMessage());
            assertEquals(200, real.getStatus());
            assertFalse(real.snapshot().contains("s3cr3t"), real.snapshot());
            assertNoMarker(real);
        }
    }

    /** On Tomcat the wrapper hides the real response, so a container unwrapping it stops short of its own. */
    @Nested
    class TheRealResponseIsDetached {
        @Test
        void soAContainerUnwrappingItStopsShortOfItsOwnResponse() throws Exception {
            RecordingResponse real = new RecordingResponse();
            HttpServletResponseWrapper wrapper = new HttpServletResponseWrapper(DetachedResponse.of(real, true));

            assertFalse(wrapper.getResponse() instanceof ServletResponseWrapper);
            assertFalse(wrapper.getResponse() == real);
            assertTrue(wrapper.isWrapperFor(wrapper.getResponse()));
            assertFalse(wrapper.isWrapperFor(real), "a container must not find its own response behind it");
        }

        @Test
        void onlyOnTomcatWhereOtherContainersUnwrapToFindTheirOwn() {
            RecordingResponse real = new RecordingResponse();

            assertSame(real, DetachedResponse.of(real));
            assertSame(real, new SigningResponseWrapper(real, LIMIT).getResponse());
        }

        @Test
        void andEveryCallStillReachesIt() throws Exception {
            RecordingResponse real = new RecordingResponse();
            HttpServletResponse detached = DetachedResponse.of(real, true);

            detached.setStatus(201);
            detached.addCookie(new Cookie("a", "b"));
            detached.setHeader("X-A", "1");
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
                detached.getWriter();
                detached.getOutputStream();
            });

            assertEquals(201, real.getStatus());
            assertEquals(201, detached.getStatus(), "answers come back through the proxy");
            assertEquals("1", detached.getHeader("X-A"));
            assertEquals("1", real.getHeader("X-A"));
            assertEquals("getWriter() has already been called", e.getMessage(), "the container's exception itself");
            assertEquals(detached, detached);
            assertFalse(detached.equals(real));
            assertEquals(System.identityHashCode(detached), detached.hashCode());
            assertTrue(detached.toString().startsWith("detached "), detached.toString());
        }

        @Test
        void exceptUnderTomcatsStrictCompliance() {
            RecordingResponse real = new RecordingResponse();
            String before = System.getProperty(DetachedResponse.TOMCAT_STRICT_COMPLIANCE);
            System.setProperty(DetachedResponse.TOMCAT_STRICT_COMPLIANCE, "true");
            try {
                assertSame(real, DetachedResponse.of(real), "not Tomcat's");
                HttpServletResponse tomcats = new org.apache.catalina.connector.ResponseFacade(
                        new org.apache.catalina.connector.Response(new org.apache.coyote.Response()));
                assertSame(tomcats, DetachedResponse.of(tomcats), "Tomcat's, strict");
            } finally {
                if (before == null) {
                    System.clearProperty(DetachedResponse.TOMCAT_STRICT_COMPLIANCE);
                } else {
                    System.setProperty(DetachedResponse.TOMCAT_STRICT_COMPLIANCE, before);
                }
            }
        }

        @Test
        void tomcatsResponseIsDetachedEvenBehindAnotherWrapper() {
            HttpServletResponse tomcats = new org.apache.catalina.connector.ResponseFacade(
                    new org.apache.catalina.connector.Response(new org.apache.coyote.Response()));
            HttpServletResponse wrapped = new HttpServletResponseWrapper(tomcats);

            assertFalse(DetachedResponse.of(tomcats) == tomcats);
            assertFalse(DetachedResponse.of(wrapped) == wrapped);
            assertFalse(DetachedResponse.suspendedByContainer(wrapped), "a fresh response is not suspended");
        }

        @Test
        void aResponseTomcatSuspendedIsRefusedWithTheSettingNamed() {
            org.apache.catalina.connector.ResponseFacade tomcats = new org.apache.catalina.connector.ResponseFacade(
                    new org.apache.catalina.connector.Response(new org.apache.coyote.Response()));

            ServletException e = assertThrows(ServletException.class, () -> signing(SIM2)
                    .handle(TestRequest.post("/token"), tomcats, (req, res) -> tomcats.finish()));

            assertTrue(DetachedResponse.suspendedByContainer(tomcats));
            assertTrue(e.getMessage().contains("suspendWrappedResponseAfterForward=\"false\""), e.getMessage());
            assertTrue(e.getMessage().contains("[/token]"), e.getMessage());
            assertEquals(1, log.lines().size());
            assertEquals(System.Logger.Level.ERROR, log.lines().get(0).level());
        }

        @Test
        void aResponseThatIsNotTomcatsIsNeverSuspended() {
            RecordingResponse real = new RecordingResponse();

            assertFalse(DetachedResponse.suspendedByContainer(real));
            assertFalse(DetachedResponse.suspendedByContainer(new SigningResponseWrapper(real, LIMIT)));
            assertInstanceOf(HttpServletResponse.class, DetachedResponse.of(real));
        }
    }

    /** Inside an include, sendError and sendRedirect change nothing, so the body stays held. */
    @Nested
    class InsideATomcatInclude {
        @Test
        void sendErrorAndSendRedirectAreIgnoredAndTheBodyStaysHeld() throws Exception {
            RecordingResponse real = new RecordingResponse();
            SigningResponseWrapper wrapper = new SigningResponseWrapper(real, LIMIT);
            jakarta.servlet.ServletResponse base = wrapper.getResponse();
            wrapper.getWriter().write(CLAIMS);

            wrapper.setResponse(new HttpServletResponseWrapper((HttpServletResponse) base) {
                @Override
                public void setStatus(int sc) {
                    // As Tomcat's include wrapper: an included resource cannot change the status.
                }
            });
            wrapper.sendError(500);
            wrapper.sendError(500, "no");
            wrapper.sendRedirect("/next");
            wrapper.sendRedirect("/next", 302, false);
            assertEquals(Capture.HELD, wrapper.body().state(), "handed over inside an include");
            assertEquals(CLAIMS, new String(wrapper.body().bytes(), UTF_8));

            wrapper.setStatus(299);
            assertEquals(200, real.getStatus(), "the include wrapper is in place: it ignores the status");

            wrapper.setResponse(base);
            wrapper.sendError(500);
            assertEquals(Capture.HANDED_OVER, wrapper.body().state(), "after the include, sendError hands over again");
            assertEquals(500, real.getStatus());
        }
    }

    /** sendRedirect with a status takes a redirect status, 300 to 399, only. */
    @Nested
    class Servlet61Redirect {
        @Test
        void refusesAStatusThatIsNotARedirect() throws Exception {
            SigningResponseWrapper wrapper = new SigningResponseWrapper(new RecordingResponse(), LIMIT);
            wrapper.getWriter().write(CLAIMS);

            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> wrapper.sendRedirect("/next", 200, false));

            assertEquals("sendRedirect status [200] is not a redirect; expected a status from 300 to 399 behind the"
                    + " JWT signer filter", e.getMessage());
            assertEquals(Capture.HELD, wrapper.body().state());
            assertThrows(IllegalArgumentException.class, () -> wrapper.sendRedirect("/next", 299));
            assertThrows(IllegalArgumentException.class, () -> wrapper.sendRedirect("/next", 400, true));
        }

        @Test
        void takesEveryRedirectStatusFrom300To399() throws Exception {
            for (int sc : new int[] {300, 399}) {
                SigningResponseWrapper wrapper = new SigningResponseWrapper(new RecordingResponse(), LIMIT);

                wrapper.sendRedirect("/next", sc, true);

                assertEquals(Capture.HANDED_OVER, wrapper.body().state(), () -> "status " + sc);
            }
        }

        @Test
        void aRedirectStatusHandsOver() throws Exception {
            RecordingResponse real = new RecordingResponse();
            SigningResponseWrapper wrapper = new SigningResponseWrapper(real, LIMIT);

            wrapper.sendRedirect("/next", 303);

            assertEquals(Capture.HANDED_OVER, wrapper.body().state());
            assertEquals(302, real.getStatus(), "a 6.0 container redirects with its own status");
        }
    }

    /** 103 Early Hints go out only while Link headers are all the servlet set. */
    @Nested
    class EarlyHintsCarryOnlyLinks {
        @Test
        void areLeftOutOnceAnotherHeaderOrACookieWasSet() throws Exception {
            RecordingResponse real = run(TestRequest.post("/token"), (req, res) -> {
                res.addHeader("Link", "</app.css>; rel=preload");
                res.addCookie(new Cookie("session", "s3cr3t"));
                res.sendError(RecordingResponse.EARLY_HINTS);
                res.setContentType("application/json");
                res.getWriter().write("{\"access_token\":[]}");
            });

            assertEquals(0, real.earlyHints(), "the cookie would have gone out in the 103");
            assertEquals(200, real.getStatus());
        }

        @Test
        void areSentWithLinkHeadersOnly() throws Exception {
            RecordingResponse real = run(TestRequest.post("/token"), (req, res) -> {
                res.addHeader("link", "</a.css>; rel=preload");
                res.addHeader("Link", "</b.js>; rel=preload");
                res.sendError(RecordingResponse.EARLY_HINTS);
                res.getWriter().write(CLAIMS);
            });

            assertEquals(1, real.earlyHints());
            assertSigned(real);
        }
    }

    /** A sendError the container ignored leaves no unsigned or empty 2xx behind. */
    @Nested
    class AHandOverTheContainerDidNotTake {
        private RecordingResponse ignoringSendError(int status) throws Exception {
            RecordingResponse real = new RecordingResponse();
            HttpServletResponse ignoring = new HttpServletResponseWrapper(real) {
                @Override
                public void sendError(int sc) {
                }
            };
            signing(SIM2).handle(TestRequest.post("/token"), ignoring, (req, res) -> {
                HttpServletResponse resp = (HttpServletResponse) res;
                resp.setStatus(status);
                resp.getWriter().write(CLAIMS);
                resp.sendError(500);
                real.markServletReturned();
            });
            return real;
        }

        @Test
        void anyUncommitted2xxFailsClosedAndOtherStatusesStay() throws Exception {
            assertFailedClosed(ignoringSendError(200));
            assertFailedClosed(ignoringSendError(299));
            RecordingResponse redirect = ignoringSendError(300);
            assertEquals(300, redirect.getStatus());
            assertEquals("", redirect.bodyText(UTF_8));
            assertEquals(404, ignoringSendError(404).getStatus());
        }

        @Test
        void failsClosedInsteadOfAnEmpty2xx() throws Exception {
            // A container that ignores sendError (as Tomcat does inside an include it did not tell us of).
            RecordingResponse real = new RecordingResponse();
            HttpServletResponse ignoring = new HttpServletResponseWrapper(real) {
                @Override
                public void sendError(int sc) {
                }
            };
            signing(SIM2).handle(TestRequest.post("/token"), ignoring, (req, res) -> {
                HttpServletResponse resp = (HttpServletResponse) res;
                resp.setStatus(201);
                resp.addCookie(new Cookie("session", "s3cr3t"));
                resp.getWriter().write(CLAIMS);
                resp.sendError(500);
                real.markServletReturned();
            });

            assertFailedClosed(real);
            assertFalse(real.snapshot().contains("s3cr3t"), real.snapshot());
            assertTrue(log.lines().get(0).message().contains("still an uncommitted [201]"),
                    log.lines().get(0).message());
        }
    }

    /** A session the login created is invalidated when the answer fails closed or the servlet throws. */
    @Nested
    class ASessionTheFailedLoginCreated {
        private jakarta.servlet.http.HttpSession session(boolean isNew) {
            jakarta.servlet.http.HttpSession session = org.mockito.Mockito.mock(jakarta.servlet.http.HttpSession.class);
            org.mockito.Mockito.when(session.isNew()).thenReturn(isNew);
            return session;
        }

        @Test
        void isInvalidatedWhenTheAnswerFailsClosed() throws Exception {
            TestRequest request = TestRequest.post("/token");
            jakarta.servlet.http.HttpSession created = session(true);
            request.setSession(created);

            RecordingResponse real = run(request, (req, res) -> {
                res.setContentType("application/json");
                res.getWriter().write("{\"access_token\":{\"sub\":\"" + MARKER + "\"");
            });

            assertFailedClosed(real);
            org.mockito.Mockito.verify(created).invalidate();
        }

        @Test
        void isInvalidatedWhenTheServletThrows() {
            TestRequest request = TestRequest.post("/token");
            jakarta.servlet.http.HttpSession created = session(true);
            request.setSession(created);

            assertThrows(IllegalStateException.class, () -> run(request, (req, res) -> {
                res.getWriter().write(CLAIMS);
                throw new IllegalStateException("servlet bug");
            }));

            org.mockito.Mockito.verify(created).invalidate();
        }

        @Test
        void anOlderSessionIsLeftAndASignedLoginKeepsItsNewOne() throws Exception {
            TestRequest failing = TestRequest.post("/token");
            jakarta.servlet.http.HttpSession older = session(false);
            failing.setSession(older);
            run(failing, (req, res) -> res.getWriter().write("{\"access_token\":"));

            TestRequest signed = TestRequest.post("/token");
            jakarta.servlet.http.HttpSession created = session(true);
            signed.setSession(created);
            assertSigned(run(signed, (req, res) -> res.getWriter().write(CLAIMS)));

            org.mockito.Mockito.verify(older, org.mockito.Mockito.never()).invalidate();
            org.mockito.Mockito.verify(created, org.mockito.Mockito.never()).invalidate();
        }

        @Test
        void anInvalidatedSessionDoesNotStopTheFailClosedAnswer() throws Exception {
            TestRequest request = TestRequest.post("/token");
            jakarta.servlet.http.HttpSession gone = session(true);
            org.mockito.Mockito.doThrow(new IllegalStateException("invalidated")).when(gone).invalidate();
            request.setSession(gone);

            assertFailedClosed(run(request, (req, res) -> res.getWriter().write("{\"access_token\":")));
        }
    }
}
