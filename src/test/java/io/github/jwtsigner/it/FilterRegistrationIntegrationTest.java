package io.github.jwtsigner.it;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.jwtsigner.testing.LoginServlet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The filter as users deploy it: a real login servlet in real Jetty and Tomcat, over real HTTP, registered in
 * each of the three styles (web.xml init-params, an annotated {@code @WebFilter} subclass found by the
 * container's scan, and code).
 */
class FilterRegistrationIntegrationTest {
    @TempDir
    Path temp;

    static Stream<Arguments> containersAndStyles() {
        return Stream.of(ServletContainer.Kind.values()).flatMap(kind ->
                Stream.of(Registration.values()).map(style -> Arguments.of(kind, style)));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("containersAndStyles")
    void signsLoginKeepingStatusCookiesAndOtherMembers(ServletContainer.Kind kind, Registration style)
            throws Exception {
        try (ServletContainer container = start(kind, style)) {
            HttpResponse<String> response = new LoginClient(container.base()).login("token", "john", "secret");

            assertEquals(201, response.statusCode(), response.body());
            assertTrue(response.headers().firstValue("Set-Cookie").orElse("").startsWith("SESSION=s-john"),
                    "Set-Cookie kept: " + response.headers().map());
            assertEquals("ok", response.headers().firstValue("X-Login").orElse(null));
            assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null));
            assertTrue(response.headers().firstValue("Content-Type").orElse("")
                    .toLowerCase().startsWith("application/json"));
            JsonObject body = JsonParser.parseString(response.body()).getAsJsonObject();
            assertEquals(List.of("access_token", "refresh_token", "exp"), List.copyOf(body.keySet()));
            assertEquals("1735689600", body.get("exp").getAsString());

            TokenVerifier verifier = TokenVerifier.sim2();
            JsonObject access = verifier.verify(body.get("access_token").getAsString());
            assertEquals("john", access.get("sub").getAsString());
            assertEquals(LoginServlet.NAME_CLAIM, access.get("name").getAsString());
            assertEquals(2, access.getAsJsonArray("roles").size());
            JsonObject refresh = verifier.verify(body.get("refresh_token").getAsString());
            assertEquals("john", refresh.get("sub").getAsString());
        }
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("containersAndStyles")
    void passesFailedLoginThroughUntouched(ServletContainer.Kind kind, Registration style) throws Exception {
        try (ServletContainer container = start(kind, style)) {
            LoginClient client = new LoginClient(container.base());
            HttpResponse<String> filtered = client.login("token", "john", "wrong");
            HttpResponse<String> unfiltered = client.login("plain", "john", "wrong");

            assertEquals(401, filtered.statusCode());
            assertEquals("{\"error\":\"invalid_credentials\",\"user\":\"john\"}", filtered.body());
            assertEquals(unfiltered.body(), filtered.body());
            assertEquals("Form", filtered.headers().firstValue("WWW-Authenticate").orElse(null));
            assertFalse(filtered.headers().firstValue("Cache-Control").isPresent(),
                    "a pass-through response gets no header the servlet did not set");
        }
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("containersAndStyles")
    void leavesUnmappedPathsPlain(ServletContainer.Kind kind, Registration style) throws Exception {
        try (ServletContainer container = start(kind, style)) {
            HttpResponse<String> response = new LoginClient(container.base()).login("plain", "jane", "secret");

            assertEquals(201, response.statusCode());
            JsonObject body = JsonParser.parseString(response.body()).getAsJsonObject();
            assertTrue(body.get("access_token").isJsonObject(), "not signed where the filter is not mapped");
        }
    }

    private ServletContainer start(ServletContainer.Kind kind, Registration style) throws Exception {
        Path webapp = ExplodedWebapp.create(temp.resolve("webapp"), style);
        ServletContainer container = kind.start(webapp, temp.resolve("work"));
        assertTrue(container.webappAvailable(), "webapp did not start: " + container.startupFailure());
        return container;
    }
}
