package io.github.jwtsigner.it;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A webapp whose signer is misconfigured does not start in a real container, says exactly why, and serves
 * no login at all: not an unsigned one, not through another webapp.
 */
class BadConfigurationIntegrationTest {
    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(ServletContainer.Kind.class)
    void refusesToStartWithEveryConfigurationProblemNamed(ServletContainer.Kind kind) throws Exception {
        Map<String, String> params = new HashMap<>(Registration.GOOD_PARAMS);
        params.put("alg", "HS257");
        params.put("keys_to_sing", "access_token");

        String failure = assertRefusedAndSilent(kind, params);

        assertTrue(failure.contains("alg [HS257] is not supported"), failure);
        assertTrue(failure.contains("keys_to_sing"), failure);
    }

    @ParameterizedTest
    @EnumSource(ServletContainer.Kind.class)
    void refusesToStartWhenTheKidIsNotInTheKeyFile(ServletContainer.Kind kind) throws Exception {
        Map<String, String> params = new HashMap<>(Registration.GOOD_PARAMS);
        params.put("kid", "sim3");

        String failure = assertRefusedAndSilent(kind, params);

        assertTrue(failure.contains("kid [sim3] not found"), failure);
        assertTrue(failure.contains("sim1") && failure.contains("sim2"), "lists the kids there: " + failure);
        assertFalse(failure.contains("AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ"), "no key material: " + failure);
    }

    @ParameterizedTest
    @EnumSource(ServletContainer.Kind.class)
    void keepsAPasswordInAJwkUrlOutOfTheStartupFailure(ServletContainer.Kind kind) throws Exception {
        Map<String, String> params = new HashMap<>(Registration.GOOD_PARAMS);
        params.remove("jwk_local_path");
        params.put("jwk_url", "https://reader:s3cret@keys.example.com/${env:KEYS_PATH");

        String failure = assertRefusedAndSilent(kind, params);

        assertTrue(failure.contains("jwk_url [https://***@keys.example.com/${env:KEYS_PATH] has a placeholder"
                + " without its closing brace"), failure);
        assertFalse(failure.contains("s3cret"), failure);
    }

    private String assertRefusedAndSilent(ServletContainer.Kind kind, Map<String, String> params)
            throws Exception {
        Path webapp = ExplodedWebapp.create(temp.resolve("webapp"), Registration.INIT_PARAMS, params);
        try (ServletContainer container = kind.start(webapp, temp.resolve("work"))) {
            assertFalse(container.webappAvailable(), "a misconfigured signer must stop the webapp");
            HttpResponse<String> response = new LoginClient(container.base()).login("token", "john", "secret");
            assertTrue(response.statusCode() >= 400, "status " + response.statusCode());
            assertFalse(response.body().contains("john"), "no claims served: " + response.body());
            assertFalse(response.body().contains("access_token"), "no claims served: " + response.body());
            return container.startupFailure();
        }
    }
}
