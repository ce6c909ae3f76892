package io.github.jwtsigner.internal.ed25519;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The verifier against RFC 8032's vectors and, verdict for verdict, against JDK 17's Ed25519 (SunEC): random keys
 * and messages with every kind of one-bit change, S + L and other values of S at and above L, keys and R of small
 * order, mixed-order keys, and encodings that do not decode or are not canonical.
 */
class Ed25519VerifierTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final BigInteger P = Field25519.P;
    private static final BigInteger L = BaseTable.ORDER;

    /** RFC 8032 §7.1, TEST 1, 2, 3 and TEST SHA(abc). */
    @ParameterizedTest
    @CsvSource({
        "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a, '',"
                + "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46b"
                + "d25bf5f0595bbe24655141438e7a100b",
        "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c, 72,"
                + "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c"
                + "387b2eaeb4302aeeb00d291612bb0c00",
        "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025, af82,"
                + "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc659"
                + "4a7c15e9716ed28dc027beceea1ec40a",
        "ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf,"
                + "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd"
                + "454d4423643ce80e2a9ac94fa54ca49f,"
                + "dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b58909351fc9ac90b3ecfdfbc7c66431e030"
                + "3dca179c138ac17ad9bef1177331a704",
    })
    void verifiesRfc8032VectorsAndNothingElse(String publicKey, String message, String signature) {
        Ed25519Verifier verifier = Ed25519Verifier.forEncoded(HEX.parseHex(publicKey));
        byte[] m = HEX.parseHex(message);
        byte[] sig = HEX.parseHex(signature);

        assertTrue(verifier.keyDecodes());
        assertTrue(verifier.verify(m, sig));
        assertFalse(verifier.verify(m, Arrays.copyOf(sig, 63)));
        assertFalse(verifier.verify(m, Arrays.copyOf(sig, 65)));
        assertFalse(verifier.verify(Arrays.copyOf(m, m.length + 1), sig));
        sig[0] ^= 1;
        assertFalse(verifier.verify(m, sig));
    }

    @Test
    void agreesWithTheJdkOnRandomSignaturesAndEveryOneBitChange() throws Exception {
        SplittableRandom random = new SplittableRandom(20261203);
        int accepted = 0;
        int checked = 0;
        for (int n = 0; n < 1500; n++) {
            Ed25519Signer signer = Ed25519Signer.fromSeed(randomBytes(random, 32));
            byte[] key = signer.publicKey();
            byte[] message = randomBytes(random, random.nextInt(0, 500));
            byte[] signature = signer.sign(message);
            assertTrue(agree(key, message, signature), "valid signature, key " + HEX.formatHex(key));

            byte[] badSignature = signature.clone();
            badSignature[random.nextInt(64)] ^= (byte) (1 << random.nextInt(8));
            byte[] badKey = key.clone();
            badKey[random.nextInt(32)] ^= (byte) (1 << random.nextInt(8));
            assertFalse(agree(key, message, badSignature), "signature changed: " + HEX.formatHex(badSignature));
            assertFalse(agree(badKey, message, signature), "key changed: " + HEX.formatHex(badKey));
            if (message.length > 0) {
                byte[] badMessage = message.clone();
                badMessage[random.nextInt(message.length)] ^= (byte) (1 << random.nextInt(8));
                assertFalse(agree(key, badMessage, signature), "message changed");
            }
            accepted++;
            checked += 4;
        }
        assertEquals(1500, accepted);
        assertTrue(checked >= 6000);
    }

    @Test
    void refusesSPlusLAndEverySAtOrAboveL() throws Exception {
        Ed25519Signer signer = Ed25519Signer.fromSeed(HEX.parseHex(
                "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        byte[] message = "eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiIxIn0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] signature = signer.sign(message);
        BigInteger s = new BigInteger(1, reversed(Arrays.copyOfRange(signature, 32, 64)));
        BigInteger[] forms = {s.add(L), s.add(L.shiftLeft(1)), s.add(L.multiply(BigInteger.valueOf(15))), L,
            L.add(BigInteger.ONE), BigInteger.ONE.shiftLeft(253).add(s), BigInteger.ONE.shiftLeft(256)
                .subtract(BigInteger.ONE)};
        for (BigInteger form : forms) {
            byte[] malleable = withS(signature, form);
            assertFalse(agree(signer.publicKey(), message, malleable), "S = " + form.toString(16));
        }
        assertTrue(agree(signer.publicKey(), message, signature));
    }

    @Test
    void agreesWithTheJdkOnSmallOrderKeysAndR() throws Exception {
        List<BigInteger[]> torsion = smallOrderPoints();
        assertEquals(8, torsion.size());
        List<byte[]> encodings = new ArrayList<>();
        for (BigInteger[] t : torsion) {
            encodings.add(encode(t[0], t[1]));
        }
        SplittableRandom random = new SplittableRandom(8);
        int accepted = 0;
        int cases = 0;
        for (byte[] key : encodings) {
            for (byte[] r : encodings) {
                for (BigInteger s : new BigInteger[] {BigInteger.ZERO, BigInteger.ONE, L.subtract(BigInteger.ONE), L,
                    BigInteger.valueOf(8)}) {
                    for (int m = 0; m < 4; m++) {
                        byte[] signature = withS(Arrays.copyOf(r, 64), s);
                        if (agree(key, new byte[] {(byte) m, 1}, signature)) {
                            accepted++;
                        }
                        cases++;
                    }
                }
            }
            // R = [S]B: verifies when [k]A is neutral, which depends on k, so on R and the message.
            for (int m = 0; m < 20; m++) {
                BigInteger s = new BigInteger(252, new java.util.Random(random.nextLong()));
                byte[] signature = withS(Arrays.copyOf(multiplyBase(s), 64), s);
                if (agree(key, randomBytes(random, 10), signature)) {
                    accepted++;
                }
                cases++;
            }
        }
        assertTrue(accepted > 0 && accepted < cases, "small-order forgeries: " + accepted + " of " + cases
                + " verify for both, as the cofactorless check allows some");
    }

    @Test
    void agreesWithTheJdkOnMixedOrderKeys() throws Exception {
        List<BigInteger[]> torsion = smallOrderPoints();
        SplittableRandom random = new SplittableRandom(9);
        int accepted = 0;
        for (int n = 0; n < 60; n++) {
            Ed25519Signer signer = Ed25519Signer.fromSeed(randomBytes(random, 32));
            BigInteger[] a = decode(signer.publicKey());
            BigInteger[] mixed = BaseTable.add(a, torsion.get(random.nextInt(1, torsion.size())));
            byte[] key = encode(mixed[0], mixed[1]);
            byte[] message = randomBytes(random, 30);
            if (agree(key, message, signer.sign(message))) {
                accepted++;
            }
        }
        assertTrue(accepted < 60, "a key with a torsion part does not verify every signature of the clean key");
    }

    @Test
    void agreesWithTheJdkOnEncodingsThatDoNotDecodeOrAreNotCanonical() throws Exception {
        Ed25519Signer signer = Ed25519Signer.fromSeed(new byte[32]);
        byte[] message = {1, 2, 3};
        byte[] signature = signer.sign(message);
        byte[] neutral = encode(BigInteger.ZERO, BigInteger.ONE);
        // Under the neutral key, R = [S]B for any message, and S = 0 gives the neutral R.
        byte[] zeroSignature = Arrays.copyOf(neutral, 64);
        assertTrue(agree(neutral, message, zeroSignature));
        List<byte[]> badPoints = new ArrayList<>();
        badPoints.add(littleEndian(P.add(BigInteger.ONE)));                 // y = 1 + p
        badPoints.add(littleEndian(P));                                    // y = p, i.e. 0
        badPoints.add(littleEndian(BigInteger.ONE.shiftLeft(255).subtract(BigInteger.ONE)));
        byte[] neutralNegative = neutral.clone();
        neutralNegative[31] |= (byte) 0x80;                                // x = 0 with the sign bit
        badPoints.add(neutralNegative);
        byte[] minusOneNegative = littleEndian(P.subtract(BigInteger.ONE));
        minusOneNegative[31] |= (byte) 0x80;
        badPoints.add(minusOneNegative);
        int noRoot = 0;
        for (int y = 2; y < 40; y++) {
            if (BaseTableReference.xSquared(BigInteger.valueOf(y)).modPow(P.subtract(BigInteger.ONE).shiftRight(1), P)
                    .compareTo(BigInteger.ONE) > 0) {
                badPoints.add(littleEndian(BigInteger.valueOf(y)));
                noRoot++;
            }
        }
        assertTrue(noRoot > 5);
        for (byte[] bad : badPoints) {
            assertFalse(Ed25519Verifier.forEncoded(bad).keyDecodes(), "key " + HEX.formatHex(bad));
            assertEquals(null, decode(bad));
            assertFalse(agree(bad, message, signature), "key " + HEX.formatHex(bad));
            assertFalse(agree(bad, message, zeroSignature), "key " + HEX.formatHex(bad));
            byte[] withR = Arrays.copyOf(bad, 64);
            assertFalse(agree(neutral, message, withR), "R " + HEX.formatHex(bad));
            assertFalse(agree(signer.publicKey(), message, withR), "R " + HEX.formatHex(bad));
        }
    }

    @Test
    void aKeyThatDoesNotDecodeVerifiesNothing() {
        assertFalse(Ed25519Verifier.forPoint(false, P).keyDecodes());
        assertFalse(Ed25519Verifier.forPoint(true, BigInteger.ONE).keyDecodes());
        assertFalse(Ed25519Verifier.forPoint(false, BigInteger.ONE.negate()).keyDecodes());
        assertFalse(Ed25519Verifier.forEncoded(new byte[31]).keyDecodes());
        assertTrue(Ed25519Verifier.forPoint(false, BigInteger.ONE).keyDecodes());
    }

    /**
     * Our verdict for the key (RFC 8032 encoding), message and signature, after checking that the JDK gives the
     * same one, both with the key as the JDK builds it from its point.
     */
    private static boolean agree(byte[] key, byte[] message, byte[] signature) throws Exception {
        byte[] be = reversed(key);
        boolean xOdd = (be[0] & 0x80) != 0;
        be[0] &= 0x7f;
        BigInteger y = new BigInteger(1, be);
        boolean ours = Ed25519Verifier.forPoint(xOdd, y).verify(message, signature);
        boolean jdk = jdkVerifies(new EdECPoint(xOdd, y), message, signature);
        assertEquals(jdk, ours, "key " + HEX.formatHex(key) + " signature " + HEX.formatHex(signature));
        assertEquals(ours, Ed25519Verifier.forEncoded(key).verify(message, signature));
        return ours;
    }

    private static boolean jdkVerifies(EdECPoint point, byte[] message, byte[] signature) throws Exception {
        PublicKey key = KeyFactory.getInstance("Ed25519")
                .generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, point));
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(message);
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The eight points of order dividing 8: [L] P for points P until eight distinct ones are found. */
    private static List<BigInteger[]> smallOrderPoints() {
        Set<String> seen = new LinkedHashSet<>();
        List<BigInteger[]> found = new ArrayList<>();
        for (int y = 2; found.size() < 8 && y < 1000; y++) {
            BigInteger[] point = decode(littleEndian(BigInteger.valueOf(y)));
            if (point == null) {
                continue;
            }
            BigInteger[] generator = BaseTableReference.multiply(point, L);
            BigInteger[] t = generator;
            for (int i = 0; i < 8; i++) {
                if (seen.add(t[0] + "," + t[1])) {
                    found.add(t);
                }
                t = BaseTable.add(t, generator);
            }
        }
        return found;
    }

    private static byte[] multiplyBase(BigInteger s) {
        BigInteger[] p = BaseTableReference.multiply(new BigInteger[] {BaseTable.BASE_X, BaseTable.BASE_Y}, s);
        return encode(p[0], p[1]);
    }

    /** RFC 8032 §5.1.3 with BigInteger, null when the encoding does not decode. */
    private static BigInteger[] decode(byte[] encoded) {
        byte[] be = reversed(encoded);
        boolean xOdd = (be[0] & 0x80) != 0;
        be[0] &= 0x7f;
        BigInteger y = new BigInteger(1, be);
        if (y.compareTo(P) >= 0) {
            return null;
        }
        BigInteger xx = BaseTableReference.xSquared(y);
        BigInteger x = xx.modPow(P.add(BigInteger.valueOf(3)).shiftRight(3), P);
        if (!x.multiply(x).mod(P).equals(xx)) {
            x = x.multiply(BigInteger.TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P)).mod(P);
        }
        if (!x.multiply(x).mod(P).equals(xx) || x.signum() == 0 && xOdd) {
            return null;
        }
        return new BigInteger[] {x.testBit(0) == xOdd ? x : P.subtract(x), y};
    }

    private static byte[] encode(BigInteger x, BigInteger y) {
        byte[] out = littleEndian(y);
        out[31] |= (byte) (x.testBit(0) ? 0x80 : 0);
        return out;
    }

    private static byte[] withS(byte[] signature, BigInteger s) {
        byte[] out = Arrays.copyOf(signature, 64);
        byte[] le = littleEndian(s);
        System.arraycopy(le, 0, out, 32, 32);
        return out;
    }

    /** The low 256 bits of v, little-endian. */
    private static byte[] littleEndian(BigInteger v) {
        byte[] out = new byte[32];
        for (int i = 0; i < 32; i++) {
            out[i] = v.shiftRight(8 * i).byteValue();
        }
        return out;
    }

    private static byte[] reversed(byte[] a) {
        byte[] out = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[a.length - 1 - i];
        }
        return out;
    }

    private static byte[] randomBytes(SplittableRandom random, int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return b;
    }

    /** Reference arithmetic on affine BigInteger points, for the cases above. */
    private static final class BaseTableReference {
        static BigInteger xSquared(BigInteger y) {
            BigInteger yy = y.multiply(y).mod(P);
            return yy.subtract(BigInteger.ONE).multiply(BaseTable.D.multiply(yy).add(BigInteger.ONE).modInverse(P))
                    .mod(P);
        }

        static BigInteger[] multiply(BigInteger[] point, BigInteger scalar) {
            BigInteger[] result = {BigInteger.ZERO, BigInteger.ONE};
            BigInteger[] addend = point;
            for (int i = 0; i < scalar.bitLength(); i++) {
                if (scalar.testBit(i)) {
                    result = BaseTable.add(result, addend);
                }
                addend = BaseTable.add(addend, addend);
            }
            return result;
        }
    }
}
