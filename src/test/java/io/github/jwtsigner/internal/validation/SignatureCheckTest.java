package io.github.jwtsigner.internal.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jwtsigner.SigningAlgorithm;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

/**
 * Signature checks as the validator makes them: Ed25519 verdicts equal to the JDK's, and engines that stay
 * initialised with the last key object giving the right answer when keys alternate, after a check that threw,
 * and from many threads at once.
 */
class SignatureCheckTest {
    private static final byte[] INPUT = "eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiIxIn0".getBytes(StandardCharsets.US_ASCII);

    /**
     * A container's request threads outlive a webapp: what this library leaves in them must be of JDK classes
     * only, or an undeployed webapp's class loader stays reachable (Tomcat reports it at every redeploy).
     */
    @Test
    void leavesOnlyJdkObjectsInTheThreadsItRunsOn() throws Exception {
        byte[] input = "a.b".getBytes(StandardCharsets.US_ASCII);
        SecretKeySpec secret = new SecretKeySpec(new byte[32], "HMAC");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(secret);
        assertTrue(SignatureCheck.verify(SigningAlgorithm.HS256, secret, input, mac.doFinal(input)));
        KeyPair rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(rsa.getPrivate());
        s.update(input);
        assertTrue(SignatureCheck.verify(SigningAlgorithm.RS256, rsa.getPublic(), input, s.sign()));

        java.lang.reflect.Field field = SignatureCheck.class.getDeclaredField("ENGINES");
        field.setAccessible(true);
        ThreadLocal<?> local = (ThreadLocal<?>) field.get(null);
        assertEquals(ThreadLocal.class, local.getClass(), "a plain ThreadLocal, holding no supplier of ours");
        Object[] values = (Object[]) local.get();
        assertTrue(Arrays.stream(values).anyMatch(v -> v != null), "the engines are kept");
        ClassLoader ours = SignatureCheck.class.getClassLoader();
        for (Object v : values) {
            if (v != null) {
                ClassLoader loader = v.getClass().getClassLoader();
                assertTrue(loader != ours && (loader == null || loader == ClassLoader.getPlatformClassLoader()),
                        v.getClass() + " is kept in the thread");
            }
        }
    }

    @Test
    void ed25519VerdictsAreTheJdks() throws Exception {
        SplittableRandom random = new SplittableRandom(12);
        for (int n = 0; n < 50; n++) {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] input = new byte[1 + random.nextInt(400)];
            random.nextBytes(input);
            byte[] signature = jdkSign("Ed25519", pair, input);
            byte[] altered = signature.clone();
            altered[random.nextInt(64)] ^= (byte) (1 << random.nextInt(8));

            assertTrue(SignatureCheck.verify(SigningAlgorithm.EdDSA, pair.getPublic(), input, signature));
            assertEquals(jdkVerify("Ed25519", pair.getPublic(), input, altered),
                    SignatureCheck.verify(SigningAlgorithm.EdDSA, pair.getPublic(), input, altered));
            assertFalse(SignatureCheck.verify(SigningAlgorithm.EdDSA, pair.getPublic(), input,
                    Arrays.copyOf(signature, 63)));
            assertFalse(SignatureCheck.verify(SigningAlgorithm.EdDSA, pair.getPublic(), input, new byte[0]));
        }
    }

    @Test
    void anEd25519KeyThatIsNoPointVerifiesNothing() throws Exception {
        BigInteger p = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));
        // y = 1 + p is the neutral point's y, not reduced; y = 1 with the sign bit set has x = 0 but claims x odd.
        for (EdECPoint point : List.of(new EdECPoint(false, p.add(BigInteger.ONE)), new EdECPoint(true,
                BigInteger.ONE))) {
            PublicKey key = KeyFactory.getInstance("Ed25519")
                    .generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, point));
            // Under the neutral key, S = 0 and R = the neutral point would verify any input.
            byte[] forgery = new byte[64];
            forgery[0] = 1;

            assertFalse(SignatureCheck.verify(SigningAlgorithm.EdDSA, key, INPUT, forgery));
            assertEquals(false, jdkVerify("Ed25519", key, INPUT, forgery));
        }
        PublicKey neutral = KeyFactory.getInstance("Ed25519")
                .generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, new EdECPoint(false,
                        BigInteger.ONE)));
        byte[] forgery = new byte[64];
        forgery[0] = 1;
        assertTrue(SignatureCheck.verify(SigningAlgorithm.EdDSA, neutral, INPUT, forgery));
        assertTrue(jdkVerify("Ed25519", neutral, INPUT, forgery));
    }

    @Test
    void alternatingKeysOnOneThreadEachVerifyOnlyTheirOwnSignatures() throws Exception {
        SecretKeySpec hmacA = new SecretKeySpec(new byte[32], "HmacSHA256");
        byte[] secretB = new byte[32];
        secretB[0] = 1;
        SecretKeySpec hmacB = new SecretKeySpec(secretB, "HmacSHA256");
        byte[] macA = hmac(hmacA);
        byte[] macB = hmac(hmacB);
        KeyPair rsaA = rsa();
        KeyPair rsaB = rsa();
        byte[] rsaSigA = jdkSign("SHA256withRSA", rsaA, INPUT);
        byte[] rsaSigB = jdkSign("SHA256withRSA", rsaB, INPUT);
        KeyPair edA = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair edB = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] edSigA = jdkSign("Ed25519", edA, INPUT);
        byte[] edSigB = jdkSign("Ed25519", edB, INPUT);
        for (int n = 0; n < 3; n++) {
            for (int twice = 0; twice < 2; twice++) {
                assertTrue(SignatureCheck.verify(SigningAlgorithm.HS256, hmacA, INPUT, macA));
                assertFalse(SignatureCheck.verify(SigningAlgorithm.HS256, hmacA, INPUT, macB));
                assertTrue(SignatureCheck.verify(SigningAlgorithm.RS256, rsaA.getPublic(), INPUT, rsaSigA));
                assertFalse(SignatureCheck.verify(SigningAlgorithm.RS256, rsaA.getPublic(), INPUT, rsaSigB));
                assertTrue(SignatureCheck.verify(SigningAlgorithm.EdDSA, edA.getPublic(), INPUT, edSigA));
                assertFalse(SignatureCheck.verify(SigningAlgorithm.EdDSA, edA.getPublic(), INPUT, edSigB));
            }
            assertTrue(SignatureCheck.verify(SigningAlgorithm.HS256, hmacB, INPUT, macB));
            assertFalse(SignatureCheck.verify(SigningAlgorithm.HS256, hmacB, INPUT, macA));
            assertTrue(SignatureCheck.verify(SigningAlgorithm.RS256, rsaB.getPublic(), INPUT, rsaSigB));
            assertFalse(SignatureCheck.verify(SigningAlgorithm.RS256, rsaB.getPublic(), INPUT, rsaSigA));
            assertTrue(SignatureCheck.verify(SigningAlgorithm.EdDSA, edB.getPublic(), INPUT, edSigB));
            assertFalse(SignatureCheck.verify(SigningAlgorithm.EdDSA, edB.getPublic(), INPUT, edSigA));
        }
    }

    @Test
    void aCheckThatThrewLeavesNothingBehindForTheNext() throws Exception {
        KeyPair rsa = rsa();
        byte[] signature = jdkSign("SHA256withRSA", rsa, INPUT);
        for (byte[] broken : List.of(new byte[0], new byte[255], new byte[257], Arrays.copyOf(signature, 300))) {
            assertFalse(SignatureCheck.verify(SigningAlgorithm.RS256, rsa.getPublic(), INPUT, broken));
            assertTrue(SignatureCheck.verify(SigningAlgorithm.RS256, rsa.getPublic(), INPUT, signature));
        }
        // A key the engine refuses must not leave the engine marked as initialised with it.
        PublicKey ecKey = KeyPairGenerator.getInstance("EC").generateKeyPair().getPublic();
        for (int twice = 0; twice < 2; twice++) {
            assertFalse(SignatureCheck.verify(SigningAlgorithm.RS256, ecKey, INPUT, signature));
        }
        SecretKeySpec good = new SecretKeySpec(new byte[32], "HmacSHA256");
        SecretKeySpec noBytes = new SecretKeySpec(new byte[32], "HmacSHA256") {
            @Override
            public byte[] getEncoded() {
                return null;
            }
        };
        assertTrue(SignatureCheck.verify(SigningAlgorithm.HS256, good, INPUT, hmac(good)));
        for (int twice = 0; twice < 2; twice++) {
            assertFalse(SignatureCheck.verify(SigningAlgorithm.HS256, noBytes, INPUT, hmac(good)));
        }
        assertTrue(SignatureCheck.verify(SigningAlgorithm.HS256, good, INPUT, hmac(good)));
    }

    @Test
    void manyThreadsWithMoreEd25519KeysThanTheCacheHoldsGetTheRightVerdicts() throws Exception {
        int keys = 40;
        List<PublicKey> publicKeys = new ArrayList<>();
        List<byte[]> signatures = new ArrayList<>();
        for (int k = 0; k < keys; k++) {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            publicKeys.add(pair.getPublic());
            signatures.add(jdkSign("Ed25519", pair, INPUT));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                int seed = t;
                results.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    int right = 0;
                    for (int n = 0; n < 300; n++) {
                        int k = random.nextInt(keys);
                        int s = random.nextInt(keys);
                        boolean verdict = SignatureCheck.verify(SigningAlgorithm.EdDSA, publicKeys.get(k), INPUT,
                                signatures.get(s));
                        if (verdict == (k == s)) {
                            right++;
                        }
                    }
                    return right;
                }));
            }
            for (Future<Integer> result : results) {
                assertEquals(300, result.get(120, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] hmac(Key key) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(key);
        return mac.doFinal(INPUT);
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static byte[] jdkSign(String algorithm, KeyPair pair, byte[] input) throws Exception {
        Signature s = Signature.getInstance(algorithm);
        s.initSign(pair.getPrivate());
        s.update(input);
        return s.sign();
    }

    private static boolean jdkVerify(String algorithm, PublicKey key, byte[] input, byte[] signature) {
        try {
            Signature s = Signature.getInstance(algorithm);
            s.initVerify(key);
            s.update(input);
            return s.verify(signature);
        } catch (java.security.GeneralSecurityException e) {
            return false;
        }
    }
}
