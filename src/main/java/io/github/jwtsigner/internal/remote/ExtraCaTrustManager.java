package io.github.jwtsigner.internal.remote;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts a server that either of two trust managers trusts: the system trust store, or one holding the extra
 * CA of {@code jwk_local_ca}. Both check the host name, as the JDK's own trust manager does when asked to.
 *
 * <p>Immutable and thread-safe.
 */
final class ExtraCaTrustManager extends ServerOnlyTrustManager {
    private final X509ExtendedTrustManager system;
    private final X509ExtendedTrustManager extra;

    ExtraCaTrustManager(X509ExtendedTrustManager system, X509ExtendedTrustManager extra) {
        this.system = system;
        this.extra = extra;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        check(chain, () -> system.checkServerTrusted(chain, authType, socket),
                () -> extra.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain, () -> system.checkServerTrusted(chain, authType, engine),
                () -> extra.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, () -> system.checkServerTrusted(chain, authType),
                () -> extra.checkServerTrusted(chain, authType));
    }

    /**
     * Passes if either check passes. If both refuse, reports the refusal of the extra CA when the chain leads
     * to it (its reason, such as a wrong host name, is the real one; the system store can only say it knows
     * no such CA), else the system trust store's; the other refusal is attached as suppressed.
     */
    private void check(X509Certificate[] chain, Check systemCheck, Check extraCheck) throws CertificateException {
        CertificateException systemRefused;
        try {
            systemCheck.run();
            return;
        } catch (CertificateException e) {
            systemRefused = e;
        }
        try {
            extraCheck.run();
        } catch (CertificateException extraRefused) {
            CertificateException reported = leadsToExtraCa(chain) ? extraRefused : systemRefused;
            reported.addSuppressed(reported == extraRefused ? systemRefused : extraRefused);
            throw reported;
        }
    }

    private boolean leadsToExtraCa(X509Certificate[] chain) {
        for (X509Certificate ca : extra.getAcceptedIssuers()) {
            for (X509Certificate presented : chain) {
                if (presented.equals(ca) || presented.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        X509Certificate[] a = system.getAcceptedIssuers();
        X509Certificate[] b = extra.getAcceptedIssuers();
        X509Certificate[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @FunctionalInterface
    private interface Check {
        void run() throws CertificateException;
    }
}
