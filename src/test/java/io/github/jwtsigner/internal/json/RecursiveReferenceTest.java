package io.github.jwtsigner.internal.json;

import io.github.jwtsigner.SignerConfig;
import io.github.jwtsigner.SigningException;
import io.github.jwtsigner.internal.json.JsonNode.Member;
import io.github.jwtsigner.internal.json.JsonNode.ObjectNode;
import io.github.jwtsigner.internal.jws.PayloadSigner;
import io.github.jwtsigner.internal.jws.Signatures;
import io.github.jwtsigner.internal.jws.TokenSigner;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link JsonParser} and {@link CanonicalJson} against the recursive code they replaced, kept in
 * {@link RecursiveJsonParser} and {@link RecursiveCanonicalJson}: on random deep and wide JSON, and on random
 * damage to it, both give equal trees (spans included), the same canonical bytes, the same errors at the same
 * offsets, and {@link PayloadSigner} gives the tokens the recursive code leads to.
 */
class RecursiveReferenceTest {
    /** Enough for the recursive reference at any depth generated here, even in cold code. */
    private static final long LARGE_STACK_BYTES = 64L * 1024 * 1024;

    private static final TokenSigner HS256 = Signatures.tokenSigner(SignerConfig.builder().alg("HS256").kid("k")
            .keysToSign("a").jwkLocalPath("k.json").build(), "k", new byte[32], "kid [k]");

    @Test
    void parsesAndWritesDeepJsonAsTheRecursiveCodeDid() throws Exception {
        onLargeStack(() -> {
            Random seeds = new Random(20261201L);
            for (int i = 0; i < 120; i++) {
                long seed = seeds.nextLong();
                Random random = new Random(seed);
                int depth = i < 20 ? JsonParser.MAX_DEPTH - 10 + i : 1 + random.nextInt(JsonParser.MAX_DEPTH + 8);
                checkWithDamage(random, RandomJson.deep(random, depth), "deep seed " + seed);
            }
        });
    }

    @Test
    void parsesAndWritesWideJsonAsTheRecursiveCodeDid() throws Exception {
        onLargeStack(() -> {
            Random seeds = new Random(20261202L);
            for (int i = 0; i < 200; i++) {
                long seed = seeds.nextLong();
                Random random = new Random(seed);
                checkWithDamage(random, RandomJson.wide(random, 1 + random.nextInt(4)), "wide seed " + seed);
            }
        });
    }

    @Test
    void appliesACustomNestingLimitAsTheRecursiveParserDid() throws Exception {
        onLargeStack(() -> {
            Random seeds = new Random(20261203L);
            for (int i = 0; i < 300; i++) {
                long seed = seeds.nextLong();
                Random random = new Random(seed);
                String text = RandomJson.deep(random, 1 + random.nextInt(40));
                int maxDepth = 1 + random.nextInt(40);
                String what = "seed " + seed + ", maxDepth " + maxDepth;
                assertEquals(parse(text, t -> RecursiveJsonParser.parse(t, maxDepth)),
                        parse(text, t -> JsonParser.parse(t, maxDepth)), what);
            }
        });
    }

    @Test
    void parsesAndWritesFixedShapesAsTheRecursiveCodeDid() throws Exception {
        List<String> texts = List.of(
                "[".repeat(JsonParser.MAX_DEPTH) + "]".repeat(JsonParser.MAX_DEPTH),
                "[".repeat(JsonParser.MAX_DEPTH + 1) + "]".repeat(JsonParser.MAX_DEPTH + 1),
                "{\"a\":".repeat(JsonParser.MAX_DEPTH) + "1" + "}".repeat(JsonParser.MAX_DEPTH),
                "{\"a\":".repeat(JsonParser.MAX_DEPTH + 1) + "1" + "}".repeat(JsonParser.MAX_DEPTH + 1),
                "[{\"a\":".repeat(JsonParser.MAX_DEPTH / 2) + "{}" + "}]".repeat(JsonParser.MAX_DEPTH / 2),
                "[".repeat(100_000),
                "{\"a\":{\"b\":[1,{}],\"b\":\"\\ud800\"},\"c\":[[[]]]}",
                "{\"a\":[1,{\"b\":\"x\\ud800\"}]}",
                "{\"x\":1,\"x\":{\"y\":\"\\udc00\"},\"x\":2}",
                "{}", "[]", "1", "\"s\"", "", " ", "{", "[", "{\"a\"", "{\"a\":", "{\"a\":1,", "[1,", "[1 2]");
        onLargeStack(() -> {
            for (String text : texts) {
                check(text, "fixed text of length " + text.length());
            }
        });
    }

    private static void checkWithDamage(Random random, String text, String what) {
        check(text, what);
        for (int i = 0; i < 8; i++) {
            check(RandomJson.damage(random, text), what + ", damage " + i);
        }
    }

    private static void check(String text, String what) {
        Object expected = parse(text, RecursiveJsonParser::parse);
        Object actual = parse(text, JsonParser::parse);
        assertEquals(expected, actual, what);
        if (!(actual instanceof JsonNode)) {
            return;
        }
        JsonNode root = (JsonNode) actual;
        assertEquals(canonical(root, RecursiveCanonicalJson::toBytes), canonical(root, CanonicalJson::toBytes),
                what);
        if (root instanceof ObjectNode) {
            ObjectNode object = (ObjectNode) root;
            for (Member member : object.members()) {
                assertEquals(canonical(member.value(), RecursiveCanonicalJson::toBytes),
                        canonical(member.value(), CanonicalJson::toBytes), what + ", member at " + member.nameStart());
            }
            assertEquals(expectedSignedBody(text, object), signed(text, object), what);
        }
    }

    /** The tree, or the parse error as its message and offset. */
    private static Object parse(String text, Function<String, JsonNode> parser) {
        try {
            return parser.apply(text);
        } catch (JsonParseException e) {
            return "JsonParseException at " + e.offset() + ": " + e.getMessage();
        }
    }

    /** The canonical bytes as text, or the signing error as its reason and message. */
    private static String canonical(JsonNode value, Function<JsonNode, byte[]> writer) {
        try {
            return new String(writer.apply(value), StandardCharsets.UTF_8);
        } catch (SigningException e) {
            return "SigningException " + e.reason() + ": " + e.getMessage();
        }
    }

    /** What {@link PayloadSigner} makes of the body, signing every member name that appears once. */
    private static String signed(String text, ObjectNode root) {
        try {
            List<JsonPointer> keysToSign = new ArrayList<>();
            for (String name : singleNames(root)) {
                keysToSign.add(JsonPointer.parse(name));
            }
            return new PayloadSigner(keysToSign, () -> HS256).sign(text);
        } catch (SigningException e) {
            return "SigningException " + e.reason() + ": " + e.getMessage();
        }
    }

    /**
     * The same from the recursive code: each object value of those members, canonical, signed, and spliced in
     * where the recursive parser found it, in source order; the first claims that cannot be written fail.
     */
    private static String expectedSignedBody(String text, ObjectNode newRoot) {
        List<String> names = singleNames(newRoot);
        ObjectNode root = (ObjectNode) RecursiveJsonParser.parse(text);
        List<String> tokens = new ArrayList<>();
        List<JsonNode> claims = new ArrayList<>();
        for (Member member : root.members()) {
            if (member.value() instanceof ObjectNode && names.contains(member.name())) {
                claims.add(member.value());
            }
        }
        if (claims.isEmpty()) {
            return text;
        }
        try {
            for (JsonNode claim : claims) {
                tokens.add(HS256.sign(RecursiveCanonicalJson.toBytes(claim)));
            }
        } catch (SigningException e) {
            return "SigningException " + e.reason() + ": " + e.getMessage();
        }
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (int i = 0; i < claims.size(); i++) {
            out.append(text, copied, claims.get(i).start()).append('"').append(tokens.get(i)).append('"');
            copied = claims.get(i).end();
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** The names that appear exactly once among the members of {@code root}; a name to sign twice fails. */
    private static List<String> singleNames(ObjectNode root) {
        Map<String, Integer> counts = new HashMap<>();
        for (Member member : root.members()) {
            counts.merge(member.name(), 1, Integer::sum);
        }
        List<String> names = new ArrayList<>();
        for (Member member : root.members()) {
            // A name starting with '/' would be read as a JSON Pointer; an empty one is refused.
            if (counts.get(member.name()) == 1 && !member.name().isEmpty() && member.name().charAt(0) != '/') {
                names.add(member.name());
            }
        }
        return names;
    }

    private static void onLargeStack(Runnable task) throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                task.run();
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "large-stack", LARGE_STACK_BYTES);
        thread.start();
        thread.join();
        Throwable t = failure.get();
        if (t instanceof Exception) {
            throw (Exception) t;
        }
        if (t != null) {
            throw (Error) t;
        }
    }
}
