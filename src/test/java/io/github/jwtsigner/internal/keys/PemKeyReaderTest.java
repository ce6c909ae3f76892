package io.github.jwtsigner.internal.keys;


import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jwtsigner.InvalidConfigurationException;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Arrays;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PemKeyReaderTest {
    private static final String SOURCE = "pem_local_path [WEB-INF/key.pem]";
    private static final String EXPECTED = "expected one unencrypted -----BEGIN PRIVATE KEY----- (PKCS#8), RSA PRIVATE"
            + " KEY (PKCS#1) or EC PRIVATE KEY (SEC1) block";

    private static PemKeyReader.PemKey read(String fixture) {
        return PemKeyReader.read(KeyFixtures.bytes(fixture), SOURCE);
    }

    private static String fails(byte[] file) {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> PemKeyReader.read(file, SOURCE));
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.problems().get(0);
    }

    private static String fails(String text) {
        return fails(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean pairs(PrivateKey privateKey, PublicKey publicKey, String algorithm) throws Exception {
        byte[] message = "pair check".getBytes(StandardCharsets.US_ASCII);
        Signature s = Signature.getInstance(algorithm);
        s.initSign(privateKey);
        s.update(message);
        byte[] signature = s.sign();
        Signature v = Signature.getInstance(algorithm);
        v.initVerify(publicKey);
        v.update(message);
        return v.verify(signature);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"rsa-pkcs8.pem", "rsa-pkcs1.pem"})
    void readsAnRsaKeyInPkcs8AndPkcs1(String fixture) throws Exception {
        PemKeyReader.PemKey key = read(fixture);

        RSAPrivateCrtKey rsa = assertInstanceOf(RSAPrivateCrtKey.class, key.privateKey());
        assertEquals(2048, rsa.getModulus().bitLength());
        assertTrue(pairs(rsa, KeyFixtures.publicKey("rsa-public.pem", "RSA"), "SHA256withRSA"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ec-sec1.pem", "ec-pkcs8.pem"})
    void readsAnEcKeyInSec1AndPkcs8WithThePublicKeyItCarries(String fixture) throws Exception {
        PemKeyReader.PemKey key = read(fixture);

        assertInstanceOf(ECPrivateKey.class, key.privateKey());
        PublicKey expected = KeyFixtures.publicKey("ec-public.pem", "EC");
        assertEquals(expected, key.publicKey());
        assertTrue(pairs(key.privateKey(), expected, "SHA256withECDSA"));
    }

    @Test
    void skipsTheEcParametersBlockOpensslWritesFirst() {
        assertTrue(KeyFixtures.text("ec-sec1.pem").startsWith("-----BEGIN EC PARAMETERS-----"));
        assertInstanceOf(ECPrivateKey.class, read("ec-sec1.pem").privateKey());
    }

    @Test
    void readsAnEd25519KeyInPkcs8() throws Exception {
        PemKeyReader.PemKey key = read("ed25519-pkcs8.pem");

        EdECPrivateKey ed = assertInstanceOf(EdECPrivateKey.class, key.privateKey());
        assertEquals("Ed25519", ed.getParams().getName());
        assertNull(key.publicKey(), "OpenSSL writes a version 1 key without the public key");
        assertTrue(pairs(ed, KeyFixtures.publicKey("ed25519-public.pem", "Ed25519"), "Ed25519"));
    }

    @Test
    void takesThePublicKeyOfAPkcs8Version2Ed25519Key() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        PrivateKeyInfo v1 = PrivateKeyInfo.getInstance(pair.getPrivate().getEncoded());
        byte[] rawPublic = SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded()).getPublicKeyData()
                .getBytes();
        PrivateKeyInfo v2 = new PrivateKeyInfo(new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519),
                v1.parsePrivateKey(), null, rawPublic);

        PemKeyReader.PemKey key = PemKeyReader.read(KeyFixtures.pem("PRIVATE KEY", v2.getEncoded()), SOURCE);

        assertEquals(pair.getPublic(), key.publicKey());
    }

    @Test
    void refusesEncryptedKeysAsNotSupported() {
        String pkcs8 = fails(KeyFixtures.bytes("rsa-encrypted-pkcs8.pem"));
        String pkcs1 = fails(KeyFixtures.bytes("rsa-encrypted-pkcs1.pem"));
        assertAll(
                () -> assertEquals(SOURCE + " holds an encrypted private key [ENCRYPTED PRIVATE KEY], which is not"
                        + " supported; " + EXPECTED + " (decrypt it with openssl pkey, and protect the file instead, or"
                        + " use keystore_path with keystore_password)", pkcs8),
                () -> assertTrue(pkcs1.startsWith(SOURCE + " holds an encrypted private key [RSA PRIVATE KEY], which is"
                        + " not supported"), pkcs1));
    }

    @Test
    void namesTheBlocksItFoundWhenNoneIsAPrivateKey() {
        assertEquals(SOURCE + " holds no private key; blocks there: [CERTIFICATE]; " + EXPECTED,
                fails(KeyFixtures.pem("CERTIFICATE", new byte[] {0x30, 0})));
        assertEquals(SOURCE + " holds no private key (no PEM block at all); " + EXPECTED, fails("not a PEM file"));
        assertEquals(SOURCE + " holds no private key (no PEM block at all); " + EXPECTED, fails(""));
    }

    @Test
    void refusesTwoPrivateKeysInOneFile() {
        assertEquals(SOURCE + " holds more than one private key; expected exactly one",
                fails(KeyFixtures.text("rsa-pkcs8.pem") + KeyFixtures.text("ec-pkcs8.pem")));
    }

    @Test
    void refusesABlockThatEndsUnderAnotherLabel() {
        String text = KeyFixtures.text("rsa-pkcs8.pem").replace("-----END PRIVATE KEY-----",
                "-----END RSA PRIVATE KEY-----");
        assertEquals(SOURCE + " has a block that begins as [PRIVATE KEY] but ends as [RSA PRIVATE KEY]; " + EXPECTED,
                fails(text));
    }

    @Test
    void refusesBadBase64WithoutQuotingIt() {
        String text = "-----BEGIN PRIVATE KEY-----\nMIIE!!vQ\n-----END PRIVATE KEY-----\n";
        String message = fails(text);
        assertEquals(SOURCE + " holds a [PRIVATE KEY] block that is not valid base64; " + EXPECTED, message);
    }

    @Test
    void refusesATruncatedKeyWithoutQuotingIt() {
        byte[] der = Arrays.copyOf(java.util.Base64.getMimeDecoder().decode(KeyFixtures.text("rsa-pkcs8.pem")
                .replaceAll("-----[A-Z ]+-----", "")), 600);
        String message = fails(KeyFixtures.pem("PRIVATE KEY", der));
        assertEquals(SOURCE + " holds a [PRIVATE KEY] block that is not a valid key: the PrivateKeyInfo is cut short; "
                + EXPECTED, message);
    }

    @Test
    void refusesAnEcKeyThatNamesNoCurve() throws Exception {
        byte[] d = new byte[32];
        d[31] = 7;
        byte[] sec1 = new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
            new ASN1Integer(1), new DEROctetString(d)}).getEncoded();
        assertEquals(SOURCE + " holds a [EC PRIVATE KEY] block that is not a valid key: the ECPrivateKey names no"
                + " curve; expected its parameters with a named curve (openssl ec -param_enc named_curve); " + EXPECTED,
                fails(KeyFixtures.pem("EC PRIVATE KEY", sec1)));
    }

    @Test
    void readsAnEcKeyOnACurveJoseDoesNotUseAndLeavesItToTheKeyChecks() {
        ECPrivateKey key = assertInstanceOf(ECPrivateKey.class, read("ec-secp256k1-sec1.pem").privateKey());
        assertTrue(key.getParams().toString().contains("1.3.132.0.10"), key.getParams().toString());
    }

    @Test
    void namesTheCurveOfAnEcKeyTheJvmCannotRead() throws Exception {
        byte[] d = new byte[32];
        d[31] = 7;
        byte[] sec1 = new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
            new ASN1Integer(1), new DEROctetString(d),
            new org.bouncycastle.asn1.DERTaggedObject(true, 0,
                    new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.2.3.4.5"))}).getEncoded();
        String message = fails(KeyFixtures.pem("EC PRIVATE KEY", sec1));
        assertTrue(message.startsWith(SOURCE + " holds a [EC PRIVATE KEY] key on curve [1.2.3.4.5], which this JVM"
                + " cannot read ("), message);
        assertTrue(message.endsWith("); expected P-256 [1.2.840.10045.3.1.7], P-384 [1.3.132.0.34] or P-521"
                + " [1.3.132.0.35]"), message);
    }

    @Test
    void refusesKeyAlgorithmsAJwsCannotSignWith() throws Exception {
        KeyPairGenerator pss = KeyPairGenerator.getInstance("RSASSA-PSS");
        pss.initialize(2048);
        KeyPairGenerator x25519 = KeyPairGenerator.getInstance("X25519");
        assertAll(
                () -> assertEquals(SOURCE + " holds a [PRIVATE KEY] key of algorithm [1.2.840.113549.1.1.10], which is"
                        + " not supported (an RSASSA-PSS restricted key; PS* algorithms sign with a plain rsaEncryption"
                        + " key); expected RSA [1.2.840.113549.1.1.1], EC [1.2.840.10045.2.1] or Ed25519 [1.3.101.112]",
                        fails(KeyFixtures.pem("PRIVATE KEY", pss.generateKeyPair().getPrivate().getEncoded()))),
                () -> assertEquals(SOURCE + " holds a [PRIVATE KEY] key of algorithm [1.3.101.110], which is not"
                        + " supported; expected RSA [1.2.840.113549.1.1.1], EC [1.2.840.10045.2.1] or Ed25519"
                        + " [1.3.101.112]", fails(KeyFixtures.pem("PRIVATE KEY",
                                x25519.generateKeyPair().getPrivate().getEncoded()))));
    }

    @Test
    void readsAJdkEncodedEcKeyWithoutPublicKey() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp384r1"));
        KeyPair pair = g.generateKeyPair();

        PemKeyReader.PemKey key = PemKeyReader.read(KeyFixtures.pem("PRIVATE KEY", pair.getPrivate().getEncoded()),
                SOURCE);

        assertTrue(pairs(key.privateKey(), pair.getPublic(), "SHA384withECDSA"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"PRIVATE KEY", "EC PRIVATE KEY"})
    void refusesAnObjectIdentifierWithAHugeArcQuicklyAndWithAShortMessage(String label) {
        byte[] oid = Der.encode(Der.OBJECT_IDENTIFIER, DerTest.oidWithLongArc(300_000));
        byte[] der = label.equals("PRIVATE KEY")
                ? Der.encode(Der.SEQUENCE, Der.encode(Der.INTEGER, new byte[] {0}), Der.encode(Der.SEQUENCE, oid),
                        Der.encode(Der.OCTET_STRING, new byte[34]))
                : Der.encode(Der.SEQUENCE, Der.encode(Der.INTEGER, new byte[] {1}),
                        Der.encode(Der.OCTET_STRING, new byte[32]), Der.encode(Der.CONTEXT_0, oid));
        byte[] pem = KeyFixtures.pem(label, der);

        String message = assertTimeoutPreemptively(Duration.ofSeconds(3), () -> fails(pem));

        assertTrue(message.length() < 400, "a message of " + message.length() + " characters");
        assertTrue(message.startsWith(SOURCE + " holds a [" + label + "] block that is not a valid key: an object"
                + " identifier is [300005] bytes long; expected at most [64]"), message);
    }

    @Test
    void neverPutsKeyMaterialInAMessageOrToString() {
        String body = KeyFixtures.text("rsa-pkcs8.pem").split("\n")[5];
        String broken = KeyFixtures.text("rsa-pkcs8.pem").replace(body, body.substring(0, 40) + "*" + body.substring(41));
        String message = fails(broken);
        assertFalse(message.contains(body.substring(0, 20)), message);
        assertEquals("PemKey[RSA]", read("rsa-pkcs8.pem").toString());
    }
}
