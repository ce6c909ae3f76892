package io.github.jwtsigner.example;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a compact HS256 JWS that the signing filter issued, with the same {@code oct} key from the same JWK
 * Set file, and hands back its claims.
 *
 * <p>Only the signature and the header ({@code alg} HS256, the configured {@code kid}) are checked here;
 * whether the token is still wanted (expiry, single use) is the caller's business. Written with the JDK's
 * {@code Mac} because java-jwt's verifier needs Jackson, which the filter leaves out. Immutable and
 * thread-safe.
 */
public final class Hs256TokenVerifier {
    private static final String HMAC_SHA256 = "HmacSHA256";
    private static final int MIN_KEY_BYTES = 32;

    private final String kid;
    private final SecretKeySpec key;

    private Hs256TokenVerifier(String kid, byte[] secret) {
        this.kid = kid;
        this.key = new SecretKeySpec(secret, HMAC_SHA256);
    }

    /**
     * @param jwkSet a JWK Set ({@code {"keys": [...]}}) or a single JWK, as JSON text
     * @param kid the key to use
     * @throws IllegalArgumentException when the text is not a JWK Set, the kid is not there, or the key is not
     *     an {@code oct} key of at least 256 bits
     */
    public static Hs256TokenVerifier fromJwkSet(String jwkSet, String kid) {
        JsonObject root = StrictJson.parseObject(jwkSet)
                .orElseThrow(() -> new IllegalArgumentException("JWK Set is not a JSON object; expected {\"keys\": [...]}"));
        List<JsonObject> keys = new ArrayList<>();
        if (root.has("keys") && root.get("keys").isJsonArray()) {
            for (JsonElement key : root.getAsJsonArray("keys")) {
                if (key.isJsonObject()) {
                    keys.add(key.getAsJsonObject());
                }
            }
        } else {
            keys.add(root);
        }
        List<String> kids = new ArrayList<>();
        for (JsonObject jwk : keys) {
            String id = string(jwk, "kid");
            kids.add(id);
            if (kid.equals(id)) {
                return new Hs256TokenVerifier(kid, secretOf(jwk, kid));
            }
        }
        throw new IllegalArgumentException("kid [" + kid + "] not found in JWK Set; kids there: " + kids);
    }

    private static byte[] secretOf(JsonObject jwk, String kid) {
        if (!"oct".equals(string(jwk, "kty"))) {
            throw new IllegalArgumentException("key [" + kid + "] has kty [" + string(jwk, "kty") + "]; expected [oct]");
        }
        byte[] secret;
        try {
            secret = Base64.getUrlDecoder().decode(String.valueOf(string(jwk, "k")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("key [" + kid + "] has no base64url k member; expected one", e);
        }
        if (secret.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("key [" + kid + "] is [" + secret.length * 8
                    + "] bits long; expected at least 256 for HS256");
        }
        return secret;
    }

    /**
     * @return the claims, when {@code token} is a compact JWS with header alg HS256 and this verifier's kid and
     *     a valid signature over a JSON object; empty otherwise
     */
    public Optional<JsonObject> verify(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            Optional<JsonObject> header = StrictJson.parseObject(base64UrlText(parts[0]));
            if (header.isEmpty() || !"HS256".equals(string(header.get(), "alg"))
                    || !kid.equals(string(header.get(), "kid"))) {
                return Optional.empty();
            }
            byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
            if (!MessageDigest.isEqual(hmac(parts[0] + "." + parts[1]), signature)) {
                return Optional.empty();
            }
            return StrictJson.parseObject(base64UrlText(parts[1]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] hmac(String signingInput) {
        try {
            // A Mac is not thread-safe; one per call keeps the verifier shareable.
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(key);
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available; expected in every JDK", e);
        }
    }

    private static String base64UrlText(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    private static String string(JsonObject object, String name) {
        JsonElement value = object.get(name);
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()
                ? value.getAsString() : null;
    }

    @Override
    public String toString() {
        return "Hs256TokenVerifier[kid=" + kid + "]";
    }
}
