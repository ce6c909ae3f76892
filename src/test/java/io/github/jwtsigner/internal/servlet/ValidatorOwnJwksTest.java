package io.github.jwtsigner.internal.servlet;

import io.github.jwtsigner.InvalidConfigurationException;
import io.github.jwtsigner.Setting;
import io.github.jwtsigner.testing.RecordingLogger;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;

import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A validator whose {@code jwk_url} is served by its own webapp (its {@code JwksServlet}): the webapp answers no
 * request while its filters start, so the fetch fails; the error says why and what to use instead.
 */
class ValidatorOwnJwksTest {
    /** Nothing listens on port 1: as for a container whose connector starts after the webapp. */
    private static FilterConfig filter(String contextPath, String jwkUrl) {
        Map<String, String> params = Map.of(Setting.ALG.settingName(), "RS256", Setting.JWK_URL.settingName(),
                jwkUrl, Setting.DISABLE_JWK_SECURITY.settingName(), "true",
                Setting.JWK_FETCH_TIMEOUT.settingName(), "2s");
        ServletContext context = mock(ServletContext.class);
        when(context.getContextPath()).thenReturn(contextPath);
        FilterConfig config = mock(FilterConfig.class);
        when(config.getFilterName()).thenReturn("apiValidator");
        when(config.getServletContext()).thenReturn(context);
        when(config.getInitParameterNames()).thenReturn(Collections.enumeration(params.keySet()));
        when(config.getInitParameter(org.mockito.ArgumentMatchers.anyString()))
                .thenAnswer(i -> params.get(i.<String>getArgument(0)));
        return config;
    }

    private static String failure(String contextPath, String jwkUrl) {
        return assertThrows(InvalidConfigurationException.class,
                () -> ValidatorStartup.start(filter(contextPath, jwkUrl), null, new RecordingLogger()).keys()
                        .close()).getMessage();
    }

    @Test
    void aJwkUrlIntoTheOwnWebappSaysToReadTheSignersKeyFileInstead() {
        String m = failure("/shop", "http://127.0.0.1:1/shop/.well-known/jwks.json");
        assertTrue(m.contains("cannot be reached"), m);
        assertTrue(m.contains("[/shop/.well-known/jwks.json]") && m.contains("context path [/shop]"), m);
        assertTrue(m.contains("jwk_local_path"), m);
    }

    @Test
    void aRootWebappsOwnUrlIsRecognisedOnALoopbackHost() {
        String m = failure("", "http://localhost:1/.well-known/jwks.json");
        assertTrue(m.contains("context path [/]") && m.contains("jwk_local_path"), m);
    }

    @Test
    void anotherWebappsUrlGetsNoHint() {
        assertFalse(failure("/shop", "http://127.0.0.1:1/login/.well-known/jwks.json").contains("context path"));
        assertFalse(failure("/shop", "http://127.0.0.1:1/shopping/jwks.json").contains("context path"));
        assertFalse(failure("", "http://192.0.2.1:1/jwks.json").contains("context path"));
    }
}
