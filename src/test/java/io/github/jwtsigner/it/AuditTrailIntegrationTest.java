package io.github.jwtsigner.it;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.jwtsigner.JwtSignerFilter;
import io.github.jwtsigner.JwtValidatorFilter;
import io.github.jwtsigner.Setting;
import io.github.jwtsigner.internal.ops.AuditLog;
import io.github.jwtsigner.testing.AuditLines;
import io.github.jwtsigner.testing.LogCanary;
import io.github.jwtsigner.testing.LoginServlet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import static io.github.jwtsigner.it.ValidatorWebapp.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The audit trail in a real webapp on Jetty and Tomcat, read from the {@code java.util.logging} records the
 * {@code System.Logger} lines become: a login through the {@link JwtSignerFilter} logs one line per signed member
 * with what identifies the token; a token the {@link JwtValidatorFilter} refuses logs one line with the reason, a
 * fingerprint and the subject it claims; and a subject made to look like a second line stays inside its value.
 */
class AuditTrailIntegrationTest {
    private static final String FORGED_SUB = "john\r\nevent=authn_token_created sub=admin";

    @TempDir
    static Path temp;
    private static ValidatorWebapp webapp;

    /** Held here: a {@code java.util.logging} logger without a strong reference may lose its handlers. */
    private final Logger auditLogger = Logger.getLogger(AuditLog.LOGGER_NAME);
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (records) {
                records.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeAll
    static void deploy() {
        String symmetric = "WEB-INF/jwk/symmetric.json";
        webapp = new ValidatorWebapp(temp.resolve("webapp"))
                .servlet("audit-login", AuditLoginServlet.class.getName(), "/login/token")
                .servlet("audit-legacy-login", LoginServlet.class.getName(), "/legacy/token")
                .filter("audit-signer", JwtSignerFilter.class.getName(), "/login/token", params(Setting.ALG, "HS256",
                        Setting.KID, "sim2", Setting.KEYS_TO_SIGN, "access_token, refresh_token",
                        Setting.JWK_LOCAL_PATH, symmetric))
                .filter("audit-legacy-signer", JwtSignerFilter.class.getName(), "/legacy/token",
                        params(Setting.ALG, "HS256", Setting.KID, "sim2", Setting.KEYS_TO_SIGN, "access_token",
                                Setting.JWK_LOCAL_PATH, symmetric))
                .filter("audit-api", JwtValidatorFilter.class.getName(), "/api/*", params(Setting.ALG, "HS256",
                        Setting.JWK_LOCAL_PATH, symmetric));
    }

    @AfterAll
    static void stop() throws Exception {
        webapp.stop();
    }

    @BeforeEach
    void capture() {
        auditLogger.addHandler(handler);
    }

    @AfterEach
    void release() {
        auditLogger.removeHandler(handler);
    }

    static List<ServletContainer.Kind> kinds() {
        return ServletContainer.Kind.selected();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aLoginLogsOneLinePerSignedMember(ServletContainer.Kind kind) throws Exception {
        ValidatorClient api = webapp.client(kind);
        JsonObject body = login(kind, "/login/token", "carol");
        List<Map<String, String>> lines = lines("authn_token_created", "audit-signer");
        assertEquals(2, lines.size(), lines::toString);
        String[] members = {"access_token", "refresh_token"};
        for (int i = 0; i < 2; i++) {
            Map<String, String> f = lines.get(i);
            String token = body.get(members[i]).getAsString();
            JsonObject claims = payload(token);
            assertEquals(members[i], f.get("member"));
            assertEquals("HS256", f.get("alg"));
            assertEquals("sim2", f.get("kid"));
            assertEquals("carol", f.get("sub"));
            assertEquals(claims.get("jti").getAsString(), f.get("jti"));
            assertEquals(claims.get("exp").getAsString(), f.get("exp"));
            assertEquals("POST", f.get("method"));
            assertEquals(webapp.base(kind).getPath() + "login/token", f.get("uri"));
            assertEquals("127.0.0.1", f.get("client"));
        }
        assertEquals(payload(body.get("access_token").getAsString()).get("iat").getAsString(),
                lines.get(0).get("iat"));
        assertEquals(AuditLoginServlet.AUDIENCE, lines.get(0).get("aud"));
        assertFalse(lines.get(1).containsKey("iat") || lines.get(1).containsKey("aud"), lines.get(1)::toString);
        for (String text : messages()) {
            assertFalse(text.contains(body.get("access_token").getAsString()) || text.contains(LogCanary.VALUE)
                    || text.contains("admin"), text);
        }

        records.clear();
        assertEquals(200, api.bearer("/api/orders", body.get("access_token").getAsString()).status());
        assertEquals(List.of(), messages(), "an accepted token is not an audit event");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aRefusedTokenLogsItsReasonFingerprintAndClaimedSubject(ServletContainer.Kind kind) throws Exception {
        ValidatorClient api = webapp.client(kind);
        String good = login(kind, "/login/token", "carol").get("access_token").getAsString();
        String forged = forged(good);
        String expired = login(kind, "/legacy/token", "ada").get("access_token").getAsString();
        records.clear();

        assertEquals(401, api.bearer("/api/orders?token=" + forged, forged).status());
        assertEquals(401, api.bearer("/api/orders", forged).status());
        assertEquals(401, api.bearer("/api/orders", expired).status());

        List<Map<String, String>> lines = lines("authn_token_rejected", "audit-api");
        assertEquals(3, lines.size(), lines::toString);
        for (Map<String, String> f : lines.subList(0, 2)) {
            assertEquals("bad_signature", f.get("reason"));
            assertEquals("401", f.get("status"));
            assertEquals("HS256", f.get("alg"));
            assertEquals("sim2", f.get("kid"));
            assertEquals(fingerprint(forged), f.get("fingerprint"));
            assertEquals("carol", f.get("unverified_sub"));
            assertEquals("GET", f.get("method"));
            assertEquals(webapp.base(kind).getPath() + "api/orders", f.get("uri"), "never the query string");
            assertEquals("127.0.0.1", f.get("client"));
        }
        Map<String, String> late = lines.get(2);
        assertEquals("expired", late.get("reason"));
        assertEquals("ada", late.get("unverified_sub"));
        assertEquals(fingerprint(expired), late.get("fingerprint"));
        assertNotEquals(lines.get(0).get("fingerprint"), late.get("fingerprint"));
        for (String text : messages()) {
            for (String part : forged.split("\\.")) {
                assertFalse(text.contains(part), text);
            }
            assertFalse(text.contains(LogCanary.VALUE), text);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aSubjectWithALineBreakStaysOnOnePhysicalLine(ServletContainer.Kind kind) throws Exception {
        ValidatorClient api = webapp.client(kind);
        String token = login(kind, "/login/token", FORGED_SUB).get("access_token").getAsString();
        assertEquals(FORGED_SUB, payload(token).get("sub").getAsString(), "the servlet wrote the subject as given");
        assertEquals(401, api.bearer("/api/orders", forged(token)).status());

        List<LogRecord> audit;
        synchronized (records) {
            audit = List.copyOf(records);
        }
        assertEquals(3, audit.size(), () -> messages().toString());
        SimpleFormatter formatter = new SimpleFormatter();
        for (LogRecord record : audit) {
            String message = formatter.formatMessage(record);
            assertFalse(message.contains("\r") || message.contains("\n"), message);
            List<String> physical = formatter.format(record).lines().filter(l -> l.contains("event=")).toList();
            assertEquals(List.of(message), physical.stream().map(l -> l.substring(l.indexOf("event="))).toList());
            Map<String, String> f = AuditLines.parse(message);
            assertEquals(FORGED_SUB, f.containsKey("sub") ? f.get("sub") : f.get("unverified_sub"), message);
        }
        assertEquals("authn_token_rejected", AuditLines.parse(formatter.formatMessage(audit.get(2))).get("event"));
    }

    /**
     * A session id rewritten into the URL ({@code ;jsessionid=}, where cookies are off) is a credential: the
     * containers keep it in {@code getRequestURI()}, and no line of the library, the audit's or its own DEBUG
     * line of a refusal, holds it.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aSessionIdInThePathReachesNoLogLine(ServletContainer.Kind kind) throws Exception {
        String session = "SESSION0CANARY" + kind;
        ValidatorClient api = webapp.client(kind);
        String token = login(kind, "/login/token;jsessionid=" + session, "carol").get("access_token").getAsString();
        assertEquals(401, api.bearer("/api/orders;jsessionid=" + session, forged(token)).status());

        assertEquals(webapp.base(kind).getPath() + "login/token",
                lines("authn_token_created", "audit-signer").get(0).get("uri"));
        assertEquals(webapp.base(kind).getPath() + "api/orders",
                lines("authn_token_rejected", "audit-api").get(0).get("uri"));
        List<String> leaks = io.github.jwtsigner.testing.SuiteLog.lines().stream()
                .filter(l -> l.logger() != null && l.logger().startsWith("io.github.jwtsigner"))
                .map(io.github.jwtsigner.testing.SuiteLog.Line::text).filter(t -> t.contains(session)).toList();
        assertEquals(List.of(), leaks);
    }

    private static JsonObject login(ServletContainer.Kind kind, String path, String user) throws Exception {
        HttpResponse<String> r = new LoginClient(webapp.base(kind)).login(path.substring(1), user,
                LoginServlet.PASSWORD);
        assertEquals(201, r.statusCode(), r::body);
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    /** {@code token} with the first four characters of its signature changed: still canonical base64url. */
    private static String forged(String token) {
        int s = token.lastIndexOf('.') + 1;
        return token.substring(0, s) + (token.startsWith("AAAA", s) ? "BBBB" : "AAAA") + token.substring(s + 4);
    }

    private static JsonObject payload(String token) {
        String[] parts = token.split("\\.");
        return JsonParser.parseString(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8))
                .getAsJsonObject();
    }

    private static String fingerprint(String token) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 8);
    }

    private List<String> messages() {
        SimpleFormatter formatter = new SimpleFormatter();
        synchronized (records) {
            return records.stream().map(formatter::formatMessage).toList();
        }
    }

    /** The captured audit lines of {@code event} by the filter {@code filter}, parsed. */
    private List<Map<String, String>> lines(String event, String filter) {
        return messages().stream().map(AuditLines::parse)
                .filter(f -> event.equals(f.get("event")) && filter.equals(f.get("filter"))).toList();
    }
}
