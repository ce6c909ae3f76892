package io.github.jwtsigner.internal.remote;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.function.Consumer;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Applies the key server's TLS policy to every socket it creates: TLS 1.3 and 1.2 only, the configured cipher
 * suites, and (unless verification is disabled) the HTTPS host name check inside the trust manager. A copy
 * made by {@link #reportingTo} also hands each socket it creates, and each socket it layers TLS over, to a
 * listener, so that one fetch can close its own sockets.
 *
 * <p>Immutable and thread-safe.
 */
final class TlsSocketFactory extends SSLSocketFactory {
    /** TLS 1.2 minimum, as KrakenD's {@code MinVersion: tls.VersionTLS12}. */
    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private final SSLSocketFactory delegate;
    private final String[] cipherSuites;
    private final boolean checkHostName;
    private final Consumer<Socket> opened;

    TlsSocketFactory(SSLSocketFactory delegate, String[] cipherSuites, boolean checkHostName) {
        this(delegate, cipherSuites, checkHostName, socket -> { });
    }

    private TlsSocketFactory(SSLSocketFactory delegate, String[] cipherSuites, boolean checkHostName,
            Consumer<Socket> opened) {
        this.delegate = delegate;
        this.cipherSuites = cipherSuites.clone();
        this.checkHostName = checkHostName;
        this.opened = opened;
    }

    /** The same policy, telling {@code listener} of every socket created or layered over. */
    TlsSocketFactory reportingTo(Consumer<Socket> listener) {
        return new TlsSocketFactory(delegate, cipherSuites, checkHostName, listener);
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return cipherSuites.clone();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return cipherSuites.clone();
    }

    @Override
    public Socket createSocket() throws IOException {
        return configure(delegate.createSocket());
    }

    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
        opened.accept(s);
        return configure(delegate.createSocket(s, host, port, autoClose));
    }

    @Override
    public Socket createSocket(Socket s, InputStream consumed, boolean autoClose) throws IOException {
        opened.accept(s);
        return configure(delegate.createSocket(s, consumed, autoClose));
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return configure(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return configure(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return configure(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return configure(delegate.createSocket(address, port, localAddress, localPort));
    }

    private Socket configure(Socket socket) {
        opened.accept(socket);
        if (socket instanceof SSLSocket) {
            SSLSocket ssl = (SSLSocket) socket;
            SSLParameters params = ssl.getSSLParameters();
            params.setProtocols(PROTOCOLS.clone());
            params.setCipherSuites(cipherSuites.clone());
            // With "HTTPS" set, HttpsURLConnection leaves the host name check to the trust manager; that
            // keeps it independent of any JVM-wide default HostnameVerifier.
            params.setEndpointIdentificationAlgorithm(checkHostName ? "HTTPS" : null);
            ssl.setSSLParameters(params);
        }
        return socket;
    }
}
