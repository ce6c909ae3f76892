package io.github.jwtsigner.internal.keys;

import io.github.jwtsigner.Setting;

import io.github.jwtsigner.InvalidConfigurationException;
import io.github.jwtsigner.internal.keys.Der.MalformedDerException;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Reads the one unencrypted private key of a PEM file (RFC 7468): {@code PRIVATE KEY} (PKCS#8, RSA, EC or
 * Ed25519), {@code RSA PRIVATE KEY} (PKCS#1) or {@code EC PRIVATE KEY} (SEC1, with a named curve). Other
 * blocks, such as certificates or {@code EC PARAMETERS}, are skipped. PKCS#1 and SEC1 keys are wrapped into
 * PKCS#8 and handed to the JDK's key factories, so no other library is needed.
 *
 * <p>The public key comes along where the file holds it (inside a SEC1 key, or a PKCS#8 v2 key) or where it
 * follows from the private key (RSA), so that the key pair can be checked.
 *
 * <p>For the validator, {@link #readForVerifying} also takes a file whose one key is a {@code PUBLIC KEY}
 * (SubjectPublicKeyInfo: RSA, EC or Ed25519), as {@code openssl pkey -pubout} writes it; {@link #read}, the
 * signer's, refuses such a file, naming the public key it found.
 *
 * <p>Errors name the file, the block and what was expected, never key material. Encrypted PEM ({@code
 * ENCRYPTED PRIVATE KEY}, or OpenSSL's {@code Proc-Type: 4,ENCRYPTED}) is refused as not supported.
 *
 * <p>Stateless and thread-safe.
 */
public final class PemKeyReader {
    static final String PKCS8 = "PRIVATE KEY";
    static final String PKCS1 = "RSA PRIVATE KEY";
    static final String SEC1 = "EC PRIVATE KEY";
    static final String ENCRYPTED_PKCS8 = "ENCRYPTED PRIVATE KEY";

    private static final String RSA_ENCRYPTION = "1.2.840.113549.1.1.1";
    private static final String RSASSA_PSS = "1.2.840.113549.1.1.10";
    private static final String EC_PUBLIC_KEY = "1.2.840.10045.2.1";
    private static final String ED25519 = "1.3.101.112";
    private static final String ED448 = "1.3.101.113";
    private static final Map<String, String> KEY_FACTORIES = Map.of(RSA_ENCRYPTION, "RSA", EC_PUBLIC_KEY, "EC",
            ED25519, "Ed25519", ED448, "Ed448");
    /** DER SubjectPublicKeyInfo header for an Ed25519 key (RFC 8410 §4); the 32 key octets follow. */
    private static final byte[] ED25519_SPKI_PREFIX = {
        0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
    };
    private static final int LABELS_SHOWN = 10;
    private static final String EXPECTED = "expected one unencrypted -----BEGIN " + PKCS8 + "----- (PKCS#8), "
            + PKCS1 + " (PKCS#1) or " + SEC1 + " (SEC1) block";
    private static final String EXPECTED_FOR_VERIFYING = "expected one -----BEGIN " + SpkiPublicKey.LABEL
            + "----- block (openssl pkey -pubout writes it), or one unencrypted " + PKCS8 + ", " + PKCS1 + " or "
            + SEC1 + " block";

    /**
     * A private key and, when known, its public key; or, from {@link #readForVerifying}, a public key alone.
     *
     * @param privateKey null for a file that holds a public key only
     * @param publicKey null when the file does not hold it and it cannot be derived
     */
    public record PemKey(PrivateKey privateKey, PublicKey publicKey) {
        /** The private key, else the public key. */
        public Key key() {
            return privateKey != null ? privateKey : publicKey;
        }

        @Override
        public String toString() {
            return "PemKey[" + key().getAlgorithm() + (privateKey == null ? ", public" : "") + "]";
        }
    }

    private PemKeyReader() {
    }

    /** At most {@value #LABELS_SHOWN} labels, then how many more there are. */
    private static String shown(List<String> labels) {
        if (labels.size() <= LABELS_SHOWN) {
            return labels.toString();
        }
        return labels.subList(0, LABELS_SHOWN) + " and " + (labels.size() - LABELS_SHOWN) + " more";
    }

    /**
     * The signer's: the file's one private key.
     *
     * @param source the setting and path, for messages, such as {@code pem_local_path [WEB-INF/key.pem]}
     * @throws InvalidConfigurationException when the file holds no private key (naming a public key it holds
     *     instead), more than one, an encrypted one, or one the JDK cannot read
     */
    public static PemKey read(byte[] file, String source) {
        return read(file, source, false);
    }

    /**
     * The validator's: the file's one private key, as {@link #read}, or else its one public key.
     *
     * @throws InvalidConfigurationException when the file holds neither, more than one of a kind, an encrypted
     *     key, or one the JDK cannot read
     */
    public static PemKey readForVerifying(byte[] file, String source) {
        return read(file, source, true);
    }

    private static PemKey read(byte[] file, String source, boolean publicAllowed) {
        String text = new String(file, StandardCharsets.UTF_8);
        List<String> labels = new ArrayList<>();
        String label = null;
        String body = null;
        String publicBody = null;
        int publicKeys = 0;
        for (PemBlocks.Block block : PemBlocks.scan(text)) {
            String begin = block.begin();
            labels.add(begin);
            if (!begin.equals(block.end())) {
                throw fail(source, "has a block that begins as [" + begin + "] but ends as [" + block.end() + "]; "
                        + EXPECTED);
            }
            if (begin.equals(ENCRYPTED_PKCS8) || (isPrivateKey(begin) && isLegacyEncrypted(block.body()))) {
                throw fail(source, "holds an encrypted private key [" + begin + "], which is not supported; "
                        + EXPECTED + " (decrypt it with openssl pkey, and protect the file instead, or use "
                        + Setting.KEYSTORE_PATH + " with " + Setting.KEYSTORE_PASSWORD + ")");
            }
            if (isPrivateKey(begin)) {
                if (label != null) {
                    throw fail(source, "holds more than one private key; expected exactly one");
                }
                label = begin;
                body = block.body();
            } else if (begin.equals(SpkiPublicKey.LABEL)) {
                publicKeys++;
                publicBody = block.body();
            }
        }
        if (label == null && publicKeys > 0 && publicAllowed) {
            return publicKeyOnly(publicKeys, publicBody, source);
        }
        if (label == null && publicKeys > 0) {
            throw fail(source, "holds a public key [" + SpkiPublicKey.LABEL + "] but no private key, and signing"
                    + " needs the private key; " + EXPECTED + " (the public key is for those who verify the"
                    + " tokens)");
        }
        if (label == null) {
            throw fail(source, "holds no " + (publicAllowed ? "key" : "private key") + (labels.isEmpty()
                    ? " (no PEM block at all)" : "; blocks there: " + shown(labels)) + "; "
                    + (publicAllowed ? EXPECTED_FOR_VERIFYING : EXPECTED));
        }
        byte[] der = decodeBase64(body, label, source);
        try {
            return switch (label) {
                case PKCS8 -> fromPkcs8(der, source);
                case PKCS1 -> fromPkcs1(der);
                default -> fromSec1(der, source);
            };
        } catch (MalformedDerException e) {
            throw fail(source, "holds a [" + label + "] block that is not a valid key: " + e.getMessage() + "; "
                    + EXPECTED);
        } catch (GeneralSecurityException e) {
            // The provider's message may describe the numbers: name the type only.
            throw fail(source, "holds a [" + label + "] block the JDK cannot read as a key ("
                    + e.getClass().getSimpleName() + "); " + EXPECTED);
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    /** The one {@code PUBLIC KEY} of a file that holds no private key. */
    private static PemKey publicKeyOnly(int count, String body, String source) {
        if (count > 1) {
            throw fail(source, "holds " + count + " public keys; expected exactly one (a JWK Set, with "
                    + Setting.JWK_LOCAL_PATH + ", holds several)");
        }
        byte[] der = decodeBase64(body, SpkiPublicKey.LABEL, source, EXPECTED_FOR_VERIFYING);
        try {
            return new PemKey(null, SpkiPublicKey.read(der));
        } catch (MalformedDerException e) {
            throw fail(source, "holds a [" + SpkiPublicKey.LABEL + "] block that is not a valid key: "
                    + e.getMessage() + "; " + EXPECTED_FOR_VERIFYING);
        } catch (SpkiPublicKey.UnsupportedKeyException e) {
            throw fail(source, "holds " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw fail(source, "holds a [" + SpkiPublicKey.LABEL + "] block the JDK cannot read as a key ("
                    + e.getClass().getSimpleName() + "); " + EXPECTED_FOR_VERIFYING);
        }
    }

    /** OpenSSL's traditional encryption announces itself in an RFC 1421 header. */
    private static boolean isLegacyEncrypted(String body) {
        for (String line : body.split("\r?\n|\r")) {
            if (line.startsWith("Proc-Type:") && line.contains("ENCRYPTED")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPrivateKey(String label) {
        return label.equals(PKCS8) || label.equals(PKCS1) || label.equals(SEC1);
    }

    private static byte[] decodeBase64(String body, String label, String source) {
        return decodeBase64(body, label, source, EXPECTED);
    }

    private static byte[] decodeBase64(String body, String label, String source, String expected) {
        StringBuilder base64 = new StringBuilder(body.length());
        for (String line : body.split("\r?\n|\r")) {
            // RFC 1421 headers (Proc-Type, DEK-Info) are "name: value" lines; base64 has no colon.
            if (!line.contains(":")) {
                base64.append(line.strip());
            }
        }
        try {
            return Base64.getDecoder().decode(base64.toString());
        } catch (IllegalArgumentException e) {
            // The decoder's message quotes the offending character: keep it out.
            throw fail(source, "holds a [" + label + "] block that is not valid base64; " + expected);
        }
    }

    /** PrivateKeyInfo / OneAsymmetricKey (RFC 5208, RFC 5958 §2). */
    private static PemKey fromPkcs8(byte[] der, String source) throws MalformedDerException,
            GeneralSecurityException {
        Der.Reader info = new Der.Reader(der).next(Der.SEQUENCE, "the PrivateKeyInfo").contents();
        info.next(Der.INTEGER, "the PrivateKeyInfo version");
        Der.Reader algorithm = info.next(Der.SEQUENCE, "the private key algorithm").contents();
        String oid = Der.oidText(algorithm.next(Der.OBJECT_IDENTIFIER, "the private key algorithm").content());
        byte[] inner = info.next(Der.OCTET_STRING, "the private key").content();
        PublicKey publicKey = null;
        if (info.peekTag() == Der.CONTEXT_0) {
            info.next(Der.CONTEXT_0, "the attributes");
        }
        byte[] embeddedPublic = info.peekTag() == Der.CONTEXT_1_PRIMITIVE
                ? info.next(Der.CONTEXT_1_PRIMITIVE, "the public key").content() : null;
        String factory = KEY_FACTORIES.get(oid);
        if (factory == null) {
            throw fail(source, "holds a [" + PKCS8 + "] key of algorithm [" + oid + "], which is not supported"
                    + (oid.equals(RSASSA_PSS) ? " (an RSASSA-PSS restricted key; PS* algorithms sign with a plain"
                            + " rsaEncryption key)" : "") + "; expected RSA [" + RSA_ENCRYPTION + "], EC ["
                    + EC_PUBLIC_KEY + "] or Ed25519 [" + ED25519 + "]");
        }
        PrivateKey privateKey = KeyFactory.getInstance(factory).generatePrivate(new PKCS8EncodedKeySpec(der));
        try {
            if (privateKey instanceof ECPrivateKey ec) {
                publicKey = ecPublicKey(ec, sec1PublicPoint(inner));
            } else if (oid.equals(ED25519) && embeddedPublic != null) {
                publicKey = ed25519PublicKey(embeddedPublic);
            }
        } catch (MalformedDerException | GeneralSecurityException e) {
            // The JDK read the private key; a public key it carries in an odd form only skips the pair check.
            publicKey = null;
        } finally {
            Arrays.fill(inner, (byte) 0);
        }
        return new PemKey(privateKey, publicKey);
    }

    /** RSAPrivateKey (RFC 8017 A.1.2), wrapped as PrivateKeyInfo with rsaEncryption and NULL parameters. */
    private static PemKey fromPkcs1(byte[] der) throws MalformedDerException, GeneralSecurityException {
        Der.Reader outer = new Der.Reader(der);
        outer.next(Der.SEQUENCE, "the RSAPrivateKey");
        outer.expectEnd("the RSAPrivateKey");
        byte[] pkcs8 = Der.encode(Der.SEQUENCE, Der.encode(Der.INTEGER, new byte[] {0}),
                Der.encode(Der.SEQUENCE, Der.oid(RSA_ENCRYPTION), Der.encode(Der.NULL)),
                Der.encode(Der.OCTET_STRING, der));
        try {
            return new PemKey(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8)), null);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /** ECPrivateKey (RFC 5915 §3), wrapped as PrivateKeyInfo with id-ecPublicKey and its named curve. */
    private static PemKey fromSec1(byte[] der, String source) throws MalformedDerException {
        Der.Reader key = new Der.Reader(der).next(Der.SEQUENCE, "the ECPrivateKey").contents();
        key.next(Der.INTEGER, "the ECPrivateKey version");
        key.next(Der.OCTET_STRING, "the private key");
        if (key.peekTag() != Der.CONTEXT_0) {
            throw new MalformedDerException("the ECPrivateKey names no curve; expected its parameters with a named"
                    + " curve (openssl ec -param_enc named_curve)");
        }
        Der.Tlv curve = key.next(Der.CONTEXT_0, "the curve").contents().next(Der.OBJECT_IDENTIFIER,
                "the named curve");
        // Checked before the JDK sees it: an identifier no curve has is refused here, in bounded time.
        String curveOid = Der.oidText(curve.content());
        byte[] pkcs8 = Der.encode(Der.SEQUENCE, Der.encode(Der.INTEGER, new byte[] {0}),
                Der.encode(Der.SEQUENCE, Der.oid(EC_PUBLIC_KEY), curve.encoded()),
                Der.encode(Der.OCTET_STRING, der));
        ECPrivateKey privateKey;
        try {
            privateKey = (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            // An unknown curve fails inside the JDK with a vague message: name the curve instead.
            throw fail(source, "holds a [" + SEC1 + "] key on curve [" + curveOid + "], which"
                    + " this JVM cannot read (" + e.getClass().getSimpleName() + "); expected P-256 ["
                    + "1.2.840.10045.3.1.7], P-384 [1.3.132.0.34] or P-521 [1.3.132.0.35]");
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
        PublicKey publicKey;
        try {
            publicKey = ecPublicKey(privateKey, sec1PublicPoint(der));
        } catch (GeneralSecurityException e) {
            // A public point that is not on the curve would fail the pair check; without it there is no check.
            publicKey = null;
        }
        return new PemKey(privateKey, publicKey);
    }

    /** The uncompressed public point in a SEC1 ECPrivateKey's [1], or null when it has none. */
    private static byte[] sec1PublicPoint(byte[] sec1) throws MalformedDerException {
        Der.Reader key = new Der.Reader(sec1).next(Der.SEQUENCE, "the ECPrivateKey").contents();
        key.next(Der.INTEGER, "the ECPrivateKey version");
        key.next(Der.OCTET_STRING, "the private key");
        if (key.peekTag() == Der.CONTEXT_0) {
            key.next(Der.CONTEXT_0, "the curve");
        }
        if (key.peekTag() != Der.CONTEXT_1) {
            return null;
        }
        byte[] bits = key.next(Der.CONTEXT_1, "the public key").contents().next(Der.BIT_STRING, "the public key")
                .content();
        return bits.length > 1 && bits[0] == 0 ? Arrays.copyOfRange(bits, 1, bits.length) : null;
    }

    /** The public key of an uncompressed point {@code 04 || x || y}; null for any other encoding. */
    private static PublicKey ecPublicKey(ECPrivateKey privateKey, byte[] point) throws GeneralSecurityException {
        int size = (privateKey.getParams().getCurve().getField().getFieldSize() + 7) / 8;
        if (point == null || point.length != 1 + 2 * size || point[0] != 0x04) {
            return null;
        }
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(point, 1, 1 + size));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(point, 1 + size, point.length));
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y),
                privateKey.getParams()));
    }

    /** RFC 5958's publicKey is a BIT STRING whose first octet counts unused bits. */
    private static PublicKey ed25519PublicKey(byte[] bitString) throws GeneralSecurityException {
        if (bitString.length != 33 || bitString[0] != 0) {
            return null;
        }
        byte[] spki = new byte[ED25519_SPKI_PREFIX.length + 32];
        System.arraycopy(ED25519_SPKI_PREFIX, 0, spki, 0, ED25519_SPKI_PREFIX.length);
        System.arraycopy(bitString, 1, spki, ED25519_SPKI_PREFIX.length, 32);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
    }

    private static InvalidConfigurationException fail(String source, String problem) {
        return new InvalidConfigurationException(source + " " + problem);
    }
}
