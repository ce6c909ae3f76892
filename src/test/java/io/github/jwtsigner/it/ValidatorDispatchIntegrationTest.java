package io.github.jwtsigner.it;

import com.google.gson.JsonObject;
import io.github.jwtsigner.JwtValidatorFilter;
import io.github.jwtsigner.Setting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.github.jwtsigner.it.ValidatorTokens.SUB;
import static io.github.jwtsigner.it.ValidatorTokens.claims;
import static io.github.jwtsigner.it.ValidatorTokens.hs256Payload;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The request the servlet behind the validator sees when its answer is reached through another dispatch, on
 * Jetty and Tomcat over real HTTP: a forward, {@code startAsync()} followed by {@code dispatch()} or
 * {@code AsyncContext.start}, an error page (with and without the validator mapped for ERROR dispatches), and the
 * validator's own 401, which is no error dispatch. Each time the client also sends its own {@code X-User}, the
 * header the token's {@code sub} is propagated to.
 */
class ValidatorDispatchIntegrationTest {
    private static final String SPOOFED = "mallory";

    @TempDir
    static Path temp;
    private static Path webappDir;
    private static final Map<ServletContainer.Kind, ServletContainer> RUNNING =
            new EnumMap<>(ServletContainer.Kind.class);

    @BeforeAll
    static void write() throws Exception {
        String keys = ValidatorTokens.write(temp.resolve("keys"), "keys.json", ValidatorTokens.publicJwkSet())
                .toString();
        String common = param(Setting.ALG, "HS256") + param(Setting.JWK_LOCAL_PATH, keys)
                + param(Setting.PROPAGATE_CLAIMS, "sub=X-User");
        String servlet = DispatchReportServlet.class.getName();
        String webXml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\">\n"
                + "  <servlet><servlet-name>report</servlet-name><servlet-class>" + servlet + "</servlet-class>"
                + "<async-supported>true</async-supported></servlet>\n"
                + mapping("servlet", "report", "/v/*", "/anon/*", "/errors/*", "/plain-errors/*")
                + filter("v", common) + mapping("filter", "v", "/v/*")
                + "  <filter-mapping><filter-name>v</filter-name><url-pattern>/errors/*</url-pattern>"
                + "<dispatcher>ERROR</dispatcher></filter-mapping>\n"
                + filter("anon", common + param(Setting.ALLOW_ANONYMOUS, "true")) + mapping("filter", "anon",
                        "/anon/*")
                + "  <error-page><error-code>418</error-code><location>/errors/report</location></error-page>\n"
                + "  <error-page><error-code>409</error-code><location>/plain-errors/report</location></error-page>\n"
                + "  <error-page><error-code>401</error-code><location>/plain-errors/report</location></error-page>\n"
                + "</web-app>\n";
        webappDir = ExplodedWebapp.create(temp.resolve("webapp"), webXml, List.of(), Map.of());
    }

    private static String param(Setting s, String value) {
        return "<init-param><param-name>" + s.settingName() + "</param-name><param-value>" + value
                + "</param-value></init-param>";
    }

    private static String filter(String name, String params) {
        return "  <filter><filter-name>" + name + "</filter-name><filter-class>" + JwtValidatorFilter.class.getName()
                + "</filter-class><async-supported>true</async-supported>" + params + "</filter>\n";
    }

    private static String mapping(String kind, String name, String... patterns) {
        StringBuilder sb = new StringBuilder("  <" + kind + "-mapping><" + kind + "-name>" + name + "</" + kind
                + "-name>");
        for (String p : patterns) {
            sb.append("<url-pattern>").append(p).append("</url-pattern>");
        }
        return sb.append("</").append(kind).append("-mapping>\n").toString();
    }

    private static ValidatorClient client(ServletContainer.Kind kind) throws Exception {
        ServletContainer c = RUNNING.get(kind);
        if (c == null) {
            Path dir = temp.resolve(kind.name());
            Path copy = ExplodedWebapp.create(dir.resolve("webapp"), java.nio.file.Files.readString(
                    webappDir.resolve("WEB-INF/web.xml")), List.of(), Map.of());
            c = kind.start(copy, dir.resolve("work"));
            RUNNING.put(kind, c);
            assertTrue(c.webappAvailable(), "webapp did not start: " + c.startupFailure());
        }
        return new ValidatorClient(c.base());
    }

    @AfterAll
    static void stop() throws Exception {
        for (ServletContainer c : RUNNING.values()) {
            c.close();
        }
    }

    static Stream<ServletContainer.Kind> kinds() {
        return ServletContainer.Kind.selected().stream();
    }

    private static JsonObject seen(ServletContainer.Kind kind, String path, int status) throws Exception {
        ValidatorClient.Reply r = client(kind).get(path, "Authorization", "Bearer " + hs256Payload(claims()
                .toString()), "X-User", SPOOFED);
        assertEquals(status, r.status(), () -> path + ": " + r);
        return r.json();
    }

    private static void assertTheTokensUser(JsonObject seen, String dispatch) {
        assertAll(seen.toString(),
                () -> assertEquals(dispatch, seen.get("dispatch").getAsString()),
                () -> assertEquals(SUB, seen.get("principal").getAsString()),
                () -> assertEquals(SUB, seen.get("remoteUser").getAsString()),
                () -> assertEquals(SUB, seen.get("xUser").getAsString()));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aForwardKeepsTheTokensUserAndClaimHeaders(ServletContainer.Kind kind) throws Exception {
        assertTheTokensUser(seen(kind, "/v/forward", 200), "FORWARD");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void anAsyncDispatchAfterStartAsyncKeepsTheTokensUserAndClaimHeaders(ServletContainer.Kind kind)
            throws Exception {
        assertTheTokensUser(seen(kind, "/v/async-dispatch", 200), "ASYNC");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theAsyncContextsRequestIsTheWrappedOne(ServletContainer.Kind kind) throws Exception {
        assertTheTokensUser(seen(kind, "/v/async-start", 200), "REQUEST");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void anAnonymousAsyncDispatchStillHidesTheClientsOwnClaimHeader(ServletContainer.Kind kind) throws Exception {
        ValidatorClient.Reply r = client(kind).get("/anon/async-dispatch", "X-User", SPOOFED);
        assertEquals(200, r.status(), r::toString);
        assertTrue(r.json().get("xUser").isJsonNull(), r::toString);
        assertTrue(r.json().get("principal").isJsonNull(), r::toString);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void anErrorPageMappedForErrorDispatchesSeesTheTokensUser(ServletContainer.Kind kind) throws Exception {
        assertTheTokensUser(seen(kind, "/v/error", 418), "ERROR");
    }

    /** What the README says: an error page the validator is not mapped to is not behind it. */
    @ParameterizedTest
    @MethodSource("kinds")
    void anErrorPageOutsideTheValidatorsMappingSeesTheContainersOwnRequest(ServletContainer.Kind kind)
            throws Exception {
        JsonObject seen = seen(kind, "/v/conflict", 409);
        assertEquals("ERROR", seen.get("dispatch").getAsString());
        assertTrue(seen.get("principal").isJsonNull(), seen::toString);
        assertEquals(SPOOFED, seen.get("xUser").getAsString(), seen::toString);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theValidatorsOwn401IsNoErrorDispatch(ServletContainer.Kind kind) throws Exception {
        ValidatorClient.Reply r = client(kind).get("/v/report", "X-User", SPOOFED);
        assertEquals(401, r.status(), r::toString);
        assertEquals("missing_token", r.json().get("error").getAsString(), r::toString);
    }
}
