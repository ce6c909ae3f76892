package io.github.jwtsigner.validator;

import com.nimbusds.jose.jwk.OctetSequenceKey;

import io.github.jwtsigner.JwtValidatorFilter;
import io.github.jwtsigner.ValidatorConfig;
import io.github.jwtsigner.testing.TestKeys;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

import static io.github.jwtsigner.validator.Forge.b64;
import static io.github.jwtsigner.validator.Forge.bearer;
import static io.github.jwtsigner.validator.Forge.claims;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tokens whose signature is genuine (made with the configured HMAC key over exactly these bytes) but whose
 * header, JSON or base64url is one that parsers read differently: each must be refused, so that what the
 * validator read is what the issuer meant. A genuine well-formed token passes next to each.
 */
class MalformedTokenTest {
    private static final OctetSequenceKey HMAC = TestKeys.hmac(256, "h1");
    private static final String HS256 = "{\"alg\":\"HS256\",\"kid\":\"h1\"}";
    private static JwtValidatorFilter filter;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        filter = Forge.filter(dir, TestKeys.set(HMAC), ValidatorConfig.builder().alg("HS256"));
    }

    /** A genuine HS256 signature over the given header and claims texts. */
    private static String signed(String header, String claims) throws Exception {
        return Forge.hmac(Forge.input(header, claims), HMAC.toByteArray(), 256);
    }

    private static String signedBytes(byte[] header, byte[] claims) throws Exception {
        return Forge.hmac(b64(header) + "." + b64(claims), HMAC.toByteArray(), 256);
    }

    private static void refused(String token, String what) throws Exception {
        Forge.Result r = bearer(filter, token);
        assertFalse(r.passed(), what);
        assertEquals(401, r.status(), what);
    }

    private static void accepted(String token, String what) throws Exception {
        Forge.Result r = bearer(filter, token);
        assertTrue(r.passed(), what + ": " + r.response().getHeader("WWW-Authenticate"));
    }

    @Test
    void algOtherThanTheExactAllowedNameIsRefused() throws Exception {
        for (String alg : new String[] {"\"hs256\"", "\"Hs256\"", "\"HS256 \"", "\" HS256\"", "\"HS256\\u0000\"",
                "\"none\"", "\"nOnE\"", "\"None \"", "\"NONE\"", "\"\"", "[\"HS256\"]", "256", "null", "true",
                "{\"name\":\"HS256\"}", "\"HS512\"", "\"RS256\"", "\"HS256\\n\""}) {
            refused(signed("{\"alg\":" + alg + ",\"kid\":\"h1\"}", claims()), alg);
        }
        refused(signed("{\"kid\":\"h1\"}", claims()), "no alg");
        refused(signed("{\"ALG\":\"HS256\",\"kid\":\"h1\"}", claims()), "ALG");
        String payload = b64(claims());
        refused(b64("{\"alg\":\"none\"}") + "." + payload + ".", "alg none, empty signature");
        refused(b64("{\"alg\":\"none\"}") + "." + payload, "alg none, two parts");
        accepted(signed(HS256, claims()), "genuine");
    }

    @Test
    void critAndB64AreRefused() throws Exception {
        for (String crit : new String[] {"[]", "[\"b64\"]", "[\"exp\"]", "null", "\"b64\"", "{}"}) {
            refused(signed("{\"alg\":\"HS256\",\"kid\":\"h1\",\"b64\":false,\"crit\":" + crit + "}", claims()),
                    crit);
        }
    }

    @Test
    void aNameWrittenTwiceAtAnyDepthIsRefused() throws Exception {
        String exp = "\"exp\":" + (System.currentTimeMillis() / 1000 + 60);
        refused(signed("{\"alg\":\"HS256\",\"alg\":\"HS256\",\"kid\":\"h1\"}", claims()), "alg twice");
        refused(signed("{\"alg\":\"HS256\",\"\\u0061lg\":\"none\",\"kid\":\"h1\"}", claims()), "escaped alg");
        refused(signed("{\"alg\":\"HS256\",\"kid\":\"h1\",\"kid\":\"h2\"}", claims()), "kid twice");
        refused(signed("{\"alg\":\"HS256\",\"kid\":\"h1\",\"x\":{\"a\":1,\"a\":2}}", claims()), "nested header");
        refused(signed(HS256, "{\"sub\":\"alice\",\"sub\":\"admin\"," + exp + "}"), "sub twice");
        refused(signed(HS256, "{\"sub\":\"alice\",\"\\u0073ub\":\"admin\"," + exp + "}"), "escaped sub");
        refused(signed(HS256, "{\"sub\":\"alice\",\"s\\/ub\":\"x\",\"s\\u002fub\":\"y\"," + exp + "}"), "escaped /");
        refused(signed(HS256, "{\"sub\":\"alice\"," + exp + ",\"exp\":99999999999}"), "exp twice");
        refused(signed(HS256, claims("\"realm\":{\"roles\":[\"user\"],\"roles\":[\"admin\"]}")), "nested");
        refused(signed(HS256, claims("\"list\":[{\"a\":1},{\"b\":1,\"b\":2}]")), "in an array");
        refused(signed(HS256, claims("\"deep\":[[[{\"x\":{\"y\":1,\"y\":1}}]]]")), "deep, same value");
        accepted(signed(HS256, claims("\"realm\":{\"roles\":[\"a\"]},\"other\":{\"roles\":[\"b\"]}")), "genuine");
    }

    @Test
    void textThatIsNotStrictUtf8JsonIsRefused() throws Exception {
        byte[] header = HS256.getBytes(StandardCharsets.US_ASCII);
        byte[] claims = claims().getBytes(StandardCharsets.US_ASCII);
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        refused(signedBytes(concat(bom, header), claims), "BOM before the header");
        refused(signedBytes(header, concat(bom, claims)), "BOM before the claims");
        byte[] overlong = claims().replace("alice", "al\u0000ce").getBytes(StandardCharsets.US_ASCII);
        overlong = replaceZero(overlong, new byte[] {(byte) 0xC0, (byte) 0x80});
        refused(signedBytes(header, overlong), "overlong NUL");
        byte[] surrogate = replaceZero(claims().replace("alice", "al\u0000ce").getBytes(StandardCharsets.US_ASCII),
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
        refused(signedBytes(header, surrogate), "UTF-8-encoded surrogate");
        byte[] latin1 = claims().replace("alice", "al\u00e9ce").getBytes(StandardCharsets.ISO_8859_1);
        refused(signedBytes(header, latin1), "Latin-1 byte");
        refused(signed(HS256, "{'sub':'alice','exp':" + (System.currentTimeMillis() / 1000 + 60) + "}"), "quotes");
        refused(signed(HS256, claims() + "{}"), "trailing content");
        refused(signed(HS256, claims("\"x\":NaN")), "NaN");
        refused(signed(HS256, claims("\"x\":1,")), "trailing comma");
        refused(signed(HS256, "[" + claims() + "]"), "array of claims");
        refused(signed(HS256, "\"" + claims().replace("\"", "\\\"") + "\""), "claims as a string");
        refused(signed("[" + HS256 + "]", claims()), "header as an array");
        refused(signed(HS256, ""), "empty claims");
        accepted(signed(HS256, " \n" + claims() + "\t "), "whitespace around the JSON is JSON");
        accepted(signed(HS256, claims().replace("alice", "al\u00e9ce")), "UTF-8 é");
    }

    @Test
    void base64urlThatIsNotTheOneEncodingIsRefused() throws Exception {
        String genuine = signed(HS256, claims());
        String[] p = genuine.split("\\.");
        refused(p[0] + "=." + p[1] + "." + p[2], "padding");
        refused(p[0] + "." + p[1] + "." + p[2] + "=", "padding on the signature");
        refused(p[0] + "\n." + p[1] + "." + p[2], "newline");
        refused(p[0] + ". " + p[1] + "." + p[2], "space");
        refused(p[0].substring(0, 10) + "\r\n" + p[0].substring(10) + "." + p[1] + "." + p[2], "CRLF inside");
        refused(p[0] + "." + p[1] + "." + "+/" + p[2].substring(2), "standard alphabet");
        // 32 bytes are 43 characters: the last one carries 2 unused bits, which must be zero.
        char last = p[2].charAt(p[2].length() - 1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int v = alphabet.indexOf(last);
        for (int bits = 1; bits < 4; bits++) {
            String sig = p[2].substring(0, p[2].length() - 1) + alphabet.charAt(v ^ bits);
            assertTrue(Arrays.equals(java.util.Base64.getUrlDecoder().decode(sig),
                    java.util.Base64.getUrlDecoder().decode(p[2])), "same bytes");
            refused(p[0] + "." + p[1] + "." + sig, "non-canonical signature " + bits);
        }
        refused(p[0] + "." + p[1] + "." + p[2] + "A", "a 44th character");
        refused(p[0] + "." + p[1] + "." + p[2] + ".", "four parts");
        refused("." + p[1] + "." + p[2], "empty header");
        refused(p[0] + ".." + p[2], "empty claims");
        refused(p[0] + "." + p[1] + "." + p[2] + "\u00e9", "non-ASCII");
        refused(p[0] + "." + p[1] + "." + p[2].substring(0, 10) + "\uff21" + p[2].substring(11), "fullwidth A");
        refused(p[0] + "." + p[1] + "." + p[2] + "." + p[2] + "." + p[2], "five parts");
        accepted(genuine, "genuine");
    }

    @Test
    void oversizedAndDeeplyNestedTokensAreRefused() throws Exception {
        refused(signed(HS256, claims("\"pad\":\"" + "x".repeat(8000) + "\"")), "over max_token_bytes");
        refused("a".repeat(1_000_000) + ".b.c", "a megabyte");
        refused(signed("{\"alg\":\"HS256\",\"kid\":\"h1\",\"x\":" + "[".repeat(10) + "]".repeat(10) + "}", claims()),
                "header nested 11 deep");
        refused(signed(HS256, claims("\"x\":" + "[".repeat(40) + "]".repeat(40))), "claims nested 41 deep");
        refused(signed("{\"alg\":\"HS256\",\"kid\":\"h1\",\"x\":" + "[".repeat(3000), claims()), "unclosed header");
        accepted(signed(HS256, claims("\"x\":" + "[".repeat(20) + "]".repeat(20))), "claims nested 21 deep");
    }

    @Test
    void kidTricksFindNoOtherKey() throws Exception {
        for (String kid : new String[] {"\"H1\"", "\"h1 \"", "\" h1\"", "\"h1\\u0000\"", "\"../h1\"", "\"h1\\r\\n\"",
                "\"h\\u0131\"", "1", "[\"h1\"]", "{\"kid\":\"h1\"}", "true", "\"" + "k".repeat(7000) + "\""}) {
            String header = "{\"alg\":\"HS256\",\"kid\":" + kid + "}";
            refused(signed(header, claims()), kid);
            Forge.Result r = bearer(filter, signed(header, claims()));
            assertFalse(r.response().getHeader("WWW-Authenticate").contains("h1"), kid);
        }
        accepted(signed("{\"alg\":\"HS256\",\"kid\":null}", claims()), "kid null: tried with each key of the alg");
        accepted(signed("{\"alg\":\"HS256\"}", claims()), "no kid");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Replaces the one 0 byte with {@code with}. */
    private static byte[] replaceZero(byte[] bytes, byte[] with) {
        int i = 0;
        while (bytes[i] != 0) {
            i++;
        }
        byte[] out = new byte[bytes.length - 1 + with.length];
        System.arraycopy(bytes, 0, out, 0, i);
        System.arraycopy(with, 0, out, i, with.length);
        System.arraycopy(bytes, i + 1, out, i + with.length, bytes.length - i - 1);
        return out;
    }
}
