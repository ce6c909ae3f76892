package io.github.jwtsigner.internal.remote;

import io.github.jwtsigner.KeySource;

import io.github.jwtsigner.Setting;
import io.github.jwtsigner.InvalidConfigurationException;
import io.github.jwtsigner.SignerConfig;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The TLS side of fetching a JWK Set: which servers are trusted (system trust store plus
 * {@code jwk_local_ca}, or anything with {@code disable_jwk_security}), public key pins, TLS 1.2 minimum and
 * the configured cipher suites.
 *
 * <p>Immutable and thread-safe.
 */
final class TlsPolicy {
    private final TlsSocketFactory socketFactory;
    private final boolean verify;
    private final List<String> cipherSuites;

    TlsPolicy(X509ExtendedTrustManager trust, List<String> cipherSuites, boolean verify) {
        this.verify = verify;
        this.cipherSuites = List.copyOf(cipherSuites);
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, null);
            this.socketFactory = new TlsSocketFactory(context.getSocketFactory(),
                    cipherSuites.toArray(new String[0]), verify);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot create a TLS context", e);
        }
    }

    /**
     * The policy a {@code jwk_url} source describes.
     *
     * @param caPem the content of {@code jwk_local_ca} when the caller has read it already, else null and the
     *     path is read as a file
     * @param jdkCipherSuites the JDK names of the source's cipher suites, each one this JVM can enable
     * @throws InvalidConfigurationException if {@code jwk_local_ca} cannot be read or holds no certificate
     */
    static TlsPolicy create(KeySource.JwkUrl source, String caPem, PublicKeyPins pins, List<String> jdkCipherSuites) {
        X509ExtendedTrustManager trust;
        if (source.disableJwkSecurity()) {
            trust = new AnyServerTrustManager();
        } else {
            trust = trustManagerFor(null);
            if (source.localCa() != null) {
                trust = new ExtraCaTrustManager(trust, trustManagerFor(readCa(source.localCa(), caPem)));
            }
        }
        if (!pins.isEmpty()) {
            trust = new PinningTrustManager(trust, pins);
        }
        return new TlsPolicy(trust, jdkCipherSuites, !source.disableJwkSecurity());
    }

    private static KeyStore readCa(String path, String pem) {
        Setting name = Setting.JWK_LOCAL_CA;
        List<X509Certificate> cas;
        try {
            cas = pem != null ? PemCertificates.parse(pem) : PemCertificates.read(Path.of(path));
        } catch (InvalidConfigurationException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new InvalidConfigurationException(name + " [" + path + "] cannot be read (" + e + "); expected a"
                    + " readable PEM file with the CA certificate", e);
        } catch (CertificateException e) {
            throw new InvalidConfigurationException(name + " [" + path + "] holds an invalid certificate ("
                    + e.getMessage() + "); expected PEM CERTIFICATE blocks", e);
        }
        if (cas.isEmpty()) {
            throw new InvalidConfigurationException(name + " [" + path + "] holds no certificate; expected at"
                    + " least one -----BEGIN CERTIFICATE----- block");
        }
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            for (int i = 0; i < cas.size(); i++) {
                store.setCertificateEntry("jwk-local-ca-" + i, cas.get(i));
            }
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot create an in-memory key store", e);
        }
    }

    /** The JDK's PKIX trust manager over {@code store}; the system trust store when it is null. */
    static X509ExtendedTrustManager trustManagerFor(KeyStore store) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            for (TrustManager tm : factory.getTrustManagers()) {
                if (tm instanceof X509ExtendedTrustManager) {
                    return (X509ExtendedTrustManager) tm;
                }
            }
            throw new IllegalStateException("the JVM's default TrustManagerFactory has no X509ExtendedTrustManager");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot create a trust manager", e);
        }
    }

    /** Makes {@code connection} use this policy and report each socket it opens to {@code opened}; call first. */
    void apply(HttpsURLConnection connection, Consumer<Socket> opened) {
        connection.setSSLSocketFactory(socketFactory.reportingTo(opened));
        // Verifying: the trust manager checks the host name (TlsSocketFactory sets "HTTPS"), and this verifier
        // only runs when that check did not; not verifying: any host, as KrakenD's InsecureSkipVerify.
        connection.setHostnameVerifier((host, session) -> !verify);
    }

    /**
     * A problem with the negotiated session, or empty. The socket factory already restricts both, but the
     * {@code https.protocols} and {@code https.cipherSuites} system properties override it inside
     * HttpsURLConnection, so the outcome is checked too.
     */
    Optional<String> checkNegotiated(HttpsURLConnection connection) {
        Optional<SSLSession> session = connection.getSSLSession();
        if (session.isEmpty()) {
            return Optional.of("no TLS session was established");
        }
        return checkNegotiated(session.get().getProtocol(), session.get().getCipherSuite());
    }

    Optional<String> checkNegotiated(String protocol, String cipherSuite) {
        if (!Arrays.asList(TlsSocketFactory.PROTOCOLS).contains(protocol)) {
            return Optional.of("the server negotiated " + protocol + "; expected one of "
                    + Arrays.toString(TlsSocketFactory.PROTOCOLS));
        }
        if (!cipherSuites.contains(cipherSuite)) {
            return Optional.of("the server negotiated cipher suite " + cipherSuite + "; expected one of "
                    + cipherSuites);
        }
        return Optional.empty();
    }
}
