package io.github.jwtsigner.internal.keys;

import java.util.List;

/**
 * JWK member names and {@code kty} values, each with the section that defines it.
 */
final class JwkParameters {
    /** RFC 7517 §5.1: the array of keys in a JWK Set. */
    static final String KEYS = "keys";

    /** RFC 7517 §4.1: key type. */
    static final String KTY = "kty";
    /** RFC 7517 §4.2: intended use, {@code sig} or {@code enc}. */
    static final String USE = "use";
    /** RFC 7517 §4.3: the operations the key is meant for, such as {@code verify}. */
    static final String KEY_OPS = "key_ops";
    static final String KEY_OP_VERIFY = "verify";
    /** RFC 7517 §4.4: the algorithm the key is meant for. */
    static final String ALG = "alg";
    /** RFC 7517 §4.5: key id. */
    static final String KID = "kid";

    /** RFC 7518 §6.2.1.1 and RFC 8037 §2: curve. */
    static final String CRV = "crv";
    /** RFC 7518 §6.2.1.2 (EC x coordinate) and RFC 8037 §2 (OKP public key). */
    static final String X = "x";
    /** RFC 7518 §6.2.1.3: EC y coordinate. */
    static final String Y = "y";
    /** RFC 7518 §6.2.2.1 (EC private scalar), §6.3.2.1 (RSA private exponent), RFC 8037 §2 (OKP private key). */
    static final String D = "d";

    /** RFC 7518 §6.3.1.1: RSA modulus. */
    static final String N = "n";
    /** RFC 7518 §6.3.1.2: RSA public exponent. */
    static final String E = "e";
    /** RFC 7518 §6.3.2.2: RSA first prime factor. */
    static final String P = "p";
    /** RFC 7518 §6.3.2.3: RSA second prime factor. */
    static final String Q = "q";
    /** RFC 7518 §6.3.2.4: RSA first factor CRT exponent. */
    static final String DP = "dp";
    /** RFC 7518 §6.3.2.5: RSA second factor CRT exponent. */
    static final String DQ = "dq";
    /** RFC 7518 §6.3.2.6: RSA first CRT coefficient. */
    static final String QI = "qi";
    /** RFC 7518 §6.3.2.7: further primes of a multi-prime RSA key. */
    static final String OTH = "oth";

    /** RFC 7518 §6.4.1: the symmetric key value. */
    static final String K = "k";

    /** RFC 7518 §6.1: octet sequence (symmetric) key. */
    static final String KTY_OCT = "oct";
    /** RFC 7518 §6.1: RSA key. */
    static final String KTY_RSA = "RSA";
    /** RFC 7518 §6.1: elliptic curve key. */
    static final String KTY_EC = "EC";
    /** RFC 8037 §2: octet key pair (Ed25519 and friends). */
    static final String KTY_OKP = "OKP";
    /** RFC 8037 §3.1: the one OKP curve this library signs with. */
    static final String CRV_ED25519 = "Ed25519";

    /** RFC 7517 §4.2: the {@code use} value of a signing key. */
    static final String USE_SIG = "sig";

    /** The key types a JWK may have here, for error messages. */
    static final List<String> KEY_TYPES = List.of(KTY_OCT, KTY_RSA, KTY_EC, KTY_OKP);

    private JwkParameters() {
    }
}
