package io.github.jwtsigner.testing;

import io.github.jwtsigner.internal.remote.TestPki;

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
 * plain HTTP), answering every path with whatever the test set last: a JWK Set, another status or type, or
 * silence. It can be stopped and started again on the same port, to play a server that goes down.
 */
public final class KeyServer implements AutoCloseable {
    /** What the server answers. */
    public record Answer(int status, String contentType, String body, boolean silent) {
    }

    private final AtomicReference<Answer> answer = new AtomicReference<>(new Answer(404, "text/plain", "", false));
    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private final Server server;
    private final ServerConnector connector;
    private final boolean tls;
    private int port;

    private KeyServer(TestPki.Server certificate, String[] cipherSuites) {
        QueuedThreadPool threads = new QueuedThreadPool(16, 2);
        threads.setName("key-test-server");
        server = new Server(threads);
        tls = certificate != null;
        if (tls) {
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStore(certificate.keyStore());
            ssl.setKeyStorePassword(new String(TestPki.PASSWORD));
            if (cipherSuites != null) {
                ssl.setIncludeProtocols("TLSv1.2");
                ssl.setIncludeCipherSuites(cipherSuites);
            }
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
        return new KeyServer(certificate, null);
    }

    /** HTTPS that agrees to TLS 1.2 with these JDK cipher suite names only. */
    public static KeyServer httpsOnly(TestPki.Server certificate, String... cipherSuites) {
        return new KeyServer(certificate, cipherSuites);
    }

    public static KeyServer http() {
        return new KeyServer(null, null);
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

    public String url(String path) {
        return (tls ? "https" : "http") + "://127.0.0.1:" + port + path;
    }

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
        release.countDown();
        stop();
    }

    private final class Answers extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) throws InterruptedException {
            requests.incrementAndGet();
            Answer a = answer.get();
            if (a.silent()) {
                release.await(60, TimeUnit.SECONDS);
                callback.failed(new IllegalStateException("never answered"));
                return true;
            }
            response.setStatus(a.status());
            if (a.contentType() != null) {
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, a.contentType());
            }
            Content.Sink.write(response, true, a.body(), callback);
            return true;
        }
    }
}
