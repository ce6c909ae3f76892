package io.github.jwtsigner.it;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.jwtsigner.testing.LoginServlet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One filter instance in a real container, many threads: every token carries its own request's subject. */
class ConcurrentLoginIntegrationTest {
    private static final int THREADS = 16;
    private static final int LOGINS_PER_THREAD = 500;

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(ServletContainer.Kind.class)
    void everyConcurrentLoginGetsItsOwnSignedSubject(ServletContainer.Kind kind) throws Exception {
        Path webapp = ExplodedWebapp.create(temp.resolve("webapp"), Registration.PROGRAMMATIC);
        try (ServletContainer container = kind.start(webapp, temp.resolve("work"))) {
            assertTrue(container.webappAvailable(), container.startupFailure());
            TokenVerifier verifier = TokenVerifier.sim2();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<Integer>> results = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    Callable<Integer> worker = () -> {
                        LoginClient client = new LoginClient(container.base());
                        int ok = 0;
                        for (int i = 0; i < LOGINS_PER_THREAD; i++) {
                            String user = "user-" + thread + "-" + i;
                            HttpResponse<String> r = client.login("token", user, LoginServlet.PASSWORD);
                            assertEquals(201, r.statusCode(), r.body());
                            JsonObject body = JsonParser.parseString(r.body()).getAsJsonObject();
                            assertEquals(user, verifier.verify(body.get("access_token").getAsString())
                                    .get("sub").getAsString());
                            assertEquals(user, verifier.verify(body.get("refresh_token").getAsString())
                                    .get("sub").getAsString());
                            ok++;
                        }
                        return ok;
                    };
                    results.add(pool.submit(worker));
                }
                int total = 0;
                for (Future<Integer> f : results) {
                    total += f.get(5, TimeUnit.MINUTES);
                }
                assertEquals(THREADS * LOGINS_PER_THREAD, total);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
