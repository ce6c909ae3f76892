package io.github.jwtsigner.internal.keys;

import io.github.jwtsigner.internal.keys.Der.MalformedDerException;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Map;

/**
 * Reads a PEM {@code PUBLIC KEY} block's DER: a SubjectPublicKeyInfo (RFC 5280 §4.1.2.7) of an RSA
 * ({@code rsaEncryption}, RFC 8017), EC (named curve, RFC 5480) or Ed25519 (RFC 8410) key, as
 * {@code openssl pkey -pubout} writes it. The algorithm is checked here, before the JDK's key factory sees the
 * bytes, so that a key of another kind is named in the message.
 *
 * <p>Stateless and thread-safe.
 */
final class SpkiPublicKey {
    static final String LABEL = "PUBLIC KEY";

    private static final String RSA_ENCRYPTION = "1.2.840.113549.1.1.1";
    private static final String EC_PUBLIC_KEY = "1.2.840.10045.2.1";
    private static final String ED25519 = "1.3.101.112";
    private static final Map<String, String> KEY_FACTORIES = Map.of(RSA_ENCRYPTION, "RSA", EC_PUBLIC_KEY, "EC",
            ED25519, "Ed25519");
    private static final Map<String, String> REFUSED = Map.of("1.2.840.113549.1.1.10", "an RSASSA-PSS restricted"
            + " key; PS* algorithms verify with a plain rsaEncryption key", "1.3.101.113", "an Ed448 key; EdDSA"
            + " tokens here are Ed25519", "1.2.840.10040.4.1", "a DSA key, which JWS does not use");

    private SpkiPublicKey() {
    }

    /**
     * @return the public key
     * @throws MalformedDerException when the DER is not a SubjectPublicKeyInfo
     * @throws UnsupportedKeyException when it is one, of an algorithm a JWS cannot be verified with here
     * @throws GeneralSecurityException when the JDK cannot read the key
     */
    static PublicKey read(byte[] der)
            throws MalformedDerException, GeneralSecurityException, UnsupportedKeyException {
        Der.Reader info = new Der.Reader(der).next(Der.SEQUENCE, "the SubjectPublicKeyInfo").contents();
        Der.Reader algorithm = info.next(Der.SEQUENCE, "the public key algorithm").contents();
        String oid = Der.oidText(algorithm.next(Der.OBJECT_IDENTIFIER, "the public key algorithm").content());
        info.next(Der.BIT_STRING, "the public key");
        info.expectEnd("the SubjectPublicKeyInfo");
        String factory = KEY_FACTORIES.get(oid);
        if (factory == null) {
            throw new UnsupportedKeyException("a [" + LABEL + "] key of algorithm [" + oid + "]"
                    + (REFUSED.containsKey(oid) ? " (" + REFUSED.get(oid) + ")" : "") + ", which is not supported;"
                    + " expected RSA [" + RSA_ENCRYPTION + "], EC [" + EC_PUBLIC_KEY + "] or Ed25519 [" + ED25519
                    + "]");
        }
        return KeyFactory.getInstance(factory).generatePublic(new X509EncodedKeySpec(der));
    }

    /** A well-formed key of an algorithm not supported here; the message says which and what is. */
    static final class UnsupportedKeyException extends Exception {
        private static final long serialVersionUID = 1L;

        UnsupportedKeyException(String message) {
            super(message);
        }
    }
}
