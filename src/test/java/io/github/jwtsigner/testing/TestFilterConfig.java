package io.github.jwtsigner.testing;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;

import java.io.ByteArrayInputStream;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** A filter configuration: a name, init-params in order, and a webapp whose resources are given strings. */
public final class TestFilterConfig implements FilterConfig {
    private final Map<String, String> params = new LinkedHashMap<>();
    private final ServletContext context;

    public TestFilterConfig(Map<String, String> params, Map<String, String> webappResources) {
        this.params.putAll(params);
        this.context = webapp(webappResources);
    }

    public static TestFilterConfig of(Map<String, String> params) {
        return new TestFilterConfig(params, Map.of());
    }

    /** A ServletContext whose {@code getResourceAsStream} answers the given paths, such as {@code /WEB-INF/x}. */
    public static ServletContext webapp(Map<String, String> resources) {
        ServletContext context = mock(ServletContext.class);
        when(context.getResourceAsStream(anyString())).thenAnswer(call -> {
            String text = resources.get(call.<String>getArgument(0));
            return text == null ? null : new ByteArrayInputStream(text.getBytes(UTF_8));
        });
        return context;
    }

    @Override
    public String getFilterName() {
        return "jwtSigner";
    }

    @Override
    public ServletContext getServletContext() {
        return context;
    }

    @Override
    public String getInitParameter(String name) {
        return params.get(name);
    }

    @Override
    public Enumeration<String> getInitParameterNames() {
        return Collections.enumeration(params.keySet());
    }
}
