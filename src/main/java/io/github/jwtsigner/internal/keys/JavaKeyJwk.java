package io.github.jwtsigner.internal.keys;

import static io.github.jwtsigner.internal.keys.JwkParameters.KTY_EC;
import static io.github.jwtsigner.internal.keys.JwkParameters.KTY_OCT;
import static io.github.jwtsigner.internal.keys.JwkParameters.KTY_OKP;
import static io.github.jwtsigner.internal.keys.JwkParameters.KTY_RSA;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.ECParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Objects;

import javax.crypto.SecretKey;

/**
 * Describes a key that did not come from a JWK (a PEM file, a keystore entry) as a {@link Jwk}, so that it
 * goes through the same checks: kty and curve, RSA size, HMAC length, and the key pair check when a public
 * key is known.
 *
 * <p>Stateless and thread-safe.
 */
final class JavaKeyJwk {
    private static final int ED25519_BITS = 256;
    private static final int ED448_BITS = 456;

    private JavaKeyJwk() {
    }

    /**
     * @param kid the kid the key signs under
     * @param key an RSA, EC or EdDSA private key, or an HMAC secret key
     * @param publicKey its public key, or null when not known (an RSA CRT key's is derived)
     * @throws JwkFormatException naming the key's algorithm when it is of no kind a JWS can use
     */
    static Jwk convert(String kid, Key key, PublicKey publicKey) throws JwkFormatException {
        Objects.requireNonNull(key, "key");
        if (key instanceof RSAPrivateKey rsa) {
            return Jwk.asymmetric(metadata(KTY_RSA, kid, null), publicKey != null ? publicKey : rsaPublic(rsa), rsa,
                    rsa.getModulus().bitLength());
        }
        if (key instanceof ECPrivateKey ec) {
            ECParameterSpec params = ec.getParams();
            int bits = params.getCurve().getField().getFieldSize();
            String crv = EcCurve.matching(params).map(EcCurve::jwkName).orElseGet(() -> describe(params, bits));
            return Jwk.asymmetric(metadata(KTY_EC, kid, crv), publicKey, ec, bits);
        }
        if (key instanceof EdECPrivateKey ed) {
            String crv = ed.getParams() == null ? "unknown" : ed.getParams().getName();
            int bits = JwkParameters.CRV_ED25519.equalsIgnoreCase(crv) ? ED25519_BITS : ED448_BITS;
            String jwkCrv = JwkParameters.CRV_ED25519.equalsIgnoreCase(crv) ? JwkParameters.CRV_ED25519 : crv;
            return Jwk.asymmetric(metadata(KTY_OKP, kid, jwkCrv), publicKey, ed, bits);
        }
        if (key instanceof SecretKey secret) {
            byte[] bytes = secret.getEncoded();
            if (bytes == null || bytes.length == 0) {
                throw new JwkFormatException("it is a secret key whose bytes cannot be read (format ["
                        + secret.getFormat() + "]); expected an exportable HMAC key");
            }
            return Jwk.symmetric(metadata(KTY_OCT, kid, null), bytes);
        }
        throw new JwkFormatException("it is a [" + key.getAlgorithm() + "] key; expected an RSA, EC or Ed25519"
                + " private key, or an HMAC secret key");
    }

    private static JwkMetadata metadata(String kty, String kid, String crv) {
        return new JwkMetadata(kty, kid, null, null, crv);
    }

    /** An RSA CRT key knows its public exponent; a plain (n, d) key does not, and is not pair-checked. */
    private static PublicKey rsaPublic(RSAPrivateKey rsa) {
        if (!(rsa instanceof RSAPrivateCrtKey crt) || crt.getPublicExponent() == null
                || crt.getPublicExponent().signum() <= 0) {
            return null;
        }
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(crt.getModulus(),
                    crt.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    /** The JDK names its curves in toString(), such as {@code secp256k1 (1.3.132.0.10)}. */
    private static String describe(ECParameterSpec params, int bits) {
        String text = String.valueOf(params);
        return text.startsWith("java.security.spec.") ? "an unnamed " + bits + "-bit curve" : text;
    }
}
