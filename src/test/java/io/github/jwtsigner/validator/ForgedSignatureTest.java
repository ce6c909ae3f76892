package io.github.jwtsigner.validator;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import io.github.jwtsigner.JwtValidatorFilter;
import io.github.jwtsigner.ValidatorConfig;
import io.github.jwtsigner.testing.TestKeys;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.github.jwtsigner.validator.Forge.b64;
import static io.github.jwtsigner.validator.Forge.bearer;
import static io.github.jwtsigner.validator.Forge.claims;
import static io.github.jwtsigner.validator.Forge.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Signatures an attacker can make without the configured private keys: key confusion, ECDSA and EdDSA values
 * that broken verifiers accept, other PSS parameters, keys the token points at, keys the set marks as not for
 * this use. Each must get a 401; the genuine signature next to it must pass, so the test shows the refusal is
 * the signature's.
 */
class ForgedSignatureTest {
    private static final BigInteger P256_N =
            new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);
    private static final BigInteger ED25519_L = BigInteger.ONE.shiftLeft(252)
            .add(new BigInteger("27742317777372353535851937790883648493"));

    private static final OctetSequenceKey HMAC = TestKeys.hmac(256, "h1");
    private static final OctetSequenceKey SHORT_HMAC = TestKeys.hmac(128, "h-short");
    private static final RSAKey RSA = TestKeys.rsa("r1");
    private static final ECKey EC = TestKeys.ec(Curve.P_256, "e1");
    private static final ECKey EC384 = TestKeys.ec(Curve.P_384, "e384");
    private static RSAKey rsaForEncryption;
    private static RSAKey rsaOnlyRs256;
    private static RSAKey rsa1024;
    private static KeyPair ed;
    private static JwtValidatorFilter filter;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        rsaForEncryption = new RSAKeyGenerator(2048).keyID("r-enc").keyUse(KeyUse.ENCRYPTION).generate();
        rsaOnlyRs256 = new RSAKeyGenerator(2048).keyID("r-rs256").algorithm(com.nimbusds.jose.JWSAlgorithm.RS256)
                .generate();
        rsa1024 = new RSAKeyGenerator(1024, true).keyID("r-small").generate();
        ed = TestKeys.ed25519();
        byte[] x509 = ed.getPublic().getEncoded();
        OctetKeyPair edJwk = new OctetKeyPair.Builder(Curve.Ed25519,
                com.nimbusds.jose.util.Base64URL.encode(Arrays.copyOfRange(x509, x509.length - 32, x509.length)))
                .keyID("d1").build();
        String set = TestKeys.set(HMAC, SHORT_HMAC, RSA.toPublicJWK(), EC.toPublicJWK(), EC384.toPublicJWK(),
                edJwk, rsaForEncryption.toPublicJWK(), rsaOnlyRs256.toPublicJWK(), rsa1024.toPublicJWK());
        filter = Forge.filter(dir, set, ValidatorConfig.builder()
                .alg("HS256", "HS384", "RS256", "PS256", "ES256", "ES384", "EdDSA"));
    }

    private static String header(String alg, String kid) {
        return "{\"alg\":\"" + alg + "\",\"kid\":\"" + kid + "\"}";
    }

    private static void refused(String token, String what) throws Exception {
        Forge.Result r = bearer(filter, token);
        assertFalse(r.passed(), what);
        assertEquals(401, r.status(), what);
        assertTrue(r.response().getHeader("WWW-Authenticate").startsWith("Bearer error=\"invalid_token\""), what);
    }

    private static void accepted(String token, String what) throws Exception {
        Forge.Result r = bearer(filter, token);
        assertTrue(r.passed(), what + ": " + r.response().getHeader("WWW-Authenticate"));
        assertEquals("alice", r.seen().getRemoteUser());
    }

    @Test
    void anHs256TokenMacedWithTheRsaPublicKeyInAnyEncodingIsRefused() throws Exception {
        byte[] der = RSA.toRSAPublicKey().getEncoded();
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END PUBLIC KEY-----\n";
        Map<String, byte[]> secrets = new LinkedHashMap<>();
        secrets.put("DER", der);
        secrets.put("PEM", pem.getBytes(StandardCharsets.US_ASCII));
        secrets.put("PEM without final newline", pem.strip().getBytes(StandardCharsets.US_ASCII));
        secrets.put("JWK", RSA.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8));
        secrets.put("modulus", RSA.getModulus().decode());
        secrets.put("EC public key", EC.toECPublicKey().getEncoded());
        secrets.put("Ed25519 public key", ed.getPublic().getEncoded());
        for (Map.Entry<String, byte[]> s : secrets.entrySet()) {
            for (String kid : new String[] {"r1", "e1", "d1", "h1"}) {
                refused(Forge.hmac(input(header("HS256", kid), claims()), s.getValue(), 256), s.getKey() + " " + kid);
            }
            refused(Forge.hmac(input("{\"alg\":\"HS256\"}", claims()), s.getValue(), 256), s.getKey() + " no kid");
        }
        accepted(Forge.hmac(input(header("HS256", "h1"), claims()), HMAC.toByteArray(), 256), "genuine");
    }

    @Test
    void es256PsychicAndMisencodedSignaturesAreRefused() throws Exception {
        String in = input(header("ES256", "e1"), claims());
        byte[] genuine = Forge.sign("SHA256withECDSAinP1363Format", EC.toPrivateKey(), in);
        byte[] der = Forge.sign("SHA256withECDSA", EC.toPrivateKey(), in);
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(genuine, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(genuine, 32, 64));
        Map<String, byte[]> forged = new LinkedHashMap<>();
        forged.put("r = s = 0", new byte[64]);
        forged.put("r = s = n", concat(fixed(P256_N, 32), fixed(P256_N, 32)));
        forged.put("r = n, s = 1", concat(fixed(P256_N, 32), fixed(BigInteger.ONE, 32)));
        forged.put("r, s = n", concat(fixed(r, 32), fixed(P256_N, 32)));
        forged.put("r = n, s", concat(fixed(P256_N, 32), fixed(s, 32)));
        forged.put("r, s = 0", concat(fixed(r, 32), new byte[32]));
        forged.put("DER", der);
        forged.put("one byte more", Arrays.copyOf(genuine, 65));
        forged.put("one byte less", Arrays.copyOf(genuine, 63));
        forged.put("empty", new byte[0]);
        for (Map.Entry<String, byte[]> f : forged.entrySet()) {
            refused(in + "." + b64(f.getValue()), f.getKey());
        }
        accepted(in + "." + b64(genuine), "genuine");
        refused(input(header("ES384", "e1"), claims()) + "." + b64(genuine), "ES384 header on a P-256 key");
    }

    @Test
    void pssWithAnotherSaltLengthOrMgfHashIsRefused() throws Exception {
        String in = input(header("PS256", "r1"), claims());
        PrivateKey key = RSA.toPrivateKey();
        refused(in + "." + b64(Forge.pss(key, in, "SHA-256", "SHA-256", 0)), "salt 0");
        refused(in + "." + b64(Forge.pss(key, in, "SHA-256", "SHA-256", 20)), "salt 20");
        refused(in + "." + b64(Forge.pss(key, in, "SHA-256", "SHA-256", 64)), "salt 64");
        refused(in + "." + b64(Forge.pss(key, in, "SHA-256", "SHA-1", 32)), "MGF1 SHA-1");
        refused(in + "." + b64(Forge.pss(key, in, "SHA-512", "SHA-512", 64)), "SHA-512");
        refused(in + "." + b64(Forge.sign("SHA256withRSA", key, in)), "PKCS#1 v1.5 under a PS256 header");
        accepted(in + "." + b64(Forge.pss(key, in, "SHA-256", "SHA-256", 32)), "genuine");
        String rs = input(header("RS256", "r1"), claims());
        refused(rs + "." + b64(Forge.pss(key, rs, "SHA-256", "SHA-256", 32)), "PSS under an RS256 header");
        byte[] pkcs = Forge.sign("SHA256withRSA", key, rs);
        refused(rs + "." + b64(Arrays.copyOfRange(pkcs, 1, pkcs.length)), "leading byte dropped");
        refused(rs + "." + b64(concat(new byte[1], pkcs)), "leading zero added");
        accepted(rs + "." + b64(pkcs), "genuine RS256");
    }

    @Test
    void ed25519WithNonCanonicalSOrZeroSignatureIsRefused() throws Exception {
        String in = input(header("EdDSA", "d1"), claims());
        byte[] genuine = Forge.sign("Ed25519", ed.getPrivate(), in);
        byte[] sLittle = Arrays.copyOfRange(genuine, 32, 64);
        BigInteger s = new BigInteger(1, reverse(sLittle));
        byte[] nonCanonical = concat(Arrays.copyOf(genuine, 32), reverse(fixed(s.add(ED25519_L), 32)));
        refused(in + "." + b64(nonCanonical), "S + L");
        refused(in + "." + b64(new byte[64]), "all zero");
        refused(in + "." + b64(Arrays.copyOf(genuine, 63)), "short");
        accepted(in + "." + b64(genuine), "genuine");
    }

    @Test
    void keysTheTokenPointsAtAreNeverUsed() throws Exception {
        RSAKey attacker = TestKeys.rsa("r1");
        String jwk = attacker.toPublicJWK().toJSONString();
        String x5c = "[\"" + Base64.getEncoder().encodeToString(new byte[] {48, 0}) + "\"]";
        for (String extra : new String[] {"\"jwk\":" + jwk, "\"jku\":\"https://attacker.example/jwks.json\"",
                "\"x5u\":\"https://attacker.example/cert.pem\"", "\"x5c\":" + x5c}) {
            for (String kid : new String[] {",\"kid\":\"r1\"", ""}) {
                String in = input("{\"alg\":\"RS256\"" + kid + "," + extra + "}", claims());
                refused(in + "." + b64(Forge.sign("SHA256withRSA", attacker.toPrivateKey(), in)), extra + kid);
            }
        }
    }

    @Test
    void keysTheSetMarksOtherwiseAreNotUsed() throws Exception {
        String enc = input(header("RS256", "r-enc"), claims());
        refused(enc + "." + b64(Forge.sign("SHA256withRSA", rsaForEncryption.toPrivateKey(), enc)), "use enc");
        String ps = input(header("PS256", "r-rs256"), claims());
        refused(ps + "." + b64(Forge.pss(rsaOnlyRs256.toPrivateKey(), ps, "SHA-256", "SHA-256", 32)), "alg RS256");
        String rs = input(header("RS256", "r-rs256"), claims());
        accepted(rs + "." + b64(Forge.sign("SHA256withRSA", rsaOnlyRs256.toPrivateKey(), rs)), "its own alg");
        String small = input(header("RS256", "r-small"), claims());
        refused(small + "." + b64(Forge.sign("SHA256withRSA", rsa1024.toPrivateKey(), small)), "1024-bit RSA");
        refused(Forge.hmac(input(header("HS256", "h-short"), claims()), SHORT_HMAC.toByteArray(), 256), "short");
        refused(Forge.hmac(input("{\"alg\":\"HS256\"}", claims()), SHORT_HMAC.toByteArray(), 256), "short, no kid");
        refused(Forge.hmac(input(header("HS384", "h1"), claims()), HMAC.toByteArray(), 384), "HS384, 256-bit key");
        String es = input(header("ES384", "e384"), claims());
        refused(es + "." + b64(Forge.sign("SHA256withECDSAinP1363Format", EC.toPrivateKey(), es)), "P-256 key");
        accepted(es + "." + b64(Forge.sign("SHA384withECDSAinP1363Format", EC384.toPrivateKey(), es)), "genuine");
    }

    @Test
    void aSignatureOfOtherBytesIsRefused() throws Exception {
        String in = input(header("HS256", "h1"), claims());
        String genuine = Forge.hmac(in, HMAC.toByteArray(), 256);
        String sig = genuine.substring(genuine.lastIndexOf('.') + 1);
        refused(input(header("HS256", "h1"), claims().replace("alice", "admin")) + "." + sig, "claims changed");
        refused(input("{\"kid\":\"h1\",\"alg\":\"HS256\"}", claims()) + "." + sig, "header reordered");
        refused(in + "." + sig.substring(0, sig.length() - 2), "truncated MAC");
        refused(in + ".", "empty signature");
        refused(in, "two parts");
    }

    private static byte[] fixed(BigInteger v, int length) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[length];
        int n = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - n, out, length - n, n);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] reverse(byte[] a) {
        byte[] out = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[a.length - 1 - i];
        }
        return out;
    }
}
