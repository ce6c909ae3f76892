package io.github.jwtsigner.it;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plain login through the attack webapp is signed behind both of its signers, on every container. */
class AttackWebappLoginIntegrationTest extends AttackIntegrationTest {
    static Stream<Arguments> signers() {
        return ServletContainer.Kind.selected().stream().flatMap(kind ->
                Stream.of(AttackWebapp.SIGNED, AttackWebapp.SMALL).map(prefix -> Arguments.of(kind, prefix)));
    }

    @ParameterizedTest(name = "{0}, /{1}login")
    @MethodSource("signers")
    void signsPlainLoginKeepingStatusCookieAndOtherMembers(ServletContainer.Kind kind, String prefix)
            throws Exception {
        HttpResponse<String> r = deployments.client(kind).post(prefix + "login");

        JsonObject claims = Answers.assertSigned(r, 201);
        assertEquals(1, claims.getAsJsonArray("roles").size());
        assertTrue(Answers.hasServletCookie(r), () -> "cookie kept: " + Answers.describe(r));
        assertEquals("1735689600", JsonParser.parseString(r.body()).getAsJsonObject().get("exp").getAsString());
    }
}
