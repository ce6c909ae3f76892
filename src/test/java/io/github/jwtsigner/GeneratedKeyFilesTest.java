package io.github.jwtsigner;

import com.google.gson.JsonParser;
import io.github.jwtsigner.testing.RecordingResponse;
import io.github.jwtsigner.testing.TestFilterConfig;
import io.github.jwtsigner.testing.TestKeys;
import io.github.jwtsigner.testing.TestRequest;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.spec.SecretKeySpec;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The key files the README's walkthrough makes (OpenSSL 3.0 and python3-jwcrypto, kept in
 * {@code src/test/resources/keys/readme}) work as it says: named with a leading slash under {@code /WEB-INF/}, each
 * one signs, the signature verifies with a library we did not write, and the validator given the same file accepts
 * the token.
 */
class GeneratedKeyFilesTest {
    private static final String CLAIMS = "{\"access_token\":{\"sub\":\"alice\",\"exp\":%d}}";

    private static String resource(String name) throws IOException {
        try (InputStream in = GeneratedKeyFilesTest.class.getResourceAsStream("/keys/readme/" + name)) {
            return new String(in.readAllBytes(), UTF_8);
        }
    }

    /** The public key jose4j verifies with: from the {@code openssl pkey -pubout} file, or the HMAC secret. */
    private static Key verificationKey(String alg, String publicFile) throws Exception {
        if (alg.startsWith("HS")) {
            String k = JsonParser.parseString(resource(publicFile)).getAsJsonObject().getAsJsonArray("keys").get(0)
                    .getAsJsonObject().get("k").getAsString();
            return new SecretKeySpec(Base64.getUrlDecoder().decode(k), "HmacSHA256");
        }
        byte[] der = Base64.getMimeDecoder().decode(resource(publicFile).replaceAll("-----[A-Z ]+-----", ""));
        String type = alg.startsWith("ES") ? "EC" : alg.equals("EdDSA") ? "Ed25519" : "RSA";
        return KeyFactory.getInstance(type).generatePublic(new X509EncodedKeySpec(der));
    }

    @ParameterizedTest(name = "{0} from {2}")
    @CsvSource({
        "RS256, pem_local_path, rs256.pem, rs256-public.pem, shop-rsa",
        "PS256, pem_local_path, rs256.pem, rs256-public.pem, shop-rsa",
        "ES256, pem_local_path, es256.pem, es256-public.pem, shop-1",
        "EdDSA, pem_local_path, eddsa.pem, eddsa-public.pem, shop-ed",
        "HS256, jwk_local_path, hs256.json, hs256.json, hs-1",
        "ES256, jwk_local_path, es256.json, es256-public.pem, es-1",
    })
    void signsWithTheKeyFileAndTheValidatorAcceptsTheToken(String alg, String source, String file,
            String publicFile, String kid) throws Exception {
        String path = "/WEB-INF/keys/" + file;
        Map<String, String> webapp = Map.of(path, resource(file));
        Map<String, String> signerParams = new LinkedHashMap<>();
        signerParams.put(Setting.ALG.settingName(), alg);
        signerParams.put(Setting.KID.settingName(), kid);
        signerParams.put(Setting.KEYS_TO_SIGN.settingName(), "access_token");
        signerParams.put(source, path);
        JwtSignerFilter signer = new JwtSignerFilter();
        signer.init(new TestFilterConfig(signerParams, webapp));

        RecordingResponse login = new RecordingResponse();
        signer.doFilter(TestRequest.post("/login"), login, (req, res) -> {
            res.setContentType("application/json");
            res.getWriter().write(String.format(CLAIMS, System.currentTimeMillis() / 1000 + 600));
        });
        String token = JsonParser.parseString(login.bodyText(UTF_8)).getAsJsonObject().get("access_token")
                .getAsString();
        signer.destroy();

        assertTrue(TestKeys.verifies(token, alg, verificationKey(alg, publicFile)), token);
        assertEquals(kid, TestKeys.kid(token));

        Map<String, String> validatorParams = new LinkedHashMap<>();
        validatorParams.put(Setting.ALG.settingName(), alg);
        validatorParams.put(source, path);
        JwtValidatorFilter validator = new JwtValidatorFilter();
        validator.init(new TestFilterConfig(validatorParams, webapp));
        AtomicReference<HttpServletRequest> seen = new AtomicReference<>();
        validator.doFilter(new TestRequest("GET", "/api/me").withHeader("Authorization", "Bearer " + token),
                new RecordingResponse(), (req, res) -> seen.set((HttpServletRequest) req));
        validator.destroy();

        assertEquals("alice", seen.get().getRemoteUser());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out rs256.pem",
        "openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out es256.pem",
        "openssl genpkey -algorithm ed25519 -out eddsa.pem",
        "openssl pkey -in es256.pem -pubout -out es256-public.pem",
        "printf '{\"keys\":[{\"kty\":\"oct\",\"kid\":\"hs-1\",\"alg\":\"HS256\",\"k\":\"%s\"}]}\\n' \\\n",
        "\"$(openssl rand 32 | base64 | tr '+/' '-_' | tr -d '=\\n')\" > hs256.json",
        "es256.pem es-1 > es256.json",
    })
    void theReadmeShowsTheCommandsTheseFilesWereMadeWith(String command) throws IOException {
        assertTrue(Files.readString(Path.of("README.md")).contains(command), command);
    }
}
