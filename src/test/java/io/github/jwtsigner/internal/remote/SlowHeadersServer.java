package io.github.jwtsigner.internal.remote;

import io.github.jwtsigner.testing.KeyServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A bare server on 127.0.0.1 and an ephemeral port, plain HTTP or HTTPS, that reads a request and then sends
 * the status line and headers of its answer one byte every {@link KeyServer#DRIP_INTERVAL}: no single read
 * waits long, but the headers take more than 20 s. Jetty cannot be made to send headers that slowly, and these
 * bytes are read inside HttpURLConnection, where the fetcher cannot check its deadline between reads.
 */
final class SlowHeadersServer implements AutoCloseable {
    private static final byte[] HEAD = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Slow: "
            + "x".repeat(100) + "\r\nContent-Length: 2\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket listener;
    private final boolean tls;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    private SlowHeadersServer(ServerSocket listener, boolean tls) {
        this.listener = listener;
        this.tls = tls;
        Thread acceptor = new Thread(this::acceptAll, "slow-headers-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static SlowHeadersServer http() throws IOException {
        return new SlowHeadersServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), false);
    }

    static SlowHeadersServer https(TestPki.Server certificate) throws IOException {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(certificate.keyStore(), TestPki.PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return new SlowHeadersServer(context.getServerSocketFactory().createServerSocket(0, 50,
                    InetAddress.getLoopbackAddress()), true);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String url(String path) {
        return (tls ? "https" : "http") + "://127.0.0.1:" + listener.getLocalPort() + path;
    }

    private void acceptAll() {
        while (!listener.isClosed()) {
            try {
                Socket s = listener.accept();
                accepted.add(s);
                Thread answer = new Thread(() -> answerSlowly(s), "slow-headers-answer");
                answer.setDaemon(true);
                answer.start();
            } catch (IOException e) {
                // Closed.
            }
        }
    }

    private void answerSlowly(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            // The request ends at the first empty line: the fetcher sends a GET without a body.
            int matched = 0;
            byte[] end = {'\r', '\n', '\r', '\n'};
            int b;
            while (matched < end.length && (b = in.read()) >= 0) {
                matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            OutputStream out = s.getOutputStream();
            for (byte h : HEAD) {
                out.write(h);
                out.flush();
                if (closing.await(KeyServer.DRIP_INTERVAL.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // The client hung up.
        }
    }

    @Override
    public void close() throws IOException {
        closing.countDown();
        listener.close();
        for (Socket s : accepted) {
            s.close();
        }
    }
}
