package io.github.jwtsigner.it;

import com.google.gson.JsonParser;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import io.github.jwtsigner.InvalidConfigurationException;
import io.github.jwtsigner.JwksConfig;
import io.github.jwtsigner.JwksServlet;
import io.github.jwtsigner.JwtSignerFilter;
import io.github.jwtsigner.JwtValidatorFilter;
import io.github.jwtsigner.SignerConfig;
import io.github.jwtsigner.ValidatorConfig;
import io.github.jwtsigner.internal.ops.MeterRegistries;
import io.github.jwtsigner.testing.LoginServlet;
import io.github.jwtsigner.testing.Sim2Tokens;
import io.github.jwtsigner.testing.TestFilterConfig;
import io.github.jwtsigner.testing.TestKeys;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Micrometer is optional: with no Micrometer jar on the class path the signer, the validator and the JWKS servlet
 * start in real Jetty, sign, validate and publish, and count in their MXBeans; {@code metrics=global} is refused
 * at startup naming the jar it needs; the builders' methods reflect without Micrometer. Run by the surefire
 * execution {@code without-micrometer}, whose class path leaves out micrometer-core, -commons and -observation.
 */
@EnabledIfSystemProperty(named = WithoutMicrometerTest.PROPERTY, matches = "true",
        disabledReason = "needs a class path without Micrometer: run by the without-micrometer execution")
class WithoutMicrometerTest {
    /** Set by the surefire execution that leaves Micrometer out. */
    static final String PROPERTY = "it.withoutMicrometer";

    private static final ECKey EC = TestKeys.ec(Curve.P_256, "es-plain");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    Path temp;

    @Test
    void micrometerIsNotOnTheClassPath() {
        for (String type : List.of("io.micrometer.core.instrument.MeterRegistry",
                "io.micrometer.observation.Observation", "io.micrometer.common.KeyValue")) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(type), type);
        }
    }

    @Test
    void theFiltersAndTheJwksServletStartSignValidatePublishAndCountInJmx() throws Exception {
        Path keys = ValidatorTokens.write(temp.resolve("keys"), "es.json", TestKeys.set(EC));
        String key = keys.toString();
        String webXml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\">\n"
                + servlet("login", ValidatorLoginServlet.class.getName(), "/token", "")
                + servlet("api", RecordingServlet.class.getName(), "/api/*", "")
                + servlet("jwks", JwksServlet.class.getName(), "/jwks.json", param("signer", "signer"))
                + filter("signer", JwtSignerFilter.class.getName(), "/token", param("alg", "ES256")
                        + param("keys_to_sign", "access_token") + param("jwk_local_path", key))
                + filter("validator", JwtValidatorFilter.class.getName(), "/api/*", param("alg", "ES256")
                        + param("jwk_local_path", key))
                + "</web-app>\n";
        Path webapp = ExplodedWebapp.create(temp.resolve("webapp"), webXml, List.of(), Map.of());
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        ObjectName signer = new ObjectName("io.github.jwtsigner:type=Signer,name=signer");
        ObjectName validator = new ObjectName("io.github.jwtsigner:type=Validator,name=validator");
        ObjectName jwks = new ObjectName("io.github.jwtsigner:type=Jwks,name=jwks");
        try (ServletContainer container = ServletContainer.Kind.JETTY.start(webapp, temp.resolve("work"))) {
            assertTrue(container.webappAvailable(), container.startupFailure());
            URI base = container.base();
            HttpResponse<String> login = new LoginClient(base).login("token", "carol", LoginServlet.PASSWORD);
            assertEquals(201, login.statusCode(), login.body());
            String token = JsonParser.parseString(login.body()).getAsJsonObject().get("access_token").getAsString();
            assertTrue(TestKeys.verifies(token, "ES256", EC.toECPublicKey()), "jose4j verifies the token");
            HttpResponse<String> api = get(base.resolve("api/orders"), "Authorization", "Bearer " + token);
            assertEquals(200, api.statusCode(), api.body());
            assertEquals("carol", JsonParser.parseString(api.body()).getAsJsonObject().get("principal")
                    .getAsString());
            HttpResponse<String> set = get(base.resolve("jwks.json"));
            assertEquals(200, set.statusCode());
            assertTrue(set.body().contains("\"kid\":\"es-plain\""), set.body());

            assertEquals(1L, jmx.getAttribute(signer, "Signed"));
            assertEquals(1L, jmx.getAttribute(signer, "TokensIssued"));
            assertEquals(1L, jmx.getAttribute(validator, "Accepted"));
            assertEquals(1L, jmx.getAttribute(jwks, "Served"));
        }
        assertFalse(jmx.isRegistered(signer), "the MXBean is unregistered when the webapp stops");
    }

    @Test
    void metricsGlobalIsRefusedAtStartupNamingMicrometerCore() {
        Map<String, String> signerParams = Map.of("alg", "HS256", "kid", "sim2", "keys_to_sign", "access_token",
                "jwk_local_path", "WEB-INF/jwk.json", "metrics", "global");
        Map<String, String> validatorParams = Map.of("alg", "HS256", "jwk_local_path", "WEB-INF/jwk.json",
                "metrics", "global");
        Map<String, String> webapp = Map.of("/WEB-INF/jwk.json", Sim2Tokens.jwkSetJson());
        for (Map.Entry<Filter, Map<String, String>> started : Map.<Filter, Map<String, String>>of(
                new JwtSignerFilter(), signerParams, new JwtValidatorFilter(), validatorParams).entrySet()) {
            ServletException e = assertThrows(ServletException.class,
                    () -> started.getKey().init(new TestFilterConfig(started.getValue(), webapp)));
            InvalidConfigurationException cause = assertInstanceOf(InvalidConfigurationException.class,
                    e.getCause());
            assertEquals(List.of("init-params of filter [jwtSigner]: metrics [global] needs"
                    + " io.micrometer:micrometer-core on the webapp's class path, and it is not there; expected the"
                    + " jar in WEB-INF/lib, or metrics [none]"), cause.problems());
        }
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> MeterRegistries.resolve(null, "GLOBAL", "init-params of servlet [jwks]"));
        assertTrue(e.getMessage().contains("io.micrometer:micrometer-core"), e.getMessage());
        assertEquals(null, MeterRegistries.resolve(null, "none", "init-params of servlet [jwks]"));
    }

    @Test
    void theBuildersReflectAndRefuseANonRegistryWithoutLoadingMicrometer() throws Exception {
        for (Class<?> type : List.of(SignerConfig.Builder.class, ValidatorConfig.Builder.class,
                JwksConfig.Builder.class, SignerConfig.class, ValidatorConfig.class, JwksConfig.class)) {
            assertTrue(type.getMethods().length > 0, type.getName());
            assertTrue(type.getDeclaredMethods().length > 0, type.getName());
        }
        Method meterRegistry = SignerConfig.Builder.class.getMethod("meterRegistry", Object.class);
        assertEquals(SignerConfig.Builder.class, meterRegistry.getReturnType());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ValidatorConfig.builder().meterRegistry(new Object()));
        assertEquals("meterRegistry takes an io.micrometer.core.instrument.MeterRegistry, not a [java.lang.Object]",
                e.getMessage());
        SignerConfig config = SignerConfig.builder().alg("HS256").keysToSign("access_token")
                .jwkLocalPath("WEB-INF/jwk.json").meterRegistry(null).build();
        assertTrue(config.meterRegistry().isEmpty());
    }

    private HttpResponse<String> get(URI uri, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String servlet(String name, String type, String path, String params) {
        return "  <servlet><servlet-name>" + name + "</servlet-name><servlet-class>" + type + "</servlet-class>\n"
                + params + "    <load-on-startup>1</load-on-startup></servlet>\n  <servlet-mapping><servlet-name>"
                + name + "</servlet-name><url-pattern>" + path + "</url-pattern></servlet-mapping>\n";
    }

    private static String filter(String name, String type, String path, String params) {
        return "  <filter><filter-name>" + name + "</filter-name><filter-class>" + type + "</filter-class>\n"
                + params + "  </filter>\n  <filter-mapping><filter-name>" + name + "</filter-name><url-pattern>"
                + path + "</url-pattern></filter-mapping>\n";
    }

    private static String param(String name, String value) {
        return "    <init-param><param-name>" + name + "</param-name><param-value>" + value
                + "</param-value></init-param>\n";
    }
}
