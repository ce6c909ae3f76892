package io.github.jwtsigner.it;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import io.github.jwtsigner.JwtSignerFilter;
import io.github.jwtsigner.JwtValidatorFilter;
import io.github.jwtsigner.Setting;
import io.github.jwtsigner.internal.validation.Rejection;
import io.github.jwtsigner.testing.KeyServer;
import io.github.jwtsigner.testing.LoginServlet;
import io.github.jwtsigner.testing.TestKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.Key;
import java.util.Set;
import java.util.stream.Stream;

import static io.github.jwtsigner.it.ValidatorWebapp.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The signer and the validator on one webapp, on Jetty and Tomcat: a user logs in through the
 * {@link JwtSignerFilter} (HS256 with KrakenD's sample JWK, or ES256 with a private JWK file), then calls an API
 * behind the {@link JwtValidatorFilter}, configured with the same JWK file, with the token it got.
 */
class ValidatorSignerIntegrationTest {
    private static final ECKey EC = TestKeys.ec(Curve.P_256, "es-login");

    @TempDir
    static Path temp;
    private static ValidatorWebapp webapp;

    @BeforeAll
    static void deploy() throws Exception {
        String symmetric = "WEB-INF/jwk/symmetric.json";
        String ec = ValidatorTokens.write(temp.resolve("keys"), "es.json", TestKeys.set(EC)).toString();
        webapp = new ValidatorWebapp(temp.resolve("webapp"))
                .servlet("login-hs", ValidatorLoginServlet.class.getName(), "/hs/token")
                .servlet("login-es", ValidatorLoginServlet.class.getName(), "/es/token")
                .filter("signer-hs", JwtSignerFilter.class.getName(), "/hs/token", params(Setting.ALG, "HS256",
                        Setting.KID, "sim2", Setting.KEYS_TO_SIGN, "access_token", Setting.JWK_LOCAL_PATH, symmetric))
                .filter("signer-es", JwtSignerFilter.class.getName(), "/es/token", params(Setting.ALG, "ES256",
                        Setting.KEYS_TO_SIGN, "access_token", Setting.JWK_LOCAL_PATH, ec))
                .filter("api-hs", JwtValidatorFilter.class.getName(), "/hs/api/*", params(Setting.ALG, "HS256",
                        Setting.JWK_LOCAL_PATH, symmetric, Setting.ROLES, "admin"))
                .filter("api-es", JwtValidatorFilter.class.getName(), "/es/api/*", params(Setting.ALG, "ES256",
                        Setting.JWK_LOCAL_PATH, ec, Setting.ROLES, "admin"));
    }

    @AfterAll
    static void stop() throws Exception {
        webapp.stop();
    }

    static Stream<Arguments> logins() {
        return ServletContainer.Kind.selected().stream().flatMap(kind -> Stream.of("hs", "es")
                .map(prefix -> Arguments.of(kind, prefix)));
    }

    @ParameterizedTest(name = "{0}: /{1}")
    @MethodSource("logins")
    void logsInThroughTheSignerAndCallsTheApiWithTheToken(ServletContainer.Kind kind, String prefix)
            throws Exception {
        ValidatorClient api = webapp.client(kind);
        String token = login(kind, prefix, "carol");
        Key key = prefix.equals("hs") ? ((OctetSequenceKey) JWKSet.parse(KeyServer.JWKS).getKeyByKeyId("sim2"))
                .toSecretKey() : EC.toECPublicKey();
        assertTrue(TestKeys.verifies(token, prefix.equals("hs") ? "HS256" : "ES256", key),
                "jose4j verifies the signer's token");
        int before = RecordingServlet.CALLS.get();
        ValidatorClient.Reply r = api.bearer("/" + prefix + "/api/orders?role=admin&role=auditor", token);
        assertEquals(200, r.status(), r::toString);
        assertEquals(before + 1, RecordingServlet.CALLS.get());
        JsonObject seen = r.json();
        assertEquals("carol", seen.get("principal").getAsString());
        assertEquals("carol", seen.get("remoteUser").getAsString());
        assertEquals("Bearer", seen.get("authType").getAsString());
        assertTrue(seen.getAsJsonObject("inRole").get("admin").getAsBoolean());
        assertFalse(seen.getAsJsonObject("inRole").get("auditor").getAsBoolean());

        String other = prefix.equals("hs") ? "es" : "hs";
        Refusals.assertRefused(api.bearer("/" + other + "/api/orders", token), Rejection.ALG_NOT_ALLOWED,
                Set.of(token, "carol"));
        Refusals.assertRefused(api.get("/" + prefix + "/api/orders"), Rejection.MISSING, Set.of());
        assertEquals(before + 1, RecordingServlet.CALLS.get());
    }

    private static String login(ServletContainer.Kind kind, String prefix, String user) throws Exception {
        HttpResponse<String> r = new LoginClient(webapp.base(kind)).login(prefix + "/token", user,
                LoginServlet.PASSWORD);
        assertEquals(201, r.statusCode(), r::body);
        return JsonParser.parseString(r.body()).getAsJsonObject().get("access_token").getAsString();
    }
}
