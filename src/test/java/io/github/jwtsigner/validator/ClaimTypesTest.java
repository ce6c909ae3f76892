package io.github.jwtsigner.validator;

import com.nimbusds.jose.jwk.OctetSequenceKey;

import io.github.jwtsigner.JwtValidatorFilter;
import io.github.jwtsigner.Setting;
import io.github.jwtsigner.ValidatorConfig;
import io.github.jwtsigner.testing.TestKeys;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.github.jwtsigner.validator.Forge.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Genuinely signed claims of the wrong type or of extreme values: a number no {@code long} holds, a date as a
 * string, an audience with a number in it, roles as an object. None may pass as if it were a valid value, none
 * may crash or stall the validator, and the answer never echoes the value.
 */
class ClaimTypesTest {
    private static final OctetSequenceKey HMAC = TestKeys.hmac(256, "h1");
    private static final String HEADER = "{\"alg\":\"HS256\",\"kid\":\"h1\"}";
    private static JwtValidatorFilter filter;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        filter = Forge.filter(dir, TestKeys.set(HMAC), ValidatorConfig.builder().alg("HS256").audience("api")
                .issuer("https://issuer.example").roles("admin")
                .set(Setting.PROPAGATE_CLAIMS, List.of(List.of("exp", "X-Exp"), List.of("sub", "X-User"))));
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    /** Claims that pass every check, with {@code override} members replacing or adding. */
    private static String claims(Map<String, String> override) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("sub", "\"alice\"");
        m.put("exp", String.valueOf(now() + 60));
        m.put("iss", "\"https://issuer.example\"");
        m.put("aud", "[\"api\",\"other\"]");
        m.put("roles", "[\"admin\"]");
        m.putAll(override);
        StringBuilder sb = new StringBuilder("{");
        m.forEach((k, v) -> {
            if (v != null) {
                sb.append(sb.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v);
            }
        });
        return sb.append('}').toString();
    }

    private static Forge.Result send(String name, String value) throws Exception {
        Map<String, String> o = new java.util.HashMap<>();
        o.put(name, value);
        return bearer(filter, Forge.hmac(Forge.input(HEADER, claims(o)), HMAC.toByteArray(), 256));
    }

    private static void refused(String name, String value, int status) throws Exception {
        Forge.Result r = send(name, value);
        String what = name + "=" + value;
        assertFalse(r.passed(), what);
        assertEquals(status, r.status(), what);
        String body = r.response().bodyText(java.nio.charset.StandardCharsets.UTF_8);
        String challenge = r.response().getHeader("WWW-Authenticate");
        if (value != null && value.length() > 3) {
            String bare = value.replace("\"", "");
            assertFalse(body.contains(bare) || challenge.contains(bare), what + " echoed: " + body + challenge);
        }
    }

    private static Forge.Result accepted(String name, String value) throws Exception {
        Forge.Result r = send(name, value);
        assertTrue(r.passed(), name + "=" + value + ": " + r.response().getHeader("WWW-Authenticate"));
        return r;
    }

    @Test
    void registeredDatesOfTheWrongTypeOrPastAreRefused() throws Exception {
        for (String exp : new String[] {null, "null", "\"" + (now() + 60) + "\"", "[" + (now() + 60) + "]", "true",
                "{}", "-1", "0", "-1e999999999", "1e-999999999", "" + (now() - 5) + ".5",
                "-9223372036854775808", "-99999999999999999999999", "1e-400"}) {
            refused("exp", exp, 401);
        }
        for (String nbf : new String[] {"\"0\"", "[0]", "false", "1e999999999", "" + (now() + 60),
                "9223372036854775807", "99999999999999999999"}) {
            refused("nbf", nbf, 401);
        }
        for (String iat : new String[] {"\"0\"", "1e999999999", "" + (now() + 60)}) {
            refused("iat", iat, 401);
        }
        refused("exp", "1e2147483648", 401);
    }

    @Test
    void farFutureAndFractionalDatesPassWithoutStalling() throws Exception {
        for (String exp : new String[] {"1e999999999", "9223372036854775807", "9223372036854775808",
                "9223372036854775", "1e18", "1" + "0".repeat(5000), (now() + 60) + ".000000000000000000001",
                "1" + "0".repeat(5000) + "e-4990",
                (now() + 60) + "e0", "" + (now() + 60) * 10 + "e-1"}) {
            Forge.Result r = accepted("exp", exp);
            assertEquals("alice", r.seen().getHeader("X-User"));
            assertTrue(r.seen().getHeader("X-Exp").length() <= exp.length() + 2, exp);
        }
        accepted("nbf", "-1e999999999");
        accepted("iat", "1e-999999999");
        accepted("nbf", "" + (now() - 1) + ".999");
    }

    @Test
    void audienceIssuerAndPrincipalOfTheWrongShapeAreRefused() throws Exception {
        for (String aud : new String[] {null, "[]", "\"other\"", "[\"api\",1]", "[\"api\",null]", "[[\"api\"]]",
                "{\"api\":true}", "1", "\"api other\"", "\"API\"", "\" api\"", "[\"api \"]"}) {
            refused("aud", aud, 401);
        }
        accepted("aud", "\"api\"");
        for (String iss : new String[] {null, "\"https://issuer.example/\"", "[\"https://issuer.example\"]", "1",
                "\"HTTPS://issuer.example\""}) {
            refused("iss", iss, 401);
        }
        for (String sub : new String[] {null, "\"\"", "1", "[\"alice\"]", "{\"name\":\"alice\"}", "true", "null"}) {
            refused("sub", sub, 401);
        }
    }

    @Test
    void rolesOfTheWrongShapeHoldNoRole() throws Exception {
        for (String roles : new String[] {null, "[]", "{\"admin\":true}", "1", "[\"admin\",1]", "[[\"admin\"]]",
                "\"admin user\"", "\"ADMIN\"", "[\"admin \"]", "true"}) {
            refused("roles", roles, 403);
        }
        assertTrue(accepted("roles", "\"admin\"").seen().isUserInRole("admin"));
        Forge.Result r = accepted("roles", "[\"admin\",\"user\"]");
        assertTrue(r.seen().isUserInRole("user"));
        assertFalse(r.seen().isUserInRole("Admin"));
        assertFalse(r.seen().isUserInRole(null));
    }
}
