package io.github.jwtsigner.internal.json;

import io.github.jwtsigner.SigningException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CanonicalJsonTest {

    @Test
    void sortsMembersAtEveryLevelAndDropsWhitespace() {
        String json = "{ \"b\" : { \"z\" : 1, \"a\" : [ { \"y\" : 1, \"x\" : 2 } ] },\n \"a\" : 0 }";

        assertEquals("{\"a\":0,\"b\":{\"a\":[{\"x\":2,\"y\":1}],\"z\":1}}", canonical(json));
    }

    @Test
    void keepsArrayOrderButSortsObjectsInsideArrays() {
        assertEquals("{\"a\":[3,1,2,[\"c\",\"b\"],{\"a\":2,\"b\":1}]}",
                canonical("{\"a\":[3, 1, 2, [\"c\", \"b\"], {\"b\":1, \"a\":2}]}"));
    }

    @Test
    void sortsSupplementaryCharactersAfterTheRestOfTheBasicPlane() {
        // String.compareTo puts U+1F600 (a surrogate pair, D83D DE00) before U+FFFD; UTF-8 bytes do not.
        String smiley = "\uD83D\uDE00";
        assertTrue(smiley.compareTo("\uFFFD") < 0);

        String json = "{\"" + smiley + "\":1,\"\uFFFD\":2,\"\uE000\":3}";

        assertEquals("{\"\uE000\":3,\"\uFFFD\":2,\"" + smiley + "\":1}", canonical(json));
    }

    @Test
    void sortsNonAsciiAfterAscii() {
        assertEquals("{\"z\":1,\"\u00e9\":2}", canonical("{\"\u00e9\":2,\"z\":1}"));
    }

    @Test
    void sortsAPrefixBeforeTheLongerName() {
        assertEquals("{\"a\":1,\"aa\":2,\"ab\":3,\"b\":4}", canonical("{\"b\":4,\"ab\":3,\"aa\":2,\"a\":1}"));
    }

    @Test
    void ordersNamesByTheirUtf8Bytes() {
        List<String> names = List.of("z", "Z", "a", "", "\u00e9", "e\u0301", "\u0100", "\u07ff", "\u0800", "\uD7FF",
                "\uE000", "\uFFFD", "\uFFFF", "\uD800\uDC00", "\uD83D\uDE00", "\uDBFF\uDFFF", "a\uD83D\uDE00",
                "a\uFFFD", "~", "\u007f");
        String json = names.stream().map(n -> "\"" + n + "\":0").collect(Collectors.joining(",", "{", "}"));
        List<byte[]> sorted = new ArrayList<>();
        for (String n : names) {
            sorted.add(n.getBytes(StandardCharsets.UTF_8));
        }
        sorted.sort(Arrays::compareUnsigned);
        String expected = sorted.stream()
                .map(b -> "\"" + new String(b, StandardCharsets.UTF_8) + "\":0")
                .collect(Collectors.joining(",", "{", "}"));

        assertEquals(expected, canonical(json));
    }

    @Test
    void keepsTheLastOfDuplicateNamesOnce() {
        assertEquals("{\"a\":3,\"b\":2}", canonical("{\"a\":1,\"b\":2,\"a\":3}"));
    }

    @Test
    void keepsTheLastOfDuplicateNamesInNestedObjects() {
        assertEquals("{\"o\":{\"k\":\"last\"},\"p\":[{\"k\":true}]}",
                canonical("{\"o\":{\"k\":{\"x\":1},\"k\":\"last\"},\"p\":[{\"k\":false,\"k\":true}]}"));
    }

    @Test
    void treatsNamesSpelledWithDifferentEscapesAsDuplicates() {
        assertEquals("{\"ab\":2}", canonical("{\"ab\":1,\"a\\u0062\":2}"));
    }

    @Test
    void writesNumbersAsTheirLiteralText() {
        String numbers = "[12345678901234567890123,1.0,-0,1e400,0.1,1E+2,-1.5e-7,0]";

        assertEquals("{\"n\":" + numbers + "}", canonical("{\"n\": " + numbers.replace(",", ", ") + "}"));
    }

    @Test
    void writesLiterals() {
        assertEquals("{\"a\":true,\"b\":false,\"c\":null}", canonical("{\"c\":null,\"b\":false,\"a\":true}"));
    }

    @Test
    void reEscapesStringsTheGoWay() {
        String json = "{\"s\":\"\\u003c/script\\u003E \\/ \\u00e9 <&> \\u0001 \\u007f \\u2028\"}";

        assertEquals("{\"s\":\"\\u003c/script\\u003e / \u00e9 \\u003c\\u0026\\u003e \\u0001 \u007f \\u2028\"}",
                canonical(json));
    }

    @Test
    void escapesMemberNames() {
        assertEquals("{\"a\\u003cb\":1,\"q\\\"\":2}", canonical("{\"q\\\"\":2,\"a<b\":1}"));
    }

    @Test
    void writesAnEmptyObject() {
        assertEquals("{}", canonical(" { } "));
    }

    @Test
    void writesTheKrakendPlaygroundClaims() {
        String json = "{\n"
                + "    \"aud\": \"http://api.example.com\",\n"
                + "    \"iss\": \"https://krakend.io\",\n"
                + "    \"sub\": \"1234567890qwertyuio\",\n"
                + "    \"jti\": \"mnb23vcsrt756yuiomnbvcx98ertyuiop\",\n"
                + "    \"roles\": [\"role_a\", \"role_b\"],\n"
                + "    \"exp\": 1735689600\n"
                + "}";

        assertEquals("{\"aud\":\"http://api.example.com\",\"exp\":1735689600,\"iss\":\"https://krakend.io\","
                + "\"jti\":\"mnb23vcsrt756yuiomnbvcx98ertyuiop\",\"roles\":[\"role_a\",\"role_b\"],"
                + "\"sub\":\"1234567890qwertyuio\"}", canonical(json));
    }

    @Test
    void refusesALoneSurrogateInAValue() {
        String json = "{\"a\":[1,{\"b\":\"x\\ud800\"}]}";

        SigningException e = assertThrows(SigningException.class, () -> canonical(json));

        assertEquals(SigningException.Reason.INVALID_STRING, e.reason());
        assertEquals("claim string at offset [" + json.indexOf("\"x") + "] holds a lone surrogate, which has no"
                + " UTF-8 form; expected well-formed Unicode text", e.getMessage());
    }

    @Test
    void refusesALoneSurrogateInAName() {
        String json = "{\"ok\":1,\"secret\\udfff\":2}";

        SigningException e = assertThrows(SigningException.class, () -> canonical(json));

        assertEquals(SigningException.Reason.INVALID_STRING, e.reason());
        assertTrue(e.getMessage().contains("offset [" + json.indexOf("\"secret") + "]"), e.getMessage());
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }

    @Test
    void ignoresALoneSurrogateInADuplicateThatLoses() {
        // The losing copy is not written, so it cannot fail: Go keeps only the last value either way.
        assertEquals("{\"a\":\"ok\"}", canonical("{\"a\":\"\\ud800\",\"a\":\"ok\"}"));
    }

    @Test
    void writesLevelsBelowTheRecursionLimitAsAboveIt() {
        // A loop with an explicit stack writes what lies RECURSION_LEVELS deep; the rules stay the same.
        int levels = CanonicalJson.RECURSION_LEVELS + 3;
        String json = "{\"z\": [1, true], \"a\": \"x\", \"a\": \"<\", \"m\": ".repeat(levels) + "{ }"
                + " }".repeat(levels);

        assertEquals("{\"a\":\"\\u003c\",\"m\":".repeat(levels) + "{}" + ",\"z\":[1,true]}".repeat(levels),
                canonical(json));
    }

    @Test
    void refusesALoneSurrogateBelowTheRecursionLimit() {
        int levels = CanonicalJson.RECURSION_LEVELS + 3;
        String json = "[0,{\"k\":".repeat(levels) + "\"\\udc00\"" + "}]".repeat(levels);

        SigningException e = assertThrows(SigningException.class, () -> canonical(json));

        assertEquals(SigningException.Reason.INVALID_STRING, e.reason());
        assertEquals("claim string at offset [" + json.indexOf("\"\\udc00") + "] holds a lone surrogate, which has"
                + " no UTF-8 form; expected well-formed Unicode text", e.getMessage());
    }

    private static String canonical(String json) {
        return new String(CanonicalJson.toBytes(JsonParser.parse(json)), StandardCharsets.UTF_8);
    }
}
