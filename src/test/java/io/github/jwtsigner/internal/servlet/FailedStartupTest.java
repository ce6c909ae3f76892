package io.github.jwtsigner.internal.servlet;

import io.github.jwtsigner.JwksConfig;
import io.github.jwtsigner.JwtSignerFilter;
import io.github.jwtsigner.Setting;
import io.github.jwtsigner.SignerConfig;
import io.github.jwtsigner.ValidatorConfig;
import io.github.jwtsigner.internal.rotation.KeyRing;
import io.github.jwtsigner.testing.FailingMeterRegistry;
import io.github.jwtsigner.testing.RecordingLogger;
import io.github.jwtsigner.testing.Sim2Tokens;
import io.github.jwtsigner.testing.TestKeys;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.management.ObjectName;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A start of the signer, the validator or the JWKS servlet ({@link SignerStartup}, {@link ValidatorStartup},
 * {@link JwksStartup}) that fails once the keys are loaded, here because the meter registry refuses the meters:
 * what was started (the key ring's reload thread, the ring left for the JWKS servlet, the MXBean) is stopped
 * again, since a container calls no {@code destroy()} after a failed {@code init()}, and a reload thread left
 * behind would keep the undeployed webapp's class loader, and the keys, alive.
 */
class FailedStartupTest {
    private static final String NAME = "startupFailure";

    @TempDir
    Path dir;

    /** A webapp context whose attributes are kept, as a container keeps them. */
    static ServletContext context(Map<String, Object> attributes) {
        ServletContext context = mock(ServletContext.class);
        when(context.getContextPath()).thenReturn("/app");
        when(context.getAttribute(anyString())).thenAnswer(call -> attributes.get(call.<String>getArgument(0)));
        doAnswer(call -> attributes.put(call.getArgument(0), call.getArgument(1))).when(context)
                .setAttribute(anyString(), any());
        doAnswer(call -> attributes.remove(call.<String>getArgument(0))).when(context)
                .removeAttribute(anyString());
        return context;
    }

    static FilterConfig filterConfig(ServletContext context) {
        FilterConfig config = mock(FilterConfig.class);
        when(config.getFilterName()).thenReturn(NAME);
        when(config.getServletContext()).thenReturn(context);
        when(config.getInitParameterNames()).thenReturn(Collections.emptyEnumeration());
        return config;
    }

    static Set<Thread> refreshThreads() {
        Set<Thread> threads = new HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals(KeyRing.REFRESH_THREAD_NAME) && t.isAlive()) {
                threads.add(t);
            }
        }
        return threads;
    }

    /** Waits a moment for every one of {@code threads} to end; those still alive. */
    static Set<Thread> stillAlive(Set<Thread> threads) throws InterruptedException {
        Set<Thread> alive = new HashSet<>();
        for (Thread t : threads) {
            t.join(2000);
            if (t.isAlive()) {
                alive.add(t);
            }
        }
        return alive;
    }

    static Set<ObjectName> mbeans(String type) throws Exception {
        return ManagementFactory.getPlatformMBeanServer()
                .queryNames(new ObjectName("io.github.jwtsigner:type=" + type + ",name=" + NAME + "*"), null);
    }

    private Path keyFile(String json) throws Exception {
        return Files.writeString(Files.createTempFile(dir, "jwks", ".json"), json);
    }

    @Test
    void aSignerWhoseMetersAreRefusedStopsTheKeyRingItStartedAndLeavesItToNoJwksServlet() throws Exception {
        Map<String, Object> attributes = new ConcurrentHashMap<>();
        Set<Thread> before = refreshThreads();
        SignerConfig config = SignerConfig.builder().alg("HS256").kid("sim2").keysToSign("access_token")
                .jwkLocalPath(keyFile(Sim2Tokens.jwkSetJson()).toString())
                .jwkLocalCheckInterval(Duration.ofMillis(100))
                .meterRegistry(FailingMeterRegistry.refusingCounters()).build();

        assertThrows(IllegalArgumentException.class,
                () -> SignerStartup.start(filterConfig(context(attributes)), config, new RecordingLogger()));

        Set<Thread> started = refreshThreads();
        started.removeAll(before);
        assertEquals(Set.of(), stillAlive(started), "the reload thread of a signer that did not start");
        assertEquals(Map.of(), attributes, "the ring of a signer that did not start, for the JWKS servlet");
        assertEquals(Set.of(), mbeans("Signer"));
    }

    @Test
    void aValidatorWhoseMetersAreRefusedStopsTheKeyRingItStarted() throws Exception {
        Set<Thread> before = refreshThreads();
        ValidatorConfig config = ValidatorConfig.builder().alg("HS256")
                .jwkLocalPath(keyFile(TestKeys.set(TestKeys.hmac(256, "h1"))).toString())
                .set(Setting.JWK_LOCAL_CHECK_INTERVAL, Duration.ofMillis(100))
                .meterRegistry(FailingMeterRegistry.refusingCounters()).build();

        assertThrows(IllegalArgumentException.class, () -> ValidatorStartup.start(
                filterConfig(context(new ConcurrentHashMap<>())), config, new RecordingLogger()));

        Set<Thread> started = refreshThreads();
        started.removeAll(before);
        assertEquals(Set.of(), stillAlive(started), "the reload thread of a validator that did not start");
        assertEquals(Set.of(), mbeans("Validator"));
    }

    @Test
    void aJwksServletWhoseMetersAreRefusedStopsTheKeyRingItStarted() throws Exception {
        Set<Thread> before = refreshThreads();
        JwksConfig config = JwksConfig.builder()
                .set(Setting.JWK_LOCAL_PATH, keyFile(TestKeys.set(TestKeys.rsa("r1").toPublicJWK())).toString())
                .set(Setting.JWK_LOCAL_CHECK_INTERVAL, Duration.ofMillis(100))
                .meterRegistry(FailingMeterRegistry.refusingCounters()).build();
        ServletConfig servletConfig = mock(ServletConfig.class);
        ServletContext context = context(new ConcurrentHashMap<>());
        when(servletConfig.getServletName()).thenReturn(NAME);
        when(servletConfig.getServletContext()).thenReturn(context);
        when(servletConfig.getInitParameterNames()).thenReturn(Collections.emptyEnumeration());

        assertThrows(IllegalArgumentException.class,
                () -> JwksStartup.start(servletConfig, config, JwtSignerFilter.class, new RecordingLogger()));

        Set<Thread> started = refreshThreads();
        started.removeAll(before);
        assertEquals(Set.of(), stillAlive(started), "the reload thread of a JWKS servlet that did not start");
        assertEquals(Set.of(), mbeans("Jwks"));
    }
}
