package io.github.jwtsigner.validator;

import io.github.jwtsigner.JwtValidatorFilter;
import io.github.jwtsigner.ValidatorConfig;
import io.github.jwtsigner.testing.RecordingResponse;
import io.github.jwtsigner.testing.TestFilterConfig;
import io.github.jwtsigner.testing.TestRequest;
import jakarta.servlet.http.HttpServletRequest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens written byte by byte (any header and claims text, any signature bytes), signed with the JDK, and a
 * filter to send them to: what an attacker controls, without a JWT library deciding what is well formed.
 */
final class Forge {
    private Forge() {
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String b64(String text) {
        return b64(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The signing input of a header and claims given as JSON text. */
    static String input(String headerJson, String claimsJson) {
        return b64(headerJson) + "." + b64(claimsJson);
    }

    static String hmac(String input, byte[] secret, int bits) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA" + bits);
        mac.init(new SecretKeySpec(secret, "HmacSHA" + bits));
        return input + "." + b64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    static byte[] sign(String jdkAlg, PrivateKey key, String input) throws GeneralSecurityException {
        Signature s = Signature.getInstance(jdkAlg);
        s.initSign(key);
        s.update(input.getBytes(StandardCharsets.US_ASCII));
        return s.sign();
    }

    static byte[] pss(PrivateKey key, String input, String hash, String mgfHash, int saltBytes)
            throws GeneralSecurityException {
        Signature s = Signature.getInstance("RSASSA-PSS");
        s.setParameter(new PSSParameterSpec(hash, "MGF1", new MGF1ParameterSpec(mgfHash), saltBytes, 1));
        s.initSign(key);
        s.update(input.getBytes(StandardCharsets.US_ASCII));
        return s.sign();
    }

    /** A claims object valid for a minute, naming alice. */
    static String claims() {
        return "{\"sub\":\"alice\",\"exp\":" + (System.currentTimeMillis() / 1000 + 60) + "}";
    }

    static String claims(String extraMembers) {
        return "{\"sub\":\"alice\",\"exp\":" + (System.currentTimeMillis() / 1000 + 60) + "," + extraMembers + "}";
    }

    static JwtValidatorFilter filter(Path dir, String jwks, ValidatorConfig.Builder b) throws Exception {
        Path file = Files.createTempFile(dir, "jwks", ".json");
        Files.writeString(file, jwks);
        JwtValidatorFilter f = new JwtValidatorFilter(b.jwkLocalPath(file.toString()).build());
        f.init(TestFilterConfig.of(Map.of()));
        return f;
    }

    /** What the filter did with one request. */
    record Result(RecordingResponse response, HttpServletRequest seen) {
        boolean passed() {
            return seen != null;
        }

        int status() {
            return response.getStatus();
        }
    }

    static Result call(JwtValidatorFilter f, TestRequest request) throws Exception {
        RecordingResponse response = new RecordingResponse();
        AtomicReference<HttpServletRequest> seen = new AtomicReference<>();
        f.doFilter(request, response, (req, res) -> seen.set((HttpServletRequest) req));
        return new Result(response, seen.get());
    }

    static Result bearer(JwtValidatorFilter f, String token) throws Exception {
        return call(f, new TestRequest("GET", "/api").withHeader("Authorization", "Bearer " + token));
    }
}
