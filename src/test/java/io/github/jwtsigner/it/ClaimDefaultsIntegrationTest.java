package io.github.jwtsigner.it;

import com.google.gson.JsonObject;
import io.github.jwtsigner.testing.LogCanary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The claim defaults through the real filter, registered by web.xml init-params: {@code max/} has only
 * {@code max_ttl=1h}; {@code all/} adds every claim default as well. A token whose lifetime {@code max_ttl}
 * refuses fails closed: 500, the filter's body, no cookie, nothing of the claims.
 */
class ClaimDefaultsIntegrationTest {
    @TempDir
    static Path temp;
    private static final Map<ServletContainer.Kind, ServletContainer> RUNNING =
            new EnumMap<>(ServletContainer.Kind.class);

    static Stream<ServletContainer.Kind> kinds() {
        return ServletContainer.Kind.selected().stream();
    }

    private static AttackClient client(ServletContainer.Kind kind) throws Exception {
        ServletContainer container = RUNNING.get(kind);
        if (container == null) {
            Path dir = temp.resolve(kind.name());
            container = kind.start(ExplodedWebapp.create(dir.resolve("webapp"), webXml(),
                    List.of(ClaimDefaultsServlet.class), Map.of()), dir.resolve("work"));
            RUNNING.put(kind, container);
            assertTrue(container.webappAvailable(), "webapp did not start: " + container.startupFailure());
        }
        return new AttackClient(container.base());
    }

    @AfterAll
    static void stop() throws Exception {
        for (ServletContainer c : RUNNING.values()) {
            c.close();
        }
        RUNNING.clear();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void maxTtlSignsAShortLivedToken(ServletContainer.Kind kind) throws Exception {
        JsonObject claims = Answers.assertSigned(client(kind).post("max/60"), 201);
        assertEquals(List.of(LogCanary.CLAIM, "exp", "sub"), List.copyOf(claims.keySet()));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void maxTtlFailsALongLivedTokenClosed(ServletContainer.Kind kind) throws Exception {
        assertFailedClosed(client(kind).post("max/" + 2 * 86_400));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void maxTtlFailsATokenWithoutExpClosed(ServletContainer.Kind kind) throws Exception {
        assertFailedClosed(client(kind).post("max/none"));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void maxTtlFailsATokenWhoseExpIsNotANumberClosed(ServletContainer.Kind kind) throws Exception {
        assertFailedClosed(client(kind).post("max/string"));
        assertFailedClosed(client(kind).post("all/string"));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theDefaultsFillALegacyLoginsClaims(ServletContainer.Kind kind) throws Exception {
        long before = System.currentTimeMillis() / 1000;
        JsonObject claims = Answers.assertSigned(client(kind).post("all/none"), 201);
        long after = System.currentTimeMillis() / 1000;

        assertEquals(List.of("aud", LogCanary.CLAIM, "exp", "iat", "iss", "jti", "sub"),
                List.copyOf(claims.keySet()));
        long iat = claims.get("iat").getAsLong();
        assertTrue(iat >= before && iat <= after, claims::toString);
        assertEquals(iat + 900, claims.get("exp").getAsLong());
        assertEquals("https://login.example", claims.get("iss").getAsString());
        assertEquals("[\"api\",\"web\"]", claims.get("aud").toString());
        assertTrue(claims.get("jti").getAsString().matches("[A-Za-z0-9_-]{22}"), claims::toString);
        JsonObject again = Answers.assertSigned(client(kind).post("all/none"), 201);
        assertFalse(claims.get("jti").equals(again.get("jti")), "a jti repeated");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theServletsOwnExpIsKept(ServletContainer.Kind kind) throws Exception {
        long before = System.currentTimeMillis() / 1000;
        JsonObject claims = Answers.assertSigned(client(kind).post("all/120"), 201);
        long exp = claims.get("exp").getAsLong();
        assertTrue(exp >= before + 120 && exp <= before + 122, claims::toString);
    }

    private static void assertFailedClosed(HttpResponse<String> r) {
        Answers.assertFailClosed(r);
        Answers.assertNoUnsignedClaim(r);
        assertFalse(Answers.hasServletCookie(r), () -> "cookie leaked: " + Answers.describe(r));
        assertFalse(r.body().contains("exp") || r.body().contains("tomorrow"), r::body);
    }

    private static String webXml() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  %s
                  %s
                  <filter-mapping><filter-name>max</filter-name><url-pattern>/max/*</url-pattern></filter-mapping>
                  <filter-mapping><filter-name>all</filter-name><url-pattern>/all/*</url-pattern></filter-mapping>
                  <servlet>
                    <servlet-name>login</servlet-name>
                    <servlet-class>%s</servlet-class>
                  </servlet>
                  <servlet-mapping>
                    <servlet-name>login</servlet-name>
                    <url-pattern>/max/*</url-pattern>
                    <url-pattern>/all/*</url-pattern>
                  </servlet-mapping>
                </web-app>
                """.formatted(signer("max", "<init-param><param-name>max_ttl</param-name><param-value>1h"
                + "</param-value></init-param>"), signer("all", param("max_ttl", "1h") + param("default_ttl", "15m")
                + param("add_iat", "true") + param("add_jti", "true") + param("default_issuer",
                "https://login.example") + param("default_audience", "api, web")),
                ClaimDefaultsServlet.class.getName());
    }

    private static String signer(String name, String extra) {
        return "<filter><filter-name>" + name + "</filter-name>"
                + "<filter-class>io.github.jwtsigner.JwtSignerFilter</filter-class>"
                + param("alg", "HS256") + param("kid", "sim2") + param("keys_to_sign", "access_token")
                + param("jwk_local_path", "WEB-INF/jwk/symmetric.json") + extra + "</filter>";
    }

    private static String param(String name, String value) {
        return "<init-param><param-name>" + name + "</param-name><param-value>" + value
                + "</param-value></init-param>";
    }
}
