package io.github.jwtsigner.remote;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Accepts a server only if the wrapped trust manager does and the public key of at least one certificate the
 * server presents matches a pin. Runs in every handshake, so every connection is checked.
 *
 * <p>Immutable and thread-safe.
 */
final class PinningTrustManager extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager trust;
    private final PublicKeyPins pins;

    PinningTrustManager(X509ExtendedTrustManager trust, PublicKeyPins pins) {
        this.trust = trust;
        this.pins = pins;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        trust.checkServerTrusted(chain, authType, socket);
        checkPins(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        trust.checkServerTrusted(chain, authType, engine);
        checkPins(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        trust.checkServerTrusted(chain, authType);
        checkPins(chain);
    }

    private void checkPins(X509Certificate[] chain) throws PinMismatchException {
        if (!pins.matchesAny(chain)) {
            throw new PinMismatchException(PublicKeyPins.pinsOf(chain), pins.encoded());
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        trust.checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        trust.checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        trust.checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return trust.getAcceptedIssuers();
    }

    /** The server's certificates are trusted but none carries a pinned public key. */
    static final class PinMismatchException extends CertificateException {
        private static final long serialVersionUID = 1L;

        private final List<String> presented;

        PinMismatchException(List<String> presented, List<String> expected) {
            super("no certificate the server presented matches a pin; pins of the presented certificates "
                    + presented + ", expected one of " + expected);
            this.presented = List.copyOf(presented);
        }

        /** Pins of the certificates the server presented, leaf first. */
        List<String> presented() {
            return presented;
        }
    }
}
