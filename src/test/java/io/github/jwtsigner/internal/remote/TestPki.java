package io.github.jwtsigner.internal.remote;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Test certificates made on the spot: EC P-256 CAs and server certificates they issue. Public, so that the key
 * source and integration tests can serve HTTPS too.
 */
public final class TestPki {
    public static final char[] PASSWORD = "changeit".toCharArray();
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    private TestPki() {
    }

    /** A self-signed CA. */
    public static Ca newCa(String commonName) {
        KeyPair keys = ecKeyPair();
        X500Name name = new X500Name("CN=" + commonName);
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = builder(name, name, keys)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            ext.createSubjectKeyIdentifier(keys.getPublic()));
            return new Ca(keys, sign(b, keys.getPrivate()));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A CA and what it issues. */
    public static final class Ca {
        public final KeyPair keys;
        public final X509Certificate certificate;

        Ca(KeyPair keys, X509Certificate certificate) {
            this.keys = keys;
            this.certificate = certificate;
        }

        /** A TLS server certificate for DNS names and IPv4/IPv6 literals. */
        public Server issue(String... hosts) {
            KeyPair serverKeys = ecKeyPair();
            try {
                JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
                List<GeneralName> names = new ArrayList<>();
                for (String h : hosts) {
                    boolean ip = Character.isDigit(h.charAt(0)) || h.contains(":");
                    names.add(new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, h));
                }
                X500Name issuer = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
                X509v3CertificateBuilder b = builder(issuer,
                        new X500Name("CN=" + hosts[0]), serverKeys)
                        .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                        .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                        .addExtension(Extension.extendedKeyUsage, false,
                                new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                        .addExtension(Extension.subjectAlternativeName, false,
                                new GeneralNames(names.toArray(new GeneralName[0])))
                        .addExtension(Extension.authorityKeyIdentifier, false,
                                ext.createAuthorityKeyIdentifier(certificate))
                        .addExtension(Extension.subjectKeyIdentifier, false,
                                ext.createSubjectKeyIdentifier(serverKeys.getPublic()));
                return new Server(serverKeys.getPrivate(), sign(b, keys.getPrivate()), certificate);
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        /** An intermediate CA whose certificate this CA issues. */
        public Ca issueCa(String commonName) {
            KeyPair caKeys = ecKeyPair();
            return new Ca(caKeys, caCertificate(new X500Name("CN=" + commonName), caKeys.getPublic()));
        }

        /**
         * A CA certificate for {@code other}'s name and public key, issued and signed by this CA: a cross
         * certificate, so that two CAs can vouch for each other.
         */
        public X509Certificate crossSign(Ca other) {
            return caCertificate(X500Name.getInstance(other.certificate.getSubjectX500Principal().getEncoded()),
                    other.keys.getPublic());
        }

        private X509Certificate caCertificate(X500Name subject, PublicKey subjectKey) {
            try {
                JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
                X500Name issuer = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
                X509v3CertificateBuilder b = builder(issuer, subject, subjectKey)
                        .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                        .addExtension(Extension.keyUsage, true,
                                new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                        .addExtension(Extension.authorityKeyIdentifier, false,
                                ext.createAuthorityKeyIdentifier(certificate))
                        .addExtension(Extension.subjectKeyIdentifier, false,
                                ext.createSubjectKeyIdentifier(subjectKey));
                return sign(b, keys.getPrivate());
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Writes this CA's certificate as a PEM file. */
        public Path writePem(Path dir, String fileName) throws IOException {
            return Files.writeString(dir.resolve(fileName), pem(certificate), StandardCharsets.US_ASCII);
        }
    }

    /** A server certificate, its key, the CA that issued it, and the certificates the server sends after it. */
    public static final class Server {
        public final PrivateKey key;
        public final X509Certificate certificate;
        public final X509Certificate ca;
        private final X509Certificate[] afterLeaf;

        Server(PrivateKey key, X509Certificate certificate, X509Certificate ca) {
            this(key, certificate, ca, new X509Certificate[] {ca});
        }

        private Server(PrivateKey key, X509Certificate certificate, X509Certificate ca, X509Certificate[] afterLeaf) {
            this.key = key;
            this.certificate = certificate;
            this.ca = ca;
            this.afterLeaf = afterLeaf.clone();
        }

        /**
         * The same certificate and key, sent followed by exactly {@code others}, in that order, whether or not
         * they issued it: what a man in the middle can send.
         */
        public Server followedBy(X509Certificate... others) {
            return new Server(key, certificate, ca, others);
        }

        /** A key store whose entry presents the chain [server, CA], or [server, others...] after followedBy. */
        public KeyStore keyStore() {
            Certificate[] chain = new Certificate[afterLeaf.length + 1];
            chain[0] = certificate;
            System.arraycopy(afterLeaf, 0, chain, 1, afterLeaf.length);
            try {
                // PKCS12 refuses a key entry whose chain does not link issuer to subject; JKS stores any list.
                KeyStore ks = KeyStore.getInstance(isIssuedChain(chain) ? "PKCS12" : "JKS");
                ks.load(null, null);
                ks.setKeyEntry("server", key, PASSWORD, chain);
                return ks;
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        private static boolean isIssuedChain(Certificate[] chain) {
            for (int i = 0; i + 1 < chain.length; i++) {
                if (!((X509Certificate) chain[i]).getIssuerX500Principal()
                        .equals(((X509Certificate) chain[i + 1]).getSubjectX500Principal())) {
                    return false;
                }
            }
            return true;
        }
    }

    public static String pem(X509Certificate... certs) {
        StringBuilder sb = new StringBuilder();
        for (X509Certificate c : certs) {
            try {
                sb.append("-----BEGIN CERTIFICATE-----\n")
                        .append(Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(c.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return sb.toString();
    }

    /** A key store that trusts exactly {@code cas}. */
    public static KeyStore trustStore(X509Certificate... cas) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            for (int i = 0; i < cas.length; i++) {
                ks.setCertificateEntry("ca" + i, cas[i]);
            }
            return ks;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
        return builder(issuer, subject, keys.getPublic());
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, PublicKey key) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))), subject, key);
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey issuerKey)
            throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter()
                    .getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static KeyPair ecKeyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
