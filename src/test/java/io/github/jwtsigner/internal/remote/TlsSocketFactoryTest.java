package io.github.jwtsigner.internal.remote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

import org.junit.jupiter.api.Test;

class TlsSocketFactoryTest {
    private static final String[] SUITES = {"TLS_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"};

    private static TlsSocketFactory factory(boolean checkHostName) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new AnyServerTrustManager()}, null);
        return new TlsSocketFactory(context.getSocketFactory(), SUITES, checkHostName);
    }

    @Test
    void unconnectedSocketsGetTls12MinimumConfiguredSuitesAndHostNameCheck() throws Exception {
        try (SSLSocket socket = (SSLSocket) factory(true).createSocket()) {
            SSLParameters p = socket.getSSLParameters();
            assertArrayEquals(new String[] {"TLSv1.3", "TLSv1.2"}, p.getProtocols());
            assertArrayEquals(SUITES, p.getCipherSuites());
            assertEquals("HTTPS", p.getEndpointIdentificationAlgorithm());
        }
    }

    @Test
    void layeredSocketsGetThePolicyToo() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket plain = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                SSLSocket socket = (SSLSocket) factory(false).createSocket(plain, "localhost",
                        server.getLocalPort(), true)) {
            SSLParameters p = socket.getSSLParameters();
            assertArrayEquals(new String[] {"TLSv1.3", "TLSv1.2"}, p.getProtocols());
            assertArrayEquals(SUITES, p.getCipherSuites());
            assertNull(p.getEndpointIdentificationAlgorithm());
        }
    }

    @Test
    void reportsEachSocketItCreatesAndEachItLayersOverWhenAsked() throws Exception {
        List<Socket> reported = new ArrayList<>();
        TlsSocketFactory quiet = factory(true);
        TlsSocketFactory reporting = quiet.reportingTo(reported::add);
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket unconnected = reporting.createSocket();
                Socket plain = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                Socket layered = reporting.createSocket(plain, "localhost", server.getLocalPort(), true);
                Socket unreported = quiet.createSocket()) {
            assertEquals(List.of(unconnected, plain, layered), reported);
            assertArrayEquals(SUITES, ((SSLSocket) layered).getSSLParameters().getCipherSuites());
        }
    }

    @Test
    void advertisesOnlyTheConfiguredSuites() throws Exception {
        assertArrayEquals(SUITES, factory(true).getDefaultCipherSuites());
        assertArrayEquals(SUITES, factory(true).getSupportedCipherSuites());
    }
}
