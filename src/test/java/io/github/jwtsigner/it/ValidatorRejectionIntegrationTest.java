package io.github.jwtsigner.it;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import io.github.jwtsigner.Setting;
import io.github.jwtsigner.internal.remote.TestPki;
import io.github.jwtsigner.internal.validation.Rejection;
import io.github.jwtsigner.testing.KeyServer;
import io.github.jwtsigner.testing.TestKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.interfaces.ECPrivateKey;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.github.jwtsigner.it.ValidatorTokens.b64;
import static io.github.jwtsigner.it.ValidatorTokens.claims;
import static io.github.jwtsigner.it.ValidatorTokens.encoded;
import static io.github.jwtsigner.it.ValidatorTokens.nimbus;
import static io.github.jwtsigner.it.ValidatorTokens.now;
import static io.github.jwtsigner.it.ValidatorTokens.raw;
import static io.github.jwtsigner.it.ValidatorWebapp.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every refusal of the validator ({@link Rejection}, and each case issue 12 lists) through the real filter in a
 * webapp on Jetty and Tomcat, over real HTTP, with tokens signed by Nimbus or jose4j: the status, the exact
 * {@code WWW-Authenticate}, the JSON body, {@code Cache-Control: no-store}, nothing of the token or its claims
 * in the answer, and the servlet never ran. Each filter of the webapp also lets a good token through, so that
 * no refusal passes for a broken configuration.
 */
class ValidatorRejectionIntegrationTest {
    private static final String SCOPES = "orders:read orders:write";
    private static final RSAKey ATTACKER = TestKeys.rsa("attacker-1");

    @TempDir
    static Path temp;
    private static ValidatorWebapp webapp;
    private static KeyServer trusted;
    private static KeyServer attacker;

    @BeforeAll
    static void deploy() throws Exception {
        Path keys = ValidatorTokens.write(temp.resolve("keys"), "keys.json", ValidatorTokens.publicJwkSet());
        Path pem = ValidatorTokens.write(temp.resolve("keys"), "rsa.pem", ValidatorTokens.rsaPrivatePem());
        TestPki.Ca ca = TestPki.newCa("Trusted Key Server CA");
        Path caPem = ca.writePem(temp, "trusted-ca.pem");
        trusted = KeyServer.https(ca.issue("127.0.0.1")).serve(ValidatorTokens.publicJwkSet());
        attacker = KeyServer.http().serve(TestKeys.set(ATTACKER.toPublicJWK()));
        String local = keys.toString();
        webapp = new ValidatorWebapp(temp.resolve("webapp"))
                .validator("api", params(Setting.ALG, "HS256,RS256,ES256", Setting.JWK_LOCAL_PATH, local,
                        Setting.ISSUER, ValidatorTokens.ISSUER,
                        Setting.AUDIENCE, ValidatorTokens.AUD_API + "," + ValidatorTokens.AUD_WEB))
                .validator("pem", params(Setting.ALG, "RS256,HS256", Setting.PEM_LOCAL_PATH, pem.toString()))
                .validator("roles", params(Setting.ALG, "HS256", Setting.JWK_LOCAL_PATH, local,
                        Setting.ROLES, "role-admin-1,role-ops-2"))
                .validator("scopesany", params(Setting.ALG, "HS256", Setting.JWK_LOCAL_PATH, local,
                        Setting.SCOPES, "orders:read,orders:write"))
                .validator("scopesall", params(Setting.ALG, "HS256", Setting.JWK_LOCAL_PATH, local,
                        Setting.SCOPES, "orders:read,orders:write", Setting.SCOPES_MATCHER, "all"))
                .validator("small", params(Setting.ALG, "HS256", Setting.JWK_LOCAL_PATH, local,
                        Setting.MAX_TOKEN_BYTES, "600"))
                .validator("cookie", params(Setting.ALG, "HS256", Setting.JWK_LOCAL_PATH, local,
                        Setting.COOKIE_KEY, "access_token"))
                .validator("remote", params(Setting.ALG, "RS256,ES256", Setting.JWK_URL, trusted.url("/jwks.json"),
                        Setting.JWK_LOCAL_CA, caPem.toString()));
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            webapp.stop();
        } finally {
            trusted.close();
            attacker.close();
        }
    }

    /** Makes a token when the request is sent, for a case whose token must be fresh then. */
    interface FreshToken {
        String make() throws Exception;
    }

    /** What one request sends: its header lines, and what must not come back. */
    record Sent(List<String> headers, Set<String> secrets) {
        static Sent bearer(String token, Set<String> allowed) {
            return new Sent(List.of("Authorization", "Bearer " + token), ValidatorTokens.secrets(token, allowed));
        }
    }

    /** One refused request: where it goes, what it sends (made when sent), why it is refused. */
    record Case(String name, String path, Callable<Sent> request, Rejection why, String scope) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case api(String name, String token, Rejection why) {
        return at("/api/x", name, token, why);
    }

    private static Case at(String path, String name, String token, Rejection why) {
        Sent sent = Sent.bearer(token, Set.of());
        return new Case(name, path, () -> sent, why, null);
    }

    /** A case whose token is made when it is sent: its times are relative to then. */
    private static Case fresh(String name, FreshToken token, Rejection why) {
        return new Case(name, "/api/x", () -> Sent.bearer(token.make(), Set.of()), why, null);
    }

    private static Case sending(String name, String path, List<String> headers, Rejection why, Set<String> secrets) {
        Sent sent = new Sent(headers, secrets);
        return new Case(name, path, () -> sent, why, null);
    }

    /** A HS256 token by Nimbus with exactly these claims as its payload text. */
    private static String hs256(JsonObject claims) throws Exception {
        return ValidatorTokens.hs256Payload(claims.toString());
    }

    /** {@code claims} as JSON text with one more member written as given. */
    private static String plus(JsonObject claims, String member) {
        String s = claims.toString();
        return s.substring(0, s.length() - 1) + "," + member + "}";
    }

    private static String withHeader(String header) throws JOSEException {
        return raw(header, claims().toString(), JWSAlgorithm.HS256);
    }

    /** HS256 tokens with an HMAC key that is the RSA key's public half, as an attacker can read it. */
    private static List<Case> keyConfusion() throws Exception {
        Map<String, byte[]> secrets = new LinkedHashMap<>();
        secrets.put("PEM text", ValidatorTokens.rsaPublicPem().getBytes(StandardCharsets.US_ASCII));
        secrets.put("PEM text without its last line break",
                ValidatorTokens.rsaPublicPem().strip().getBytes(StandardCharsets.US_ASCII));
        secrets.put("DER SubjectPublicKeyInfo", ValidatorTokens.RSA.toRSAPublicKey().getEncoded());
        secrets.put("JWK n bytes", ValidatorTokens.RSA.getModulus().decode());
        secrets.put("JWK JSON text",
                ValidatorTokens.RSA.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8));
        List<Case> cases = new ArrayList<>();
        for (Map.Entry<String, byte[]> s : secrets.entrySet()) {
            MACSigner mac = new MACSigner(s.getValue());
            String kidRsa = nimbus(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("rsa").build(), claims(), mac);
            String noKid = nimbus(new JWSHeader.Builder(JWSAlgorithm.HS256).build(), claims(), mac);
            cases.add(api("HS256 keyed with the RSA " + s.getKey() + ", kid of the RSA key", kidRsa,
                    Rejection.UNKNOWN_KID));
            cases.add(api("HS256 keyed with the RSA " + s.getKey() + ", no kid", noKid, Rejection.BAD_SIGNATURE));
            cases.add(at("/pem/x", "HS256 keyed with the RSA " + s.getKey() + ", no kid, PEM key source", noKid,
                    Rejection.NO_KEY));
            cases.add(at("/pem/x", "HS256 keyed with the RSA " + s.getKey() + ", kid, PEM key source", kidRsa,
                    Rejection.UNKNOWN_KID));
        }
        return cases;
    }

    private static List<Case> algNone() throws Exception {
        String payload = b64(claims().toString());
        String plain = new PlainJWT(JWTClaimsSet.parse(claims().toString())).serialize();
        List<Case> cases = new ArrayList<>();
        cases.add(api("alg none by Nimbus, empty signature", plain, Rejection.ALG_NONE));
        for (String alg : List.of("none", "None", "NONE", "nOnE")) {
            String header = b64("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}");
            cases.add(api("alg " + alg + ", empty signature", header + "." + payload + ".", Rejection.ALG_NONE));
            cases.add(api("alg " + alg + ", HS256 signature part", encoded(header, payload, JWSAlgorithm.HS256),
                    Rejection.ALG_NONE));
        }
        cases.add(api("alg none with the kid of a key", withHeader("{\"alg\":\"none\",\"kid\":\"hs256\"}"),
                Rejection.ALG_NONE));
        cases.add(api("alg none without a signature part", plain.substring(0, plain.length() - 1),
                Rejection.MALFORMED));
        return cases;
    }

    private static List<Case> algorithms() throws Exception {
        List<Case> cases = new ArrayList<>();
        for (String alg : List.of("HS384", "HS512", "RS384", "RS512", "PS256", "PS512", "ES384", "ES512")) {
            cases.add(api(alg + " outside the allow-list", nimbus(alg, claims()), Rejection.ALG_NOT_ALLOWED));
        }
        cases.add(api("EdDSA (jose4j) outside the allow-list", ValidatorTokens.jose4j("EdDSA", claims()),
                Rejection.ALG_NOT_ALLOWED));
        cases.add(api("alg HS257", withHeader("{\"alg\":\"HS257\"}"), Rejection.ALG_NOT_ALLOWED));
        cases.add(api("alg hs256 in lower case", withHeader("{\"alg\":\"hs256\"}"), Rejection.ALG_NOT_ALLOWED));
        cases.add(api("alg a number", withHeader("{\"alg\":256}"), Rejection.BAD_HEADER));
        cases.add(api("no alg", withHeader("{\"typ\":\"JWT\"}"), Rejection.BAD_HEADER));
        return cases;
    }

    private static List<Case> headers() throws Exception {
        List<Case> cases = new ArrayList<>();
        cases.add(api("crit [exp] by Nimbus", nimbus(new JWSHeader.Builder(JWSAlgorithm.HS256)
                .criticalParams(Set.of("exp")).customParam("exp", now() + 60).build(), claims(),
                ValidatorTokens.signer(JWSAlgorithm.HS256)), Rejection.CRIT));
        cases.add(api("crit empty", withHeader("{\"alg\":\"HS256\",\"crit\":[]}"), Rejection.CRIT));
        for (String typ : List.of("at+jwt", "JOSE", "application/at+jwt", "JWS")) {
            cases.add(api("typ " + typ, nimbus(new JWSHeader.Builder(JWSAlgorithm.HS256)
                    .type(new JOSEObjectType(typ)).keyID("hs256").build(), claims(),
                    ValidatorTokens.signer(JWSAlgorithm.HS256)), Rejection.TYP));
        }
        cases.add(api("typ a number", withHeader("{\"alg\":\"HS256\",\"typ\":1}"), Rejection.TYP));
        cases.add(api("unknown kid", nimbus(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("nobody").build(),
                claims(), ValidatorTokens.signer(JWSAlgorithm.HS256)), Rejection.UNKNOWN_KID));
        cases.add(api("ES256 with the kid of the RSA key", nimbus(new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID("rsa").build(), claims(), ValidatorTokens.signer(JWSAlgorithm.ES256)), Rejection.UNKNOWN_KID));
        cases.add(api("ES256 with the kid of the P-384 key", nimbus(new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID("p384").build(), claims(), ValidatorTokens.signer(JWSAlgorithm.ES256)), Rejection.UNKNOWN_KID));
        cases.add(api("HS256 with the kid of the P-256 key", nimbus(new JWSHeader.Builder(JWSAlgorithm.HS256)
                .keyID("p256").build(), claims(), ValidatorTokens.signer(JWSAlgorithm.HS256)), Rejection.UNKNOWN_KID));
        cases.add(api("RS256 with the kid of an HMAC key", nimbus(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID("hs256").build(), claims(), ValidatorTokens.signer(JWSAlgorithm.RS256)), Rejection.UNKNOWN_KID));
        cases.add(api("kid a number", withHeader("{\"alg\":\"HS256\",\"kid\":7}"), Rejection.BAD_KID));
        cases.add(api("HS256 signed with another secret", nimbus(new JWSHeader.Builder(JWSAlgorithm.HS256)
                .keyID("hs256").build(), claims(), new MACSigner(TestKeys.hmac(256, "x"))), Rejection.BAD_SIGNATURE));
        return cases;
    }

    /** Attackers' keys carried or pointed at by the token: never used. */
    private static List<Case> embeddedKeys(String path) throws Exception {
        RSASSASigner bySelf = new RSASSASigner(ATTACKER);
        TestPki.Ca selfSigned = TestPki.newCa("Attacker");
        URI jku = URI.create(attacker.url("/jwks.json"));
        List<Case> cases = new ArrayList<>();
        cases.add(at(path, "jwk header with the attacker's key and kid", nimbus(new JWSHeader.Builder(
                JWSAlgorithm.RS256).jwk(ATTACKER.toPublicJWK()).keyID("attacker-1").build(), claims(), bySelf),
                Rejection.UNKNOWN_KID));
        cases.add(at(path, "jwk header with the attacker's key, no kid", nimbus(new JWSHeader.Builder(
                JWSAlgorithm.RS256).jwk(ATTACKER.toPublicJWK()).build(), claims(), bySelf), Rejection.BAD_SIGNATURE));
        cases.add(at(path, "jwk header with the attacker's key, kid of the trusted key", nimbus(
                new JWSHeader.Builder(JWSAlgorithm.RS256).jwk(ATTACKER.toPublicJWK()).keyID("rsa").build(),
                claims(), bySelf), Rejection.BAD_SIGNATURE));
        cases.add(at(path, "jku to the attacker's live server, its kid", nimbus(new JWSHeader.Builder(
                JWSAlgorithm.RS256).jwkURL(jku).keyID("attacker-1").build(), claims(), bySelf),
                Rejection.UNKNOWN_KID));
        cases.add(at(path, "jku to the attacker's live server, no kid", nimbus(new JWSHeader.Builder(
                JWSAlgorithm.RS256).jwkURL(jku).build(), claims(), bySelf), Rejection.BAD_SIGNATURE));
        cases.add(at(path, "x5u to the attacker's live server", nimbus(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .x509CertURL(URI.create(attacker.url("/cert.pem"))).build(), claims(), bySelf),
                Rejection.BAD_SIGNATURE));
        cases.add(at(path, "x5c with the attacker's self-signed certificate", nimbus(new JWSHeader.Builder(
                JWSAlgorithm.ES256).x509CertChain(List.of(Base64.encode(selfSigned.certificate.getEncoded())))
                .build(), claims(), new ECDSASigner((ECPrivateKey) selfSigned.keys.getPrivate())),
                Rejection.BAD_SIGNATURE));
        return cases;
    }

    /** Encodings a lenient decoder reads as the same bytes, each signed by Nimbus over exactly what is sent. */
    private static List<Case> encodings() throws Exception {
        String header = b64("{\"alg\":\"HS256\",\"kid\":\"hs256\"}");
        String payload = null;
        for (int spaces = 0; payload == null && spaces < 12; spaces++) {
            String p = b64("{" + " ".repeat(spaces) + claims(c -> c.addProperty("pad", "~~~???~~~???")).toString()
                    .substring(1));
            if (p.contains("-") && p.contains("_") && p.length() % 4 != 0) {
                payload = p;
            }
        }
        assertTrue(payload != null, "no payload encodes to both - and _");
        String headerPadded = header + "=".repeat((4 - header.length() % 4) % 4);
        assertTrue(header.length() % 4 != 0, "the header needs padding for this case: " + header);
        String good = encoded(header, payload, JWSAlgorithm.HS256);
        String signature = good.substring(good.lastIndexOf('.') + 1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char last = payload.charAt(payload.length() - 1);
        String nonCanonical = payload.substring(0, payload.length() - 1)
                + alphabet.charAt(alphabet.indexOf(last) | 1);
        char sigLast = signature.charAt(signature.length() - 1);
        String input = header + "." + payload + ".";
        List<Case> cases = new ArrayList<>();
        cases.add(api("payload with = padding", encoded(header, payload + "=".repeat(4 - payload.length() % 4),
                JWSAlgorithm.HS256), Rejection.MALFORMED));
        cases.add(api("header with = padding", encoded(headerPadded, payload, JWSAlgorithm.HS256),
                Rejection.MALFORMED));
        cases.add(api("payload with + for -", encoded(header, payload.replace('-', '+'), JWSAlgorithm.HS256),
                Rejection.MALFORMED));
        cases.add(api("payload with / for _", encoded(header, payload.replace('_', '/'), JWSAlgorithm.HS256),
                Rejection.MALFORMED));
        cases.add(api("payload with a non-canonical last character", encoded(header, nonCanonical,
                JWSAlgorithm.HS256), Rejection.MALFORMED));
        cases.add(api("signature with = padding", good + "=", Rejection.MALFORMED));
        cases.add(api("signature with a non-canonical last character", input + signature.substring(0,
                signature.length() - 1) + alphabet.charAt(alphabet.indexOf(sigLast) | 1), Rejection.MALFORMED));
        cases.add(api("signature in standard base64", input + java.util.Base64.getEncoder().encodeToString(
                java.util.Base64.getUrlDecoder().decode(signature)), Rejection.MALFORMED));
        cases.add(api("four parts", good + ".", Rejection.MALFORMED));
        cases.add(api("empty header part", "." + payload + "." + signature, Rejection.MALFORMED));
        cases.add(api("one part", payload, Rejection.MALFORMED));
        cases.add(sending("Bearer with no token", "/api/x", List.of("Authorization", "Bearer"), Rejection.MALFORMED,
                Set.of()));
        return cases;
    }

    private static List<Case> json() throws Exception {
        String claims = claims().toString();
        List<Case> cases = new ArrayList<>();
        cases.add(api("header JSON cut short", withHeader("{\"alg\":\"HS256\","), Rejection.BAD_HEADER));
        cases.add(api("header with text after the object", withHeader("{\"alg\":\"HS256\"} x"),
                Rejection.BAD_HEADER));
        cases.add(api("header an array", withHeader("[\"HS256\"]"), Rejection.BAD_HEADER));
        cases.add(api("header a string", withHeader("\"HS256\""), Rejection.BAD_HEADER));
        cases.add(api("header not UTF-8", encoded(b64("{\"alg\":\"HS256\",\"x\":\"\u00e9\"}"
                .getBytes(StandardCharsets.ISO_8859_1)), b64(claims), JWSAlgorithm.HS256), Rejection.BAD_HEADER));
        cases.add(api("claims JSON cut short", ValidatorTokens.hs256Payload(claims.substring(0, claims.length() - 1)),
                Rejection.BAD_CLAIMS));
        cases.add(api("claims an array", ValidatorTokens.hs256Payload("[" + claims + "]"), Rejection.BAD_CLAIMS));
        cases.add(api("claims a string", ValidatorTokens.hs256Payload("\"" + ValidatorTokens.SUB + "\""),
                Rejection.BAD_CLAIMS));
        cases.add(api("header names alg twice", withHeader("{\"alg\":\"none\",\"alg\":\"HS256\"}"),
                Rejection.DUPLICATE_MEMBER));
        cases.add(api("header names kid twice", withHeader("{\"alg\":\"HS256\",\"kid\":\"hs256\",\"kid\":\"x\"}"),
                Rejection.DUPLICATE_MEMBER));
        cases.add(api("claims name sub twice", ValidatorTokens.hs256Payload(
                "{\"sub\":\"mallory-666\"," + claims.substring(1)), Rejection.DUPLICATE_MEMBER));
        cases.add(api("claims name exp twice", ValidatorTokens.hs256Payload(
                "{\"exp\":" + (now() - 3600) + "," + claims.substring(1)), Rejection.DUPLICATE_MEMBER));
        cases.add(api("claims name sub twice, once escaped", ValidatorTokens.hs256Payload(
                "{\"s\\u0075b\":\"mallory-666\"," + claims.substring(1)), Rejection.DUPLICATE_MEMBER));
        cases.add(api("a nested claim names a member twice", ValidatorTokens.hs256Payload(plus(
                claims(c -> c.remove("address")), "\"address\":{\"city\":\"Lyon-69\",\"city\":\"Paris-75\"}")),
                Rejection.DUPLICATE_MEMBER));
        return cases;
    }

    private static List<Case> claimChecks() throws Exception {
        List<Case> cases = new ArrayList<>();
        cases.add(api("no exp", hs256(claims(c -> c.remove("exp"))), Rejection.NO_EXP));
        cases.add(api("exp null", ValidatorTokens.hs256Payload(plus(claims(c -> c.remove("exp")), "\"exp\":null")),
                Rejection.NO_EXP));
        cases.add(api("exp a minute ago", hs256(claims(c -> c.addProperty("exp", now() - 60))), Rejection.EXPIRED));
        cases.add(api("exp a string", ValidatorTokens.hs256Payload(claims(c -> c.addProperty("exp",
                String.valueOf(now() + 300))).toString()), Rejection.BAD_CLAIM_TYPE));
        cases.add(api("exp true", ValidatorTokens.hs256Payload(claims(c -> c.addProperty("exp", true)).toString()),
                Rejection.BAD_CLAIM_TYPE));
        cases.add(fresh("nbf in a minute", () -> hs256(claims(c -> c.addProperty("nbf", now() + 60))),
                Rejection.NOT_YET_VALID));
        cases.add(fresh("nbf 3 s ahead, beyond the 1 s leeway", () -> hs256(claims(c -> c.addProperty("nbf",
                now() + 3))), Rejection.NOT_YET_VALID));
        cases.add(api("nbf a string", ValidatorTokens.hs256Payload(claims(c -> c.addProperty("nbf", "0"))
                .toString()), Rejection.BAD_CLAIM_TYPE));
        cases.add(fresh("iat in a minute", () -> hs256(claims(c -> c.addProperty("iat", now() + 60))),
                Rejection.ISSUED_IN_FUTURE));
        cases.add(fresh("iat 3 s ahead, beyond the 1 s leeway", () -> hs256(claims(c -> c.addProperty("iat",
                now() + 3))), Rejection.ISSUED_IN_FUTURE));
        cases.add(api("iss another", hs256(claims(c -> c.addProperty("iss", "https://evil-66.test"))),
                Rejection.ISSUER));
        cases.add(api("iss with a trailing slash", hs256(claims(c -> c.addProperty("iss",
                ValidatorTokens.ISSUER + "/"))), Rejection.ISSUER));
        cases.add(api("no iss", hs256(claims(c -> c.remove("iss"))), Rejection.ISSUER));
        cases.add(api("iss a number", ValidatorTokens.hs256Payload(claims(c -> c.addProperty("iss", 77))
                .toString()), Rejection.BAD_CLAIM_TYPE));
        cases.add(api("aud a string, one of two", hs256(claims(c -> c.addProperty("aud", ValidatorTokens.AUD_API))),
                Rejection.AUDIENCE));
        cases.add(api("aud an array, one of two", hs256(claims(c -> c.add("aud", array(ValidatorTokens.AUD_WEB)))),
                Rejection.AUDIENCE));
        cases.add(api("no aud", hs256(claims(c -> c.remove("aud"))), Rejection.AUDIENCE));
        cases.add(api("aud with a number", ValidatorTokens.hs256Payload(claims(c -> {
            JsonArray aud = array(ValidatorTokens.AUD_API, ValidatorTokens.AUD_WEB);
            aud.add(5);
            c.add("aud", aud);
        }).toString()), Rejection.BAD_CLAIM_TYPE));
        cases.add(api("no sub", hs256(claims(c -> c.remove("sub"))), Rejection.NO_PRINCIPAL));
        cases.add(api("sub empty", hs256(claims(c -> c.addProperty("sub", ""))), Rejection.NO_PRINCIPAL));
        cases.add(api("sub a number", ValidatorTokens.hs256Payload(claims(c -> c.addProperty("sub", 12345))
                .toString()), Rejection.NO_PRINCIPAL));
        cases.add(at("/small/x", "token over max_token_bytes 600", hs256(claims(c -> c.addProperty("pad",
                "p".repeat(200)))), Rejection.TOO_LARGE));
        cases.add(at("/roles/x", "roles none of those required", hs256(claims()), Rejection.ROLES));
        cases.add(at("/roles/x", "roles a string, not one required", hs256(claims(c -> c.addProperty("roles",
                "role-viewer-3"))), Rejection.ROLES));
        cases.add(at("/roles/x", "no roles", hs256(claims(c -> c.remove("roles"))), Rejection.ROLES));
        cases.add(scopes("/scopesany/x", "scopes any: a string of others", "profile-9 email-1"));
        cases.add(scopes("/scopesany/x", "scopes any: an array of others", array("profile-9", "email-1")));
        cases.add(scopes("/scopesany/x", "scopes any: none", null));
        cases.add(scopes("/scopesall/x", "scopes all: a string with one of two", "orders:read profile-9"));
        cases.add(scopes("/scopesall/x", "scopes all: an array with one of two", array("orders:write")));
        cases.add(scopes("/scopesall/x", "scopes all: one scope holding both names", array(SCOPES)));
        return cases;
    }

    private static Case scopes(String path, String name, Object scope) throws Exception {
        String token = hs256(claims(c -> {
            c.remove("scope");
            if (scope instanceof String s) {
                c.addProperty("scope", s);
            } else if (scope instanceof JsonArray a) {
                c.add("scope", a);
            }
        }));
        Sent sent = Sent.bearer(token, Set.of("orders:read", "orders:write", SCOPES));
        return new Case(name, path, () -> sent, Rejection.SCOPES, SCOPES);
    }

    private static List<Case> requests() throws Exception {
        String a = hs256(claims());
        String b = hs256(claims(c -> c.addProperty("sub", "bob-42")));
        Set<String> secrets = ValidatorTokens.secrets(a, Set.of());
        secrets.addAll(ValidatorTokens.secrets(b, Set.of()));
        return List.of(
                sending("no token", "/api/x", List.of(), Rejection.MISSING, Set.of()),
                sending("Basic credentials only", "/api/x", List.of("Authorization", "Basic YWxpY2U6c2VjcmV0"),
                        Rejection.MISSING, Set.of("YWxpY2U6c2VjcmV0")),
                sending("two Authorization headers", "/api/x", List.of("Authorization", "Bearer " + a,
                        "Authorization", "Bearer " + b), Rejection.AMBIGUOUS, secrets),
                sending("two Authorization headers in two letter cases", "/api/x", List.of("authorization",
                        "Bearer " + a, "AUTHORIZATION", "Bearer " + a), Rejection.AMBIGUOUS, secrets),
                sending("two token cookies", "/cookie/x", List.of("Cookie", "access_token=" + a
                        + "; access_token=" + b), Rejection.AMBIGUOUS, secrets),
                sending("no token, cookie configured", "/cookie/x", List.of("Cookie", "other=1"),
                        Rejection.MISSING, Set.of()));
    }

    private static JsonArray array(String... values) {
        JsonArray a = new JsonArray();
        for (String v : values) {
            a.add(v);
        }
        return a;
    }

    static List<Case> cases() throws Exception {
        List<Case> all = new ArrayList<>();
        all.addAll(algNone());
        all.addAll(algorithms());
        all.addAll(keyConfusion());
        all.addAll(headers());
        all.addAll(embeddedKeys("/api/x"));
        all.addAll(embeddedKeys("/remote/x"));
        all.addAll(encodings());
        all.addAll(json());
        all.addAll(claimChecks());
        all.addAll(requests());
        return all;
    }

    static Stream<Arguments> refusals() throws Exception {
        List<Case> cases = cases();
        return ServletContainer.Kind.selected().stream().flatMap(kind -> cases.stream()
                .map(c -> Arguments.of(kind, c)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("refusals")
    void refusesWithoutRunningTheServlet(ServletContainer.Kind kind, Case c) throws Exception {
        ValidatorClient client = webapp.client(kind);
        int before = RecordingServlet.CALLS.get();
        Sent sent = c.request().call();
        ValidatorClient.Reply r = client.get(c.path(), sent.headers().toArray(String[]::new));
        Refusals.assertRefused(r, c.why(), c.scope(), sent.secrets());
        assertEquals(before, RecordingServlet.CALLS.get(), () -> "the servlet ran for " + c);
    }

    @Test
    void everyRejectionHasACase() throws Exception {
        Set<Rejection> covered = cases().stream().map(Case::why).collect(Collectors.toCollection(
                () -> EnumSet.noneOf(Rejection.class)));
        assertEquals(EnumSet.allOf(Rejection.class), covered);
    }

    static Stream<ServletContainer.Kind> kinds() {
        return ServletContainer.Kind.selected().stream();
    }

    /** The same filters let good tokens through: each refusal above is the check it names, not a broken setup. */
    @ParameterizedTest
    @MethodSource("kinds")
    void eachFilterLetsAGoodTokenThroughAndTheServletRuns(ServletContainer.Kind kind) throws Exception {
        ValidatorClient client = webapp.client(kind);
        Map<String, String> good = new LinkedHashMap<>();
        good.put("/api/x", hs256(claims()));
        good.put("/api/x?rs256", nimbus("RS256", claims()));
        good.put("/api/x?es256", nimbus("ES256", claims()));
        good.put("/api/x?typ-application-jwt", nimbus(new JWSHeader.Builder(JWSAlgorithm.HS256)
                .type(new JOSEObjectType("application/jwt")).keyID("hs256").build(), claims(),
                ValidatorTokens.signer(JWSAlgorithm.HS256)));
        good.put("/api/x?typ-Application-JWT", withHeader("{\"alg\":\"HS256\",\"typ\":\"Application/JWT\"}"));
        good.put("/api/x?typ-jwt", withHeader("{\"alg\":\"HS256\",\"typ\":\"jwt\"}"));
        good.put("/api/x?no-typ-no-kid", withHeader("{\"alg\":\"HS256\"}"));
        good.put("/api/x?aud-more", hs256(claims(c -> c.add("aud",
                array("other-1", ValidatorTokens.AUD_WEB, ValidatorTokens.AUD_API)))));
        good.put("/api/x?nbf-within-leeway", hs256(claims(c -> c.addProperty("nbf", now() + 1))));
        good.put("/api/x?iat-within-leeway", hs256(claims(c -> c.addProperty("iat", now() + 1))));
        good.put("/pem/x", nimbus(new JWSHeader.Builder(JWSAlgorithm.RS256).build(), claims(),
                ValidatorTokens.signer(JWSAlgorithm.RS256)));
        good.put("/roles/x", hs256(claims(c -> c.add("roles", array("role-viewer-3", "role-ops-2")))));
        good.put("/roles/x?string", hs256(claims(c -> c.addProperty("roles", "role-admin-1"))));
        good.put("/scopesany/x", hs256(claims(c -> c.addProperty("scope", "profile-9 orders:write"))));
        good.put("/scopesany/x?array", hs256(claims(c -> c.add("scope", array("orders:read")))));
        good.put("/scopesall/x", hs256(claims(c -> c.addProperty("scope", "orders:write  profile-9 orders:read"))));
        good.put("/scopesall/x?array", hs256(claims(c -> c.add("scope", array("orders:write", "orders:read")))));
        good.put("/small/x", exactly(600));
        good.put("/cookie/x", hs256(claims()));
        good.put("/remote/x", nimbus("ES256", claims()));
        for (Map.Entry<String, String> g : good.entrySet()) {
            int before = RecordingServlet.CALLS.get();
            ValidatorClient.Reply r = client.bearer(g.getKey(), g.getValue());
            assertEquals(200, r.status(), () -> g.getKey() + ": " + r);
            assertEquals(ValidatorTokens.SUB, r.json().get("principal").getAsString(), g::getKey);
            assertEquals(before + 1, RecordingServlet.CALLS.get(), g::getKey);
        }
    }

    /** A HS256 token of exactly {@code length} characters. */
    private static String exactly(int length) throws Exception {
        for (int pad = 0; pad < 400; pad++) {
            for (String header : List.of("{\"alg\":\"HS256\"}", "{\"alg\":\"HS256\",\"typ\":\"JWT\"}")) {
                int p = pad;
                String token = raw(header, claims(c -> c.addProperty("pad", "p".repeat(p))).toString(),
                        JWSAlgorithm.HS256);
                if (token.length() == length) {
                    return token;
                }
            }
        }
        throw new AssertionError("no token of " + length + " characters");
    }

    /** The jku and x5u servers are live, and the refusals above never reached them. */
    @ParameterizedTest
    @MethodSource("kinds")
    void neverFetchesAKeyTheTokenPointsAt(ServletContainer.Kind kind) throws Exception {
        ValidatorClient client = webapp.client(kind);
        HttpResponse<String> live = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(attacker.url("/jwks.json"))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, live.statusCode());
        int seen = attacker.requests();
        for (Case c : Stream.concat(embeddedKeys("/api/x").stream(), embeddedKeys("/remote/x").stream()).toList()) {
            Sent sent = c.request().call();
            Refusals.assertRefused(client.get(c.path(), sent.headers().toArray(String[]::new)), c.why(),
                    sent.secrets());
        }
        assertEquals(seen, attacker.requests(), "the validator fetched a URL from a token header");
        assertTrue(trusted.requests() >= 1, "the trusted key server was used");
    }

}
