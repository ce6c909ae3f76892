package io.github.jwtsigner.it;

import com.google.gson.JsonParser;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import io.github.jwtsigner.JwksServlet;
import io.github.jwtsigner.JwtSignerFilter;
import io.github.jwtsigner.JwtValidatorFilter;
import io.github.jwtsigner.testing.LoginServlet;
import io.github.jwtsigner.testing.TestKeys;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code metrics=global} on a signer filter, a validator filter and a JWKS servlet of one webapp in real Jetty and
 * Tomcat: after a known sequence of requests Micrometer's global registry holds their meters with those counts and
 * tags, and after the webapp stops it holds none of them.
 */
class MetricsIntegrationTest {
    private static final ECKey EC = TestKeys.ec(Curve.P_256, "es-metrics");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final SimpleMeterRegistry published = new SimpleMeterRegistry();

    @TempDir
    Path temp;

    static Stream<ServletContainer.Kind> kinds() {
        return ServletContainer.Kind.selected().stream();
    }

    @BeforeEach
    void publish() {
        // The global registry is a composite: without a registry in it, its meters count nothing.
        Metrics.addRegistry(published);
    }

    @AfterEach
    void unpublish() {
        Metrics.removeRegistry(published);
        published.close();
    }

    private String webXml(Path keys) {
        String key = keys.toString();
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\">\n"
                + servlet("login", ValidatorLoginServlet.class, "/login/token", Map.of())
                + servlet("odd", NotSignableServlet.class, "/login/odd/*", Map.of())
                + servlet("api", RecordingServlet.class, "/api/*", Map.of())
                + servlet("jwks", JwksServlet.class, "/jwks.json", Map.of("signer", "signer", "metrics", "global"))
                + filter("signer", JwtSignerFilter.class, "/login/*", Map.of("alg", "ES256", "keys_to_sign",
                        "access_token", "jwk_local_path", key, "metrics", "global"))
                + filter("validator", JwtValidatorFilter.class, "/api/*", Map.of("alg", "ES256", "jwk_local_path",
                        key, "metrics", "global"))
                + "</web-app>\n";
    }

    private static String servlet(String name, Class<?> type, String path, Map<String, String> params) {
        StringBuilder sb = new StringBuilder("  <servlet><servlet-name>" + name + "</servlet-name><servlet-class>"
                + type.getName() + "</servlet-class>\n");
        params.forEach((k, v) -> sb.append(param(k, v)));
        return sb.append("    <load-on-startup>1</load-on-startup></servlet>\n  <servlet-mapping><servlet-name>")
                .append(name).append("</servlet-name><url-pattern>").append(path)
                .append("</url-pattern></servlet-mapping>\n").toString();
    }

    private static String filter(String name, Class<?> type, String path, Map<String, String> params) {
        StringBuilder sb = new StringBuilder("  <filter><filter-name>" + name + "</filter-name><filter-class>"
                + type.getName() + "</filter-class>\n");
        params.forEach((k, v) -> sb.append(param(k, v)));
        return sb.append("  </filter>\n  <filter-mapping><filter-name>").append(name)
                .append("</filter-name><url-pattern>").append(path).append("</url-pattern></filter-mapping>\n")
                .toString();
    }

    private static String param(String name, String value) {
        return "    <init-param><param-name>" + name + "</param-name><param-value>" + value
                + "</param-value></init-param>\n";
    }

    private HttpResponse<String> send(URI base, String path, String method, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static double count(String meter, String... tags) {
        Counter c = Metrics.globalRegistry.find(meter).tags(tags).counter();
        assertNotNull(c, () -> meter + " " + List.of(tags) + " is not in the global registry; it holds "
                + ours(Metrics.globalRegistry));
        return c.count();
    }

    private static TreeSet<String> ours(MeterRegistry registry) {
        TreeSet<String> ids = new TreeSet<>();
        for (Meter m : registry.getMeters()) {
            if (m.getId().getName().startsWith("jwt.")) {
                ids.add(m.getId().getName() + m.getId().getTags());
            }
        }
        return ids;
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theGlobalRegistryCountsEachEventWithItsTagsAndHoldsNothingOnceTheWebappStopped(ServletContainer.Kind kind)
            throws Exception {
        Path keys = ValidatorTokens.write(temp.resolve("keys"), "es.json", TestKeys.set(EC));
        Path webapp = ExplodedWebapp.create(temp.resolve("webapp"), webXml(keys), List.of(), Map.of());
        try (ServletContainer container = kind.start(webapp, temp.resolve("work"))) {
            assertTrue(container.webappAvailable(), container.startupFailure());
            assertEquals(0, count("jwt.validator.requests", "name", "validator", "outcome", "rejected", "reason",
                    "expired"), "the fixed counters are there from the start");
            URI base = container.base();

            HttpResponse<String> login = new LoginClient(base).login("login/token", "carol", LoginServlet.PASSWORD);
            assertEquals(201, login.statusCode(), login.body());
            String token = JsonParser.parseString(login.body()).getAsJsonObject().get("access_token").getAsString();
            assertEquals(200, send(base, "login/odd/page", "GET").statusCode());
            assertEquals(500, send(base, "login/odd/broken", "POST").statusCode());
            assertEquals(200, send(base, "api/orders", "GET", "Authorization", "Bearer " + token).statusCode());
            assertEquals(200, send(base, "api/orders", "GET", "Authorization", "Bearer " + token).statusCode());
            int cut = token.lastIndexOf('.') + 5;
            String forged = token.substring(0, cut) + (token.charAt(cut) == 'A' ? 'B' : 'A')
                    + token.substring(cut + 1);
            assertEquals(401, send(base, "api/orders", "GET", "Authorization", "Bearer " + forged).statusCode());
            HttpResponse<String> jwks = send(base, "jwks.json", "GET");
            assertEquals(200, jwks.statusCode());
            String etag = jwks.headers().firstValue("ETag").orElseThrow();
            assertEquals(304, send(base, "jwks.json", "GET", "If-None-Match", etag).statusCode());

            String r = "jwt.signer.responses";
            assertEquals(1, count(r, "name", "signer", "outcome", "signed", "reason", "none"));
            assertEquals(1, count(r, "name", "signer", "outcome", "passed", "reason", "none"));
            assertEquals(1, count(r, "name", "signer", "outcome", "failed_closed", "reason", "malformed_json"));
            assertEquals(0, count(r, "name", "signer", "outcome", "failed_closed", "reason", "too_large"));
            assertEquals(1, count("jwt.signer.tokens", "name", "signer", "member", "access_token", "alg", "ES256",
                    "kid", "es-metrics"));
            Timer signing = Metrics.globalRegistry.find("jwt.signer.signing").tag("name", "signer").timer();
            assertEquals(1, signing.count());

            String v = "jwt.validator.requests";
            assertEquals(2, count(v, "name", "validator", "outcome", "accepted", "reason", "none"));
            assertEquals(1, count(v, "name", "validator", "outcome", "rejected", "reason", "bad_signature"));
            assertEquals(0, count(v, "name", "validator", "outcome", "anonymous", "reason", "none"));
            assertEquals(2, Metrics.globalRegistry.find("jwt.validator.verification")
                    .tags("name", "validator", "outcome", "accepted").timer().count());
            assertEquals(1, Metrics.globalRegistry.find("jwt.validator.verification")
                    .tags("name", "validator", "outcome", "rejected").timer().count());
            assertEquals(1, Metrics.globalRegistry.find("jwt.validator.cache.hits").tag("name", "validator")
                    .functionCounter().count(), "the second use of the token");

            assertEquals(1, count("jwt.jwks.requests", "name", "jwks", "status", "200"));
            assertEquals(1, count("jwt.jwks.requests", "name", "jwks", "status", "304"));
            assertEquals(0, count("jwt.jwks.requests", "name", "jwks", "status", "405"));

            for (String[] component : List.of(new String[] {"signer", "signer"},
                    new String[] {"validator", "validator"}, new String[] {"jwks", "jwks"})) {
                String[] tags = {"component", component[0], "name", component[1]};
                double age = Metrics.globalRegistry.find("jwt.keys.age").tags(tags).timeGauge().value();
                assertTrue(age >= 0 && age < 600, () -> List.of(tags) + " key age " + age);
                assertEquals(0, Metrics.globalRegistry.find("jwt.keys.refresh.failing").tags(tags).gauge().value());
                assertEquals(0, Metrics.globalRegistry.find("jwt.keys.refresh.failures").tags(tags)
                        .functionCounter().count());
                assertNotNull(Metrics.globalRegistry.find("jwt.keys.refresh.age").tags(tags).timeGauge());
            }
            assertEquals(ours(Metrics.globalRegistry), ours(published), "the published registry has them all");
        }
        assertEquals(new TreeSet<>(), ours(Metrics.globalRegistry), "meters left after the webapp stopped");
        assertEquals(new TreeSet<>(), ours(published), "meters left after the webapp stopped");
    }
}
