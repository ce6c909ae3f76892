package io.github.jwtsigner;

import io.github.jwtsigner.testing.TestFilterConfig;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A component that cannot start says why in one ERROR line of its own logger, besides the exception: Tomcat
 * writes a filter's exception only to the context's log file, and catalina.out just says that filters failed.
 */
class StartupErrorLogTest {
    private static final Map<String, String> BAD = Map.of(Setting.ALG.settingName(), "HS257",
            Setting.JWK_LOCAL_PATH.settingName(), "WEB-INF/jwk.json");

    private final Logger julLogger = Logger.getLogger(JwtSignerFilter.LOGGER_NAME);
    private final List<LogRecord> records = Collections.synchronizedList(new ArrayList<>());
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLog() {
        julLogger.addHandler(handler);
    }

    @AfterEach
    void releaseLog() {
        julLogger.removeHandler(handler);
    }

    private void assertOneErrorLine(String expectedStart, ServletException e) {
        List<LogRecord> errors = records.stream().filter(r -> r.getLevel() == Level.SEVERE).toList();
        assertEquals(1, errors.size(), records.toString());
        assertEquals(expectedStart + e.getMessage(), errors.get(0).getMessage());
    }

    @Test
    void signerLogsWhyItDidNotStart() {
        ServletException e = assertThrows(ServletException.class,
                () -> new JwtSignerFilter().init(TestFilterConfig.of(BAD)));

        assertOneErrorLine("filter [jwtSigner] did not start: ", e);
        assertTrue(e.getMessage().startsWith("invalid JWT signer configuration"), e.getMessage());
    }

    @Test
    void validatorLogsWhyItDidNotStart() {
        ServletException e = assertThrows(ServletException.class,
                () -> new JwtValidatorFilter().init(TestFilterConfig.of(BAD)));

        assertOneErrorLine("filter [jwtSigner] did not start: ", e);
        assertTrue(e.getMessage().startsWith("invalid JWT validator configuration"), e.getMessage());
    }

    @Test
    void jwksServletLogsWhyItDidNotStart() {
        ServletConfig config = mock(ServletConfig.class);
        TestFilterConfig filterConfig = TestFilterConfig.of(Map.of());
        when(config.getServletName()).thenReturn("jwks");
        when(config.getServletContext()).thenReturn(filterConfig.getServletContext());
        when(config.getInitParameterNames()).thenReturn(Collections.enumeration(List.of("max_age")));
        when(config.getInitParameter("max_age")).thenReturn("soon");

        ServletException e = assertThrows(ServletException.class, () -> new JwksServlet().init(config));

        assertOneErrorLine("servlet [jwks] did not start: ", e);
    }
}
