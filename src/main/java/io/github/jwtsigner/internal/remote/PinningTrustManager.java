package io.github.jwtsigner.internal.remote;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Accepts a server only if the wrapped trust manager does and a pin matches the public key of the server's own
 * certificate (the leaf) or of a CA certificate that verifiably signed it, directly or through intermediates
 * (see {@link VerifiedPath}). Such a CA may be one the server sends or one of the wrapped trust manager's
 * anchors. Other certificates the server sends never match: anyone can append a public certificate. Runs in
 * every handshake, so every connection is checked.
 *
 * <p>Immutable and thread-safe.
 */
final class PinningTrustManager extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager trust;
    private final PublicKeyPins pins;
    private final VerifiedPath verifiedPath;

    PinningTrustManager(X509ExtendedTrustManager trust, PublicKeyPins pins) {
        this.trust = trust;
        this.pins = pins;
        this.verifiedPath = new VerifiedPath(trust.getAcceptedIssuers());
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
        if (!pins.matchesAny(verifiedPath.from(chain).toArray(new X509Certificate[0]))) {
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

    /** The server's certificates are trusted but none on the verified path carries a pinned public key. */
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
