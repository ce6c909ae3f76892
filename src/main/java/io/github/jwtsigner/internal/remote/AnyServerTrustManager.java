package io.github.jwtsigner.internal.remote;

import java.net.Socket;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLEngine;

/**
 * Accepts any server certificate, for {@code disable_jwk_security} (KrakenD skips verification too). Extends
 * {@link X509ExtendedTrustManager} so the JDK does not wrap it with its own host name check.
 *
 * <p>Stateless and thread-safe.
 */
final class AnyServerTrustManager extends ServerOnlyTrustManager {
    private static final X509Certificate[] NONE = new X509Certificate[0];

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        // Deliberately empty: disable_jwk_security accepts any certificate.
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        // Deliberately empty: disable_jwk_security accepts any certificate.
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
        // Deliberately empty: disable_jwk_security accepts any certificate.
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return NONE;
    }
}
