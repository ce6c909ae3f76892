package io.github.jwtsigner.internal.servlet;

import io.github.jwtsigner.internal.decision.ResponseFacts.Capture;
import io.github.jwtsigner.internal.json.JsonPointer;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
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
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

class ResponseSigningTest {
    /** The login servlet, as a lambda. */
    @FunctionalInterface
    interface Servlet {
        void service(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException;
    }

    private static final String SUB = "user-7f3a9";
    private static final String CLAIMS = "{\"access_token\":{\"sub\":\"" + SUB + "\",\"name\":\"José\","
            + "\"nick\":\"名前\",\"roles\":[\"a\"],\"exp\":1735689600},"
            + "\"refresh_token\":{\"sub\":\"" + SUB + "\",\"exp\":1735689600},\"exp\":1735689600}";
    /** ISO-8859-1 holds José but not 名前: that one is written as JSON escapes. */
    private static final String CLAIMS_LATIN1 = CLAIMS.replace("名前", "\\u540d\\u524d");
    private static final int LIMIT = 4096;

    private static final SignerConfig CONFIG = SignerConfig.builder().alg(SigningAlgorithm.HS256).kid("sim2")
            .keysToSign("access_token", "refresh_token").jwkLocalPath("classpath:" + Sim2Tokens.RESOURCE).build();
    private static final TokenSigner SIM2 = SigningKeys.load(CONFIG, Sim2Tokens.jwkSetJson(), "test key set");

    private final RecordingLogger log = new RecordingLogger();

    private ResponseSigning signing(int limit) {
        return signing(limit, SIM2);
    }

    private ResponseSigning signing(int limit, TokenSigner tokenSigner) {
        return new ResponseSigning(new PayloadSigner(JsonPointer.parseAll(CONFIG.keysToSign()), () -> tokenSigner), limit, log);
    }

    private RecordingResponse run(Servlet servlet) throws IOException, ServletException {
        return run(signing(LIMIT), TestRequest.post("/token"), servlet);
    }

    private static RecordingResponse run(ResponseSigning signing, HttpServletRequest request, Servlet servlet)
            throws IOException, ServletException {
        RecordingResponse real = new RecordingResponse();
        signing.handle(request, real, (req, res) -> {
            servlet.service((HttpServletRequest) req, (HttpServletResponse) res);
            real.markServletReturned();
        });
        return real;
    }

    /** A servlet that sets headers and a cookie of its own, then writes {@code body}. */
    private static Servlet loginWriting(String contentType, byte[] body) {
        return (req, res) -> {
            res.addCookie(new Cookie("session", "s3cr3t-cookie"));
            res.setHeader("X-Servlet", "yes");
            if (contentType != null) {
                res.setContentType(contentType);
            }
            res.getOutputStream().write(body);
        };
    }

    private void assertFailedClosed(RecordingResponse real, SigningException.Reason reason) {
        assertNull(real.touchedBeforeServletReturned(), "the real response was touched before the decision");
        assertEquals(500, real.getStatus());
        assertEquals("application/json;charset=UTF-8", real.getContentType());
        assertEquals(ResponseSigning.FAIL_CLOSED_BODY, real.bodyText(UTF_8));
        assertEquals(List.of("Cache-Control: no-store", "Content-Length: " + ResponseSigning.FAIL_CLOSED_BODY.length()),
                real.headerLines().stream().sorted().toList());
        String everything = real.snapshot() + real.bodyText(ISO_8859_1) + real.headerLines();
        for (String secret : List.of(SUB, "José", "s3cr3t-cookie", "X-Servlet", "gzip")) {
            assertFalse(everything.contains(secret), () -> "[" + secret + "] reached the client: " + everything);
        }
        List<RecordingLogger.Line> lines = log.lines();
        assertEquals(1, lines.size(), () -> "expected one log line, got " + lines);
        assertTrue(lines.get(0).message().contains(reason.name()), lines.get(0).message());
        assertTrue(lines.get(0).message().contains("/token"), lines.get(0).message());
        assertFalse(lines.get(0).message().contains(SUB), lines.get(0).message());
    }

    /** A JSON body is signed (re-emitted if it has nothing to sign), keeping the servlet's status and headers. */
    @Nested
    class AJsonBody {
        static Stream<Arguments> waysToWrite() {
            byte[] utf8 = CLAIMS.getBytes(UTF_8);
            return Stream.of(
                    named("writer, charset UTF-8 in setContentType, no Content-Length", (req, res) -> {
                        res.setContentType("application/json;charset=UTF-8");
                        res.getWriter().print(CLAIMS);
                    }),
                    named("writer, setCharacterEncoding(UTF-8), setContentLength", (req, res) -> {
                        res.setContentType("application/json");
                        res.setCharacterEncoding("UTF-8");
                        res.setContentLength(utf8.length);
                        res.getWriter().write(CLAIMS);
                    }),
                    named("writer, no charset declared, setContentLengthLong", (req, res) -> {
                        res.setContentType("application/json");
                        res.setContentLengthLong(utf8.length);
                        res.getWriter().write(CLAIMS);
                    }),
                    named("writer, ISO-8859-1 declared, characters taken as written, setHeader(Content-Length)",
                            (req, res) -> {
                                res.setContentType("application/json; charset=ISO-8859-1");
                                res.setHeader("Content-Length", "999");
                                res.getWriter().write(CLAIMS);
                            }),
                    named("writer, addHeader and setIntHeader(Content-Length)", (req, res) -> {
                        res.setContentType("application/json");
                        res.addHeader("content-length", "5");
                        res.setIntHeader("Content-Length", utf8.length);
                        res.getWriter().write(CLAIMS);
                    }),
                    named("writer, flush() mid-body", (req, res) -> {
                        res.setContentType("application/json;charset=UTF-8");
                        PrintWriter w = res.getWriter();
                        w.write(CLAIMS.substring(0, 30));
                        w.flush();
                        w.write(CLAIMS.substring(30));
                    }),
                    named("writer, flushBuffer() mid-body, then close()", (req, res) -> {
                        res.setContentType("application/json;charset=UTF-8");
                        PrintWriter w = res.getWriter();
                        w.write(CLAIMS.substring(0, 45));
                        res.flushBuffer();
                        w.write(CLAIMS.substring(45));
                        w.close();
                    }),
                    named("writer, one char at a time", (req, res) -> {
                        res.setContentType("application/json");
                        PrintWriter w = res.getWriter();
                        for (char c : CLAIMS.toCharArray()) {
                            w.write(c);
                        }
                    }),
                    named("writer, resetBuffer() after junk", (req, res) -> {
                        res.setContentType("application/json");
                        res.getWriter().write("{\"junk\":");
                        res.resetBuffer();
                        res.getWriter().write(CLAIMS);
                    }),
                    named("writer, application/vnd.login+json", (req, res) -> {
                        res.setContentType("application/vnd.login+json");
                        res.getWriter().write(CLAIMS);
                    }),
                    named("stream, setCharacterEncoding(UTF-8), setContentLength", (req, res) -> {
                        res.setContentType("application/json");
                        res.setCharacterEncoding("UTF-8");
                        res.setContentLength(utf8.length);
                        res.getOutputStream().write(utf8);
                    }),
                    named("stream, no charset declared (UTF-8), no Content-Length", (req, res) -> {
                        res.setContentType("application/json");
                        res.getOutputStream().write(utf8);
                    }),
                    named("stream, ISO-8859-1 declared: José as one byte, 名前 as JSON escapes", (req, res) -> {
                        res.setContentType("application/json;charset=ISO-8859-1");
                        res.getOutputStream().write(CLAIMS_LATIN1.getBytes(ISO_8859_1));
                    }),
                    named("stream, leading UTF-8 byte order mark", (req, res) -> {
                        res.setContentType("application/json");
                        ServletOutputStream out = res.getOutputStream();
                        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
                        out.write(utf8);
                    }),
                    named("stream, flush() mid-body, setContentLengthLong", (req, res) -> {
                        res.setContentType("text/json");
                        res.setContentLengthLong(utf8.length);
                        ServletOutputStream out = res.getOutputStream();
                        out.write(utf8, 0, 20);
                        out.flush();
                        out.write(utf8, 20, utf8.length - 20);
                    }),
                    named("stream, flushBuffer() mid-body, then close()", (req, res) -> {
                        res.setContentType("application/json");
                        ServletOutputStream out = res.getOutputStream();
                        out.write(utf8, 0, 50);
                        res.flushBuffer();
                        out.write(utf8, 50, utf8.length - 50);
                        out.close();
                    }),
                    named("stream, one byte at a time (multi-byte characters split)", (req, res) -> {
                        res.setContentType("application/json");
                        ServletOutputStream out = res.getOutputStream();
                        for (byte b : utf8) {
                            out.write(b);
                        }
                    }),
                    named("stream, resetBuffer() after junk", (req, res) -> {
                        res.setContentType("application/json");
                        res.getOutputStream().write("[\"junk\"".getBytes(UTF_8));
                        res.resetBuffer();
                        res.getOutputStream().write(utf8);
                    }),
                    named("stream, no Content-Type at all", (req, res) -> res.getOutputStream().write(utf8)),
                    named("writer, no Content-Type at all", (req, res) -> res.getWriter().write(CLAIMS)));
        }

        private static Arguments named(String name, Servlet servlet) {
            return Arguments.of(Named.of(name, servlet));
        }

        @ParameterizedTest
        @MethodSource("waysToWrite")
        void signsTheBodyWhicheverWayTheServletWritesIt(Servlet servlet) throws Exception {
            RecordingResponse real = run(servlet);

            assertNull(real.touchedBeforeServletReturned(), "the real response was touched before signing");
            assertEquals(200, real.getStatus());
            assertEquals("application/json;charset=UTF-8", real.getContentType());
            assertEquals(String.valueOf(real.bodyBytes().length), real.getHeader("Content-Length"));
            assertEquals(List.of(String.valueOf(real.bodyBytes().length)), real.getHeaders("Content-Length"));
            assertEquals("no-store", real.getHeader("Cache-Control"));
            JsonObject body = JsonParser.parseString(real.bodyText(UTF_8)).getAsJsonObject();
            JsonObject access = Sim2Tokens.verify(body.get("access_token").getAsString());
            assertEquals(SUB, access.get("sub").getAsString());
            assertEquals("José", access.get("name").getAsString());
            assertEquals("名前", access.get("nick").getAsString());
            assertEquals(List.of("a"), access.getAsJsonArray("roles").asList().stream().map(e -> e.getAsString()).toList());
            assertEquals(1735689600L, access.get("exp").getAsLong());
            assertEquals(SUB, Sim2Tokens.verify(body.get("refresh_token").getAsString()).get("sub").getAsString());
            assertTrue(real.bodyText(UTF_8).endsWith(",\"exp\":1735689600}"), real.bodyText(UTF_8));
        }

        @Test
        void keepsStatus201AndTheServletsHeadersAndCookies() throws Exception {
            RecordingResponse real = run((req, res) -> {
                res.setStatus(201);
                res.addCookie(new Cookie("session", "abc"));
                res.setHeader("X-Login", "ok");
                res.setContentType("application/json");
                res.getWriter().write(CLAIMS);
            });

            assertEquals(201, real.getStatus());
            assertEquals("session=abc", real.getHeader("Set-Cookie"));
            assertEquals("ok", real.getHeader("X-Login"));
            Sim2Tokens.verify(JsonParser.parseString(real.bodyText(UTF_8)).getAsJsonObject()
                    .get("access_token").getAsString());
        }

        @Test
        void keepsACacheControlTheServletSet() throws Exception {
            RecordingResponse real = run((req, res) -> {
                res.setHeader("Cache-Control", "private, max-age=0");
                res.setContentType("application/json");
                res.getWriter().write(CLAIMS);
            });

            assertEquals(List.of("private, max-age=0"), real.getHeaders("Cache-Control"));
        }

        @Test
        void reEmitsAJsonBodyWithNoMemberToSignAsUnsignedJson() throws Exception {
            String json = "{\"user\":\"x\",\"access_token\":\"already a string\",\"exp\":1735689600}";
            RecordingResponse real = run((req, res) -> {
                res.setContentType("application/json");
                res.getWriter().write(json);
            });

            assertEquals(200, real.getStatus());
            assertEquals(JsonParser.parseString(json), JsonParser.parseString(real.bodyText(UTF_8)));
            assertEquals("application/json;charset=UTF-8", real.getContentType());
            assertEquals("no-store", real.getHeader("Cache-Control"));
            assertEquals(String.valueOf(real.bodyBytes().length), real.getHeader("Content-Length"));
        }
    }

    /** Any other response reaches the client exactly as without the filter. */
    @Nested
    class PassThrough {
        static Stream<Arguments> responsesToPassThrough() {
            String error = "{\"error\":\"invalid_grant\",\"error_description\":\"wrong password for José\"}";
            return Stream.of(
                    passThrough("401 with a JSON error body through the writer, Content-Length and a cookie",
                            "POST", (req, res) -> {
                                res.setStatus(401);
                                res.addCookie(new Cookie("tries", "3"));
                                res.setContentType("application/json;charset=UTF-8");
                                res.setContentLength(error.getBytes(UTF_8).length);
                                res.getWriter().write(error);
                            }),
                    passThrough("401 with a JSON error body through the stream", "POST", (req, res) -> {
                        res.setStatus(401);
                        res.setHeader("WWW-Authenticate", "Basic realm=\"login\"");
                        res.setContentType("application/json");
                        res.getOutputStream().write(error.getBytes(UTF_8));
                    }),
                    passThrough("sendError(403)", "POST", (req, res) -> res.sendError(403)),
                    passThrough("sendError(403, message) after a claim body was written", "POST", (req, res) -> {
                        res.setContentType("application/json");
                        res.getWriter().write(CLAIMS);
                        res.sendError(403, "forbidden");
                    }),
                    passThrough("sendRedirect", "GET", (req, res) -> {
                        res.addCookie(new Cookie("next", "home"));
                        res.sendRedirect("/home");
                    }),
                    passThrough("200 text/html through the writer in the container's default charset", "GET",
                            (req, res) -> {
                                res.setContentType("text/html");
                                res.getWriter().write("<p>Olá José</p>");
                            }),
                    passThrough("200 text/plain;charset=UTF-8 through the writer", "GET", (req, res) -> {
                        res.setContentType("text/plain;charset=UTF-8");
                        res.getWriter().write("名前 " + CLAIMS);
                    }),
                    passThrough("charset set after getWriter() is ignored, as in a container", "GET", (req, res) -> {
                        res.setContentType("text/plain");
                        PrintWriter w = res.getWriter();
                        res.setContentType("text/plain;charset=UTF-8");
                        res.setCharacterEncoding("UTF-8");
                        w.write("José");
                    }),
                    passThrough("200 text/plain with bytes that are not UTF-8", "GET", (req, res) -> {
                        res.setContentType("text/plain");
                        res.getOutputStream().write(new byte[] {'{', (byte) 0xC3, 0x28, '}'});
                    }),
                    passThrough("204 without a body", "POST", (req, res) -> res.setStatus(204)),
                    passThrough("HEAD: Content-Length and JSON type, no body", "HEAD", (req, res) -> {
                        res.setContentType("application/json");
                        res.setContentLength(CLAIMS.getBytes(UTF_8).length);
                    }),
                    passThrough("200 JSON type with an empty body", "POST", (req, res) -> {
                        res.setContentType("application/json");
                        res.getWriter();
                    }),
                    passThrough("200 without Content-Type, a plain text body", "GET",
                            (req, res) -> res.getOutputStream().write("OK José".getBytes(UTF_8))),
                    passThrough("200 without Content-Type, a JSON array body", "GET",
                            (req, res) -> res.getOutputStream().write("[1,2]".getBytes(UTF_8))),
                    passThrough("200 without Content-Type, invalid UTF-8 that does not start with {", "GET",
                            (req, res) -> res.getOutputStream().write(new byte[] {'x', (byte) 0xFF})),
                    passThrough("500 written by the servlet with a claim-looking body", "POST", (req, res) -> {
                        res.setStatus(500);
                        res.setContentType("application/json");
                        res.getWriter().write(CLAIMS);
                    }),
                    // Larger than the container's 8 KiB buffer too: the filter commits a streamed response at once,
                    // a container once its buffer is full.
                    passThrough("401 over max_body_bytes through the writer, streamed", "POST", (req, res) -> {
                        res.setStatus(401);
                        res.setContentType("application/json");
                        PrintWriter w = res.getWriter();
                        for (int i = 0; i < 600; i++) {
                            w.write("{\"n\":\"José 名前\"}\n");
                        }
                    }),
                    passThrough("text/html over max_body_bytes through the stream, Content-Length set first", "GET",
                            (req, res) -> {
                                byte[] page = "<p>José</p>".repeat(1000).getBytes(UTF_8);
                                res.setContentType("text/html;charset=UTF-8");
                                res.setContentLength(page.length);
                                ServletOutputStream out = res.getOutputStream();
                                for (int i = 0; i < page.length; i += 777) {
                                    out.write(page, i, Math.min(777, page.length - i));
                                }
                            }));
        }

        private static Arguments passThrough(String name, String method, Servlet servlet) {
            return Arguments.of(Named.of(name, servlet), method);
        }

        @ParameterizedTest
        @MethodSource("responsesToPassThrough")
        void passesTheResponseThroughExactlyAsWithoutTheFilter(Servlet servlet, String method) throws Exception {
            RecordingResponse direct = new RecordingResponse();
            servlet.service(new TestRequest(method, "/token"), direct);

            RecordingResponse filtered = run(signing(LIMIT), new TestRequest(method, "/token"), servlet);

            assertEquals(direct.snapshot(), filtered.snapshot());
            assertTrue(log.lines().isEmpty(), () -> "logged " + log.lines());
        }
    }

    /** Over the limit a body to sign fails closed and any other streams out unsigned; the limit must be positive. */
    @Nested
    class TheBodyLimit {
        @Test
        void streamsABodyThatOutgrowsTheLimitOnceItIsKnownUnsigned() throws Exception {
            RecordingResponse real = new RecordingResponse();
            signing(64).handle(TestRequest.post("/page"), real, (req, res) -> {
                res.setContentType("text/plain");
                ServletOutputStream out = res.getOutputStream();
                out.write(new byte[60]);
                assertFalse(real.touched(), "held while under the limit");
                out.write(new byte[10]);
                assertTrue(real.touched(), "streamed once over the limit");
            });

            assertEquals(70, real.bodyBytes().length);
        }

        /** A writer body that fills the 64-byte limit exactly, then ends with a lone high surrogate, held as '?'. */
        private static Servlet fillingTheLimitThenALoneHighSurrogate(int status, String contentType) {
            return (req, res) -> {
                res.setStatus(status);
                if (contentType != null) {
                    res.setContentType(contentType);
                }
                PrintWriter w = res.getWriter();
                w.write("{" + "x".repeat(63));
                w.write("\uD800");
            };
        }

        @Test
        void passesThroughABodyThatALastLoneSurrogateTakesOverTheLimit() throws Exception {
            RecordingResponse real = run(signing(64), TestRequest.post("/token"),
                    fillingTheLimitThenALoneHighSurrogate(401, "text/plain;charset=UTF-8"));

            assertEquals(401, real.getStatus());
            assertEquals("{" + "x".repeat(63) + "?", real.bodyText(UTF_8));
            assertTrue(log.lines().isEmpty(), () -> "logged " + log.lines());
        }

        @Test
        void failsClosedWhenTheWriterOutgrowsTheLimit() throws Exception {
            RecordingResponse real = run(signing(64), TestRequest.post("/token"), (req, res) -> {
                res.addCookie(new Cookie("session", "s3cr3t-cookie"));
                res.setContentType("application/json");
                res.getWriter().write(CLAIMS);
            });

            assertFailedClosed(real, SigningException.Reason.TOO_LARGE);
        }

        @Test
        void failsClosedWhenTheStreamOutgrowsTheLimit() throws Exception {
            RecordingResponse real = run(signing(64), TestRequest.post("/token"),
                    loginWriting("application/json", CLAIMS.getBytes(UTF_8)));

            assertFailedClosed(real, SigningException.Reason.TOO_LARGE);
        }

        @Test
        void failsClosedWhenABodyWithoutContentTypeOutgrowsTheLimit() throws Exception {
            RecordingResponse real = run(signing(64), TestRequest.post("/token"),
                    loginWriting(null, CLAIMS.getBytes(UTF_8)));

            assertFailedClosed(real, SigningException.Reason.TOO_LARGE);
        }

        @Test
        void failsClosedWhenALastLoneSurrogateTakesABodyWithoutContentTypeOverTheLimit() throws Exception {
            RecordingResponse real = run(signing(64), TestRequest.post("/token"),
                    fillingTheLimitThenALoneHighSurrogate(200, null));

            assertFailedClosed(real, SigningException.Reason.TOO_LARGE);
        }

        @Test
        void rejectsANonPositiveLimit() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> signing(0));

            assertEquals("maxBodyBytes [0] must be positive", e.getMessage());
        }
    }

    /** A body to sign that is not one strict JSON object in a known encoding fails closed. */
    @Nested
    class WhenTheBodyIsNotStrictJson {
        @Test
        void failsClosedOnMalformedJsonThatClaimsToBeJson() throws Exception {
            byte[] truncated = CLAIMS.substring(0, CLAIMS.length() - 20).getBytes(UTF_8);
            RecordingResponse real = run(loginWriting("application/json", truncated));

            assertFailedClosed(real, SigningException.Reason.MALFORMED_JSON);
        }

        @Test
        void failsClosedOnLenientJsonWithSingleQuotes() throws Exception {
            byte[] lenient = CLAIMS.replace('"', '\'').getBytes(UTF_8);
            RecordingResponse real = run(loginWriting("application/json", lenient));

            assertFailedClosed(real, SigningException.Reason.MALFORMED_JSON);
        }

        @Test
        void failsClosedOnAJsonArray() throws Exception {
            RecordingResponse real = run(loginWriting("application/json", ("[" + CLAIMS + "]").getBytes(UTF_8)));

            assertFailedClosed(real, SigningException.Reason.NOT_AN_OBJECT);
        }

        @Test
        void failsClosedWhenAMemberToSignAppearsTwice() throws Exception {
            String twice = "{\"access_token\":{\"sub\":\"" + SUB + "\"},\"access_token\":{\"sub\":\"" + SUB + "\"}}";
            RecordingResponse real = run(loginWriting("application/json", twice.getBytes(UTF_8)));

            assertFailedClosed(real, SigningException.Reason.DUPLICATE_MEMBER);
        }

        @Test
        void failsClosedOnBytesThatAreNotValidUtf8() throws Exception {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(CLAIMS.substring(0, 30).getBytes(UTF_8));
            body.write(0xC3);
            body.write(0x28);
            body.writeBytes(CLAIMS.substring(30).getBytes(UTF_8));
            RecordingResponse real = run(loginWriting("application/json", body.toByteArray()));

            assertFailedClosed(real, SigningException.Reason.INVALID_ENCODING);
        }

        @Test
        void failsClosedOnASurrogateEncodedInUtf8Bytes() throws Exception {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(CLAIMS.substring(0, 30).getBytes(UTF_8));
            body.writeBytes(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}); // U+D800, which UTF-8 forbids
            body.writeBytes(CLAIMS.substring(30).getBytes(UTF_8));
            RecordingResponse real = run(loginWriting("application/json", body.toByteArray()));

            assertFailedClosed(real, SigningException.Reason.INVALID_ENCODING);
        }

        @Test
        void failsClosedOnALoneSurrogateWrittenToTheWriter() throws Exception {
            RecordingResponse real = run((req, res) -> {
                res.addCookie(new Cookie("session", "s3cr3t-cookie"));
                res.setContentType("application/json");
                res.getWriter().write(CLAIMS.replace("José", "Jos\uD800"));
            });

            assertFailedClosed(real, SigningException.Reason.INVALID_STRING);
        }

        @Test
        void failsClosedOnABodyWithoutContentTypeThatLooksLikeAnObjectButDoesNotParse() throws Exception {
            byte[] broken = (" \n" + CLAIMS.substring(0, 40)).getBytes(UTF_8);
            RecordingResponse real = run(loginWriting(null, broken));

            assertFailedClosed(real, SigningException.Reason.MALFORMED_JSON);
        }

        @Test
        void failsClosedOnABodyWithoutContentTypeThatStartsWithABraceAndIsNotUtf8() throws Exception {
            byte[] broken = {'{', '"', 'a', (byte) 0xFF, '"', '}'};
            RecordingResponse real = run(loginWriting(null, broken));

            assertFailedClosed(real, SigningException.Reason.INVALID_ENCODING);
        }

        @Test
        void failsClosedOnACharsetThisJvmDoesNotKnow() throws Exception {
            RecordingResponse real = run(loginWriting("application/json;charset=x-no-such-charset",
                    CLAIMS.getBytes(UTF_8)));

            assertFailedClosed(real, SigningException.Reason.INVALID_ENCODING);
        }

        @Test
        void failsClosedOnACompressedBody() throws Exception {
            ByteArrayOutputStream gz = new ByteArrayOutputStream();
            try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
                out.write(CLAIMS.getBytes(UTF_8));
            }
            RecordingResponse real = run((req, res) -> {
                res.setHeader("Content-Encoding", "gzip");
                loginWriting("application/json", gz.toByteArray()).service(req, res);
            });

            assertFailedClosed(real, SigningException.Reason.UNSUPPORTED_RESPONSE);
        }
    }

    /** A signer or a response that throws while the body is signed: the answer fails closed. */
    @Nested
    class WhenSigningFails {
        @Test
        void failsClosedWhenTheSignatureFails() throws Exception {
            TokenSigner broken = TestSigners.throwing("sim2",
                    new SigningException(SigningException.Reason.SIGNATURE_FAILED, "HMAC provider failed"));
            RecordingResponse real = run(signing(LIMIT, broken), TestRequest.post("/token"),
                    loginWriting("application/json", CLAIMS.getBytes(UTF_8)));

            assertFailedClosed(real, SigningException.Reason.SIGNATURE_FAILED);
            assertEquals(System.Logger.Level.ERROR, log.lines().get(0).level());
        }

        @Test
        void failsClosedWhenTheSignerThrowsSomethingUnexpected() throws Exception {
            TokenSigner broken = TestSigners.throwing("sim2", new IllegalStateException("bug"));
            RecordingResponse real = run(signing(LIMIT, broken), TestRequest.post("/token"),
                    loginWriting("application/json", CLAIMS.getBytes(UTF_8)));

            assertFailedClosed(real, SigningException.Reason.SIGNATURE_FAILED);
        }

        @Test
        void failsClosedWhenReadingTheResponseThrowsSomethingUnexpected() throws Exception {
            RecordingResponse real = new RecordingResponse();
            HttpServletResponse withoutGetHeader = new HttpServletResponseWrapper(real) {
                @Override
                public String getHeader(String name) {
                    throw new UnsupportedOperationException("getHeader");
                }
            };

            signing(LIMIT).handle(TestRequest.post("/token"), withoutGetHeader, (req, res) -> {
                loginWriting("application/json", CLAIMS.getBytes(UTF_8))
                        .service((HttpServletRequest) req, (HttpServletResponse) res);
                real.markServletReturned();
            });

            assertFailedClosed(real, SigningException.Reason.SIGNATURE_FAILED);
            assertTrue(log.lines().get(0).message().contains("unexpected java.lang.UnsupportedOperationException while"
                    + " reading"), log.lines().get(0).message());
        }
    }

    /** Nothing more can be written; the filter logs an error. */
    @Nested
    class WhenTheResponseWasCommittedBehindItsBack {
        @Test
        void logsThatItCouldNotFailClosedWhenTheResponseWasCommittedWhileSigning() throws Exception {
            RecordingResponse real = new RecordingResponse();
            // As a thread the servlet left running might: the response goes out while the body is signed.
            TokenSigner committing = TestSigners.hs256("sim2", payload -> {
                real.commitNow();
                throw new SigningException(SigningException.Reason.SIGNATURE_FAILED, "HMAC provider failed");
            });

            signing(LIMIT, committing).handle(TestRequest.post("/token"), real,
                    (req, res) -> loginWriting("application/json", CLAIMS.getBytes(UTF_8))
                            .service((HttpServletRequest) req, (HttpServletResponse) res));

            assertEquals(0, real.bodyBytes().length);
            assertEquals(2, log.lines().size(), () -> "expected two log lines, got " + log.lines());
            assertEquals(System.Logger.Level.ERROR, log.lines().get(1).level());
            assertEquals("JWT signer could not fail closed: the response to [/token] was already committed",
                    log.lines().get(1).message());
        }

        @Test
        void logsAnErrorWhenTheResponseWasCommittedBehindItsBack() throws Exception {
            RecordingResponse real = new RecordingResponse();
            signing(LIMIT).handle(TestRequest.post("/token"), real, (req, res) -> {
                res.setContentType("application/json");
                res.getWriter().write(CLAIMS);
                real.commitNow();
            });

            assertEquals(0, real.bodyBytes().length);
            assertEquals(System.Logger.Level.ERROR, log.lines().get(0).level());
            assertTrue(log.lines().get(0).message().contains("committed"), log.lines().get(0).message());
        }
    }

    /** The answer fails closed, and the filter completes the request. */
    @Nested
    class WhenTheRequestWentAsynchronous {
        @Test
        void failsClosedWhenTheRequestWentAsynchronousAndCompletesIt() throws Exception {
            TestRequest request = TestRequest.post("/token");
            AsyncContext async = mock(AsyncContext.class);
            RecordingResponse real = run(signing(LIMIT), request, (req, res) -> {
                loginWriting("application/json", CLAIMS.getBytes(UTF_8)).service(req, res);
                request.setAsync(async);
            });

            assertFailedClosed(real, SigningException.Reason.UNSUPPORTED_RESPONSE);
            verify(async).complete();
        }

        @Test
        void commitsTheFailClosedAnswerBeforeItCompletesTheAsynchronousRequest() throws Exception {
            TestRequest request = TestRequest.post("/token");
            AsyncContext async = mock(AsyncContext.class);
            RecordingResponse real = new RecordingResponse();
            List<String> atComplete = new java.util.ArrayList<>();
            doAnswer(invocation -> atComplete.add("committed=" + real.isCommitted() + " " + real.bodyText(UTF_8)))
                    .when(async).complete();

            signing(LIMIT).handle(request, real, (req, res) -> {
                res.getWriter().write(CLAIMS);
                request.setAsync(async);
            });

            assertEquals(List.of("committed=true " + ResponseSigning.FAIL_CLOSED_BODY), atComplete);
        }

        @Test
        void logsAnAsynchronousRequestItCannotComplete() throws Exception {
            TestRequest request = TestRequest.post("/token");
            AsyncContext async = mock(AsyncContext.class);
            doThrow(new IllegalStateException("already completed")).when(async).complete();

            RecordingResponse real = run(signing(LIMIT), request, (req, res) -> {
                loginWriting("application/json", CLAIMS.getBytes(UTF_8)).service(req, res);
                request.setAsync(async);
            });

            assertEquals(500, real.getStatus());
            assertEquals(ResponseSigning.FAIL_CLOSED_BODY, real.bodyText(UTF_8));
            assertEquals(2, log.lines().size(), () -> "expected two log lines, got " + log.lines());
            assertEquals(System.Logger.Level.WARNING, log.lines().get(1).level());
            assertEquals("JWT signer could not complete the asynchronous request [/token]: already completed",
                    log.lines().get(1).message());
        }
    }

    /** The exception goes on to the container, and nothing the servlet wrote does. */
    @Nested
    class WhenTheServletThrows {
        @Test
        void resetsTheResponseAndRethrowsWhenTheServletThrows() throws Exception {
            RecordingResponse real = new RecordingResponse();
            ServletException thrown = assertThrows(ServletException.class, () -> signing(LIMIT).handle(
                    TestRequest.post("/token"), real, (req, res) -> {
                        ((HttpServletResponse) res).addCookie(new Cookie("session", "s3cr3t-cookie"));
                        res.getWriter().write(CLAIMS);
                        throw new ServletException("database down");
                    }));

            assertEquals("database down", thrown.getMessage());
            assertEquals(0, real.bodyBytes().length);
            assertEquals(List.of(), real.headerLines());
        }

        @Test
        void holdsNothingOfAServletThatThrewAndDropsWhatItWritesLater() throws Exception {
            RecordingResponse real = new RecordingResponse();
            HttpServletResponse[] handedOut = new HttpServletResponse[1];
            assertThrows(ServletException.class, () -> signing(LIMIT).handle(TestRequest.post("/token"), real,
                    (req, res) -> {
                        handedOut[0] = (HttpServletResponse) res;
                        res.getWriter().write(CLAIMS);
                        throw new ServletException("database down");
                    }));

            handedOut[0].getWriter().write(CLAIMS);

            CapturedBody body = ((SigningResponseWrapper) handedOut[0]).body();
            assertEquals(Capture.HANDED_OVER, body.state());
            assertEquals(0, body.size());
            assertEquals(0, real.bodyBytes().length);
        }
    }
}
