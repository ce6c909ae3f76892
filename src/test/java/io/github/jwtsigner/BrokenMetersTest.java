package io.github.jwtsigner;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.jwtsigner.testing.FailingMeterRegistry;
import io.github.jwtsigner.testing.RecordingResponse;
import io.github.jwtsigner.testing.Sim2Tokens;
import io.github.jwtsigner.testing.TestFilterConfig;
import io.github.jwtsigner.testing.TestKeys;
import io.github.jwtsigner.testing.TestRequest;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A Micrometer registry whose meters throw when counted, on a request thread: the request is answered as if
 * there were no meters (a forged token still gets its 401, a good one still reaches the servlet, a login is still
 * signed, the JWK Set still served), and the failure is one WARNING per component, not one per request.
 */
class BrokenMetersTest {
    private static final String CLAIMS = "{\"access_token\":{\"sub\":\"user-7f3a9\",\"exp\":1735689600}}";

    /** Held here: a {@code java.util.logging} logger without a strong reference may lose its handlers. */
    private final Logger library = Logger.getLogger(JwtSignerFilter.LOGGER_NAME);
    private final List<LogRecord> warnings = Collections.synchronizedList(new ArrayList<>());
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()
                    && record.getMessage().contains("meter")) {
                warnings.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @TempDir
    Path dir;

    @BeforeEach
    void capture() {
        library.addHandler(handler);
    }

    @AfterEach
    void release() {
        library.removeHandler(handler);
    }

    @Test
    void theValidatorStillRefusesAForgedTokenWith401AndLetsAGoodOneThrough() throws Exception {
        OctetSequenceKey key = TestKeys.hmac(256, "h1");
        Path jwks = Files.writeString(dir.resolve("jwks.json"), TestKeys.set(key));
        JwtValidatorFilter filter = new JwtValidatorFilter(ValidatorConfig.builder().alg("HS256")
                .jwkLocalPath(jwks.toString()).meterRegistry(FailingMeterRegistry.throwingOnUse()).build());
        filter.init(TestFilterConfig.of(Map.of()));
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("h1").build(),
                    new JWTClaimsSet.Builder().subject("alice")
                            .expirationTime(new Date(System.currentTimeMillis() + 60_000)).build());
            jwt.sign(new MACSigner(key));
            String good = jwt.serialize();
            String forged = good.substring(0, good.lastIndexOf('.') + 1) + "AAAA"
                    + good.substring(good.lastIndexOf('.') + 5);

            for (int i = 0; i < 3; i++) {
                RecordingResponse refused = new RecordingResponse();
                AtomicBoolean reached = new AtomicBoolean();
                filter.doFilter(new TestRequest("GET", "/api").withHeader("Authorization", "Bearer " + forged),
                        refused, (q, s) -> reached.set(true));
                assertEquals(401, refused.getStatus());
                assertFalse(reached.get(), "a forged token never reaches the servlet");

                RecordingResponse accepted = new RecordingResponse();
                filter.doFilter(new TestRequest("GET", "/api").withHeader("Authorization", "Bearer " + good),
                        accepted, (q, s) -> reached.set(true));
                assertTrue(reached.get(), "a good token reaches the servlet");
            }
            assertEquals(1, warnings.size(), warnings::toString);
        } finally {
            filter.destroy();
        }
    }

    @Test
    void theSignerStillSignsTheLogin() throws Exception {
        JwtSignerFilter filter = new JwtSignerFilter(SignerConfig.builder().alg("HS256").kid("sim2")
                .keysToSign("access_token").jwkLocalPath("classpath:" + Sim2Tokens.RESOURCE)
                .meterRegistry(FailingMeterRegistry.throwingOnUse()).build());
        filter.init(TestFilterConfig.of(Map.of()));
        try {
            for (int i = 0; i < 3; i++) {
                RecordingResponse response = new RecordingResponse();
                filter.doFilter(TestRequest.post("/token"), response, (req, res) -> {
                    res.setContentType("application/json");
                    res.getWriter().write(CLAIMS);
                });
                assertEquals(200, response.getStatus(), () -> response.bodyText(UTF_8));
                String token = com.google.gson.JsonParser.parseString(response.bodyText(UTF_8)).getAsJsonObject()
                        .get("access_token").getAsString();
                assertEquals("user-7f3a9", Sim2Tokens.verify(token).get("sub").getAsString());
            }
            assertEquals(1, warnings.size(), warnings::toString);
        } finally {
            filter.destroy();
        }
    }

    @Test
    void theJwksServletStillServesTheKeys() throws Exception {
        Path jwks = Files.writeString(dir.resolve("public.json"), TestKeys.set(TestKeys.rsa("r1").toPublicJWK()));
        JwksServlet servlet = new JwksServlet(JwksConfig.builder().set(Setting.JWK_LOCAL_PATH, jwks.toString())
                .meterRegistry(FailingMeterRegistry.throwingOnUse()).build());
        ServletConfig config = mock(ServletConfig.class);
        when(config.getServletName()).thenReturn("jwks");
        when(config.getServletContext()).thenReturn(mock(ServletContext.class));
        when(config.getInitParameterNames()).thenReturn(Collections.emptyEnumeration());
        servlet.init(config);
        try {
            for (int i = 0; i < 3; i++) {
                RecordingResponse response = new RecordingResponse();
                servlet.service(new TestRequest("GET", "/jwks.json"), response);
                assertEquals(200, response.getStatus());
                assertTrue(response.bodyText(UTF_8).contains("\"kid\":\"r1\""), response.bodyText(UTF_8));
            }
            assertEquals(1, warnings.size(), warnings::toString);
        } finally {
            servlet.destroy();
        }
    }
}
