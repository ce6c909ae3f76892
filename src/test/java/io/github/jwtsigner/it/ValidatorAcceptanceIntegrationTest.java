package io.github.jwtsigner.it;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import io.github.jwtsigner.Setting;
import io.github.jwtsigner.internal.settings.KrakendConfigReader;
import io.github.jwtsigner.internal.validation.Rejection;
import io.github.jwtsigner.testing.TestKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static io.github.jwtsigner.it.ValidatorTokens.SUB;
import static io.github.jwtsigner.it.ValidatorTokens.claims;
import static io.github.jwtsigner.it.ValidatorTokens.hs256Payload;
import static io.github.jwtsigner.it.ValidatorTokens.nimbus;
import static org.junit.jupiter.api.Assertions.assertAll;
import static io.github.jwtsigner.it.ValidatorWebapp.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the servlet behind the validator sees, through the real filter on Jetty and Tomcat over real HTTP, with
 * tokens signed by Nimbus and jose4j: every one of the 13 algorithms accepted; the principal, remote user, roles,
 * auth type and the claims attribute; Keycloak's nested roles; {@code allow_anonymous} on and off;
 * {@code propagate_claims}; {@code cookie_key}; {@code auth_header_name}; and a filter configured by a KrakenD
 * JSON file rather than init-params.
 */
class ValidatorAcceptanceIntegrationTest {
    private static final String PROPAGATED = "?header=X-User&header=x-user&header=X-USER&header=X-Roles"
            + "&header=X-Address&header=X-Tenant&header=X-Missing";

    @TempDir
    static Path temp;
    private static ValidatorWebapp webapp;

    @BeforeAll
    static void deploy() throws Exception {
        String keys = ValidatorTokens.write(temp.resolve("keys"), "keys.json", ValidatorTokens.publicJwkSet())
                .toString();
        String propagate = "sub=X-User, roles=X-Roles, address=X-Address, tenant=X-Tenant, missing_claim=X-Missing";
        webapp = new ValidatorWebapp(temp.resolve("webapp"))
                .validator("all", params(Setting.ALG, String.join(",", ValidatorTokens.ALGORITHMS),
                        Setting.JWK_LOCAL_PATH, keys))
                .validator("aud", params(Setting.ALG, "HS256", Setting.JWK_LOCAL_PATH, keys,
                        Setting.AUDIENCE, ValidatorTokens.AUD_API))
                .validator("nested", params(Setting.ALG, "HS256", Setting.JWK_LOCAL_PATH, keys,
                        Setting.ROLES_KEY, "realm_access.roles", Setting.ROLES_KEY_IS_NESTED, "true",
                        Setting.ROLES, "realm-admin-8"))
                .validator("anon", params(Setting.ALG, "HS256", Setting.JWK_LOCAL_PATH, keys,
                        Setting.ALLOW_ANONYMOUS, "true", Setting.PROPAGATE_CLAIMS, propagate))
                .validator("closed", params(Setting.ALG, "HS256", Setting.JWK_LOCAL_PATH, keys,
                        Setting.ALLOW_ANONYMOUS, "false"))
                .validator("propagate", params(Setting.ALG, "HS256", Setting.JWK_LOCAL_PATH, keys,
                        Setting.PROPAGATE_CLAIMS, propagate))
                .validator("cookie", params(Setting.ALG, "HS256", Setting.JWK_LOCAL_PATH, keys,
                        Setting.COOKIE_KEY, "access_token"))
                .validator("custom", params(Setting.ALG, "HS256", Setting.JWK_LOCAL_PATH, keys,
                        Setting.AUTH_HEADER_NAME, "X-Api-Token"))
                .validator("krakend", params(Setting.CONFIG, "WEB-INF/krakend.json"))
                .file("WEB-INF/krakend.json", krakendEndpoint(keys));
    }

    /** A KrakenD endpoint with an {@code auth/validator} as a KrakenD user would write it for Keycloak. */
    private static String krakendEndpoint(String keys) {
        JsonObject validator = new JsonObject();
        validator.add(Setting.ALG.settingName(), strings("RS256", "ES256"));
        validator.addProperty(Setting.JWK_LOCAL_PATH.settingName(), keys);
        validator.addProperty(Setting.ISSUER.settingName(), ValidatorTokens.ISSUER);
        validator.add(Setting.AUDIENCE.settingName(), strings(ValidatorTokens.AUD_WEB));
        validator.addProperty(Setting.ROLES_KEY.settingName(), "realm_access.roles");
        validator.addProperty(Setting.ROLES_KEY_IS_NESTED.settingName(), true);
        validator.add(Setting.ROLES.settingName(), strings("realm-user-9"));
        validator.addProperty(Setting.PRINCIPAL_CLAIM.settingName(), "preferred_username");
        JsonArray pairs = new JsonArray();
        pairs.add(strings("sub", "X-User"));
        validator.add(Setting.PROPAGATE_CLAIMS.settingName(), pairs);
        validator.addProperty(Setting.LEEWAY.settingName(), "2s");
        JsonObject extra = new JsonObject();
        extra.add(KrakendConfigReader.VALIDATOR_NAMESPACE, validator);
        JsonObject endpoint = new JsonObject();
        endpoint.addProperty("endpoint", "/v1/orders");
        endpoint.add("extra_config", extra);
        return endpoint.toString();
    }

    @AfterAll
    static void stop() throws Exception {
        webapp.stop();
    }

    private static JsonArray strings(String... values) {
        JsonArray a = new JsonArray();
        for (String v : values) {
            a.add(v);
        }
        return a;
    }

    static Stream<ServletContainer.Kind> kinds() {
        return ServletContainer.Kind.selected().stream();
    }

    /** Nimbus for every algorithm but EdDSA (it needs Tink there), jose4j for all 13. */
    static Stream<Arguments> algorithms() {
        return ServletContainer.Kind.selected().stream().flatMap(kind -> Stream.of("Nimbus", "jose4j")
                .flatMap(library -> ValidatorTokens.ALGORITHMS.stream()
                        .filter(alg -> library.equals("jose4j") || !alg.equals("EdDSA"))
                        .map(alg -> Arguments.of(kind, library, alg))));
    }

    /** The servlet ran once for this request, and answered 200. */
    private static ValidatorClient.Reply reached(ValidatorClient client, String path, String... headers)
            throws Exception {
        int before = RecordingServlet.CALLS.get();
        ValidatorClient.Reply r = client.get(path, headers);
        assertEquals(200, r.status(), () -> path + ": " + r);
        assertEquals(before + 1, RecordingServlet.CALLS.get(), path);
        return r;
    }

    private static ValidatorClient.Reply refused(ValidatorClient client, Rejection why, String path,
            String... headers) throws Exception {
        int before = RecordingServlet.CALLS.get();
        ValidatorClient.Reply r = client.get(path, headers);
        Refusals.assertRefused(r, why, Set.of());
        assertEquals(before, RecordingServlet.CALLS.get(), () -> "the servlet ran for " + path);
        return r;
    }

    private static JsonObject payload(String token) {
        return JsonParser.parseString(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                StandardCharsets.UTF_8)).getAsJsonObject();
    }

    @ParameterizedTest(name = "{0}: {2} by {1}")
    @MethodSource("algorithms")
    void acceptsTheTokenAndTheServletSeesTheUserItsRolesAndClaims(ServletContainer.Kind kind, String library,
            String alg) throws Exception {
        String token = library.equals("Nimbus") ? nimbus(alg, claims()) : ValidatorTokens.jose4j(alg, claims());
        ValidatorClient.Reply r = reached(webapp.client(kind), "/all/x?role=role-viewer-3&role=role-editor-4"
                + "&role=role-admin-1&role=ROLE-VIEWER-3&role=realm-admin-8&role=**", "Authorization",
                "Bearer " + token);
        JsonObject seen = r.json();
        JsonObject roles = seen.getAsJsonObject("inRole");
        JsonObject claims = seen.getAsJsonObject("claims");
        assertAll(
                () -> assertEquals(SUB, seen.get("principal").getAsString()),
                () -> assertEquals(SUB, seen.get("remoteUser").getAsString()),
                () -> assertEquals("Bearer", seen.get("authType").getAsString()),
                () -> assertTrue(roles.get("role-viewer-3").getAsBoolean()),
                () -> assertTrue(roles.get("role-editor-4").getAsBoolean()),
                () -> assertFalse(roles.get("role-admin-1").getAsBoolean()),
                () -> assertFalse(roles.get("ROLE-VIEWER-3").getAsBoolean(), "roles match in their letter case"),
                () -> assertFalse(roles.get("realm-admin-8").getAsBoolean(), "a nested role without the setting"),
                () -> assertTrue(roles.get("**").getAsBoolean(), "** is any authenticated user"),
                () -> assertTrue(seen.get("claimsIsMap").getAsBoolean()),
                () -> assertTrue(seen.get("claimsUnmodifiable").getAsBoolean(), "claims, nested too, unmodifiable"),
                () -> assertTrue(seen.get("claimsListed").getAsBoolean()),
                () -> assertEquals(payload(token), claims),
                () -> assertEquals("zip-69001", claims.getAsJsonObject("address").getAsJsonObject("codes")
                        .get("zip").getAsString()),
                () -> assertEquals(45.76, claims.getAsJsonObject("address").getAsJsonArray("geo").get(0)
                        .getAsDouble()));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aTokenWithoutKidIsCheckedAgainstTheKeysOfItsAlgorithm(ServletContainer.Kind kind) throws Exception {
        ValidatorClient client = webapp.client(kind);
        for (String alg : List.of("HS512", "RS256", "PS384", "ES384")) {
            JWSAlgorithm a = JWSAlgorithm.parse(alg);
            String token = nimbus(new JWSHeader.Builder(a).build(), claims(), ValidatorTokens.signer(a));
            assertEquals(SUB, reached(client, "/all/x", "Authorization", "Bearer " + token).json()
                    .get("principal").getAsString(), alg);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void anAudienceIsFoundInAStringAudAndInAnArray(ServletContainer.Kind kind) throws Exception {
        ValidatorClient client = webapp.client(kind);
        reached(client, "/aud/x", "Authorization", "Bearer " + hs256Payload(claims(c -> c.addProperty("aud",
                ValidatorTokens.AUD_API)).toString()));
        reached(client, "/aud/x", "Authorization", "Bearer " + hs256Payload(claims(c -> c.add("aud",
                strings("other-1", ValidatorTokens.AUD_API))).toString()));
        refused(client, Rejection.AUDIENCE, "/aud/x", "Authorization", "Bearer " + hs256Payload(claims(c ->
                c.addProperty("aud", ValidatorTokens.AUD_WEB)).toString()));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void readsKeycloakRolesNestedInRealmAccess(ServletContainer.Kind kind) throws Exception {
        ValidatorClient client = webapp.client(kind);
        JsonObject seen = reached(client, "/nested/x?role=realm-admin-8&role=realm-user-9&role=role-viewer-3",
                "Authorization", "Bearer " + nimbus("HS256", claims())).json().getAsJsonObject("inRole");
        assertTrue(seen.get("realm-admin-8").getAsBoolean());
        assertTrue(seen.get("realm-user-9").getAsBoolean());
        assertFalse(seen.get("role-viewer-3").getAsBoolean(), "the top-level roles claim is not read");
        refused(client, Rejection.ROLES, "/nested/x", "Authorization", "Bearer " + nimbus("HS256",
                claims(c -> c.add("realm_access", JsonParser.parseString("{\"roles\":[\"realm-user-9\"]}")))));
        refused(client, Rejection.ROLES, "/nested/x", "Authorization", "Bearer " + nimbus("HS256",
                claims(c -> {
                    c.remove("realm_access");
                    c.add("realm_access.roles", strings("realm-admin-8"));
                })));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void allowAnonymousLetsARequestWithoutTokenThroughButNotABadToken(ServletContainer.Kind kind) throws Exception {
        ValidatorClient client = webapp.client(kind);
        JsonObject seen = reached(client, "/anon/x?role=role-viewer-3&role=**" + PROPAGATED.replace('?', '&'),
                "X-User", "mallory-1", "x-user", "eve-2", "X-Tenant", "tenant-evil-6").json();
        assertAll(
                () -> assertTrue(seen.get("principal").isJsonNull()),
                () -> assertTrue(seen.get("remoteUser").isJsonNull()),
                () -> assertTrue(seen.get("authType").isJsonNull()),
                () -> assertFalse(seen.getAsJsonObject("inRole").get("role-viewer-3").getAsBoolean()),
                () -> assertFalse(seen.getAsJsonObject("inRole").get("**").getAsBoolean()),
                () -> assertTrue(seen.get("claims").isJsonNull()),
                () -> assertFalse(seen.get("claimsListed").getAsBoolean()),
                () -> assertDropped(seen, "X-User"),
                () -> assertDropped(seen, "x-user"),
                () -> assertDropped(seen, "X-Tenant"));
        refused(client, Rejection.MALFORMED, "/anon/x", "Authorization", "Bearer not-a-token");
        refused(client, Rejection.EXPIRED, "/anon/x", "Authorization", "Bearer " + nimbus("HS256",
                claims(c -> c.addProperty("exp", ValidatorTokens.now() - 60))));
        refused(client, Rejection.BAD_SIGNATURE, "/anon/x", "Authorization", "Bearer " + nimbus(
                new JWSHeader.Builder(JWSAlgorithm.HS256).build(), claims(),
                new MACSigner(TestKeys.hmac(256, "other"))));
        JsonObject user = reached(client, "/anon/x" + PROPAGATED, "Authorization", "Bearer "
                + nimbus("HS256", claims()), "X-User", "mallory-1").json();
        assertEquals(SUB, user.get("principal").getAsString());
        assertEquals(SUB, user.getAsJsonObject("headers").getAsJsonObject("X-User").get("getHeader").getAsString());

        refused(client, Rejection.MISSING, "/closed/x", "X-User", "mallory-1");
        reached(client, "/closed/x", "Authorization", "Bearer " + nimbus("HS256", claims()));
    }

    private static void assertDropped(JsonObject seen, String header) {
        JsonObject h = seen.getAsJsonObject("headers").getAsJsonObject(header);
        assertTrue(h.get("getHeader").isJsonNull(), () -> header + ": " + h);
        assertEquals(0, h.getAsJsonArray("getHeaders").size(), () -> header + ": " + h);
        assertEquals(0, h.get("namesListed").getAsInt(), () -> header + ": " + h);
    }

    private static void assertPropagated(JsonObject seen, String header, String value) {
        JsonObject h = seen.getAsJsonObject("headers").getAsJsonObject(header);
        assertEquals(value, h.get("getHeader").getAsString(), () -> header + ": " + h);
        assertEquals(strings(value), h.getAsJsonArray("getHeaders"), () -> header + ": " + h);
        assertEquals(1, h.get("namesListed").getAsInt(), () -> header + ": " + h);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void propagatesClaimsAsHeadersAndDropsTheClientsOwnInAnyLetterCase(ServletContainer.Kind kind)
            throws Exception {
        ValidatorClient client = webapp.client(kind);
        JsonObject seen = reached(client, "/propagate/x" + PROPAGATED, "X-User", "mallory-1", "Authorization",
                "Bearer " + nimbus("HS256", claims()), "x-user", "eve-2", "X-USER", "trudy-3", "x-tenant",
                "tenant-evil-6", "X-Missing", "spoofed-7", "X-Roles", "role-admin-1").json();
        assertAll(
                () -> assertPropagated(seen, "X-User", SUB),
                () -> assertPropagated(seen, "x-user", SUB),
                () -> assertPropagated(seen, "X-USER", SUB),
                () -> assertPropagated(seen, "X-Roles", "role-viewer-3,role-editor-4"),
                () -> assertPropagated(seen, "X-Tenant", "tenant-acme-5"),
                () -> assertEquals(JsonParser.parseString("{\"city\":\"Lyon-69\",\"geo\":[45.76,4.83],"
                        + "\"codes\":{\"zip\":\"zip-69001\"}}"), JsonParser.parseString(seen.getAsJsonObject(
                        "headers").getAsJsonObject("X-Address").get("getHeader").getAsString())),
                () -> assertDropped(seen, "X-Missing"));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aClaimWithALineBreakIsNotPropagatedNorIsTheClientsHeader(ServletContainer.Kind kind) throws Exception {
        ValidatorClient client = webapp.client(kind);
        JsonObject seen = reached(client, "/propagate/x" + PROPAGATED, "Authorization", "Bearer " + nimbus("HS256",
                claims(c -> c.addProperty("tenant", "tenant-acme-5\r\nX-Evil: 1"))), "X-Tenant", "tenant-evil-6")
                .json();
        assertDropped(seen, "X-Tenant");
        assertPropagated(seen, "X-User", SUB);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void readsTheTokenFromTheCookieAndTheHeaderWinsWhenBothAreThere(ServletContainer.Kind kind) throws Exception {
        ValidatorClient client = webapp.client(kind);
        String alice = nimbus("HS256", claims());
        String bob = nimbus("HS256", claims(c -> c.addProperty("sub", "bob-42")));
        assertEquals(SUB, principal(reached(client, "/cookie/x", "Cookie", "theme=dark; access_token=" + alice)));
        assertEquals(SUB, principal(reached(client, "/cookie/x", "Authorization", "Bearer " + alice, "Cookie",
                "access_token=" + bob)));
        assertEquals(SUB, principal(reached(client, "/cookie/x", "Authorization", "Bearer " + alice, "Cookie",
                "access_token=not-a-token")));
        assertEquals("bob-42", principal(reached(client, "/cookie/x", "Authorization", "Basic Ym9iOnB3",
                "Cookie", "access_token=" + bob)));
        refused(client, Rejection.MALFORMED, "/cookie/x", "Authorization", "Bearer not-a-token", "Cookie",
                "access_token=" + alice);
        refused(client, Rejection.MISSING, "/cookie/x", "Cookie", "token=" + alice);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void readsTheTokenFromACustomHeader(ServletContainer.Kind kind) throws Exception {
        ValidatorClient client = webapp.client(kind);
        String token = nimbus("HS256", claims());
        assertEquals(SUB, principal(reached(client, "/custom/x", "X-Api-Token", "Bearer " + token)));
        assertEquals(SUB, principal(reached(client, "/custom/x", "x-api-token", "bearer " + token)));
        assertEquals(SUB, principal(reached(client, "/custom/x", "X-Api-Token", token)));
        refused(client, Rejection.MISSING, "/custom/x", "Authorization", "Bearer " + token);
        refused(client, Rejection.AMBIGUOUS, "/custom/x", "X-Api-Token", token, "X-Api-Token", token);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void takesItsSettingsFromAKrakendEndpointFile(ServletContainer.Kind kind) throws Exception {
        ValidatorClient client = webapp.client(kind);
        JsonObject keycloak = claims(c -> c.addProperty("preferred_username", "alice.keycloak"));
        JsonObject seen = reached(client, "/krakend/x?role=realm-user-9&role=role-viewer-3&header=X-User",
                "Authorization", "Bearer " + nimbus("ES256", keycloak)).json();
        assertEquals("alice.keycloak", seen.get("principal").getAsString());
        assertEquals("alice.keycloak", seen.get("remoteUser").getAsString());
        assertTrue(seen.getAsJsonObject("inRole").get("realm-user-9").getAsBoolean());
        assertFalse(seen.getAsJsonObject("inRole").get("role-viewer-3").getAsBoolean());
        assertPropagated(seen, "X-User", SUB);
        reached(client, "/krakend/x", "Authorization", "Bearer " + nimbus("RS256", keycloak));
        refused(client, Rejection.ALG_NOT_ALLOWED, "/krakend/x", "Authorization", "Bearer "
                + nimbus("HS256", keycloak));
        refused(client, Rejection.NO_PRINCIPAL, "/krakend/x", "Authorization", "Bearer " + nimbus("ES256",
                claims()));
        refused(client, Rejection.AUDIENCE, "/krakend/x", "Authorization", "Bearer " + nimbus("ES256",
                claims(c -> {
                    c.addProperty("preferred_username", "alice.keycloak");
                    c.addProperty("aud", ValidatorTokens.AUD_API);
                })));
        refused(client, Rejection.ROLES, "/krakend/x", "Authorization", "Bearer " + nimbus("ES256",
                claims(c -> {
                    c.addProperty("preferred_username", "alice.keycloak");
                    c.add("realm_access", JsonParser.parseString("{\"roles\":[\"realm-admin-8\"]}"));
                })));
    }

    private static String principal(ValidatorClient.Reply r) {
        return r.json().get("principal").getAsString();
    }
}
