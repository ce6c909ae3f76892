package io.github.jwtsigner.internal.remote;

import io.github.jwtsigner.Setting;
import io.github.jwtsigner.SignerConfig;
import io.github.jwtsigner.internal.settings.SettingFile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the X.509 certificates of a PEM file. Other PEM blocks and text between blocks are skipped, as Go's
 * {@code AppendCertsFromPEM} does, so an OpenSSL bundle with comments works.
 *
 * <p>Stateless and thread-safe.
 */
final class PemCertificates {
    private static final Pattern CERTIFICATE =
            Pattern.compile("-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]*)-----END CERTIFICATE-----");

    private PemCertificates() {
    }

    /**
     * The certificates in {@code pemText}, in file order; empty if there is none.
     *
     * @throws CertificateException if a CERTIFICATE block is not a valid X.509 certificate
     */
    static List<X509Certificate> parse(String pemText) throws CertificateException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> certs = new ArrayList<>();
        Matcher m = CERTIFICATE.matcher(pemText);
        while (m.find()) {
            byte[] der;
            try {
                der = Base64.getMimeDecoder().decode(m.group(1));
            } catch (IllegalArgumentException e) {
                throw new CertificateException("a CERTIFICATE block is not valid base64", e);
            }
            certs.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
        }
        return certs;
    }

    /**
     * The certificates of the {@code jwk_local_ca} file at {@code path}; see {@link #parse(String)}.
     *
     * @throws io.github.jwtsigner.InvalidConfigurationException when the file is larger than
     *     {@value SettingFile#MAX_KEY_FILE_BYTES} bytes
     */
    static List<X509Certificate> read(Path path) throws IOException, CertificateException {
        byte[] pem = SettingFile.readKeyFile(path, Setting.JWK_LOCAL_CA.settingName(), path.toString(),
                "file [" + path.toAbsolutePath() + "]");
        // Latin-1 never fails to decode; the base64 inside the blocks is ASCII either way.
        return parse(new String(pem, StandardCharsets.ISO_8859_1));
    }
}
