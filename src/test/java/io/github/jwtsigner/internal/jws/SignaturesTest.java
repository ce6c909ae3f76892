package io.github.jwtsigner.internal.jws;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;

import io.github.jwtsigner.InvalidConfigurationException;
import io.github.jwtsigner.SignerConfig;
import io.github.jwtsigner.SigningAlgorithm;
import io.github.jwtsigner.SigningException;
import io.github.jwtsigner.internal.ed25519.Ed25519Signer;
import io.github.jwtsigner.testing.RecordingLogger;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Who signs: java-jwt for HS*, RS*, PS* and ES*; for EdDSA this library's Ed25519 once its probe passed, else the
 * JDK's; a named provider when one is set and can; and the token signer made for a checked key.
 */
class SignaturesTest {
    /** RFC 7520 §4 payload, base64url-encoded. */
    private static final String RFC7520_PAYLOAD = "SXTigJlzIGEgZGFuZ2Vyb3VzIGJ1c2luZXNzLCBGcm9kbywgZ29pbmcgb3V0IH"
            + "lvdXIgZG9vci4gWW91IHN0ZXAgb250byB0aGUgcm9hZCwgYW5kIGlmIHlvdSBk"
            + "b24ndCBrZWVwIHlvdXIgZmVldCwgdGhlcmXigJlzIG5vIGtub3dpbmcgd2hlcm"
            + "UgeW91IG1pZ2h0IGJlIHN3ZXB0IG9mZiB0by4";

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static String base64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SignaturesTest.class.getResourceAsStream("/jwk/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static PrivateKey rfc8037Ed25519() throws Exception {
        byte[] d = Base64.getUrlDecoder().decode("nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A");
        return KeyFactory.getInstance("Ed25519").generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, d));
    }

    @Test
    void signsTheRfc7520Hs256Example() throws Exception {
        byte[] key = Base64.getUrlDecoder().decode("hJtXIZ2uSN5kbQfbtTNWbpdmhkV8FJG-Onbc6mxCcYg");
        String header = "eyJhbGciOiJIUzI1NiIsImtpZCI6IjAxOGMwYWU1LTRkOWItNDcxYi1iZmQ2LWVlZjMxNGJjNzAzNyJ9";

        byte[] signature = Signatures.hmac(SigningAlgorithm.HS256, key).sign(ascii(header),
                ascii(RFC7520_PAYLOAD));

        assertEquals("s0h6KThzkfBBBkLspW1h84VsJZFTsPPqMDA7g1Md7p0", base64url(signature));
    }

    @Test
    void signsTheRfc7520Rs256Example() throws Exception {
        PrivateKey key = RSAKey.parse(resource("rfc7520-3.4-rsa-private.json")).toRSAPrivateKey();
        String header = "eyJhbGciOiJSUzI1NiIsImtpZCI6ImJpbGJvLmJhZ2dpbnNAaG9iYml0b24uZXhhbXBsZSJ9";

        byte[] signature = Signatures.privateKey(SigningAlgorithm.RS256, key).sign(ascii(header),
                ascii(RFC7520_PAYLOAD));

        assertEquals("MRjdkly7_-oTPTS3AXP41iQIGKa80A0ZmTuV5MEaHoxnW2e5CZ5NlKtainoFmK"
                + "ZopdHM1O2U4mwzJdQx996ivp83xuglII7PNDi84wnB-BDkoBwA78185hX-Es4J"
                + "IwmDLJK3lfWRa-XtL0RnltuYv746iYTh_qHRD68BNt1uSNCrUCTJDt5aAE6x8w"
                + "W1Kt9eRo4QPocSadnHXFxnt8Is9UzpERV0ePPQdLuW3IS_de3xyIrDaLGdjluP"
                + "xUAhb6L2aXic1U12podGU0KLUQSE_oI-ZnmKJ3F4uOZDnd6QZWJushZ41Axf_f"
                + "cIe8u9ipH84ogoree7vjbU5y18kDquDg", base64url(signature));
    }

    @Test
    void signsTheRfc8037Ed25519Example() throws Exception {
        byte[] signature = Signatures.privateKey(SigningAlgorithm.EdDSA, rfc8037Ed25519())
                .sign(ascii("eyJhbGciOiJFZERTQSJ9"), ascii("RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc"));

        assertEquals("hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg",
                base64url(signature));
    }

    @ParameterizedTest
    @CsvSource({"HS256, HmacSHA256", "HS384, HmacSHA384", "HS512, HmacSHA512"})
    void computesHmacOverHeaderDotPayload(SigningAlgorithm alg, String jcaName) throws Exception {
        byte[] key = new byte[64];
        Mac mac = Mac.getInstance(jcaName);
        mac.init(new SecretKeySpec(key, jcaName));

        byte[] signature = Signatures.hmac(alg, key).sign(ascii("aGVhZGVy"), ascii("cGF5bG9hZA"));

        assertArrayEquals(mac.doFinal(ascii("aGVhZGVy.cGF5bG9hZA")), signature);
    }

    @ParameterizedTest
    @CsvSource({
        "ES256, rfc7517-a2-private.json, 64, SHA256withECDSAinP1363Format",
        "ES384, generated-signing-keys.json, 96, SHA384withECDSAinP1363Format",
        "ES512, rfc7520-3.2-ec-p521-private.json, 132, SHA512withECDSAinP1363Format",
    })
    void returnsEcdsaSignaturesAsJoseRAndS(SigningAlgorithm alg, String resourceName, int length, String jcaName)
            throws Exception {
        ECKey jwk = ecKey(resourceName, alg);

        byte[] signature = Signatures.privateKey(alg, jwk.toECPrivateKey()).sign(ascii("aGVhZGVy"),
                ascii("cGF5bG9hZA"));

        assertEquals(length, signature.length);
        Signature verifier = Signature.getInstance(jcaName);
        verifier.initVerify(jwk.toECPublicKey());
        verifier.update(ascii("aGVhZGVy.cGF5bG9hZA"));
        assertTrue(verifier.verify(signature));
    }

    private static ECKey ecKey(String resourceName, SigningAlgorithm alg) throws Exception {
        for (JWK jwk : com.nimbusds.jose.jwk.JWKSet.parse(setOf(resource(resourceName))).getKeys()) {
            if (jwk instanceof ECKey ec && ec.getCurve().getName().equals(alg.curve())) {
                return ec;
            }
        }
        throw new IllegalArgumentException("no " + alg.curve() + " key in " + resourceName);
    }

    private static String setOf(String json) {
        return json.contains("\"keys\"") ? json : "{\"keys\":[" + json + "]}";
    }

    @Test
    void wrapsAProviderFailureWithoutKeyMaterial() throws Exception {
        // A 512-bit modulus is too short for an RS512 signature: the provider itself refuses.
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(512);
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
        SignatureFunction function = Signatures.privateKey(SigningAlgorithm.RS512, key);

        SigningException e = assertThrows(SigningException.class,
                () -> function.sign(ascii("aGVhZGVy"), ascii("cGF5bG9hZA")));

        assertEquals(SigningException.Reason.SIGNATURE_FAILED, e.reason());
        assertEquals("RS512 signature failed (SignatureGenerationException)", e.getMessage());
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            assertFalse(message.contains(key.getPrivateExponent().toString(16)), message);
            assertFalse(message.contains(key.getPrivateExponent().toString()), message);
            assertFalse(message.contains(base64url(key.getPrivateExponent().toByteArray())), message);
        }
    }

    /** An Ed25519 key the JDK provider cannot use: it exposes neither its bytes nor an encoding. */
    private static final class OpaqueEd25519Key implements EdECPrivateKey {
        @Override
        public Optional<byte[]> getBytes() {
            return Optional.empty();
        }

        @Override
        public NamedParameterSpec getParams() {
            return NamedParameterSpec.ED25519;
        }

        @Override
        public String getAlgorithm() {
            return "EdDSA";
        }

        @Override
        public String getFormat() {
            return null;
        }

        @Override
        public byte[] getEncoded() {
            return null;
        }
    }

    @Test
    void signsEdDsaWithThisLibrarysEd25519WhenTheKeyExposesItsBytes() throws Exception {
        PrivateKey key = rfc8037Ed25519();
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initSign(key);
        jdk.update(ascii("aGVhZGVy.cGF5bG9hZA"));

        SignatureFunction function = Signatures.privateKey(SigningAlgorithm.EdDSA, key);

        assertEquals("Ed25519Signature", function.toString());
        assertArrayEquals(jdk.sign(), function.sign(ascii("aGVhZGVy"), ascii("cGF5bG9hZA")));
    }

    @Test
    void signsEdDsaWithTheJdkWhenTheKeyHidesItsBytes() {
        assertEquals("JdkEd25519Signature",
                Signatures.privateKey(SigningAlgorithm.EdDSA, new OpaqueEd25519Key()).toString());
    }

    /** The RFC 8037 key, as this library's signer. */
    private static Ed25519Signer ourRfc8037Signer() {
        return Ed25519Signer.fromSeed(Base64.getUrlDecoder().decode("nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"));
    }

    private static SignatureFunction jdkCannotSign() {
        return (h, p) -> {
            throw new SigningException(SigningException.Reason.SIGNATURE_FAILED,
                    "EdDSA signature failed (InvalidKeyException)");
        };
    }

    /** Signs as ours does, then flips one bit of S: a signature of the right form that does not verify. */
    private static SignatureFunction broken(Ed25519Signer signer) {
        return (h, p) -> {
            byte[] signature = new Ed25519Signature(signer).sign(h, p);
            signature[40] ^= 1;
            return signature;
        };
    }

    /** Counts the probes {@code function} is asked to sign. */
    private static final class Counting implements SignatureFunction {
        private final SignatureFunction function;
        private int calls;

        Counting(SignatureFunction function) {
            this.function = function;
        }

        @Override
        public byte[] sign(byte[] headerB64, byte[] payloadB64) {
            calls++;
            return function.sign(headerB64, payloadB64);
        }
    }

    @Test
    void keepsTheJdkSignatureWhenOursDisagreesOnTheProbe() throws Exception {
        RecordingLogger log = new RecordingLogger();
        Ed25519Signer ours = ourRfc8037Signer();
        SignatureFunction jdk = new JdkEd25519Signature(rfc8037Ed25519());

        assertEquals(jdk, Signatures.checkedAgainst(jdk, broken(ours), ours.publicKey(), log));

        assertEquals(1, log.lines().size());
        assertEquals(System.Logger.Level.WARNING, log.lines().get(0).level());
        assertTrue(log.lines().get(0).message().startsWith("EdDSA: this library's Ed25519 signed a probe"
                + " differently from the JDK's provider; signing with the JDK's provider (slower)."),
                log.lines().get(0).message());
    }

    @Test
    void keepsTheJdkSignatureWhenOursFailsOnTheProbe() throws Exception {
        RecordingLogger log = new RecordingLogger();
        SignatureFunction jdk = new JdkEd25519Signature(rfc8037Ed25519());
        SignatureFunction own = (h, p) -> {
            throw new SigningException(SigningException.Reason.SIGNATURE_FAILED, "EdDSA signature failed (Boom)");
        };

        assertEquals(jdk, Signatures.checkedAgainst(jdk, own, ourRfc8037Signer().publicKey(), log));

        assertTrue(log.lines().get(0).message().startsWith("EdDSA: this library's Ed25519 failed on a probe"
                + " (EdDSA signature failed (Boom)); signing with the JDK's provider"), log.lines().get(0).message());
    }

    @Test
    void usesOursWhenItAgreesAndSaysNothing() throws Exception {
        RecordingLogger log = new RecordingLogger();
        Ed25519Signer ours = ourRfc8037Signer();
        SignatureFunction jdk = new JdkEd25519Signature(rfc8037Ed25519());
        SignatureFunction own = new Ed25519Signature(ours);

        assertEquals(own, Signatures.checkedAgainst(jdk, own, ours.publicKey(), log));
        assertEquals(List.of(), log.lines());
    }

    @Test
    void keepsTheJdkSignatureWhenOursEqualsItButDoesNotVerify() {
        RecordingLogger log = new RecordingLogger();
        SignatureFunction jdk = (h, p) -> new byte[64];
        SignatureFunction own = (h, p) -> new byte[64];

        assertEquals(jdk, Signatures.checkedAgainst(jdk, own, ourRfc8037Signer().publicKey(), log));

        assertEquals(1, log.lines().size(), log.lines().toString());
        assertTrue(log.lines().get(0).message().startsWith("EdDSA: this library's Ed25519 signed a probe that the"
                + " JDK's Ed25519 does not verify with the key's public key; signing with the JDK's provider (slower)."),
                log.lines().get(0).message());
    }

    @Test
    void usesOursWhenTheJdkCannotSignOnlyOnceItsProbeVerified() {
        RecordingLogger log = new RecordingLogger();
        Ed25519Signer ours = ourRfc8037Signer();
        Counting own = new Counting(new Ed25519Signature(ours));

        assertEquals(own, Signatures.checkedAgainst(jdkCannotSign(), own, ours.publicKey(), log));

        assertEquals(1, own.calls, "ours signed a probe to be verified");
        assertEquals(List.of(), log.lines());
    }

    @Test
    void signsWithNeitherWhenTheJdkCannotSignAndOurProbeDoesNotVerify() {
        RecordingLogger log = new RecordingLogger();
        Ed25519Signer ours = ourRfc8037Signer();
        SignatureFunction own = broken(ours);

        SignatureFunction chosen = Signatures.checkedAgainst(jdkCannotSign(), own, ours.publicKey(), log);

        assertFalse(chosen == own, "the broken signature is not used");
        SigningException e = assertThrows(SigningException.class, () -> chosen.sign(ascii("aGVhZGVy"),
                ascii("cGF5bG9hZA")));
        assertEquals(SigningException.Reason.SIGNATURE_FAILED, e.reason());
        assertEquals("the JDK's provider cannot sign with this key (EdDSA signature failed (InvalidKeyException)),"
                + " and this library's Ed25519 signed a probe that the JDK's Ed25519 does not verify with the key's"
                + " public key; expected an Ed25519 key the JDK's provider can sign with", e.getMessage());
        assertEquals("UnusableEd25519Signature", chosen.toString());
    }

    @Test
    void signsWithNeitherWhenTheJdkCannotSignAndOursFails() {
        SignatureFunction own = (h, p) -> {
            throw new SigningException(SigningException.Reason.SIGNATURE_FAILED, "EdDSA signature failed (Boom)");
        };

        SignatureFunction chosen = Signatures.checkedAgainst(jdkCannotSign(), own,
                ourRfc8037Signer().publicKey(), new RecordingLogger());

        SigningException e = assertThrows(SigningException.class, () -> chosen.sign(ascii("a"), ascii("b")));
        assertEquals("the JDK's provider cannot sign with this key (EdDSA signature failed (InvalidKeyException)),"
                + " and this library's Ed25519 failed on a probe (EdDSA signature failed (Boom)); expected an Ed25519"
                + " key the JDK's provider can sign with", e.getMessage());
    }

    @Test
    void wrapsAnEd25519ProviderFailure() {
        SignatureFunction function = Signatures.privateKey(SigningAlgorithm.EdDSA, new OpaqueEd25519Key());

        SigningException e = assertThrows(SigningException.class,
                () -> function.sign(ascii("aGVhZGVy"), ascii("cGF5bG9hZA")));

        assertEquals(SigningException.Reason.SIGNATURE_FAILED, e.reason());
        assertEquals("EdDSA signature failed (InvalidKeyException)", e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(value = SigningAlgorithm.class, names = {"HS256", "HS384", "HS512"}, mode = EnumSource.Mode.EXCLUDE)
    void refusesHmacForAnAsymmetricAlg(SigningAlgorithm alg) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Signatures.hmac(alg, new byte[64]));

        assertEquals("alg [" + alg + "] is not an HMAC algorithm; expected one of [HS256, HS384, HS512]",
                e.getMessage());
    }

    @Test
    void refusesAPrivateKeyForAnHmacAlg() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Signatures.privateKey(SigningAlgorithm.HS256, rfc8037Ed25519()));

        assertEquals("alg [HS256] signs with a shared secret, not a private key; use hmac(alg, secret)",
                e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"RS256, RSA", "PS512, RSA", "ES256, EC"})
    void refusesAPrivateKeyOfTheWrongKind(SigningAlgorithm alg, String kty) throws Exception {
        PrivateKey ed25519 = rfc8037Ed25519();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Signatures.privateKey(alg, ed25519));

        assertEquals("alg [" + alg + "] needs a private key of kty [" + kty + "]; got [EdDSA]", e.getMessage());
    }

    @Test
    void refusesAnRsaKeyForEdDsa() throws Exception {
        PrivateKey rsa = RSAKey.parse(resource("rfc7520-3.4-rsa-private.json")).toRSAPrivateKey();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Signatures.privateKey(SigningAlgorithm.EdDSA, rsa));

        assertEquals("alg [EdDSA] needs a private key of kty [OKP]; got [RSA]", e.getMessage());
    }

    @Test
    void signsThroughJavaJwtWithoutJackson() throws Exception {
        assertThrows(ClassNotFoundException.class,
                () -> Class.forName("com.fasterxml.jackson.databind.ObjectMapper"));
        PrivateKey rsa = RSAKey.parse(resource("rfc7520-3.4-rsa-private.json")).toRSAPrivateKey();

        for (SigningAlgorithm alg : new SigningAlgorithm[] {SigningAlgorithm.RS256, SigningAlgorithm.PS256}) {
            assertEquals(256, Signatures.privateKey(alg, rsa).sign(ascii("a"), ascii("b")).length);
        }
        assertEquals(32, Signatures.hmac(SigningAlgorithm.HS256, new byte[32]).sign(ascii("a"),
                ascii("b")).length);
    }

    /** The token signer for a checked key: the configured kid, typ and serialization, and a probe signed first. */
    @Nested
    class TokenSigners {
        private SignerConfig config(String alg) {
            return SignerConfig.builder().alg(alg).kid("k").typ("at+jwt").full(true).keysToSign("access_token")
                    .jwkLocalPath("k.json").build();
        }

        @Test
        void signsUnderTheGivenKidWithTheConfiguredTypAndSerialization() throws Exception {
            TokenSigner signer = Signatures.tokenSigner(config("HS256"), "from-the-set", new byte[32], "kid [k]");

            assertEquals("from-the-set", signer.kid());
            assertEquals(SigningAlgorithm.HS256, signer.alg());
            assertEquals("JwsTokenSigner{alg=HS256, kid=from-the-set, typ=at+jwt, full=true}", signer.toString());
            assertTrue(signer.sign(ascii("{}")).startsWith("{\"payload\":\"e30\",\"protected\":\""));
        }

        @Test
        void signsWithAPrivateKeyAsTheJdksProvidersDoWhenNoProviderIsSet() throws Exception {
            PrivateKey key = rfc8037Ed25519();
            TokenSigner signer = Signatures.tokenSigner(config("EdDSA"), "k", key, "kid [k]");

            String expected = new JwsTokenSigner(SigningAlgorithm.EdDSA, "k", "at+jwt", true,
                    Signatures.privateKey(SigningAlgorithm.EdDSA, key)).sign(ascii("{\"sub\":\"42\"}"));
            assertEquals(expected, signer.sign(ascii("{\"sub\":\"42\"}")));
        }

        @Test
        void refusesAKeyThatCannotSignTheProbeNamingIt() {
            InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                    () -> Signatures.tokenSigner(config("EdDSA"), "k", new OpaqueEd25519Key(),
                            "the key in pem_local_path [k.pem]"));

            assertEquals(List.of("the key in pem_local_path [k.pem] cannot sign with alg [EdDSA]: EdDSA signature"
                    + " failed (InvalidKeyException)"), e.problems());
            assertInstanceOf(SigningException.class, e.getCause());
        }

        @Test
        void refusesAKidWithoutAUtf8Form() {
            assertThrows(InvalidConfigurationException.class,
                    () -> Signatures.tokenSigner(config("HS256"), "k\uDC00", new byte[32], "kid [k]"));
        }
    }

    /**
     * The opt-in provider: ACCP (whose linux-x86_64 build is on the test class path) signs every private-key
     * algorithm with tokens jose4j verifies, is never installed into the JVM, and anything that cannot be loaded
     * falls back to the JDK with a WARNING.
     */
    @Nested
    class NamedProvider {
        private final List<String> warnings = new ArrayList<>();
        private final Logger log = new Logger() {
            @Override
            public String getName() {
                return "test";
            }

            @Override
            public boolean isLoggable(Level level) {
                return true;
            }

            @Override
            public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
                warnings.add(level + " " + msg);
            }

            @Override
            public void log(Level level, ResourceBundle bundle, String format, Object... params) {
                warnings.add(level + " " + format);
            }
        };

        @ParameterizedTest
        @EnumSource(value = SigningAlgorithm.class, names = {"HS256", "HS384", "HS512"}, mode = EnumSource.Mode.EXCLUDE)
        void accpSignsTokensAnIndependentLibraryVerifies(SigningAlgorithm alg) throws Exception {
            Optional<Provider> accp = Signatures.resolve("ACCP", log);
            assertTrue(accp.isPresent(), "ACCP loads on this platform: " + warnings);
            KeyPair pair = keyPair(alg);

            SignatureFunction function = Signatures.withProvider(alg, pair.getPrivate(), accp.get(), log);
            assertInstanceOf(ProviderSignature.class, function);
            String token = new JwsTokenSigner(alg, "k1", "JWT", false, function)
                    .sign("{\"sub\":\"42\"}".getBytes(StandardCharsets.UTF_8));

            JsonWebSignature jws = new JsonWebSignature();
            jws.setCompactSerialization(token);
            jws.setKey(pair.getPublic());
            assertTrue(jws.verifySignature(), alg + " token verifies with jose4j");
            assertEquals("{\"sub\":\"42\"}", jws.getPayload());
            assertTrue(warnings.isEmpty(), warnings.toString());
        }

        @Test
        void accpIsNotInstalledIntoTheJvm() {
            Signatures.resolve("ACCP", log);

            for (Provider p : Security.getProviders()) {
                assertFalse(p.getName().contains("Corretto"), "installed: " + p.getName());
            }
        }

        @Test
        void aRegisteredProviderIsFoundByName() throws Exception {
            Optional<Provider> sunEc = Signatures.resolve("SunEC", log);
            assertEquals("SunEC", sunEc.orElseThrow().getName());

            SignatureFunction function = Signatures.withProvider(SigningAlgorithm.ES256,
                    keyPair(SigningAlgorithm.ES256).getPrivate(), sunEc.orElseThrow(), log);
            assertEquals(64, function.sign(new byte[] {'a'}, new byte[] {'b'}).length, "JOSE R||S, not DER");
        }

        @Test
        void anUnloadableProviderFallsBackToTheJdkWithAWarning() {
            Optional<Provider> none = Signatures.resolve("com.example.NoSuchProvider", log);

            assertTrue(none.isEmpty());
            assertEquals(1, warnings.size());
            assertTrue(warnings.get(0).startsWith("WARNING signature_provider [com.example.NoSuchProvider] cannot be"
                    + " loaded"), warnings.get(0));
            assertTrue(warnings.get(0).contains("signing with the JDK's providers instead"));
        }

        @Test
        void aProviderWithoutTheAlgorithmFallsBackToTheJdkWithAWarning() throws Exception {
            Provider sunEc = Security.getProvider("SunEC");
            KeyPair rsa = keyPair(SigningAlgorithm.RS256);

            SignatureFunction function = Signatures.withProvider(SigningAlgorithm.RS256, rsa.getPrivate(), sunEc,
                    log);

            assertInstanceOf(JavaJwtSignature.class, function);
            assertTrue(warnings.get(0).contains("cannot sign alg [RS256]"), warnings.toString());
        }

        @Test
        void pooledSignaturesServeManyThreads() throws Exception {
            Provider accp = Signatures.resolve("ACCP", log).orElseThrow();
            KeyPair pair = keyPair(SigningAlgorithm.ES256);
            JwsTokenSigner signer = new JwsTokenSigner(SigningAlgorithm.ES256, "k1", "JWT", false,
                    Signatures.withProvider(SigningAlgorithm.ES256, pair.getPrivate(), accp, log));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<String>> tokens = new ArrayList<>();
                for (int i = 0; i < 400; i++) {
                    String claims = "{\"sub\":\"" + i + "\"}";
                    tokens.add(pool.submit(() -> signer.sign(claims.getBytes(StandardCharsets.UTF_8))));
                }
                for (int i = 0; i < tokens.size(); i++) {
                    JsonWebSignature jws = new JsonWebSignature();
                    jws.setCompactSerialization(tokens.get(i).get());
                    jws.setKey(pair.getPublic());
                    assertTrue(jws.verifySignature());
                    assertEquals("{\"sub\":\"" + i + "\"}", jws.getPayload());
                }
            } finally {
                pool.shutdownNow();
            }
        }

        private static KeyPair keyPair(SigningAlgorithm alg) throws Exception {
            KeyPairGenerator gen;
            switch (alg.keyType()) {
                case "RSA" -> {
                    gen = KeyPairGenerator.getInstance("RSA");
                    gen.initialize(2048);
                }
                case "EC" -> {
                    gen = KeyPairGenerator.getInstance("EC");
                    gen.initialize(new ECGenParameterSpec(switch (alg) {
                        case ES256 -> "secp256r1";
                        case ES384 -> "secp384r1";
                        default -> "secp521r1";
                    }));
                }
                default -> gen = KeyPairGenerator.getInstance("Ed25519");
            }
            return gen.generateKeyPair();
        }
    }
}
