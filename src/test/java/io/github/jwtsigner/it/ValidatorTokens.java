package io.github.jwtsigner.it;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.jwtsigner.testing.LogCanary;
import io.github.jwtsigner.testing.TestKeys;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyPair;
import java.text.ParseException;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The trusted keys of the validator tests, one per algorithm family and size, and tokens made with them (or
 * with an attacker's key) by Nimbus and jose4j, libraries we did not write. A test may shape a token's header
 * and payload text freely; the signature over what is sent always comes from Nimbus or jose4j.
 */
final class ValidatorTokens {
    static final String ISSUER = "https://issuer-77.test";
    static final String AUD_API = "aud-api-51";
    static final String AUD_WEB = "aud-web-52";
    static final String SUB = "alice-7f3";

    static final OctetSequenceKey HS256 = TestKeys.hmac(256, "hs256");
    static final OctetSequenceKey HS384 = TestKeys.hmac(384, "hs384");
    static final OctetSequenceKey HS512 = TestKeys.hmac(512, "hs512");
    static final RSAKey RSA = TestKeys.rsa("rsa");
    static final ECKey P256 = TestKeys.ec(Curve.P_256, "p256");
    static final ECKey P384 = TestKeys.ec(Curve.P_384, "p384");
    static final ECKey P521 = TestKeys.ec(Curve.P_521, "p521");
    static final KeyPair ED25519 = TestKeys.ed25519();
    static final String ED_KID = "ed25519";

    /** The 13 algorithms, as JWA names. */
    static final List<String> ALGORITHMS = List.of("HS256", "HS384", "HS512", "RS256", "RS384", "RS512",
            "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA");

    private ValidatorTokens() {
    }

    /** The trusted keys as a JWK Set: the HMAC secrets, the public halves of the others. */
    static String publicJwkSet() {
        try {
            PublicJsonWebKey ed = PublicJsonWebKey.Factory.newPublicJwk(ED25519.getPublic());
            ed.setKeyId(ED_KID);
            return "{\"keys\":[" + String.join(",", HS256.toJSONString(), HS384.toJSONString(),
                    HS512.toJSONString(), RSA.toPublicJWK().toJSONString(), P256.toPublicJWK().toJSONString(),
                    P384.toPublicJWK().toJSONString(), P521.toPublicJWK().toJSONString(),
                    ed.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)) + "]}";
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path write(Path dir, String name, String text) throws IOException {
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    /** The RSA key's public half as an attacker finds it published: PEM SubjectPublicKeyInfo. */
    static String rsaPublicPem() throws JOSEException {
        return pem("PUBLIC KEY", RSA.toRSAPublicKey().getEncoded());
    }

    static String rsaPrivatePem() throws JOSEException {
        return pem("PRIVATE KEY", RSA.toPrivateKey().getEncoded());
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    static long now() {
        return System.currentTimeMillis() / 1000;
    }

    /**
     * The claims every test starts from: a user, the issuer and both audiences, exp in five minutes, iat now,
     * roles, scopes, nested values and the {@link LogCanary} claim.
     */
    static JsonObject claims() {
        JsonObject c = new JsonObject();
        c.addProperty("sub", SUB);
        c.addProperty("iss", ISSUER);
        JsonArray aud = new JsonArray();
        aud.add(AUD_API);
        aud.add(AUD_WEB);
        c.add("aud", aud);
        c.addProperty("exp", now() + 300);
        c.addProperty("iat", now());
        JsonArray roles = new JsonArray();
        roles.add("role-viewer-3");
        roles.add("role-editor-4");
        c.add("roles", roles);
        c.addProperty("scope", "orders:read profile-9");
        c.addProperty("tenant", "tenant-acme-5");
        c.addProperty(LogCanary.CLAIM, LogCanary.VALUE);
        c.add("address", JsonParser.parseString(
                "{\"city\":\"Lyon-69\",\"geo\":[45.76,4.83],\"codes\":{\"zip\":\"zip-69001\"}}"));
        c.add("realm_access", JsonParser.parseString("{\"roles\":[\"realm-admin-8\",\"realm-user-9\"]}"));
        return c;
    }

    /** {@link #claims()} changed by {@code change}. */
    static JsonObject claims(Consumer<JsonObject> change) {
        JsonObject c = claims();
        change.accept(c);
        return c;
    }

    /** The kid of the trusted key for {@code alg}. */
    static String kid(String alg) {
        return switch (alg) {
            case "HS256" -> HS256.getKeyID();
            case "HS384" -> HS384.getKeyID();
            case "HS512" -> HS512.getKeyID();
            case "ES256" -> P256.getKeyID();
            case "ES384" -> P384.getKeyID();
            case "ES512" -> P521.getKeyID();
            case "EdDSA" -> ED_KID;
            default -> RSA.getKeyID();
        };
    }

    /** Nimbus's signer with the trusted key for {@code alg} (all but EdDSA, for which Nimbus needs Tink). */
    static JWSSigner signer(JWSAlgorithm alg) throws JOSEException {
        String name = alg.getName();
        if (name.startsWith("HS")) {
            return new MACSigner(name.equals("HS256") ? HS256 : name.equals("HS384") ? HS384 : HS512);
        }
        if (name.startsWith("ES")) {
            return new ECDSASigner(name.equals("ES256") ? P256 : name.equals("ES384") ? P384 : P521);
        }
        return new RSASSASigner(RSA);
    }

    /** A JWT by Nimbus: {@code typ: JWT}, the trusted kid for {@code alg}, the claims. */
    static String nimbus(String alg, JsonObject claims) throws JOSEException, ParseException {
        JWSAlgorithm a = JWSAlgorithm.parse(alg);
        return nimbus(new JWSHeader.Builder(a).type(JOSEObjectType.JWT).keyID(kid(alg)).build(), claims,
                signer(a));
    }

    static String nimbus(JWSHeader header, JsonObject claims, JWSSigner signer)
            throws JOSEException, ParseException {
        SignedJWT jwt = new SignedJWT(header, JWTClaimsSet.parse(claims.toString()));
        jwt.sign(signer);
        return jwt.serialize();
    }

    /** A JWS by Nimbus with exactly {@code payload} as its payload text. */
    static String nimbusPayload(JWSHeader header, String payload, JWSSigner signer) throws JOSEException {
        JWSObject jws = new JWSObject(header, new Payload(payload));
        jws.sign(signer);
        return jws.serialize();
    }

    /** A HS256 JWS by Nimbus over the trusted kid {@code hs256} with exactly {@code payload}. */
    static String hs256Payload(String payload) throws JOSEException {
        return nimbusPayload(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT)
                .keyID(HS256.getKeyID()).build(), payload, signer(JWSAlgorithm.HS256));
    }

    /** A JWT by jose4j: {@code typ: JWT}, the trusted kid for {@code alg}, the claims. */
    static String jose4j(String alg, JsonObject claims) throws JoseException {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(alg);
        jws.setKeyIdHeaderValue(kid(alg));
        jws.setHeader("typ", "JWT");
        jws.setPayload(claims.toString());
        jws.setKey(jose4jKey(alg));
        return jws.getCompactSerialization();
    }

    private static Key jose4jKey(String alg) {
        try {
            return switch (alg) {
                case "HS256" -> new HmacKey(HS256.toByteArray());
                case "HS384" -> new HmacKey(HS384.toByteArray());
                case "HS512" -> new HmacKey(HS512.toByteArray());
                case "ES256" -> P256.toECPrivateKey();
                case "ES384" -> P384.toECPrivateKey();
                case "ES512" -> P521.toECPrivateKey();
                case "EdDSA" -> ED25519.getPrivate();
                default -> RSA.toRSAPrivateKey();
            };
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A token whose header and payload are exactly these texts, base64url-encoded, signed by Nimbus with the
     * trusted key for {@code alg} over exactly what is sent.
     */
    static String raw(String header, String payload, JWSAlgorithm alg) throws JOSEException {
        return encoded(b64(header), b64(payload), alg);
    }

    /** A token of these two encoded parts as given, signed by Nimbus over exactly them. */
    static String encoded(String header64, String payload64, JWSAlgorithm alg) throws JOSEException {
        String input = header64 + "." + payload64;
        Base64URL signature = signer(alg).sign(new JWSHeader(alg), input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + signature;
    }

    static String b64(String text) {
        return b64(text.getBytes(StandardCharsets.UTF_8));
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * What must never come back to the client for {@code token}: the token, each of its parts, and every string
     * and number in its payload, when that is JSON, but the values in {@code allowed}.
     */
    static Set<String> secrets(String token, Set<String> allowed) {
        Set<String> out = new LinkedHashSet<>();
        out.add(token);
        String[] parts = token.split("\\.", -1);
        for (String p : parts) {
            if (p.length() >= 8) {
                out.add(p);
            }
        }
        if (parts.length >= 2) {
            try {
                String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
                collect(JsonParser.parseString(payload), out);
            } catch (RuntimeException notJson) {
                // A malformed payload has no values to collect; the token and its parts are checked.
            }
        }
        out.removeAll(allowed);
        return out;
    }

    private static void collect(JsonElement e, Set<String> out) {
        if (e.isJsonObject()) {
            for (Map.Entry<String, JsonElement> m : e.getAsJsonObject().entrySet()) {
                collect(m.getValue(), out);
            }
        } else if (e.isJsonArray()) {
            e.getAsJsonArray().forEach(v -> collect(v, out));
        } else if (e.isJsonPrimitive()) {
            String s = e.getAsString();
            if (s.length() >= 4) {
                out.add(s);
            }
            if (e.getAsJsonPrimitive().isString()) {
                for (String word : s.split(" ")) {
                    if (word.length() >= 4) {
                        out.add(word);
                    }
                }
            }
        }
    }
}
