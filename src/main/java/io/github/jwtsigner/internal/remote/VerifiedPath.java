package io.github.jwtsigner.internal.remote;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.security.auth.x500.X500Principal;

/**
 * The certificates that vouch for a TLS server's key: the leaf, whose key the handshake proves the server
 * holds, and every CA certificate whose public key verifies the signature of a certificate already on the
 * path, transitively. Issuers are looked for among the certificates the server sends and among trust anchors.
 * Any other certificate the server sends is public data that anyone can append, so it vouches for nothing.
 *
 * <p>Immutable and thread-safe.
 */
final class VerifiedPath {
    /** Issuer steps followed from the leaf; real chains take two or three. */
    static final int MAX_STEPS = 10;

    private final Map<X500Principal, List<X509Certificate>> anchorsBySubject = new HashMap<>();

    /** @param anchors trust anchors that may sign a certificate on the path without the server sending them */
    VerifiedPath(X509Certificate[] anchors) {
        for (X509Certificate anchor : anchors) {
            anchorsBySubject.computeIfAbsent(anchor.getSubjectX500Principal(), s -> new ArrayList<>()).add(anchor);
        }
    }

    /**
     * The leaf {@code presented[0]} first, then the certificates that signed it, step by step; empty when
     * nothing is presented. A certificate is an issuer only if its subject is the signed certificate's issuer
     * and its public key verifies that certificate's signature. The walk ends at self-signed certificates, at
     * certificates no candidate signed, at certificates already on the path, and after {@link #MAX_STEPS}.
     */
    List<X509Certificate> from(X509Certificate[] presented) {
        if (presented == null || presented.length == 0) {
            return List.of();
        }
        Set<X509Certificate> path = new LinkedHashSet<>(List.of(presented[0]));
        List<X509Certificate> step = List.of(presented[0]);
        for (int i = 0; i < MAX_STEPS && !step.isEmpty(); i++) {
            List<X509Certificate> next = new ArrayList<>();
            for (X509Certificate signed : step) {
                if (isSelfSigned(signed)) {
                    continue;
                }
                for (X509Certificate candidate : candidates(signed.getIssuerX500Principal(), presented)) {
                    if (!path.contains(candidate) && signs(candidate, signed)) {
                        path.add(candidate);
                        next.add(candidate);
                    }
                }
            }
            step = next;
        }
        return List.copyOf(path);
    }

    private List<X509Certificate> candidates(X500Principal issuer, X509Certificate[] presented) {
        List<X509Certificate> candidates = new ArrayList<>();
        for (X509Certificate c : presented) {
            if (c.getSubjectX500Principal().equals(issuer)) {
                candidates.add(c);
            }
        }
        candidates.addAll(anchorsBySubject.getOrDefault(issuer, List.of()));
        return candidates;
    }

    private static boolean isSelfSigned(X509Certificate cert) {
        return cert.getIssuerX500Principal().equals(cert.getSubjectX500Principal()) && signs(cert, cert);
    }

    private static boolean signs(X509Certificate issuer, X509Certificate signed) {
        try {
            signed.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            // A name anyone can copy, without the key that signed: not the issuer.
            return false;
        }
    }
}
