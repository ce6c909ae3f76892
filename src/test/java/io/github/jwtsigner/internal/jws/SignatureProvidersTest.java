package io.github.jwtsigner.internal.jws;

import io.github.jwtsigner.SigningAlgorithm;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.lang.System.Logger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Security;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The opt-in provider: ACCP (whose linux-x86_64 build is on the test class path) signs every private-key
 * algorithm with tokens jose4j verifies, is never installed into the JVM, and anything that cannot be loaded
 * falls back to the JDK with a WARNING.
 */
class SignatureProvidersTest {
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
        Optional<Provider> accp = SignatureProviders.resolve("ACCP", log);
        assertTrue(accp.isPresent(), "ACCP loads on this platform: " + warnings);
        KeyPair pair = keyPair(alg);

        SignatureFunction function = SignatureProviders.privateKey(alg, pair.getPrivate(), accp, log);
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
        SignatureProviders.resolve("ACCP", log);

        for (Provider p : Security.getProviders()) {
            assertFalse(p.getName().contains("Corretto"), "installed: " + p.getName());
        }
    }

    @Test
    void aRegisteredProviderIsFoundByName() throws Exception {
        Optional<Provider> sunEc = SignatureProviders.resolve("SunEC", log);
        assertEquals("SunEC", sunEc.orElseThrow().getName());

        SignatureFunction function = SignatureProviders.privateKey(SigningAlgorithm.ES256,
                keyPair(SigningAlgorithm.ES256).getPrivate(), sunEc, log);
        assertEquals(64, function.sign(new byte[] {'a'}, new byte[] {'b'}).length, "JOSE R||S, not DER");
    }

    @Test
    void anUnloadableProviderFallsBackToTheJdkWithAWarning() {
        Optional<Provider> none = SignatureProviders.resolve("com.example.NoSuchProvider", log);

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

        SignatureFunction function = SignatureProviders.privateKey(SigningAlgorithm.RS256, rsa.getPrivate(),
                Optional.of(sunEc), log);

        assertInstanceOf(JavaJwtSignature.class, function);
        assertTrue(warnings.get(0).contains("cannot sign alg [RS256]"), warnings.toString());
    }

    @Test
    void pooledSignaturesServeManyThreads() throws Exception {
        Provider accp = SignatureProviders.resolve("ACCP", log).orElseThrow();
        KeyPair pair = keyPair(SigningAlgorithm.ES256);
        JwsTokenSigner signer = new JwsTokenSigner(SigningAlgorithm.ES256, "k1", "JWT", false,
                SignatureProviders.privateKey(SigningAlgorithm.ES256, pair.getPrivate(), Optional.of(accp), log));
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
