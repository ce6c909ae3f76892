package io.github.jwtsigner.internal.keys;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * JWK test fixtures under {@code src/test/resources/jwk}: RFC 7517 A.2, RFC 7520 §3.2/3.4/3.5, RFC 8037 A.1
 * (with an added kid), KrakenD's sample set, and keys generated once for P-384, RSA-4096, HS384 and HS512.
 */
final class TestJwks {
    static final String KRAKEND = "krakend-symmetric-jwk.json";
    static final String RFC7517_A2 = "rfc7517-a2-private.json";
    static final String RFC7520_EC_P521 = "rfc7520-3.2-ec-p521-private.json";
    static final String RFC7520_RSA = "rfc7520-3.4-rsa-private.json";
    static final String RFC7520_HMAC = "rfc7520-3.5-hmac.json";
    static final String RFC8037_ED25519 = "rfc8037-a1-ed25519.json";
    static final String GENERATED = "generated-signing-keys.json";

    /** Members that are key material; none may appear in a message, log line or toString. */
    static final List<String> SECRET_MEMBERS = List.of("k", "d", "p", "q", "dp", "dq", "qi");
    /** Public numbers, which we also keep out of messages. */
    static final List<String> PUBLIC_MEMBERS = List.of("n", "x", "y");

    private TestJwks() {
    }

    static String resource(String name) {
        try (InputStream in = TestJwks.class.getResourceAsStream("/jwk/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource [" + name + "]");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JWK with this kid from a set resource (or the resource itself when it is a single JWK). */
    static JsonObject jwk(String resourceName, String kid) {
        JsonObject root = JsonParser.parseString(resource(resourceName)).getAsJsonObject();
        if (!root.has("keys")) {
            return root;
        }
        for (JsonElement key : root.getAsJsonArray("keys")) {
            JsonObject o = key.getAsJsonObject();
            if (o.has("kid") && o.get("kid").getAsString().equals(kid)) {
                return o;
            }
        }
        throw new IllegalArgumentException("no kid [" + kid + "] in [" + resourceName + "]");
    }

    /** A copy of {@code jwk} without the named members. */
    static JsonObject without(JsonObject jwk, String... members) {
        JsonObject copy = jwk.deepCopy();
        Arrays.stream(members).forEach(copy::remove);
        return copy;
    }

    static String set(JsonObject... keys) {
        StringBuilder sb = new StringBuilder("{\"keys\":[");
        for (int i = 0; i < keys.length; i++) {
            sb.append(i == 0 ? "" : ",").append(keys[i]);
        }
        return sb.append("]}").toString();
    }

    static String base64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** base64urlUInt (RFC 7518 §2): big-endian, no sign octet. */
    static String base64urlUInt(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return base64url(bytes);
    }

    /** A freshly generated RSA private JWK of the given size. */
    static JsonObject generatedRsa(String kid, int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
            JsonObject jwk = new JsonObject();
            jwk.addProperty("kty", "RSA");
            jwk.addProperty("kid", kid);
            jwk.addProperty("n", base64urlUInt(key.getModulus()));
            jwk.addProperty("e", base64urlUInt(key.getPublicExponent()));
            jwk.addProperty("d", base64urlUInt(key.getPrivateExponent()));
            jwk.addProperty("p", base64urlUInt(key.getPrimeP()));
            jwk.addProperty("q", base64urlUInt(key.getPrimeQ()));
            jwk.addProperty("dp", base64urlUInt(key.getPrimeExponentP()));
            jwk.addProperty("dq", base64urlUInt(key.getPrimeExponentQ()));
            jwk.addProperty("qi", base64urlUInt(key.getCrtCoefficient()));
            return jwk;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An {@code oct} JWK of {@code length} bytes, without alg. */
    static JsonObject octKey(String kid, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (31 * i + 7);
        }
        JsonObject jwk = new JsonObject();
        jwk.addProperty("kty", "oct");
        jwk.addProperty("kid", kid);
        jwk.addProperty("k", base64url(bytes));
        return jwk;
    }

    /** Every value of a key-material member (and of n, x, y) anywhere in {@code json}. */
    static List<String> keyMaterial(String json) {
        List<String> values = new ArrayList<>();
        collect(JsonParser.parseString(json), values);
        return values;
    }

    /** Fails when {@code text} contains any key-material value found in {@code json}, or a long part of one. */
    static void assertNoKeyMaterial(String text, String json) {
        for (String value : keyMaterial(json)) {
            // A 12-character window catches a value even if cut or wrapped.
            for (int i = 0; i + 12 <= value.length(); i += 6) {
                String part = value.substring(i, i + 12);
                assertFalse(text.contains(part), () -> "key material leaked into: " + text);
            }
            assertFalse(value.length() >= 4 && text.contains(value), () -> "key material leaked into: " + text);
        }
    }

    private static void collect(JsonElement element, List<String> values) {
        if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(e -> collect(e, values));
        } else if (element.isJsonObject()) {
            for (var member : element.getAsJsonObject().entrySet()) {
                boolean material = SECRET_MEMBERS.contains(member.getKey())
                        || PUBLIC_MEMBERS.contains(member.getKey());
                if (material && member.getValue().isJsonPrimitive()) {
                    values.add(member.getValue().getAsString());
                } else {
                    collect(member.getValue(), values);
                }
            }
        }
    }
}
