package io.github.jwtsigner.internal.ed25519;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.HexFormat;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The signer end to end: RFC 8032's test vectors, then byte-for-byte agreement with the JDK's Ed25519 (whose
 * signatures are deterministic too) over many random keys and messages, and the JDK verifying ours with the
 * public key we derive.
 */
class Ed25519SignerTest {
    private static final HexFormat HEX = HexFormat.of();

    /** RFC 8032 §7.1, TEST 1, 2, 3 and TEST SHA(abc). */
    @ParameterizedTest
    @CsvSource({
        "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60,"
                + "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a, '',"
                + "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46b"
                + "d25bf5f0595bbe24655141438e7a100b",
        "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb,"
                + "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c, 72,"
                + "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c"
                + "387b2eaeb4302aeeb00d291612bb0c00",
        "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7,"
                + "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025, af82,"
                + "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc659"
                + "4a7c15e9716ed28dc027beceea1ec40a",
        "833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42,"
                + "ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf,"
                + "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd"
                + "454d4423643ce80e2a9ac94fa54ca49f,"
                + "dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b58909351fc9ac90b3ecfdfbc7c66431e030"
                + "3dca179c138ac17ad9bef1177331a704",
    })
    void signsRfc8032Vectors(String seed, String publicKey, String message, String signature) {
        Ed25519Signer signer = Ed25519Signer.fromSeed(HEX.parseHex(seed));

        assertEquals(publicKey, HEX.formatHex(signer.publicKey()));
        assertEquals(signature, HEX.formatHex(signer.sign(HEX.parseHex(message))));
    }

    @Test
    void agreesWithTheJdkByteForByteOnRandomKeysAndMessages() throws Exception {
        SplittableRandom random = new SplittableRandom(20261130);
        Signature jdk = Signature.getInstance("Ed25519");
        for (int n = 0; n < 400; n++) {
            byte[] seed = randomBytes(random, 32);
            byte[] message = randomBytes(random, random.nextInt(0, 600));
            Ed25519Signer signer = Ed25519Signer.fromSeed(seed);

            jdk.initSign(jdkPrivateKey(seed));
            jdk.update(message);
            byte[] expected = jdk.sign();

            assertEquals(HEX.formatHex(expected), HEX.formatHex(signer.sign(message)), "seed " + HEX.formatHex(seed));
            jdk.initVerify(jdkPublicKey(signer.publicKey()));
            jdk.update(message);
            assertTrue(jdk.verify(signer.sign(message)), "JDK verifies with our public key");
        }
    }

    @Test
    void oneSignerServesManyThreadsAtOnce() throws Exception {
        Ed25519Signer signer = Ed25519Signer.fromSeed(HEX.parseHex(
                "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"));
        byte[][] messages = new byte[64][];
        String[] expected = new String[messages.length];
        SplittableRandom random = new SplittableRandom(99);
        for (int i = 0; i < messages.length; i++) {
            messages[i] = randomBytes(random, 1 + random.nextInt(200));
            expected[i] = HEX.formatHex(signer.sign(messages[i]));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t;
                results.add(pool.submit(() -> {
                    int checked = 0;
                    for (int n = 0; n < 200; n++) {
                        int i = (offset * 7 + n) % messages.length;
                        assertEquals(expected[i], HEX.formatHex(signer.sign(messages[i])));
                        checked++;
                    }
                    return checked;
                }));
            }
            for (java.util.concurrent.Future<Integer> result : results) {
                assertEquals(200, result.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A signature whose nonce came from one message and whose S from another still verifies, for the second
     * message; but with the signature of the first it gives the private scalar away. Ed25519 is deterministic, so
     * every signature must be exactly that of one of the two messages.
     */
    @Test
    void signsOneSnapshotOfAMessageThatAnotherThreadKeepsChanging() throws Exception {
        Ed25519Signer signer = Ed25519Signer.fromSeed(HEX.parseHex(
                "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7"));
        byte[] message = randomBytes(new SplittableRandom(3), 300);
        message[0] = 'a';
        byte[] first = message.clone();
        byte[] second = message.clone();
        second[0] = 'b';
        String signedFirst = HEX.formatHex(signer.sign(first));
        String signedSecond = HEX.formatHex(signer.sign(second));
        // One byte flips, so any one read of the array is one of the two messages; only two reads can mix them.
        java.lang.invoke.VarHandle bytes = java.lang.invoke.MethodHandles.arrayElementVarHandle(byte[].class);
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread flipper = new Thread(() -> {
            for (int n = 0; !stop.get(); n++) {
                bytes.setVolatile(message, 0, (n & 1) == 0 ? (byte) 'a' : (byte) 'b');
            }
        });
        flipper.start();
        int mixed = 0;
        try {
            for (int n = 0; n < 1000; n++) {
                String signature = HEX.formatHex(signer.sign(message));
                if (!signature.equals(signedFirst) && !signature.equals(signedSecond)) {
                    mixed++;
                }
            }
        } finally {
            stop.set(true);
            flipper.join();
        }

        assertEquals(0, mixed, "signatures with the nonce of one message and S of the other, out of 1000");
    }

    @Test
    void agreesWithTheJdkOnExtremeSeeds() throws Exception {
        for (byte fill : new byte[] {0, 1, (byte) 0x7f, (byte) 0x80, (byte) 0xff}) {
            byte[] seed = new byte[32];
            java.util.Arrays.fill(seed, fill);
            Signature jdk = Signature.getInstance("Ed25519");
            jdk.initSign(jdkPrivateKey(seed));
            jdk.update(new byte[] {1, 2, 3});

            assertArrayEquals(jdk.sign(), Ed25519Signer.fromSeed(seed).sign(new byte[] {1, 2, 3}));
        }
    }

    @Test
    void signsTheConcatenationOfTheParts() {
        Ed25519Signer signer = Ed25519Signer.fromSeed(new byte[32]);
        byte[] whole = "eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiIxIn0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        assertArrayEquals(signer.sign(whole), signer.sign("eyJhbGciOiJFZERTQSJ9".getBytes(
                java.nio.charset.StandardCharsets.US_ASCII), new byte[] {'.'}, "eyJzdWIiOiIxIn0".getBytes(
                java.nio.charset.StandardCharsets.US_ASCII)));
        assertFalse(java.util.Arrays.equals(signer.sign(whole), signer.sign(new byte[0])));
    }

    @Test
    void sIsBelowTheGroupOrder() {
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 0; n < 200; n++) {
            byte[] signature = Ed25519Signer.fromSeed(randomBytes(random, 32)).sign(randomBytes(random, 40));
            byte[] s = java.util.Arrays.copyOfRange(signature, 32, 64);
            assertTrue(ScalarReference.fromLittleEndian(s).compareTo(BaseTable.ORDER) < 0);
        }
    }

    @ParameterizedTest
    @CsvSource({"0", "31", "33", "64"})
    void refusesASeedOfTheWrongLengthNamingOnlyTheLength(int length) {
        byte[] seed = new byte[length];
        java.util.Arrays.fill(seed, (byte) 0x5a);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ed25519Signer.fromSeed(seed));

        assertEquals("an Ed25519 private key is 32 bytes; got " + length + " bytes", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Ed25519Signer.fromSeed(null));
    }

    @Test
    void toStringShowsNoKeyMaterial() {
        Ed25519Signer signer = Ed25519Signer.fromSeed(HEX.parseHex(
                "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));

        assertEquals("Ed25519Signer", signer.toString());
    }

    @Test
    void publicKeyIsACopy() {
        Ed25519Signer signer = Ed25519Signer.fromSeed(new byte[32]);
        byte[] first = signer.publicKey();
        first[0] ^= 1;

        assertFalse(java.util.Arrays.equals(first, signer.publicKey()));
    }

    static byte[] randomBytes(SplittableRandom random, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    private static PrivateKey jdkPrivateKey(byte[] seed) throws Exception {
        return KeyFactory.getInstance("Ed25519").generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519,
                seed));
    }

    private static PublicKey jdkPublicKey(byte[] encoded) throws Exception {
        boolean xOdd = (encoded[31] & 0x80) != 0;
        byte[] y = encoded.clone();
        y[31] &= 0x7f;
        return KeyFactory.getInstance("Ed25519").generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519,
                new EdECPoint(xOdd, ScalarReference.fromLittleEndian(y))));
    }

    /** Reference arithmetic with {@link BigInteger}, for the tests. */
    static final class ScalarReference {
        private ScalarReference() {
        }

        static BigInteger fromLittleEndian(byte[] le) {
            byte[] be = new byte[le.length];
            for (int i = 0; i < le.length; i++) {
                be[i] = le[le.length - 1 - i];
            }
            return new BigInteger(1, be);
        }

        static byte[] toLittleEndian(BigInteger v, int length) {
            byte[] le = new byte[length];
            for (int i = 0; i < length; i++) {
                le[i] = v.shiftRight(8 * i).byteValue();
            }
            return le;
        }
    }
}
