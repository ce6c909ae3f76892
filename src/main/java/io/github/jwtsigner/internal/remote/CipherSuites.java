package io.github.jwtsigner.internal.remote;

import io.github.jwtsigner.Problems;
import io.github.jwtsigner.Setting;

import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * Maps the IANA numeric cipher suite ids of KrakenD's {@code cipher_suites} (Go's {@code tls.TLS_*} constants)
 * to the JDK's standard suite names, and checks that this JVM can enable them.
 *
 * <p>Stateless and thread-safe.
 */
final class CipherSuites {
    /** IANA id to JDK name (RFC 5246, 5289, 7905, 8446 and the IANA TLS Cipher Suites registry). */
    private static final Map<Integer, String> JDK_NAMES = table();

    private CipherSuites() {
    }

    private static Map<Integer, String> table() {
        Map<Integer, String> m = new LinkedHashMap<>();
        // TLS 1.3 (RFC 8446 B.4)
        m.put(0x1301, "TLS_AES_128_GCM_SHA256");
        m.put(0x1302, "TLS_AES_256_GCM_SHA384");
        m.put(0x1303, "TLS_CHACHA20_POLY1305_SHA256");
        // TLS 1.2 ECDHE, AEAD (RFC 5289, RFC 7905)
        m.put(0xc02b, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
        m.put(0xc02c, "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384");
        m.put(0xc02f, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
        m.put(0xc030, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
        m.put(0xcca8, "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
        m.put(0xcca9, "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256");
        // TLS 1.2 ECDHE, CBC (RFC 4492, RFC 5289)
        m.put(0xc009, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA");
        m.put(0xc00a, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA");
        m.put(0xc013, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA");
        m.put(0xc014, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA");
        m.put(0xc023, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256");
        m.put(0xc024, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384");
        m.put(0xc027, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256");
        m.put(0xc028, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384");
        // TLS 1.2 DHE (RFC 5246, RFC 5288, RFC 7905)
        m.put(0x0033, "TLS_DHE_RSA_WITH_AES_128_CBC_SHA");
        m.put(0x0039, "TLS_DHE_RSA_WITH_AES_256_CBC_SHA");
        m.put(0x0067, "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256");
        m.put(0x006b, "TLS_DHE_RSA_WITH_AES_256_CBC_SHA256");
        m.put(0x009e, "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256");
        m.put(0x009f, "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384");
        m.put(0xccaa, "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
        // TLS 1.2 RSA key exchange, no forward secrecy (RFC 5246, RFC 5288)
        m.put(0x002f, "TLS_RSA_WITH_AES_128_CBC_SHA");
        m.put(0x0035, "TLS_RSA_WITH_AES_256_CBC_SHA");
        m.put(0x003c, "TLS_RSA_WITH_AES_128_CBC_SHA256");
        m.put(0x003d, "TLS_RSA_WITH_AES_256_CBC_SHA256");
        m.put(0x009c, "TLS_RSA_WITH_AES_128_GCM_SHA256");
        m.put(0x009d, "TLS_RSA_WITH_AES_256_GCM_SHA384");
        // Broken suites Go still names (KrakenD's docs use 5 and 10): mapped so the error can say why they
        // fail; the JDK disables them (jdk.tls.disabledAlgorithms: RC4, 3DES_EDE_CBC).
        m.put(0x0005, "SSL_RSA_WITH_RC4_128_SHA");
        m.put(0x000a, "SSL_RSA_WITH_3DES_EDE_CBC_SHA");
        m.put(0xc007, "TLS_ECDHE_ECDSA_WITH_RC4_128_SHA");
        m.put(0xc011, "TLS_ECDHE_RSA_WITH_RC4_128_SHA");
        m.put(0xc012, "TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA");
        return Collections.unmodifiableMap(m);
    }

    /** The JDK name of an IANA id, if this table knows the id. */
    static Optional<String> jdkName(int ianaId) {
        return Optional.ofNullable(JDK_NAMES.get(ianaId));
    }

    /**
     * The JDK names for {@code ianaIds}, in the same order; each id that is unknown or cannot be enabled on
     * this JVM adds one problem to {@code problems} instead.
     */
    static List<String> resolve(List<Integer> ianaIds, Problems problems) {
        Set<String> enableable = enableableNames();
        List<String> names = new ArrayList<>();
        for (Integer id : ianaIds) {
            String name = id == null ? null : JDK_NAMES.get(id);
            if (name == null) {
                problems.add(Setting.CIPHER_SUITES + " entry [" + id + "] is not a TLS cipher suite id this library"
                        + " knows;"
                        + " expected IANA ids such as " + enableableIds(enableable));
            } else if (!enableable.contains(name)) {
                problems.add(Setting.CIPHER_SUITES + " entry [" + id + "] (" + name + ") cannot be enabled on this JVM:"
                        + " it is unsupported or disabled by jdk.tls.disabledAlgorithms; expected one of "
                        + enableableIds(enableable));
            } else if (!names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /** Ids of the table's suites this JVM enables by default, ascending. */
    private static Set<Integer> enableableIds(Set<String> enableable) {
        Set<Integer> ids = new TreeSet<>();
        JDK_NAMES.forEach((id, name) -> {
            if (enableable.contains(name)) {
                ids.add(id);
            }
        });
        return ids;
    }

    /**
     * The suites the JVM enables by default: the supported ones minus those its security policy disables.
     * Enabling a suite outside this set is accepted by the socket but never negotiated, so it is refused here.
     */
    private static Set<String> enableableNames() {
        return Enableable.NAMES;
    }

    /** Computed once per JVM: jdk.tls.disabledAlgorithms is meant to be set before TLS is first used. */
    private static final class Enableable {
        static final Set<String> NAMES = compute();

        private static Set<String> compute() {
            try {
                SSLContext context = SSLContext.getInstance("TLS");
                // Empty arrays instead of null: the default suites do not depend on keys, and this avoids
                // loading the system trust store.
                context.init(new KeyManager[0], new TrustManager[0], null);
                return Set.copyOf(Arrays.asList(context.getDefaultSSLParameters().getCipherSuites()));
            } catch (GeneralSecurityException e) {
                // No TLS at all on this JVM: every suite is then reported as one that cannot be enabled.
                return Set.of();
            }
        }
    }
}
