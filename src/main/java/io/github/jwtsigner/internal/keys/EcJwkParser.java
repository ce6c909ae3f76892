package io.github.jwtsigner.internal.keys;

import static io.github.jwtsigner.internal.keys.JwkParameters.CRV;
import static io.github.jwtsigner.internal.keys.JwkParameters.D;
import static io.github.jwtsigner.internal.keys.JwkParameters.X;
import static io.github.jwtsigner.internal.keys.JwkParameters.Y;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;

/**
 * Reads an elliptic curve key, kty {@code EC} (RFC 7518 §6.2), on P-256, P-384 or P-521. Coordinates and
 * the private scalar must have the curve's full octet length (as go-jose, and so KrakenD, insist), the point
 * must lie on the curve, and d must lie in [1, n-1].
 *
 * <p>Stateless and thread-safe.
 */
final class EcJwkParser {
    private EcJwkParser() {
    }

    static Jwk parse(JwkMembers members, JwkMetadata metadata) throws JwkFormatException {
        String crv = members.requiredString(CRV);
        EcCurve curve = EcCurve.fromJwkName(crv).orElseThrow(() -> new JwkFormatException(
                "crv [" + crv + "] is not supported for kty [EC]; expected one of " + EcCurve.jwkNames()));
        BigInteger x = coordinate(members, X, curve);
        BigInteger y = coordinate(members, Y, curve);
        if (!curve.contains(x, y)) {
            throw new JwkFormatException("the point [" + X + ", " + Y + "] is not on curve [" + crv + "]");
        }
        try {
            KeyFactory factory = KeyFactory.getInstance("EC");
            PublicKey publicKey = factory.generatePublic(new ECPublicKeySpec(new ECPoint(x, y), curve.spec()));
            PrivateKey privateKey = null;
            if (members.has(D)) {
                BigInteger d = coordinate(members, D, curve);
                if (!curve.isValidScalar(d)) {
                    throw new JwkFormatException("member [" + D + "] is out of range for curve [" + crv
                            + "]; expected 1 <= d < n");
                }
                privateKey = factory.generatePrivate(new ECPrivateKeySpec(d, curve.spec()));
            }
            return Jwk.asymmetric(metadata, publicKey, privateKey, curve.fieldBits());
        } catch (GeneralSecurityException ex) {
            throw new JwkFormatException("it is not a usable EC key (" + ex.getClass().getSimpleName() + ")");
        }
    }

    private static BigInteger coordinate(JwkMembers members, String name, EcCurve curve)
            throws JwkFormatException {
        byte[] bytes = members.bytes(name);
        if (bytes.length != curve.octets()) {
            throw new JwkFormatException("member [" + name + "] has [" + bytes.length + "] octets; expected ["
                    + curve.octets() + "] for crv [" + curve.jwkName() + "] (RFC 7518 §6.2)");
        }
        return new BigInteger(1, bytes);
    }
}
