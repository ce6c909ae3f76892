package io.github.jwtsigner.it;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.jwtsigner.JwtValidatorFilter;
import io.github.jwtsigner.internal.remote.TestPki;
import io.github.jwtsigner.testing.KeyServer;
import io.github.jwtsigner.testing.TestKeys;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Key rotation under load through the real validator in a real container over real HTTP: 8 clients call a
 * protected servlet without pause while the keys rotate twice, through {@code jwk_url} (the HTTPS test key server,
 * trusted with {@code jwk_local_ca}) or a {@code jwk_local_path} file replaced atomically. Each time the clients
 * switch to tokens of the new key as soon as the source publishes it; the scheduled reload is an hour away, so
 * only the unknown kid's early reload can let them in. Not one request may fail, and once a reload has seen the
 * old key leave, its tokens are refused.
 */
class ValidatorRotationIntegrationTest {
    private static final int THREADS = 8;
    private static final ECKey FIRST = TestKeys.ec(Curve.P_256, "2024-first");
    private static final ECKey SECOND = TestKeys.ec(Curve.P_256, "2025-second");
    private static final ECKey THIRD = TestKeys.ec(Curve.P_256, "2026-third");
    /** The validator's {@code unknown_kid_refetch_interval}; the second rotation waits longer than this. */
    private static final Duration REFETCH = Duration.ofSeconds(1);

    @TempDir
    Path temp;

    /** The protected API: answers the user the validator found, as legacy code reads it. */
    public static final class WhoAmIServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/plain");
            resp.getWriter().write(req.getUserPrincipal() == null ? "anonymous" : req.getUserPrincipal().getName());
        }
    }

    /** Where the keys are published: the key server or the file. */
    private interface Publisher {
        void publish(ECKey... keys) throws IOException;
    }

    /** One call: the principal the token names, what came back, and whether it was answered. */
    private record Call(String expected, int status, String body, Throwable error) {
        boolean ok() {
            return error == null && status == 200 && expected.equals(body);
        }
    }

    @ParameterizedTest
    @EnumSource(ServletContainer.Kind.class)
    void rotatesThroughJwkUrlWithoutOneFailedRequest(ServletContainer.Kind kind) throws Exception {
        TestPki.Ca ca = TestPki.newCa("Validator Key Server CA");
        Path caPem = ca.writePem(temp, "key-server-ca.pem");
        try (KeyServer server = KeyServer.https(ca.issue("127.0.0.1")).serve(TestKeys.set(FIRST.toPublicJWK()))) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("jwk_url", server.url("/jwks.json"));
            params.put("jwk_local_ca", caPem.toString());
            params.put("cache_duration", "3600");
            rotateUnderLoad(kind, params, keys -> server.serve(TestKeys.set(publicKeys(keys))), server::requests);
        }
    }

    @ParameterizedTest
    @EnumSource(ServletContainer.Kind.class)
    void rotatesThroughAJwkFileReplacedAtomicallyWithoutOneFailedRequest(ServletContainer.Kind kind)
            throws Exception {
        Path file = temp.resolve("keys/jwks.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, TestKeys.set(FIRST.toPublicJWK()));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("jwk_local_path", file.toString());
        params.put("jwk_local_check_interval", "1h");
        AtomicInteger version = new AtomicInteger();
        rotateUnderLoad(kind, params, keys -> {
            Path next = file.resolveSibling("jwks.json.next-" + version.incrementAndGet());
            Files.writeString(next, TestKeys.set(publicKeys(keys)), StandardCharsets.UTF_8);
            Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }, null);
    }

    private static com.nimbusds.jose.jwk.JWK[] publicKeys(ECKey... keys) {
        com.nimbusds.jose.jwk.JWK[] out = new com.nimbusds.jose.jwk.JWK[keys.length];
        for (int i = 0; i < keys.length; i++) {
            out[i] = keys[i].toPublicJWK();
        }
        return out;
    }

    /** @param fetches how many requests the key server has had; null for a file */
    private void rotateUnderLoad(ServletContainer.Kind kind, Map<String, String> keySource, Publisher publisher,
            IntSupplier fetches) throws Exception {
        Map<String, String> params = new LinkedHashMap<>(keySource);
        params.put("alg", "ES256");
        params.put("unknown_kid_refetch_interval", REFETCH.toMillis() + "ms");
        Path webapp = ExplodedWebapp.create(temp.resolve("webapp-" + kind), webXml(params),
                List.of(WhoAmIServlet.class), Map.of());
        try (ServletContainer container = kind.start(webapp, temp.resolve("work-" + kind))) {
            assertTrue(container.webappAvailable(), container.startupFailure());
            URI api = container.base().resolve("api/whoami");
            AtomicReference<ECKey> signing = new AtomicReference<>(FIRST);
            ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
            AtomicBoolean stop = new AtomicBoolean();
            int fetchesAtStart = fetches == null ? 0 : fetches.getAsInt();
            int fetchesDuringLoad;
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<?>> clients = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    String user = "user-" + t;
                    clients.add(pool.submit(() -> callWhile(api, user, signing, stop, calls::add)));
                }
                awaitMore(calls, 200, "calls with the first key");

                publisher.publish(SECOND, FIRST);
                signing.set(SECOND);
                awaitMore(calls, 300, "calls with the second key");
                // The next early reload is allowed once REFETCH has passed since the last.
                Thread.sleep(REFETCH.toMillis() + 500);

                publisher.publish(THIRD, SECOND);
                signing.set(THIRD);
                awaitMore(calls, 300, "calls with the third key");
                stop.set(true);
                for (Future<?> c : clients) {
                    c.get(60, TimeUnit.SECONDS);
                }
                fetchesDuringLoad = fetches == null ? -1 : fetches.getAsInt() - fetchesAtStart;
            } finally {
                pool.shutdownNow();
            }
            assertEveryCallAnswered(new ArrayList<>(calls));
            if (fetches != null) {
                assertEquals(2, fetchesDuringLoad, "one early fetch per rotation, however many threads saw the new"
                        + " kid");
            }
            HttpClient http = client();
            assertAll(
                    () -> assertEquals(401, get(http, api, token(FIRST, "late")).statusCode(),
                            "a token of the key that left the set is refused"),
                    () -> assertEquals("user-x", get(http, api, token(SECOND, "user-x")).body(),
                            "the key still in the set verifies"));
        }
    }

    private static void assertEveryCallAnswered(List<Call> calls) {
        List<Call> failed = calls.stream().filter(c -> !c.ok()).toList();
        assertEquals(List.of(), failed.subList(0, Math.min(10, failed.size())), failed.size() + " of "
                + calls.size() + " calls failed");
        assertTrue(calls.size() > 800, calls.size() + " calls");
    }

    /** One client: calls the API again and again with a fresh token of the key in use, until told to stop. */
    private static void callWhile(URI api, String user, AtomicReference<ECKey> signing, AtomicBoolean stop,
            Consumer<Call> record) {
        HttpClient http = client();
        while (!stop.get()) {
            try {
                HttpResponse<String> r = get(http, api, token(signing.get(), user));
                record.accept(new Call(user, r.statusCode(), r.body(), null));
            } catch (Exception e) {
                record.accept(new Call(user, 0, null, e));
            }
        }
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    private static HttpResponse<String> get(HttpClient http, URI api, String token)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(api).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** An ES256 token made by Nimbus, with the key's kid. */
    private static String token(ECKey key, String subject) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().subject(subject)
                        .expirationTime(new Date(System.currentTimeMillis() + 60_000)).build());
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    private static void awaitMore(ConcurrentLinkedQueue<Call> calls, int more, String what)
            throws InterruptedException {
        int start = calls.size();
        await(() -> calls.size() >= start + more, what);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private static String webXml(Map<String, String> params) {
        StringBuilder sb = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <filter>
                    <filter-name>validator</filter-name>
                    <filter-class>%s</filter-class>
                """.formatted(JwtValidatorFilter.class.getName()));
        params.forEach((k, v) -> sb.append("    <init-param><param-name>").append(k)
                .append("</param-name><param-value>").append(v).append("</param-value></init-param>\n"));
        return sb.append("""
                  </filter>
                  <filter-mapping>
                    <filter-name>validator</filter-name><url-pattern>/api/*</url-pattern>
                  </filter-mapping>
                  <servlet><servlet-name>whoami</servlet-name><servlet-class>%s</servlet-class></servlet>
                  <servlet-mapping>
                    <servlet-name>whoami</servlet-name><url-pattern>/api/*</url-pattern>
                  </servlet-mapping>
                </web-app>
                """.formatted(WhoAmIServlet.class.getName())).toString();
    }
}
