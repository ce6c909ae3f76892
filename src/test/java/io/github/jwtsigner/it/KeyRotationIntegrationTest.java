package io.github.jwtsigner.it;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import io.github.jwtsigner.JwtSignerFilter;
import io.github.jwtsigner.internal.remote.TestPki;
import io.github.jwtsigner.testing.KeyServer;
import io.github.jwtsigner.testing.LoginServlet;
import io.github.jwtsigner.testing.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Key rotation through the real filter in a real container over real HTTP: 8 clients log in without pause
 * while the key server starts serving a new key, then goes down. The filter is configured in web.xml with
 * jwk_url, no kid (the first key that fits signs) and cache_duration 1.
 */
class KeyRotationIntegrationTest {
    private static final int THREADS = 8;
    private static final ECKey OLD = TestKeys.ec(Curve.P_256, "2024-old");
    private static final ECKey NEW = TestKeys.ec(Curve.P_256, "2025-new");

    @TempDir
    Path temp;

    private final Logger julLogger = Logger.getLogger(JwtSignerFilter.LOGGER_NAME);
    private final ConcurrentLinkedQueue<String> warnings = new ConcurrentLinkedQueue<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record.getMessage());
            }
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

    /** One login: whether the new key was already seen in a response when it was sent, and what came back. */
    private record Login(boolean afterSwitch, int status, String accessToken, String refreshToken, Throwable error) {
    }

    @ParameterizedTest
    @EnumSource(ServletContainer.Kind.class)
    void switchesToTheNewKeyWithoutOneFailedLoginAndKeepsSigningWhenTheKeyServerGoesDown(ServletContainer.Kind kind)
            throws Exception {
        TestPki.Ca ca = TestPki.newCa("Key Server CA");
        Path caPem = ca.writePem(temp, "key-server-ca.pem");
        try (KeyServer keys = KeyServer.https(ca.issue("127.0.0.1")).serve(TestKeys.set(OLD))) {
            Map<String, String> params = Map.of(
                    "alg", "ES256",
                    "keys_to_sign", "access_token,refresh_token",
                    "jwk_url", keys.url("/jwks.json"),
                    "jwk_local_ca", caPem.toString(),
                    "cache_duration", "1",
                    "jwk_connect_timeout", "1s",
                    "jwk_read_timeout", "1s");
            Path webapp = ExplodedWebapp.create(temp.resolve("webapp"), Registration.INIT_PARAMS, params);
            try (ServletContainer container = kind.start(webapp, temp.resolve("work"))) {
                assertTrue(container.webappAvailable(), container.startupFailure());
                List<Login> logins = loginWhile(container, keys);
                assertEveryLoginSignedAndTheNewKeyUsedAfterTheSwitch(logins);
            }
        }
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("could not reload the signing key from jwk_url [")
                && w.contains("still signing with kid [2025-new], the last good key")), warnings.toString());
    }

    private List<Login> loginWhile(ServletContainer container, KeyServer keys) throws Exception {
        AtomicBoolean switched = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<Login> logins = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                clients.add(pool.submit(() -> {
                    LoginClient client = new LoginClient(container.base());
                    for (int i = 0; !stop.get(); i++) {
                        boolean after = switched.get();
                        try {
                            HttpResponse<String> r = client.login("token", "user-" + thread + "-" + i,
                                    LoginServlet.PASSWORD);
                            JsonObject body = JsonParser.parseString(r.body()).getAsJsonObject();
                            String access = body.get("access_token").getAsString();
                            logins.add(new Login(after, r.statusCode(), access,
                                    body.get("refresh_token").getAsString(), null));
                            if ("2025-new".equals(TestKeys.kid(access))) {
                                switched.set(true);
                            }
                        } catch (Exception | AssertionError e) {
                            logins.add(new Login(after, 0, null, null, e));
                        }
                    }
                }));
            }
            await(() -> logins.size() > 100, "logins are under way");
            keys.serve(TestKeys.set(NEW, OLD));
            await(switched::get, "a token signed with the new key comes back");
            int atSwitch = logins.size();
            await(() -> logins.size() > atSwitch + 200, "logins go on with the new key");
            int warned = warnings.size();
            keys.stop();
            await(() -> warnings.size() > warned, "the failed refresh is logged");
            int atDown = logins.size();
            await(() -> logins.size() > atDown + 100, "logins go on while the key server is down");
            stop.set(true);
            for (Future<?> c : clients) {
                c.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        return new ArrayList<>(logins);
    }

    private static void assertEveryLoginSignedAndTheNewKeyUsedAfterTheSwitch(List<Login> logins) throws Exception {
        ECPublicKey oldKey = OLD.toECPublicKey();
        ECPublicKey newKey = NEW.toECPublicKey();
        List<Login> failed = logins.stream().filter(l -> l.error() != null || l.status() != 201).toList();
        assertEquals(List.of(), failed, "not one login may fail during the switch");
        List<Login> before = logins.stream().filter(l -> !l.afterSwitch()).toList();
        List<Login> after = logins.stream().filter(Login::afterSwitch).toList();
        assertAll(
                () -> assertTrue(before.size() > 100 && after.size() > 300, before.size() + " / " + after.size()),
                () -> assertTrue(logins.stream().allMatch(l -> signedBy(l, oldKey) || signedBy(l, newKey)),
                        "every token verifies with the old or the new key"),
                () -> assertTrue(after.stream().allMatch(l -> signedBy(l, newKey) && !signedBy(l, oldKey)
                        && "2025-new".equals(TestKeys.kid(l.accessToken()))),
                        "after the switch every token verifies with the new key only"));
    }

    private static boolean signedBy(Login login, ECPublicKey key) {
        return TestKeys.verifies(login.accessToken(), "ES256", key)
                && TestKeys.verifies(login.refreshToken(), "ES256", key);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }
}
