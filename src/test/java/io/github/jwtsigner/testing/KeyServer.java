package io.github.jwtsigner.testing;

import io.github.jwtsigner.internal.remote.TestPki;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A key server for tests: real Jetty 12 on 127.0.0.1 and an ephemeral port, HTTPS with a test certificate (or
 * plain HTTP). {@code /jwks.json} and every path not listed below answer whatever the test set last: a JWK Set
 * ({@link #JWKS} until set), another status or type, or silence. It can be stopped and started again on the same
 * port, to play a server that goes down.
 *
 * <p>Fixed paths answer what a fetcher must cope with: {@code /jwk-set} (the JWK Set media type),
 * {@code /missing} (404), {@code /html}, {@code /no-type}, {@code /redirect} (302), {@code /gzip},
 * {@code /big} ({@value #BIG} bytes), {@code /exactly-1024}, {@code /drip} and {@code /drip-sized} (one byte every
 * {@link #DRIP_INTERVAL}), {@code /big-chunked}, {@code /not-utf8}, {@code /bom} and {@code /basic} (Basic
 * authentication as {@value #BASIC_USER}). Error bodies carry {@link #BODY_MARKER}.
 */
public final class KeyServer implements AutoCloseable {
    /** KrakenD's sample symmetric key ({@code sim2}) as a JWK Set. */
    public static final String JWKS = "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"sim2\",\"alg\":\"HS256\","
            + "\"k\":\"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow\"}]}";
    /** Appears in bodies that must never show up in an error message. */
    public static final String BODY_MARKER = "BODY-MUST-NOT-LEAK";
    public static final String BASIC_USER = "key reader";
    public static final String BASIC_PASSWORD = "p@ss:word";
    public static final int BIG = 2048;
    /** How long {@code /drip} and {@code /drip-sized} wait between two bytes of the body. */
    public static final Duration DRIP_INTERVAL = Duration.ofMillis(150);

    /** What the server answers. */
    public record Answer(int status, String contentType, String body, boolean silent) {
    }

    private final AtomicReference<Answer> answer = new AtomicReference<>(new Answer(200, "application/json", JWKS,
            false));
    private final AtomicInteger requests = new AtomicInteger();
    /** Released on close, so that a silent or dripping answer stops instead of holding up the shutdown. */
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Server server;
    private final ServerConnector connector;
    private final boolean tls;
    private int port;

    private KeyServer(TestPki.Server certificate, String[] protocols, String[] cipherSuites) {
        QueuedThreadPool threads = new QueuedThreadPool(16, 2);
        threads.setName("key-test-server");
        server = new Server(threads);
        tls = certificate != null;
        if (tls) {
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStore(certificate.keyStore());
            ssl.setKeyStorePassword(new String(TestPki.PASSWORD));
            if (protocols != null) {
                ssl.setIncludeProtocols(protocols);
            }
            if (cipherSuites != null) {
                ssl.setIncludeCipherSuites(cipherSuites);
            }
            // Without this explicit customizer Jetty adds one that answers 400 when the certificate does not
            // name the requested host, which the disable_jwk_security tests need to pass.
            HttpConfiguration config = new HttpConfiguration();
            config.addCustomizer(new SecureRequestCustomizer(false, false, -1, false));
            connector = new ServerConnector(server, 1, 1,
                    new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()), new HttpConnectionFactory(config));
        } else {
            connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(new HttpConfiguration()));
        }
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Answers());
        start();
        port = connector.getLocalPort();
    }

    public static KeyServer https(TestPki.Server certificate) {
        return new KeyServer(certificate, null, null);
    }

    /** HTTPS that agrees to {@code protocol} with these JDK cipher suite names only. */
    public static KeyServer httpsOnly(TestPki.Server certificate, String protocol, String... cipherSuites) {
        return new KeyServer(certificate, new String[] {protocol}, cipherSuites);
    }

    public static KeyServer http() {
        return new KeyServer(null, null, null);
    }

    /** Answers 200 application/json with {@code jwkSet}. */
    public KeyServer serve(String jwkSet) {
        return answer(200, "application/json", jwkSet);
    }

    public KeyServer answer(int status, String contentType, String body) {
        answer.set(new Answer(status, contentType, body, false));
        return this;
    }

    /** Accepts requests and never answers them (until the server is closed). */
    public KeyServer silence() {
        answer.set(new Answer(0, null, null, true));
        return this;
    }

    /** The URL of {@code path} with host 127.0.0.1. */
    public String url(String path) {
        return (tls ? "https" : "http") + "://127.0.0.1:" + port + path;
    }

    /** The URL of {@code path} with host localhost. */
    public String localhostUrl(String path) {
        return (tls ? "https" : "http") + "://localhost:" + port + path;
    }

    /** How many requests reached the server, on any path. */
    public int requests() {
        return requests.get();
    }

    /** Goes down: the port refuses connections until {@link #start()}. */
    public void stop() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("key server did not stop", e);
        }
    }

    /** Comes up again, on the same port once it has been started before. */
    public void start() {
        if (port != 0) {
            connector.setPort(port);
        }
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("key server did not start", e);
        }
    }

    @Override
    public void close() {
        closing.countDown();
        stop();
    }

    private final class Answers extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) throws InterruptedException {
            requests.incrementAndGet();
            switch (Request.getPathInContext(request)) {
                case "/jwk-set":
                    return answer(response, callback, 200, "Application/JWK-Set+JSON; charset=utf-8", JWKS);
                case "/missing":
                    return answer(response, callback, 404, "application/json", "{\"error\":\"" + BODY_MARKER + "\"}");
                case "/html":
                    return answer(response, callback, 200, "text/html", "<p>" + BODY_MARKER + "</p>");
                case "/no-type":
                    return answer(response, callback, 200, null, JWKS);
                case "/redirect":
                    response.getHeaders().put(HttpHeader.LOCATION, "/jwks.json");
                    return answer(response, callback, 302, "application/json", "{}");
                case "/gzip":
                    response.getHeaders().put(HttpHeader.CONTENT_ENCODING, "gzip");
                    return answer(response, callback, 200, "application/json", JWKS);
                case "/big":
                    return answer(response, callback, 200, "application/json", padded(BIG));
                case "/exactly-1024":
                    return answer(response, callback, 200, "application/json", padded(1024));
                case "/drip":
                    return drip(response, callback, false);
                case "/drip-sized":
                    return drip(response, callback, true);
                case "/big-chunked":
                    return chunked(response, callback, padded(BIG).getBytes(StandardCharsets.UTF_8));
                case "/not-utf8":
                    return answerBytes(response, callback, "application/json",
                            "{\"k\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
                case "/bom":
                    return answer(response, callback, 200, "application/json", "\uFEFF" + JWKS);
                case "/basic":
                    String expected = "Basic " + Base64.getEncoder().encodeToString(
                            (BASIC_USER + ":" + BASIC_PASSWORD).getBytes(StandardCharsets.UTF_8));
                    boolean ok = expected.equals(request.getHeaders().get(HttpHeader.AUTHORIZATION));
                    return answer(response, callback, ok ? 200 : 401, "application/json", ok ? JWKS : "{}");
                default:
                    return answerAsSet(response, callback);
            }
        }

        private boolean answerAsSet(Response response, Callback callback) throws InterruptedException {
            Answer a = answer.get();
            if (a.silent()) {
                closing.await(60, TimeUnit.SECONDS);
                callback.failed(new IllegalStateException("never answered"));
                return true;
            }
            return answer(response, callback, a.status(), a.contentType(), a.body());
        }

        /** A JSON object of exactly {@code size} bytes that mentions the marker. */
        private static String padded(int size) {
            String head = "{\"" + BODY_MARKER + "\":\"";
            char[] fill = new char[size - head.length() - 2];
            Arrays.fill(fill, 'x');
            return head + new String(fill) + "\"}";
        }

        private static boolean answer(Response response, Callback callback, int status, String contentType,
                String body) {
            response.setStatus(status);
            if (contentType != null) {
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
            }
            Content.Sink.write(response, true, body, callback);
            return true;
        }

        private static boolean answerBytes(Response response, Callback callback, String contentType, byte[] body) {
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
            response.write(true, ByteBuffer.wrap(body), callback);
            return true;
        }

        /**
         * Sends the JWK Set one byte every {@link #DRIP_INTERVAL}, each byte flushed on its own (in its own TLS
         * record), with or without a Content-Length: no single read waits long, the whole body takes over 20 s.
         */
        private boolean drip(Response response, Callback callback, boolean sized) {
            byte[] body = JWKS.getBytes(StandardCharsets.UTF_8);
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            if (sized) {
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
            }
            try (OutputStream out = Content.Sink.asOutputStream(response)) {
                for (byte b : body) {
                    out.write(b);
                    out.flush();
                    if (closing.await(DRIP_INTERVAL.toMillis(), TimeUnit.MILLISECONDS)) {
                        throw new IOException("test server closing");
                    }
                }
            } catch (Exception e) {
                // The client hung up, or the server is closing.
                callback.failed(e);
                return true;
            }
            callback.succeeded();
            return true;
        }

        /** Flushes part of the body before the rest, so there is no Content-Length. */
        private static boolean chunked(Response response, Callback callback, byte[] body) {
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            try (OutputStream out = Content.Sink.asOutputStream(response)) {
                out.write(body, 0, 100);
                out.flush();
                out.write(body, 100, body.length - 100);
            } catch (Exception e) {
                // The client hangs up once it has read past its limit.
                callback.failed(e);
                return true;
            }
            callback.succeeded();
            return true;
        }
    }
}
