package io.github.jwtsigner.internal.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.RSAPrivateKeySpec;
import java.util.Optional;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JavaKeyJwkTest {

    private static KeyPair pair(String algorithm, Object parameter) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
        if (parameter instanceof Integer bits) {
            g.initialize(bits);
        } else if (parameter instanceof String curve) {
            g.initialize(new ECGenParameterSpec(curve));
        }
        return g.generateKeyPair();
    }

    @Test
    void describesAnRsaKeyAndDerivesItsPublicKeyFromTheCrtMembers() throws Exception {
        KeyPair rsa = pair("RSA", 2048);

        Jwk jwk = JavaKeyJwk.convert("r1", rsa.getPrivate(), null);

        assertEquals("RSA", jwk.kty());
        assertEquals(Optional.of("r1"), jwk.kid());
        assertEquals(2048, jwk.sizeBits());
        assertEquals(rsa.getPublic(), jwk.publicKey());
        assertTrue(jwk.canSign());
        assertEquals(Optional.empty(), KeyPairCheck.problem(jwk));
    }

    @Test
    void leavesThePublicKeyOfAPlainRsaKeyUnknown() throws Exception {
        RSAPrivateCrtKey crt = (RSAPrivateCrtKey) pair("RSA", 2048).getPrivate();
        java.security.PrivateKey plain = KeyFactory.getInstance("RSA")
                .generatePrivate(new RSAPrivateKeySpec(crt.getModulus(), crt.getPrivateExponent()));

        assertNull(JavaKeyJwk.convert("r1", plain, null).publicKey());
    }

    @Test
    void findsThePairCheckFailingForAPublicKeyOfAnotherPair() throws Exception {
        Jwk jwk = JavaKeyJwk.convert("r1", pair("RSA", 2048).getPrivate(), pair("RSA", 2048).getPublic());

        assertEquals(Optional.of("its private member [d] does not belong to its public members; expected a matching"
                + " key pair"), KeyPairCheck.problem(jwk));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"secp256r1, P-256, 256", "secp384r1, P-384, 384", "secp521r1, P-521, 521"})
    void namesTheJoseCurveOfAnEcKey(String jdkName, String crv, int bits) throws Exception {
        KeyPair ec = pair("EC", jdkName);

        Jwk jwk = JavaKeyJwk.convert("e1", ec.getPrivate(), ec.getPublic());

        assertEquals("EC", jwk.kty());
        assertEquals(Optional.of(crv), jwk.crv());
        assertEquals(bits, jwk.sizeBits());
        assertEquals(Optional.empty(), KeyPairCheck.problem(jwk));
    }

    @Test
    void namesACurveJoseDoesNotUseAsTheJdkNamesIt() throws Exception {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256k1"));
        ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
        java.security.PrivateKey key = KeyFactory.getInstance("EC")
                .generatePrivate(new ECPrivateKeySpec(BigInteger.valueOf(12345), spec));

        Jwk jwk = JavaKeyJwk.convert("k1", key, null);

        assertEquals(Optional.of("secp256k1 (1.3.132.0.10)"), jwk.crv());
        assertEquals(Optional.empty(), EcCurve.matching(spec));
    }

    @Test
    void describesEdwardsKeys() throws Exception {
        KeyPair ed25519 = pair("Ed25519", null);
        Jwk jwk = JavaKeyJwk.convert("d1", ed25519.getPrivate(), ed25519.getPublic());
        assertEquals("OKP", jwk.kty());
        assertEquals(Optional.of("Ed25519"), jwk.crv());
        assertEquals(Optional.empty(), KeyPairCheck.problem(jwk));

        Jwk ed448 = JavaKeyJwk.convert("d2", pair("Ed448", null).getPrivate(), null);
        assertEquals(Optional.of("Ed448"), ed448.crv());
        assertEquals(456, ed448.sizeBits());
    }

    @Test
    void describesASecretKeyAsOct() throws Exception {
        byte[] bytes = new byte[32];
        bytes[0] = 9;

        Jwk jwk = JavaKeyJwk.convert("h1", new SecretKeySpec(bytes, "HmacSHA256"), null);

        assertEquals("oct", jwk.kty());
        assertArrayEquals(bytes, jwk.secret());
        assertEquals(256, jwk.sizeBits());
    }

    @Test
    void refusesAKeyNoJwsSignsWith() throws Exception {
        JwkFormatException e = assertThrows(JwkFormatException.class,
                () -> JavaKeyJwk.convert("x", pair("DSA", 2048).getPrivate(), null));

        assertEquals("it is a [DSA] key; expected an RSA, EC or Ed25519 private key, or an HMAC secret key",
                e.getMessage());
    }

    @Test
    void findsEachNistCurveByItsParameters() throws Exception {
        for (EcCurve curve : EcCurve.values()) {
            assertEquals(Optional.of(curve), EcCurve.matching(curve.spec()));
        }
        assertNotNull(EcCurve.matching(((java.security.interfaces.ECPrivateKey) pair("EC", "secp256r1").getPrivate())
                .getParams()).orElse(null));
    }
}
