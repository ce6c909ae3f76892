package io.github.jwtsigner;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import io.github.jwtsigner.internal.rotation.KeyRing;
import io.github.jwtsigner.testing.RecordingResponse;
import io.github.jwtsigner.testing.Sim2Tokens;
import io.github.jwtsigner.testing.TestFilterConfig;
import io.github.jwtsigner.testing.TestKeys;
import io.github.jwtsigner.testing.TestRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.annotation.WebInitParam;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;

class JwtSignerFilterTest {
    private static final String CLAIMS = "{\"access_token\":{\"sub\":\"user-7f3a9\",\"exp\":1735689600},"
            + "\"refresh_token\":{\"sub\":\"user-7f3a9\"},\"exp\":1735689600}";
    private static final Map<String, String> WEBAPP = Map.of("/WEB-INF/jwk.json", Sim2Tokens.jwkSetJson());

    private final Logger julLogger = Logger.getLogger(JwtSignerFilter.LOGGER_NAME);
    private final List<String> logLines = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (logLines) {
                logLines.add(record.getLevel() + " " + new SimpleFormatter().formatMessage(record));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLog() {
        julLogger.addHandler(handler);
    }

    @AfterEach
    void releaseLog() {
        julLogger.removeHandler(handler);
    }

    private static Map<String, String> initParams() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("alg", "HS256");
        params.put("kid", "sim2");
        params.put("keys_to_sign", "access_token, refresh_token");
        params.put("jwk_local_path", "WEB-INF/jwk.json");
        return params;
    }

    private static JwtSignerFilter started(Map<String, String> params) throws ServletException {
        JwtSignerFilter filter = new JwtSignerFilter();
        filter.init(new TestFilterConfig(params, WEBAPP));
        return filter;
    }

    private static RecordingResponse login(JwtSignerFilter filter, String body) throws Exception {
        RecordingResponse real = new RecordingResponse();
        filter.doFilter(TestRequest.post("/token"), real, (req, res) -> {
            res.setContentType("application/json");
            res.getWriter().write(body);
        });
        return real;
    }

    private static JsonObject accessClaims(RecordingResponse real) {
        JsonObject body = JsonParser.parseString(real.bodyText(UTF_8)).getAsJsonObject();
        return Sim2Tokens.verify(body.get("access_token").getAsString());
    }

    private static ServletException initFails(JwtSignerFilter filter, FilterConfig config) {
        ServletException e = assertThrows(ServletException.class, () -> filter.init(config));
        InvalidConfigurationException cause = assertInstanceOf(InvalidConfigurationException.class, e.getCause());
        assertEquals(cause.getMessage(), e.getMessage());
        return e;
    }

    /** Init-params, a KrakenD file, a SignerConfig or an annotated subclass: each one signs. */
    @Nested
    class ConfigurationStyles {
        @Test
        void signsWithSettingsFromInitParamsAndAKeyInWebInf() throws Exception {
            JwtSignerFilter filter = started(initParams());

            RecordingResponse real = login(filter, CLAIMS);

            assertEquals("user-7f3a9", accessClaims(real).get("sub").getAsString());
            assertTrue(logLines.contains("INFO JWT signer ready: alg=HS256, kid=sim2, keys_to_sign=[access_token,"
                    + " refresh_token], key source=jwk_local_path [WEB-INF/jwk.json], read once from webapp resource"
                    + " [/WEB-INF/jwk.json], which is not a file that can be watched"), logLines.toString());
        }

        @Test
        void signsWithTheEndpointOfAWholeKrakendConfigNamedByConfigAndEndpoint() throws Exception {
            String krakend = "{\"version\":3,\"endpoints\":["
                    + "{\"endpoint\":\"/other\",\"extra_config\":{\"auth/signer\":{\"alg\":\"HS256\",\"kid\":\"sim2\","
                    + "\"keys_to_sign\":[\"refresh_token\"],\"jwk_local_path\":\"WEB-INF/jwk.json\"}}},"
                    + "{\"endpoint\":\"/token\",\"extra_config\":{\"auth/signer\":{\"alg\":\"HS256\",\"kid\":\"sim2\","
                    + "\"keys_to_sign\":[\"access_token\"],\"jwk_local_path\":\"WEB-INF/jwk.json\"}}}]}";
            JwtSignerFilter filter = new JwtSignerFilter();
            filter.init(new TestFilterConfig(Map.of("config", "WEB-INF/krakend.json", "endpoint", "/token"),
                    Map.of("/WEB-INF/krakend.json", krakend, "/WEB-INF/jwk.json", Sim2Tokens.jwkSetJson())));

            JsonObject body = JsonParser.parseString(login(filter, CLAIMS).bodyText(UTF_8)).getAsJsonObject();

            Sim2Tokens.verify(body.get("access_token").getAsString());
            assertTrue(body.get("refresh_token").isJsonObject(), "only the /token endpoint's keys_to_sign apply");
        }

        @Test
        void signsWithAnAuthSignerObjectFromTheClasspath() throws Exception {
            JwtSignerFilter filter = new JwtSignerFilter();
            filter.init(TestFilterConfig.of(Map.of("config", "classpath:io/github/jwtsigner/auth-signer.json")));

            assertEquals("user-7f3a9", accessClaims(login(filter, CLAIMS)).get("sub").getAsString());
        }

        @Test
        void signsWithASignerConfigPassedToTheConstructor() throws Exception {
            SignerConfig config = SignerConfig.builder().alg("HS256").kid("sim2").keysToSign("access_token")
                    .jwkLocalPath("classpath:" + Sim2Tokens.RESOURCE).build();
            JwtSignerFilter filter = new JwtSignerFilter(config);
            filter.init(TestFilterConfig.of(Map.of()));

            assertEquals("user-7f3a9", accessClaims(login(filter, CLAIMS)).get("sub").getAsString());
        }

        /** What a user writes: the container reads these annotations and hands the init-params to init(). */
        @WebFilter(urlPatterns = "/token", initParams = {
            @WebInitParam(name = "alg", value = "HS256"),
            @WebInitParam(name = "kid", value = "sim2"),
            @WebInitParam(name = "keys_to_sign", value = "[\"access_token\"]"),
            @WebInitParam(name = "jwk_local_path", value = "WEB-INF/jwk.json")})
        public static class LoginTokenSigner extends JwtSignerFilter {
            int requests;

            @Override
            public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                    throws java.io.IOException, ServletException {
                requests++;
                super.doFilter(request, response, chain);
            }
        }

        @Test
        void worksAsTheSuperclassOfAnAnnotatedSubclass() throws Exception {
            Map<String, String> params = new LinkedHashMap<>();
            for (WebInitParam p : LoginTokenSigner.class.getAnnotation(WebFilter.class).initParams()) {
                params.put(p.name(), p.value());
            }
            LoginTokenSigner filter = LoginTokenSigner.class.getConstructor().newInstance();
            filter.init(new TestFilterConfig(params, WEBAPP));

            RecordingResponse real = login(filter, CLAIMS);

            assertEquals("user-7f3a9", accessClaims(real).get("sub").getAsString());
            assertEquals(1, filter.requests);
        }
    }

    /** ${sys:...} and ${env:...} in any setting, config and endpoint too; an unset one stops init(). */
    @Nested
    class Placeholders {
        @Test
        void expandsPlaceholdersInConfigAndEndpoint() throws Exception {
            String krakend = "{\"version\":3,\"endpoints\":["
                    + "{\"endpoint\":\"/other\",\"extra_config\":{\"auth/signer\":{\"alg\":\"HS256\",\"kid\":\"sim2\","
                    + "\"keys_to_sign\":[\"refresh_token\"],\"jwk_local_path\":\"WEB-INF/jwk.json\"}}},"
                    + "{\"endpoint\":\"/token\",\"extra_config\":{\"auth/signer\":{\"alg\":\"HS256\",\"kid\":\"sim2\","
                    + "\"keys_to_sign\":[\"access_token\"],\"jwk_local_path\":\"WEB-INF/jwk.json\"}}}]}";
            System.setProperty("jwtsigner.test.configDir", "WEB-INF");
            System.setProperty("jwtsigner.test.endpoint", "/token");
            try {
                JwtSignerFilter filter = new JwtSignerFilter();
                filter.init(new TestFilterConfig(Map.of("config", " ${sys:jwtsigner.test.configDir}/krakend.json ",
                        "endpoint", "${sys:jwtsigner.test.endpoint}"),
                        Map.of("/WEB-INF/krakend.json", krakend, "/WEB-INF/jwk.json", Sim2Tokens.jwkSetJson())));

                JsonObject body = JsonParser.parseString(login(filter, CLAIMS).bodyText(UTF_8)).getAsJsonObject();

                Sim2Tokens.verify(body.get("access_token").getAsString());
                assertTrue(body.get("refresh_token").isJsonObject(), "the /token endpoint was selected");
            } finally {
                System.clearProperty("jwtsigner.test.configDir");
                System.clearProperty("jwtsigner.test.endpoint");
            }
        }

        @Test
        void refusesToStartWhenAPlaceholderInConfigOrEndpointIsNotSet() {
            ServletException e = initFails(new JwtSignerFilter(), TestFilterConfig.of(Map.of(
                    "config", "${sys:jwtsigner.test.unset.config}/krakend.json",
                    "endpoint", "${env:JWTSIGNER_TEST_UNSET_ENDPOINT}")));

            assertTrue(e.getMessage().contains(": config refers to system property [jwtsigner.test.unset.config], which"
                    + " is not set; expected it to be set with -Djwtsigner.test.unset.config=... on the server's command"
                    + " line"), e.getMessage());
            assertTrue(e.getMessage().contains(": endpoint refers to environment variable [JWTSIGNER_TEST_UNSET_ENDPOINT],"
                    + " which is not set; expected it to be set in the server's environment"), e.getMessage());
        }

        @Test
        void refusesToStartWhenAPlaceholderNamesAnUnsetVariable() {
            Map<String, String> params = initParams();
            params.put("kid", "${env:JWT_SIGNER_TEST_VARIABLE_THAT_IS_NEVER_SET}");

            ServletException e = initFails(new JwtSignerFilter(), new TestFilterConfig(params, WEBAPP));

            assertTrue(e.getMessage().contains("kid refers to environment variable"
                    + " [JWT_SIGNER_TEST_VARIABLE_THAT_IS_NEVER_SET], which is not set"), e.getMessage());
        }
    }

    /** A configuration that cannot work is refused at startup, naming every problem. */
    @Nested
    class StartupErrors {
        @Test
        void refusesToStartWithABadConfigurationNamingEveryProblem() {
            Map<String, String> params = initParams();
            params.put("alg", "HS257");
            params.put("cache_duration", "0");
            params.put("colour", "blue");

            ServletException e = initFails(new JwtSignerFilter(), new TestFilterConfig(params, WEBAPP));

            InvalidConfigurationException cause = (InvalidConfigurationException) e.getCause();
            assertEquals(3, cause.problems().size(), cause.getMessage());
            assertTrue(e.getMessage().contains("alg [HS257] is not supported"), e.getMessage());
            assertTrue(e.getMessage().contains("cache_duration [0] must be a positive number"), e.getMessage());
            assertTrue(e.getMessage().contains("unknown setting [colour]"), e.getMessage());
        }

        @Test
        void refusesToStartWhenTheKeyFileIsNowhereAndListsWhereItLooked() {
            Map<String, String> params = initParams();
            params.put("jwk_local_path", "WEB-INF/missing.json");

            ServletException e = initFails(new JwtSignerFilter(), new TestFilterConfig(params, WEBAPP));

            assertEquals("invalid JWT signer configuration: jwk_local_path [WEB-INF/missing.json] not found; looked in:"
                    + " webapp resource [/WEB-INF/missing.json], file [" + Path.of("WEB-INF/missing.json").toAbsolutePath()
                    + "]; expected an absolute file path, classpath:name, or a path inside the webapp or relative to the"
                    + " working directory [" + Path.of("").toAbsolutePath() + "]", e.getMessage());
        }

        @Test
        void refusesToStartWhenTheKidIsNotInTheKeySet() {
            Map<String, String> params = initParams();
            params.put("kid", "sim3");

            ServletException e = initFails(new JwtSignerFilter(), new TestFilterConfig(params, WEBAPP));

            assertTrue(e.getMessage().contains("kid [sim3] not found in jwk_local_path [WEB-INF/jwk.json]; kids there:"),
                    e.getMessage());
        }

        @Test
        void refusesToStartWhenTheConfigFileIsMissing() {
            ServletException e = initFails(new JwtSignerFilter(),
                    new TestFilterConfig(Map.of("config", "WEB-INF/krakend.json"), WEBAPP));

            assertTrue(e.getMessage().startsWith("invalid JWT signer configuration: config [WEB-INF/krakend.json] not"
                    + " found; looked in: webapp resource [/WEB-INF/krakend.json], file ["), e.getMessage());
        }

        @Test
        void refusesSettingsBothInInitParamsAndInAConfigFile() {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("config", "classpath:io/github/jwtsigner/auth-signer.json");
            params.put("alg", "HS512");

            ServletException e = initFails(new JwtSignerFilter(), TestFilterConfig.of(params));

            assertEquals("invalid JWT signer configuration: init-params [alg] are set next to config"
                    + " [classpath:io/github/jwtsigner/auth-signer.json]; expected every setting in the config file",
                    e.getMessage());
        }

        @Test
        void refusesAnEndpointWithoutAConfigFile() {
            Map<String, String> params = initParams();
            params.put("endpoint", "/token");

            ServletException e = initFails(new JwtSignerFilter(), new TestFilterConfig(params, WEBAPP));

            assertEquals("invalid JWT signer configuration: init-param endpoint [/token] is set without config; expected"
                    + " config naming a whole KrakenD configuration file", e.getMessage());
        }

        @Test
        void refusesInitParamsNextToAConstructorConfig() {
            SignerConfig config = SignerConfig.builder().alg("HS256").kid("sim2").keysToSign("access_token")
                    .jwkLocalPath("classpath:" + Sim2Tokens.RESOURCE).build();

            ServletException e = initFails(new JwtSignerFilter(config), TestFilterConfig.of(Map.of("kid", "sim1")));

            assertEquals("invalid JWT signer configuration: init-params [kid] are set, but the filter was constructed"
                    + " with a SignerConfig; expected the settings in one place", e.getMessage());
        }

        @Test
        void rejectsANullConstructorConfig() {
            NullPointerException e = assertThrows(NullPointerException.class, () -> new JwtSignerFilter(null));

            assertEquals("config", e.getMessage());
        }
    }

    /** Keys from a URL, a file reloaded in the background or a PEM file, named in the startup line. */
    @Nested
    class KeySources {
        @Test
        void fetchesTheKeySetFromJwkUrlAtStartupAndNeverLogsThePasswordInIt() throws Exception {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/jwk.json", exchange -> {
                byte[] keys = Sim2Tokens.jwkSetJson().getBytes(UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, keys.length);
                exchange.getResponseBody().write(keys);
                exchange.close();
            });
            server.start();
            try {
                Map<String, String> params = initParams();
                params.remove("jwk_local_path");
                params.put("jwk_url", "http://keys:pa55word@127.0.0.1:" + server.getAddress().getPort() + "/jwk.json");
                params.put("disable_jwk_security", "true");
                JwtSignerFilter filter = started(params);

                assertEquals("user-7f3a9", accessClaims(login(filter, CLAIMS)).get("sub").getAsString());
                assertTrue(logLines.contains("INFO JWT signer ready: alg=HS256, kid=sim2, keys_to_sign=[access_token,"
                        + " refresh_token], key source=jwk_url [http://***@127.0.0.1:" + server.getAddress().getPort()
                        + "/jwk.json], fetched again every 900s (cache_duration)"), logLines.toString());
                assertFalse(logLines.toString().contains("pa55word"), logLines.toString());
            } finally {
                server.stop(0);
            }
        }

        @Test
        void refusesToStartWhenTheKeyServerCannotBeReachedAndWarnsAboutPlainHttp() {
            Map<String, String> params = initParams();
            params.remove("jwk_local_path");
            params.put("jwk_url", "http://127.0.0.1:1/jwk.json");
            params.put("disable_jwk_security", "true");

            ServletException e = initFails(new JwtSignerFilter(), new TestFilterConfig(params, WEBAPP));

            assertTrue(e.getMessage().contains("http://127.0.0.1:1/jwk.json"), e.getMessage());
            assertTrue(logLines.stream().anyMatch(l -> l.startsWith("WARNING disable_jwk_security is true")),
                    logLines.toString());
        }

        private static Set<Thread> refreshThreads() {
            Set<Thread> threads = new HashSet<>();
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().equals(KeyRing.REFRESH_THREAD_NAME) && t.isAlive()) {
                    threads.add(t);
                }
            }
            return threads;
        }

        @Test
        void reloadsAKeyFileInTheBackgroundUntilDestroyed(@TempDir Path dir) throws Exception {
            Path keys = Files.writeString(dir.resolve("jwk.json"), Sim2Tokens.jwkSetJson());
            Map<String, String> params = initParams();
            params.put("jwk_local_path", keys.toString());
            params.put("jwk_local_check_interval", "100ms");
            Set<Thread> before = refreshThreads();

            JwtSignerFilter filter = started(params);
            Set<Thread> mine = refreshThreads();
            mine.removeAll(before);
            assertEquals(1, mine.size(), "one refresh thread per filter");
            Thread thread = mine.iterator().next();
            assertTrue(thread.isDaemon());
            assertTrue(logLines.contains("INFO JWT signer ready: alg=HS256, kid=sim2, keys_to_sign=[access_token,"
                    + " refresh_token], key source=jwk_local_path [" + keys + "], read from file [" + keys + "], checked"
                    + " for changes every 100ms"), logLines.toString());

            filter.destroy();

            thread.join(2000);
            assertFalse(thread.isAlive(), "destroy() stops the refresh thread");
        }

        @Test
        void signsWithAPemKeyFromWebInf() throws Exception {
            String pem;
            try (InputStream in = getClass().getResourceAsStream("/keys/ec-pkcs8.pem")) {
                pem = new String(in.readAllBytes(), UTF_8);
            }
            Map<String, String> params = new LinkedHashMap<>();
            params.put("alg", "ES256");
            params.put("kid", "ec-pem");
            params.put("keys_to_sign", "access_token");
            params.put("pem_local_path", "WEB-INF/keys/signing.pem");
            JwtSignerFilter filter = new JwtSignerFilter();
            filter.init(new TestFilterConfig(params, Map.of("/WEB-INF/keys/signing.pem", pem)));

            RecordingResponse real = login(filter, CLAIMS);

            String token = JsonParser.parseString(real.bodyText(UTF_8)).getAsJsonObject().get("access_token").getAsString();
            String publicPem;
            try (InputStream in = getClass().getResourceAsStream("/keys/ec-public.pem")) {
                publicPem = new String(in.readAllBytes(), UTF_8);
            }
            PublicKey publicKey = KeyFactory.getInstance("EC").generatePublic(
                    new X509EncodedKeySpec(Base64.getMimeDecoder().decode(
                            publicPem.replaceAll("-----[A-Z ]+-----", ""))));
            assertTrue(TestKeys.verifies(token, "ES256", publicKey), token);
            assertTrue(logLines.contains("INFO JWT signer ready: alg=ES256, kid=ec-pem, keys_to_sign=[access_token],"
                    + " key source=pem_local_path [WEB-INF/keys/signing.pem], read once from webapp resource"
                    + " [/WEB-INF/keys/signing.pem]"), logLines.toString());
            filter.destroy();
        }

        @Test
        void namesTheKidActuallyUsedWhenKidIsLeftOut() throws Exception {
            Map<String, String> params = initParams();
            params.remove("kid");

            JwtSignerFilter filter = started(params);

            assertEquals("user-7f3a9", accessClaims(login(filter, CLAIMS)).get("sub").getAsString());
            assertTrue(logLines.stream().anyMatch(l -> l.startsWith("INFO JWT signer ready: alg=HS256, kid=sim2,")),
                    logLines.toString());
        }
    }

    /** A member the body lacks passes unsigned, as in KrakenD, or fails closed with require_keys_to_sign. */
    @Nested
    class KeysToSign {
        @Test
        void aTypoInKeysToSignPassesTheClaimsAsKrakendDoesButWarnsOnce() throws Exception {
            Map<String, String> params = initParams();
            params.put("keys_to_sign", "acces_token");
            JwtSignerFilter filter = started(params);

            RecordingResponse first = login(filter, CLAIMS);
            login(filter, CLAIMS);

            assertEquals(CLAIMS, first.bodyText(UTF_8));
            List<String> warnings;
            synchronized (logLines) {
                warnings = logLines.stream().filter(l -> l.contains("acces_token") && l.startsWith("WARNING")).toList();
            }
            assertEquals(1, warnings.size(), logLines::toString);
            assertTrue(warnings.get(0).contains("require_keys_to_sign=true"), warnings.get(0));
            filter.destroy();
        }

        @Test
        void requireKeysToSignFailsATypoClosed() throws Exception {
            Map<String, String> params = initParams();
            params.put("keys_to_sign", "acces_token");
            params.put("require_keys_to_sign", "true");
            JwtSignerFilter filter = started(params);

            RecordingResponse real = login(filter, CLAIMS);

            assertEquals(500, real.getStatus());
            assertEquals("{\"error\":\"token signing failed\"}", real.bodyText(UTF_8));
            synchronized (logLines) {
                assertTrue(logLines.stream().anyMatch(l -> l.contains("MISSING_MEMBER")
                        && l.contains("keys_to_sign member [acces_token] is missing")), logLines::toString);
            }
            filter.destroy();
        }

        @Test
        void requireKeysToSignMustBeABoolean() {
            Map<String, String> params = initParams();
            params.put("require_keys_to_sign", "yes");

            ServletException e = assertThrows(ServletException.class, () -> started(params));

            assertTrue(e.getMessage().contains("require_keys_to_sign [yes]"), e.getMessage());
        }
    }

    /** What doFilter does with a request, on one thread or many. */
    @Nested
    class Requests {
        @Test
        void refusesRequestsBeforeInitAndAfterDestroyWithoutRunningTheServlet() throws Exception {
            JwtSignerFilter filter = new JwtSignerFilter();
            FilterChain chain = (req, res) -> res.getWriter().write(CLAIMS);

            ServletException before = assertThrows(ServletException.class,
                    () -> filter.doFilter(TestRequest.post("/token"), new RecordingResponse(), chain));
            filter.init(new TestFilterConfig(initParams(), WEBAPP));
            filter.destroy();
            RecordingResponse real = new RecordingResponse();
            ServletException after = assertThrows(ServletException.class,
                    () -> filter.doFilter(TestRequest.post("/token"), real, chain));

            String expected = "JwtSignerFilter is not initialised: init(FilterConfig) has not completed (a subclass that"
                    + " overrides init must call super.init(filterConfig))";
            assertEquals(expected, before.getMessage());
            assertEquals(expected, after.getMessage());
            assertFalse(real.touched());
        }

        @Test
        void refusesARequestThatIsNotHttp() throws Exception {
            JwtSignerFilter filter = started(initParams());

            ServletException e = assertThrows(ServletException.class,
                    () -> filter.doFilter(mock(ServletRequest.class), mock(ServletResponse.class), (req, res) -> { }));

            assertTrue(e.getMessage().startsWith("JwtSignerFilter only handles HTTP requests; got ["), e.getMessage());
        }

        @Test
        void passesAFailedLoginThroughUntouched() throws Exception {
            JwtSignerFilter filter = started(initParams());
            RecordingResponse real = new RecordingResponse();

            filter.doFilter(TestRequest.post("/token"), real, (req, res) -> {
                ((HttpServletResponse) res).setStatus(401);
                res.setContentType("application/json");
                res.getWriter().write("{\"error\":\"invalid_grant\"}");
            });

            assertEquals(401, real.getStatus());
            assertEquals("{\"error\":\"invalid_grant\"}", real.bodyText(UTF_8));
            assertNull(real.getHeader("Cache-Control"));
        }

        @Test
        void logsOneLineForAFailureWithReasonAndUriButNoClaimValue() throws Exception {
            JwtSignerFilter filter = started(initParams());
            logLines.clear();

            RecordingResponse real = login(filter, "{\"access_token\":{\"sub\":\"user-7f3a9\"");

            assertEquals(500, real.getStatus());
            assertEquals(1, logLines.size(), logLines.toString());
            String line = logLines.get(0);
            assertTrue(line.startsWith("WARNING JWT signer failed closed with 500: MALFORMED_JSON: "), line);
            assertTrue(line.endsWith("; request URI [/token]"), line);
            assertFalse(line.contains("user-7f3a9"), line);
        }

        @Test
        void servesManyThreadsWithOneFilterInstance() throws Exception {
            JwtSignerFilter filter = started(initParams());
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<String>> subs = new ArrayList<>();
                for (int i = 0; i < 400; i++) {
                    String sub = "user-" + i;
                    subs.add(pool.submit(() -> {
                        RecordingResponse real = login(filter, CLAIMS.replace("user-7f3a9", sub));
                        return accessClaims(real).get("sub").getAsString();
                    }));
                }
                for (int i = 0; i < subs.size(); i++) {
                    assertEquals("user-" + i, subs.get(i).get());
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
