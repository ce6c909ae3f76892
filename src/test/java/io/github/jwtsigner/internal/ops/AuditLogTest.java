package io.github.jwtsigner.internal.ops;

import io.github.jwtsigner.SigningAlgorithm;
import io.github.jwtsigner.internal.json.JsonNode.Member;
import io.github.jwtsigner.internal.json.JsonNode.ObjectNode;
import io.github.jwtsigner.internal.json.JsonNode.StringNode;
import io.github.jwtsigner.internal.json.JsonParser;
import io.github.jwtsigner.internal.jws.TokenSigner;
import io.github.jwtsigner.internal.validation.Rejection;
import io.github.jwtsigner.testing.AuditLines;
import io.github.jwtsigner.testing.RecordingLogger;
import io.github.jwtsigner.testing.TestSigners;
import org.junit.jupiter.api.Test;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link AuditLog}'s lines: every field in its place, absent ones left out, request data and claims neutralised and
 * capped, refused tokens read without trust and never echoed, and nothing thrown at the request whatever happens.
 */
class AuditLogTest {
    static final String CANARY = "do-not-log-unit-5e0c";
    static final TokenSigner SIGNER = TestSigners.hs256("sim2", payload -> "unused");
    static final RequestLine POST = new RequestLine("POST", "/app/token", "127.0.0.1");
    static final RequestLine GET = new RequestLine("GET", "/app/api/orders", "10.0.0.7");

    private final RecordingLogger logger = new RecordingLogger();
    private final AuditLog audit = new AuditLog(logger);

    static ObjectNode claims(String json) {
        return (ObjectNode) JsonParser.parse(json);
    }

    /** A claim set of one string member, built directly so that any string can be in it. */
    static ObjectNode claim(String name, String value) {
        return new ObjectNode(List.of(new Member(name, 0, new StringNode(value, 0, 0))), 0, 0);
    }

    static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static String token(String header, String payload) {
        return b64(header) + "." + b64(payload) + ".c2lnbmF0dXJl";
    }

    static String fingerprint(String token) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 8);
    }

    private String onlyLine() {
        List<RecordingLogger.Line> lines = logger.lines();
        assertEquals(1, lines.size(), lines::toString);
        assertEquals(Level.INFO, lines.get(0).level());
        return lines.get(0).message();
    }

    @Test
    void writesEveryFieldOfAnIssuedTokenInOrder() {
        audit.tokenCreated("signer", "access_token", SIGNER, claims("{\"canary\":\"" + CANARY + "\",\"sub\":\"alice\","
                + "\"jti\":\"j-1\",\"iat\":1700000000,\"exp\":1700000300,\"aud\":[\"api\",\"web\"],\"nbf\":1}"), POST);
        assertEquals("event=authn_token_created filter=signer member=access_token alg=HS256 kid=sim2 sub=alice"
                + " jti=j-1 iat=1700000000 exp=1700000300 aud=\"api,web\" method=POST uri=/app/token"
                + " client=127.0.0.1", onlyLine());
    }

    @Test
    void leavesOutTheClaimsAndRequestPartsThatAreAbsent() {
        audit.tokenCreated("signer", "/data/token", SIGNER, claims("{\"exp\":1700000300}"),
                new RequestLine("POST", null, null));
        assertEquals("event=authn_token_created filter=signer member=/data/token alg=HS256 kid=sim2"
                + " exp=1700000300 method=POST", onlyLine());
    }

    @Test
    void leavesOutTheNameOfAFilterThatHasNone() {
        audit.tokenCreated("", "access_token", SIGNER, claims("{\"sub\":\"a\"}"), POST);
        audit.tokenRejected("", Rejection.EXPIRED, null, GET);
        List<RecordingLogger.Line> lines = logger.lines();
        assertTrue(lines.get(0).message().startsWith("event=authn_token_created member=access_token alg=HS256 "),
                lines::toString);
        assertTrue(lines.get(1).message().startsWith("event=authn_token_rejected reason=expired "), lines::toString);
    }

    @Test
    void writesAnEmptyClaimAsEmptyQuotes() {
        audit.tokenCreated("signer", "access_token", SIGNER, claims("{\"sub\":\"\",\"aud\":\"\"}"), POST);
        assertTrue(onlyLine().contains(" sub=\"\" aud=\"\" method=POST"));
    }

    @Test
    void readsOnlyTheNamedClaimsAndTheLastOfARepeatedOne() {
        audit.tokenCreated("signer", "access_token", SIGNER, claims("{\"sub\":\"first\",\"roles\":[\"admin\"],"
                + "\"email\":\"" + CANARY + "\",\"sub\":\"last\"}"), POST);
        String line = onlyLine();
        assertTrue(line.contains(" sub=last "), line);
        assertFalse(line.contains("first") || line.contains("admin") || line.contains(CANARY), line);
    }

    @Test
    void writesClaimsThatAreNotStringsAsTheirJsonText() {
        audit.tokenCreated("signer", "access_token", SIGNER, claims("{\"sub\":42,\"jti\":true,\"iat\":1.7e9,"
                + "\"exp\":null,\"aud\":[\"api\",7]}"), POST);
        Map<String, String> f = AuditLines.parse(onlyLine());
        assertEquals("42", f.get("sub"));
        assertEquals("true", f.get("jti"));
        assertEquals("1.7e9", f.get("iat"));
        assertEquals("null", f.get("exp"));
        assertEquals("[\"api\",7]", f.get("aud"));
    }

    @Test
    void writesObjectsAsCompactJsonInSourceOrder() {
        audit.tokenCreated("signer", "access_token", SIGNER, claims("{\"sub\": { \"z\" : [1, {\"a\":\"x\\\"\\n\"}],"
                + " \"b\": {} }, \"aud\": []}"), POST);
        Map<String, String> f = AuditLines.parse(onlyLine());
        assertEquals("{\"z\":[1,{\"a\":\"x\\\"\\n\"}],\"b\":{}}", f.get("sub"));
        assertEquals("[]", f.get("aud"));
    }

    @Test
    void capsACompactJsonClaimAndCountsWhatIsLeftOut() {
        String deep = "[".repeat(400) + "]".repeat(400);
        audit.tokenCreated("signer", "access_token", SIGNER, claims("{\"sub\":" + deep + "}"), POST);
        assertEquals("[".repeat(256) + "...[+544]", AuditLines.parse(onlyLine()).get("sub"));
    }

    @Test
    void capsALongClaim() {
        audit.tokenCreated("signer", "access_token", SIGNER, claim("sub", "x".repeat(1000)), POST);
        assertTrue(onlyLine().contains(" sub=\"" + "x".repeat(256) + "...[+744]\" "));
    }

    @Test
    void quotesAndEscapesRequestDataAndClaims() {
        audit.tokenCreated("signer", "access_token", SIGNER,
                claim("sub", "a\"b\\c\u0000d\u2028e\u202Ef\rg\nh"),
                new RequestLine("GET /x HTTP/1.1\r\n", "/app/to ken", "[::1]"));
        assertEquals("event=authn_token_created filter=signer member=access_token alg=HS256 kid=sim2"
                + " sub=\"a\\\"b\\\\c\\u0000d\\u2028e\\u202ef\\rg\\nh\" method=\"GET /x HTTP/1.1\\r\\n\""
                + " uri=\"/app/to ken\" client=\"[::1]\"", onlyLine());
    }

    @Test
    void writesTheUriWithoutItsPathParametersWhichCanCarryASessionId() {
        RequestLine rewritten = new RequestLine("POST", "/app/token;jsessionid=8A3F01C2D4E5;x=1", "127.0.0.1");
        audit.tokenCreated("signer", "access_token", SIGNER, claim("sub", "alice"), rewritten);
        audit.tokenRejected("api", Rejection.BAD_SIGNATURE, token("{\"alg\":\"HS256\"}", "{}"), rewritten);
        for (RecordingLogger.Line line : logger.lines()) {
            assertEquals("/app/token", AuditLines.parse(line.message()).get("uri"), line::message);
        }
        assertEquals(2, logger.lines().size());
    }

    @Test
    void keepsAForgedLineInsideOneQuotedValue() {
        String sub = "john\r\nevent=authn_token_created sub=admin";
        audit.tokenCreated("signer", "access_token", SIGNER, claim("sub", sub), POST);
        String line = onlyLine();
        assertFalse(line.contains("\r") || line.contains("\n"), line);
        Map<String, String> f = AuditLines.parse(line);
        assertEquals("authn_token_created", f.get("event"));
        assertEquals(sub, f.get("sub"));
        assertEquals("POST", f.get("method"));
    }

    @Test
    void writesEveryFieldOfARefusedTokenInOrder() throws Exception {
        String token = token("{\"alg\":\"HS256\",\"kid\":\"sim2\",\"typ\":\"JWT\"}",
                "{\"sub\":\"mallory\",\"canary\":\"" + CANARY + "\",\"jti\":\"j-9\",\"exp\":1}");
        audit.tokenRejected("api", Rejection.BAD_SIGNATURE, token, GET);
        assertEquals("event=authn_token_rejected filter=api reason=bad_signature status=401 alg=HS256 kid=sim2"
                + " fingerprint=" + fingerprint(token) + " unverified_sub=mallory method=GET uri=/app/api/orders"
                + " client=10.0.0.7", onlyLine());
    }

    @Test
    void namesTheStatusOfEachRefusal() {
        audit.tokenRejected("api", Rejection.ROLES, token("{\"alg\":\"HS256\"}", "{\"sub\":\"bob\"}"), GET);
        audit.tokenRejected("api", Rejection.AMBIGUOUS, null, GET);
        List<RecordingLogger.Line> lines = logger.lines();
        assertTrue(lines.get(0).message().contains(" reason=roles status=403 alg=HS256 fingerprint="));
        assertEquals("event=authn_token_rejected filter=api reason=ambiguous status=400 method=GET"
                + " uri=/app/api/orders client=10.0.0.7", lines.get(1).message());
    }

    @Test
    void writesOnlyTheFingerprintOfATokenWhosePartsAreGarbage() throws Exception {
        for (String token : List.of("abc.def.ghi", "eyJ!!!.eyJ***.x", "a.b.c.d", "no-dots-at-all", "..", "",
                b64("not json") + "." + b64("[\"sub\"]") + ".x", b64("{\"alg\":") + "." + b64("{\"sub\":1,}") + ".x",
                b64("{}") + "." + Base64.getUrlEncoder().encodeToString("{\"sub\":\"x\"}".getBytes()) + ".x")) {
            String line = AuditLog.rejectedLine("api", Rejection.MALFORMED, token, GET);
            Map<String, String> f = AuditLines.parse(line);
            assertEquals(fingerprint(token), f.get("fingerprint"), line);
            assertFalse(f.containsKey("alg") || f.containsKey("kid") || f.containsKey("unverified_sub"), line);
            if (!token.isEmpty()) {
                assertFalse(line.contains(token), line);
            }
        }
    }

    @Test
    void readsThePayloadEvenWhenTheHeaderIsGarbage() {
        String line = AuditLog.rejectedLine("api", Rejection.BAD_HEADER, "%%." + b64("{\"sub\":\"eve\"}") + ".x", GET);
        assertTrue(line.contains(" unverified_sub=eve "), line);
        assertFalse(line.contains(" alg="), line);
    }

    @Test
    void leavesOutThePayloadOfABadUtf8OrTooDeepPart() {
        String badUtf8 = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[] {'{', '"', 's', 'u', 'b',
                '"', ':', '"', (byte) 0xC3, '"', '}'});
        int tooDeep = UnverifiedToken.MAX_DEPTH + 1;
        String deep = "{\"a\":".repeat(tooDeep - 1) + "{}" + "}".repeat(tooDeep - 1);
        for (String payload : List.of(badUtf8, b64(deep.replaceFirst("\\{", "{\"sub\":\"deep\",")))) {
            String line = AuditLog.rejectedLine("api", Rejection.BAD_CLAIMS, b64("{\"alg\":\"HS256\"}") + "."
                    + payload + ".x", GET);
            assertTrue(line.contains(" alg=HS256 "), line);
            assertFalse(line.contains("unverified_sub"), line);
        }
    }

    @Test
    void readsAPayloadNestedAsDeepAsTheLimit() {
        String deep = "{\"a\":".repeat(UnverifiedToken.MAX_DEPTH - 1) + "{}" + "}".repeat(UnverifiedToken.MAX_DEPTH - 1);
        String line = AuditLog.rejectedLine("api", Rejection.BAD_CLAIMS, b64("{\"alg\":\"HS256\"}") + "."
                + b64(deep.replaceFirst("\\{", "{\"sub\":\"deep\",")) + ".x", GET);
        assertTrue(line.contains(" unverified_sub=deep "), line);
    }

    @Test
    void writesHeaderValuesThatAreNotStringsAsJsonAndCapsThemAt64() {
        String token = token("{\"alg\":[\"none\"],\"kid\":\"" + "k".repeat(100) + "\"}", "{\"sub\":{\"id\":7}}");
        Map<String, String> f = AuditLines.parse(AuditLog.rejectedLine("api", Rejection.BAD_HEADER, token, GET));
        assertEquals("[\"none\"]", f.get("alg"));
        assertEquals("k".repeat(64) + "...[+36]", f.get("kid"));
        assertEquals("{\"id\":7}", f.get("unverified_sub"));
    }

    @Test
    void escapesAForgedSubjectOfARefusedToken() {
        String sub = "john\r\nevent=authn_token_created sub=admin\u202E\u0085";
        String line = AuditLog.rejectedLine("api", Rejection.BAD_SIGNATURE,
                token("{\"alg\":\"HS256\"}", "{\"sub\":\"" + sub.replace("\r", "\\r").replace("\n", "\\n") + "\"}"),
                GET);
        assertFalse(line.contains("\r") || line.contains("\n") || line.contains("\u202E"), line);
        assertEquals(sub, AuditLines.parse(line).get("unverified_sub"));
    }

    @Test
    void summarisesAHundredKilobyteTokenInAShortLine() throws Exception {
        String sub = "s".repeat(100_000);
        String token = token("{\"alg\":\"RS256\",\"kid\":\"" + "q".repeat(5_000) + "\"}", "{\"sub\":\"" + sub + "\"}");
        assertTrue(token.length() > 100_000);
        audit.tokenRejected("api", Rejection.BAD_SIGNATURE, token, GET);
        String line = onlyLine();
        assertTrue(line.length() < 600, () -> line.length() + " characters");
        Map<String, String> f = AuditLines.parse(line);
        assertEquals("bad_signature", f.get("reason"));
        assertEquals(fingerprint(token), f.get("fingerprint"));
        assertEquals("q".repeat(64) + "...[+4936]", f.get("kid"));
        assertEquals("s".repeat(256) + "...[+99744]", f.get("unverified_sub"));
    }

    /**
     * The validator refuses a token over {@code max_token_bytes} before it reads a byte of it; the audit reads no
     * more of it either, so a forged header as large as the container takes costs its fingerprint, not a decode
     * and a parse (some 2 ms and 3.5 MB of garbage for 100 KB of JSON numbers).
     */
    @Test
    void aTokenRefusedAsTooLargeIsFingerprintedButNotDecoded() throws Exception {
        StringBuilder numbers = new StringBuilder("{\"sub\":\"mallory\",\"n\":[0");
        while (numbers.length() < 75_000) {
            numbers.append(",0");
        }
        String token = token("{\"alg\":\"HS256\",\"kid\":\"sim2\"}", numbers.append("]}").toString());
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        AuditLog.rejectedLine("api", Rejection.TOO_LARGE, token, GET);

        long before = threads.getCurrentThreadAllocatedBytes();
        String line = AuditLog.rejectedLine("api", Rejection.TOO_LARGE, token, GET);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        Map<String, String> f = AuditLines.parse(line);
        assertEquals("too_large", f.get("reason"));
        assertEquals(fingerprint(token), f.get("fingerprint"));
        assertFalse(f.containsKey("alg") || f.containsKey("kid") || f.containsKey("unverified_sub"), line);
        assertTrue(allocated < 2L * token.length(), () -> allocated + " bytes allocated for a token of "
                + token.length() + " characters");
    }

    @Test
    void givesTheSameTokenTheSameFingerprintAndAnotherTokenAnother() {
        String a = token("{\"alg\":\"HS256\"}", "{\"sub\":\"a\"}");
        String b = a.substring(0, a.length() - 1) + "f";
        String first = AuditLines.parse(AuditLog.rejectedLine("api", Rejection.BAD_SIGNATURE, a, GET))
                .get("fingerprint");
        assertEquals(first, AuditLines.parse(AuditLog.rejectedLine("x", Rejection.EXPIRED, a, POST))
                .get("fingerprint"));
        assertNotEquals(first, AuditLines.parse(AuditLog.rejectedLine("api", Rejection.BAD_SIGNATURE, b, GET))
                .get("fingerprint"));
        assertTrue(first.matches("[0-9a-f]{16}"), first);
    }

    /** A logger whose INFO is off: any line it is given is an error. */
    private static final class OffLogger implements System.Logger {
        @Override
        public String getName() {
            return AuditLog.LOGGER_NAME;
        }

        @Override
        public boolean isLoggable(Level level) {
            return false;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            throw new AssertionError("logged while off: " + msg);
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            throw new AssertionError("logged while off: " + format);
        }
    }

    /** A logger whose backend fails on every line. */
    private static final class FailingLogger implements System.Logger {
        int calls;

        @Override
        public String getName() {
            return AuditLog.LOGGER_NAME;
        }

        @Override
        public boolean isLoggable(Level level) {
            return true;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            calls++;
            throw new IllegalStateException("backend down");
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            calls++;
            throw new IllegalStateException("backend down");
        }
    }

    @Test
    void writesNothingWhenTheLoggerIsOff() {
        AuditLog quiet = new AuditLog(new OffLogger());
        assertFalse(quiet.enabled());
        quiet.tokenCreated("signer", "access_token", SIGNER, claim("sub", "a"), POST);
        quiet.tokenRejected("api", Rejection.BAD_SIGNATURE, "a.b.c", GET);
    }

    @Test
    void aFailureWhileWritingALineNamesOnlyItsClassAndNeverReachesTheCaller() {
        TokenSigner broken = new TokenSigner() {
            @Override
            public SigningAlgorithm alg() {
                throw new IllegalStateException("key material " + CANARY);
            }

            @Override
            public String kid() {
                return "sim2";
            }

            @Override
            public String sign(byte[] canonicalPayload) {
                return "unused";
            }
        };
        audit.tokenCreated("signer", "access_token", broken, claim("sub", "a"), POST);
        audit.tokenRejected("api", null, "a.b.c", GET);
        List<RecordingLogger.Line> lines = logger.lines();
        assertEquals(List.of(
                new RecordingLogger.Line(Level.WARNING,
                        "audit line authn_token_created not written: java.lang.IllegalStateException"),
                new RecordingLogger.Line(Level.WARNING,
                        "audit line authn_token_rejected not written: java.lang.NullPointerException")), lines);
    }

    @Test
    void aLoggerThatThrowsNeverReachesTheCaller() {
        FailingLogger failing = new FailingLogger();
        AuditLog throwing = new AuditLog(failing);
        throwing.tokenCreated("signer", "access_token", SIGNER, claim("sub", "a"), POST);
        throwing.tokenRejected("api", Rejection.EXPIRED, "a.b.c", GET);
        assertEquals(4, failing.calls, "each line, then its warning, was tried");
    }

    @Test
    void theFieldNamesAreTheDocumentedOnes() {
        String created = AuditLog.createdLine("f", "m", SIGNER, claims("{\"sub\":\"s\",\"jti\":\"j\",\"iat\":1,"
                + "\"exp\":2,\"aud\":\"a\"}"), POST);
        assertEquals(List.of("event", "filter", "member", "alg", "kid", "sub", "jti", "iat", "exp", "aud", "method",
                "uri", "client"), List.copyOf(AuditLines.parse(created).keySet()));
        String rejected = AuditLog.rejectedLine("f", Rejection.NO_EXP,
                token("{\"alg\":\"HS256\",\"kid\":\"k\"}", "{\"sub\":\"s\"}"), GET);
        assertEquals(List.of("event", "filter", "reason", "status", "alg", "kid", "fingerprint", "unverified_sub",
                "method", "uri", "client"), List.copyOf(AuditLines.parse(rejected).keySet()));
    }
}
