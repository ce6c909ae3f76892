package io.github.jwtsigner.internal.keys;

import static io.github.jwtsigner.internal.keys.JwkParameters.D;
import static io.github.jwtsigner.internal.keys.JwkParameters.DP;
import static io.github.jwtsigner.internal.keys.JwkParameters.DQ;
import static io.github.jwtsigner.internal.keys.JwkParameters.E;
import static io.github.jwtsigner.internal.keys.JwkParameters.N;
import static io.github.jwtsigner.internal.keys.JwkParameters.OTH;
import static io.github.jwtsigner.internal.keys.JwkParameters.P;
import static io.github.jwtsigner.internal.keys.JwkParameters.Q;
import static io.github.jwtsigner.internal.keys.JwkParameters.QI;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPrivateKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.List;

/**
 * Reads an RSA key, kty {@code RSA} (RFC 7518 §6.3): n and e, and for a private key d with either all five
 * CRT members (p, q, dp, dq, qi) or none of them. A multi-prime key ({@code oth}) signs with n and d only.
 *
 * <p>Stateless and thread-safe.
 */
final class RsaJwkParser {
    private static final List<String> CRT_MEMBERS = List.of(P, Q, DP, DQ, QI);

    private RsaJwkParser() {
    }

    static Jwk parse(JwkMembers members, JwkMetadata metadata) throws JwkFormatException {
        BigInteger n = members.unsignedInteger(N);
        BigInteger e = members.unsignedInteger(E);
        List<String> crtPresent = CRT_MEMBERS.stream().filter(members::has).toList();
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            PublicKey publicKey = factory.generatePublic(new RSAPublicKeySpec(n, e));
            PrivateKey privateKey = null;
            if (members.has(D)) {
                BigInteger d = members.unsignedInteger(D);
                if (crtPresent.isEmpty() || members.has(OTH)) {
                    privateKey = factory.generatePrivate(new RSAPrivateKeySpec(n, d));
                } else if (crtPresent.size() == CRT_MEMBERS.size()) {
                    privateKey = factory.generatePrivate(new RSAPrivateCrtKeySpec(n, e, d,
                            members.unsignedInteger(P), members.unsignedInteger(Q), members.unsignedInteger(DP),
                            members.unsignedInteger(DQ), members.unsignedInteger(QI)));
                } else {
                    throw new JwkFormatException("it has the CRT members " + crtPresent + " but not all of "
                            + CRT_MEMBERS + "; expected all five or none (RFC 7518 §6.3.2)");
                }
            } else if (!crtPresent.isEmpty()) {
                throw new JwkFormatException("it has the private members " + crtPresent + " but not [" + D
                        + "]; expected [" + D + "] with them (RFC 7518 §6.3.2)");
            }
            return Jwk.asymmetric(metadata, publicKey, privateKey, n.bitLength());
        } catch (GeneralSecurityException ex) {
            // The provider's message may describe the numbers: report the type only.
            throw new JwkFormatException("it is not a usable RSA key (" + ex.getClass().getSimpleName() + ")");
        }
    }
}
