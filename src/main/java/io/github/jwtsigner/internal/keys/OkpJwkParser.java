package io.github.jwtsigner.internal.keys;

import static io.github.jwtsigner.internal.keys.JwkParameters.CRV;
import static io.github.jwtsigner.internal.keys.JwkParameters.CRV_ED25519;
import static io.github.jwtsigner.internal.keys.JwkParameters.D;
import static io.github.jwtsigner.internal.keys.JwkParameters.X;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;

/**
 * Reads an octet key pair, kty {@code OKP} (RFC 8037 §2), on curve Ed25519: x, and d for a private key, each
 * exactly 32 octets.
 *
 * <p>Stateless and thread-safe.
 */
final class OkpJwkParser {
    private static final int ED25519_OCTETS = 32;
    /** DER SubjectPublicKeyInfo header for an Ed25519 key (RFC 8410 §4); the 32 key octets follow. */
    private static final byte[] ED25519_SPKI_PREFIX = {
        0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
    };

    private OkpJwkParser() {
    }

    static Jwk parse(JwkMembers members, JwkMetadata metadata) throws JwkFormatException {
        String crv = members.requiredString(CRV);
        if (!CRV_ED25519.equals(crv)) {
            throw new JwkFormatException("crv [" + crv + "] is not supported for kty [OKP]; expected ["
                    + CRV_ED25519 + "]");
        }
        byte[] x = octets(members, X);
        try {
            KeyFactory factory = KeyFactory.getInstance(CRV_ED25519);
            byte[] spki = new byte[ED25519_SPKI_PREFIX.length + x.length];
            System.arraycopy(ED25519_SPKI_PREFIX, 0, spki, 0, ED25519_SPKI_PREFIX.length);
            System.arraycopy(x, 0, spki, ED25519_SPKI_PREFIX.length, x.length);
            PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(spki));
            PrivateKey privateKey = null;
            if (members.has(D)) {
                privateKey = factory.generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519,
                        octets(members, D)));
            }
            return Jwk.asymmetric(metadata, publicKey, privateKey, ED25519_OCTETS * 8);
        } catch (GeneralSecurityException ex) {
            throw new JwkFormatException("it is not a usable Ed25519 key (" + ex.getClass().getSimpleName() + ")");
        }
    }

    private static byte[] octets(JwkMembers members, String name) throws JwkFormatException {
        byte[] bytes = members.bytes(name);
        if (bytes.length != ED25519_OCTETS) {
            throw new JwkFormatException("member [" + name + "] has [" + bytes.length + "] octets; expected ["
                    + ED25519_OCTETS + "] for crv [" + CRV_ED25519 + "] (RFC 8037 §2)");
        }
        return bytes;
    }
}
