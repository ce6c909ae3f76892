package io.github.jwtsigner.internal.jws;

import io.github.jwtsigner.SigningAlgorithm;
import io.github.jwtsigner.SigningException;
import io.github.jwtsigner.SigningException.Reason;
import io.github.jwtsigner.internal.json.JsonNode;
import io.github.jwtsigner.internal.json.JsonParseException;
import io.github.jwtsigner.internal.json.JsonParser;
import io.github.jwtsigner.internal.json.JsonPointer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PayloadSignerTest {
    private static final String PLAYGROUND_ACCESS_CLAIMS = "{\"aud\":\"http://api.example.com\",\"exp\":1735689600,"
            + "\"iss\":\"https://krakend.io\",\"jti\":\"mnb23vcsrt756yuiomnbvcx98ertyuiop\","
            + "\"roles\":[\"role_a\",\"role_b\"],\"sub\":\"1234567890qwertyuio\"}";

    private final FakeTokenSigner fake = new FakeTokenSigner(PayloadSignerTest::token);
    private final CountingSupplier supplier = new CountingSupplier(fake);

    @Test
    void signsTheKrakendPlaygroundClaims() {
        String body = "{\n"
                + "    \"access_token\": {\n"
                + "        \"aud\": \"http://api.example.com\",\n"
                + "        \"iss\": \"https://krakend.io\",\n"
                + "        \"sub\": \"1234567890qwertyuio\",\n"
                + "        \"jti\": \"mnb23vcsrt756yuiomnbvcx98ertyuiop\",\n"
                + "        \"roles\": [\"role_a\", \"role_b\"],\n"
                + "        \"exp\": 1735689600\n"
                + "    },\n"
                + "    \"refresh_token\": {\n"
                + "        \"aud\": \"http://api.example.com\",\n"
                + "        \"iss\": \"https://krakend.io\",\n"
                + "        \"sub\": \"1234567890qwertyuio\",\n"
                + "        \"jti\": \"mnb23vcsrt756yuiomn12876bvcx98ertyuiop\",\n"
                + "        \"exp\": 1735689600\n"
                + "    },\n"
                + "    \"exp\": 1735689600\n"
                + "}";
        String refreshClaims = "{\"aud\":\"http://api.example.com\",\"exp\":1735689600,\"iss\":\"https://krakend.io\","
                + "\"jti\":\"mnb23vcsrt756yuiomn12876bvcx98ertyuiop\",\"sub\":\"1234567890qwertyuio\"}";

        String signed = signer("access_token", "refresh_token").sign(body);

        assertEquals(List.of(PLAYGROUND_ACCESS_CLAIMS, refreshClaims), fake.payloads());
        assertEquals("{\n"
                + "    \"access_token\": \"" + token(PLAYGROUND_ACCESS_CLAIMS) + "\",\n"
                + "    \"refresh_token\": \"" + token(refreshClaims) + "\",\n"
                + "    \"exp\": 1735689600\n"
                + "}", signed);
    }

    @Test
    void keepsEverythingButTheSignedValuesByteForByte() {
        String before = "\t{ \"z\" :1.0,\"x\": \"\\u00e9\\/\\u003C\",\"x\":  1E+2 ,\r\n  \"access_token\" :  ";
        String after = "  , \"n\":[ -0, 12345678901234567890123 ,{\"b\":1,\"a\":2} ] ,\"s\":\"\\ud800\" }\n ";
        String claims = "{ \"sub\" : \"42\" }";

        String signed = signer("access_token").sign(before + claims + after);

        assertEquals(before + "\"" + token("{\"sub\":\"42\"}") + "\"" + after, signed);
    }

    @Test
    void givesEachMemberItsOwnCanonicalClaims() {
        String body = "{\"b\":{\"y\":[3,1],\"x\":{\"d\":1,\"c\":\"<&>\"}},\"a\":{\"k\":1,\"k\":2}}";

        String signed = signer("b", "a").sign(body);

        assertEquals("{\"b\":\"" + token("{\"x\":{\"c\":\"\\u003c\\u0026\\u003e\",\"d\":1},\"y\":[3,1]}") + "\","
                + "\"a\":\"" + token("{\"k\":2}") + "\"}", signed);
    }

    @Test
    void asksForTheSignerOncePerBody() {
        PayloadSigner payloadSigner = signer("a", "b", "/c/0");
        String body = "{\"a\":{},\"b\":{},\"c\":[{}]}";

        payloadSigner.sign(body);
        assertEquals(1, supplier.calls());
        assertEquals(3, fake.payloads().size());

        payloadSigner.sign(body);
        assertEquals(2, supplier.calls());
    }

    @Test
    void returnsTheBodyUntouchedWithoutAskingForASignerWhenNothingIsToBeSigned() {
        String body = "{ \"access_token\": \"already\", \"other\": {} }";

        assertSame(body, signer("access_token", "missing").sign(body));
        assertEquals(0, supplier.calls());
    }

    @Test
    void signsAnEmptyObject() {
        assertEquals("{\"t\":\"" + token("{}") + "\"}", signer("t").sign("{\"t\":{ }}"));
    }

    static Stream<Arguments> valuesLeftAlone() {
        return Stream.of(
                Arguments.of("string", "\"eyJ.x.y\""),
                Arguments.of("array of objects", "[{\"sub\":\"1\"}]"),
                Arguments.of("number", "1735689600"),
                Arguments.of("true", "true"),
                Arguments.of("null", "null"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valuesLeftAlone")
    void leavesAMemberThatIsNotAnObjectAlone(String name, String value) {
        String body = "{\"access_token\": " + value + ", \"refresh_token\": {\"sub\":\"1\"}}";

        String signed = signer("access_token", "refresh_token").sign(body);

        assertEquals("{\"access_token\": " + value + ", \"refresh_token\": \"" + token("{\"sub\":\"1\"}") + "\"}",
                signed);
    }

    @Test
    void signsMembersNamedByJsonPointers() {
        String body = "{\"data\":{\"access_token\":{\"s\":1},\"n\":2},\"tokens\":[{\"s\":2},{\"s\":3}],"
                + "\"a/b\":{\"s\":4},\"m~n\":{\"s\":5}}";

        String signed = signer("/data/access_token", "/tokens/1", "/a~1b", "/m~0n").sign(body);

        assertEquals("{\"data\":{\"access_token\":\"" + token("{\"s\":1}") + "\",\"n\":2},"
                + "\"tokens\":[{\"s\":2},\"" + token("{\"s\":3}") + "\"],"
                + "\"a/b\":\"" + token("{\"s\":4}") + "\",\"m~n\":\"" + token("{\"s\":5}") + "\"}", signed);
    }

    @Test
    void leavesPointersToMissingOrNonObjectValuesAlone() {
        String body = "{\"data\":{\"n\":2},\"tokens\":[{\"s\":2}],\"s\":\"x\"}";

        assertSame(body, signer("/data/access_token", "/data/n", "/tokens/1", "/tokens/01", "/s/0").sign(body));
    }

    @Test
    void signsAMemberNamedTwiceInKeysToSignOnce() {
        String signed = signer("access_token", "/access_token").sign("{\"access_token\":{\"a\":1}}");

        assertEquals("{\"access_token\":\"" + token("{\"a\":1}") + "\"}", signed);
        assertEquals(1, fake.payloads().size());
    }

    @Test
    void refusesEntriesOfWhichOneLiesInsideTheOther() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> signer("data", "/data/access_token"));

        assertEquals("keys_to_sign entries [data] and [/data/access_token] overlap: one points inside the other;"
                + " expected entries that do not contain one another", e.getMessage());
    }

    @Test
    void failsClosedWhenAMemberToSignAppearsTwice() {
        String body = "{\"access_token\":{\"sub\":\"1\"},\"access_token\":{\"sub\":\"2\"}}";

        SigningException e = assertThrows(SigningException.class, () -> signer("access_token").sign(body));

        assertEquals(Reason.DUPLICATE_MEMBER, e.reason());
        assertEquals("keys_to_sign entry [access_token] leads to member [access_token], which appears more than"
                + " once in the object at offset [0]; expected it once", e.getMessage());
        assertEquals(0, supplier.calls());
    }

    @Test
    void failsClosedWhenAMemberToSignAppearsTwiceEvenIfOneCopyIsNotAnObject() {
        String body = "{\"access_token\":\"plain\",\"access_token\":{\"sub\":\"2\"}}";

        SigningException e = assertThrows(SigningException.class, () -> signer("access_token").sign(body));

        assertEquals(Reason.DUPLICATE_MEMBER, e.reason());
    }

    @Test
    void failsClosedWhenAnObjectOnThePathAppearsTwice() {
        String body = "{\"data\":{\"t\":{}},\"data\":{\"t\":{}}}";

        SigningException e = assertThrows(SigningException.class, () -> signer("/data/t").sign(body));

        assertEquals(Reason.DUPLICATE_MEMBER, e.reason());
    }

    @Test
    void leavesDuplicatesOfOtherMembersAlone() {
        String body = "{\"exp\":1,\"exp\":2,\"t\":{}}";

        assertEquals("{\"exp\":1,\"exp\":2,\"t\":\"" + token("{}") + "\"}", signer("t").sign(body));
    }

    static Stream<Arguments> malformedBodies() {
        return Stream.of(
                Arguments.of("single quotes", "{'access_token':{}}", 1),
                Arguments.of("NaN", "{\"exp\":NaN}", 7),
                Arguments.of("trailing comma", "{\"a\":1,}", 7),
                Arguments.of("trailing content", "{\"a\":1}{}", 7),
                Arguments.of("empty body", "", 0),
                Arguments.of("truncated body", "{\"password\":\"hunter2", 20));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedBodies")
    void failsClosedOnMalformedJson(String name, String body, int offset) {
        SigningException e = assertThrows(SigningException.class, () -> signer("access_token").sign(body));

        assertEquals(Reason.MALFORMED_JSON, e.reason());
        assertTrue(e.getMessage().startsWith("response body is not strict JSON: JSON "), e.getMessage());
        assertTrue(e.getMessage().contains("at offset [" + offset + "]; expected "), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertInstanceOf(JsonParseException.class, e.getCause());
    }

    static Stream<Arguments> notObjects() {
        return Stream.of(
                Arguments.of("[{\"access_token\":{}}]", "array"),
                Arguments.of("\"token\"", "string"),
                Arguments.of("42", "number"),
                Arguments.of("false", "boolean"),
                Arguments.of(" null ", "null"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("notObjects")
    void failsClosedWhenTheBodyIsNotAnObject(String body, String type) {
        SigningException e = assertThrows(SigningException.class, () -> signer("access_token").sign(body));

        assertEquals(Reason.NOT_AN_OBJECT, e.reason());
        assertEquals("response body is a JSON [" + type + "]; expected an object", e.getMessage());
    }

    @Test
    void failsClosedOnALoneSurrogateInClaimsBeforeAskingForASigner() {
        String body = "{\"a\":{\"ok\":1},\"b\":{\"name\":\"\\udead\"}}";

        SigningException e = assertThrows(SigningException.class, () -> signer("a", "b").sign(body));

        assertEquals(Reason.INVALID_STRING, e.reason());
        assertEquals(0, supplier.calls());
    }

    @Test
    void wrapsAFailingSignature() {
        IllegalStateException failure = new IllegalStateException("provider broke");
        PayloadSigner payloadSigner = new PayloadSigner(pointers("t"),
                () -> new FakeTokenSigner(payload -> {
                    throw failure;
                }));

        SigningException e = assertThrows(SigningException.class, () -> payloadSigner.sign("{\"t\":{}}"));

        assertEquals(Reason.SIGNATURE_FAILED, e.reason());
        assertSame(failure, e.getCause());
        assertEquals("signing the claims at offset [5] failed [java.lang.IllegalStateException]; expected a token",
                e.getMessage());
    }

    @Test
    void passesASigningExceptionFromTheSignerThrough() {
        SigningException failure = new SigningException(Reason.SIGNATURE_FAILED, "key unusable");
        PayloadSigner payloadSigner = new PayloadSigner(pointers("t"),
                () -> new FakeTokenSigner(payload -> {
                    throw failure;
                }));

        assertSame(failure, assertThrows(SigningException.class, () -> payloadSigner.sign("{\"t\":{}}")));
    }

    @Test
    void wrapsAFailureToObtainASigner() {
        IllegalStateException failure = new IllegalStateException("no key yet");
        PayloadSigner payloadSigner = new PayloadSigner(pointers("t"), () -> {
            throw failure;
        });

        SigningException e = assertThrows(SigningException.class, () -> payloadSigner.sign("{\"t\":{}}"));

        assertEquals(Reason.SIGNATURE_FAILED, e.reason());
        assertSame(failure, e.getCause());
    }

    @Test
    void failsWhenNoSignerIsAvailable() {
        PayloadSigner payloadSigner = new PayloadSigner(pointers("t"), () -> null);

        SigningException e = assertThrows(SigningException.class, () -> payloadSigner.sign("{\"t\":{}}"));

        assertEquals(Reason.SIGNATURE_FAILED, e.reason());
        assertEquals("signing key is [none]; expected a usable key", e.getMessage());
    }

    @Test
    void failsWhenTheSignerReturnsNoToken() {
        PayloadSigner payloadSigner = new PayloadSigner(pointers("t"), () -> new FakeTokenSigner(payload -> null));

        SigningException e = assertThrows(SigningException.class, () -> payloadSigner.sign("{\"t\":{}}"));

        assertEquals(Reason.SIGNATURE_FAILED, e.reason());
    }

    @Test
    void escapesAFullSerializationIntoAJsonString() {
        String full = "{\"payload\":\"cA\",\"protected\":\"aA\",\"signature\":\"cw\"}";
        PayloadSigner payloadSigner = new PayloadSigner(pointers("t"), () -> new FakeTokenSigner(payload -> full));

        String signed = payloadSigner.sign("{\"t\":{}}");

        assertEquals("{\"t\":\"{\\\"payload\\\":\\\"cA\\\",\\\"protected\\\":\\\"aA\\\",\\\"signature\\\":\\\"cw\\\"}\"}",
                signed);
        JsonNode.ObjectNode parsed = (JsonNode.ObjectNode) JsonParser.parse(signed);
        assertEquals(full, ((JsonNode.StringNode) parsed.members().get(0).value()).value());
    }

    @Test
    void signsClaimsNestedToTheLimitOnASmallThreadStack() throws Exception {
        int depth = JsonParser.MAX_DEPTH;

        String signed = DeepClaims.onSmallStack(() -> DeepClaims.signer().sign(DeepClaims.body(depth)));

        assertEquals(DeepClaims.signedBody(depth), signed);
    }

    @Test
    void refusesClaimsNestedBeyondTheLimitOnASmallThreadStack() {
        String body = DeepClaims.body(JsonParser.MAX_DEPTH + 1);

        SigningException e = assertThrows(SigningException.class,
                () -> DeepClaims.onSmallStack(() -> DeepClaims.signer().sign(body)));

        assertEquals(Reason.MALFORMED_JSON, e.reason());
        assertEquals("response body is not strict JSON: JSON nests objects and arrays deeper than [512] levels at"
                + " offset [" + DeepClaims.innermostOffset(body) + "]; expected at most 512 levels", e.getMessage());
    }

    static Stream<Arguments> coldJvms() {
        return Stream.of(
                // Tiered compilation, the default: frames of interpreted and of first-tier compiled code mix.
                Arguments.of("tiered", "-XX:+TieredCompilation"),
                Arguments.of("interpreted only", "-Xint"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("coldJvms")
    void signsClaimsNestedToTheLimitInAFreshJvmWithASmallStack(String name, String mode, @TempDir Path dir)
            throws Exception {
        Path output = dir.resolve("output.txt");
        Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xss256k", mode, "-cp", System.getProperty("java.class.path"), DeepClaims.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();

        boolean exited = java.waitFor(3, TimeUnit.MINUTES);
        if (!exited) {
            java.destroyForcibly();
        }

        String printed = Files.readString(output);
        assertTrue(exited, "still running after 3 minutes: " + printed);
        assertEquals(0, java.exitValue(), printed);
        assertEquals("signed depth 512 and refused depth 513", printed.strip());
    }

    private PayloadSigner signer(String... keysToSign) {
        return new PayloadSigner(pointers(keysToSign), supplier);
    }

    private static List<JsonPointer> pointers(String... keysToSign) {
        return Arrays.stream(keysToSign).map(JsonPointer::parse).collect(Collectors.toList());
    }

    /** What the fake signer makes of a canonical payload: shows exactly which bytes were signed. */
    private static String token(String canonicalPayload) {
        return "T(" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(canonicalPayload.getBytes(StandardCharsets.UTF_8)) + ")";
    }

    private static final class FakeTokenSigner implements TokenSigner {
        private final Function<String, String> tokens;
        private final List<String> payloads = new ArrayList<>();

        FakeTokenSigner(Function<String, String> tokens) {
            this.tokens = tokens;
        }

        @Override
        public SigningAlgorithm alg() {
            return SigningAlgorithm.HS256;
        }

        @Override
        public String kid() {
            return "sim2";
        }

        @Override
        public String sign(byte[] canonicalPayload) {
            String payload = new String(canonicalPayload, StandardCharsets.UTF_8);
            payloads.add(payload);
            return tokens.apply(payload);
        }

        List<String> payloads() {
            return payloads;
        }
    }

    private static final class CountingSupplier implements Supplier<TokenSigner> {
        private final TokenSigner signer;
        private final AtomicInteger calls = new AtomicInteger();

        CountingSupplier(TokenSigner signer) {
            this.signer = signer;
        }

        @Override
        public TokenSigner get() {
            calls.incrementAndGet();
            return signer;
        }

        int calls() {
            return calls.get();
        }
    }
}
