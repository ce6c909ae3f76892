package io.github.jwtsigner.bench.load;

import io.github.jwtsigner.bench.LoginBody;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A closed-loop load driver on the JDK {@link HttpClient}: {@code connections} threads, each sending the login
 * {@code POST} and waiting for the answer before the next, for a fixed time. Used when {@code wrk} is not
 * installed; it costs more CPU per request than wrk, which on a small machine lowers the server's share.
 *
 * <p>One instance per run; not thread-safe.
 */
final class HttpClientLoad {
    private HttpClientLoad() {
    }

    /** Runs the load for {@code seconds} and returns what was measured. */
    static LoadResult run(URI uri, int connections, int seconds) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(LoginBody.CREDENTIALS))
                .build();
        long start = System.nanoTime();
        long deadline = start + seconds * 1_000_000_000L;
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Worker w = new Worker(client, request, deadline);
            w.setName("load-" + i);
            w.start();
            workers.add(w);
        }
        long[] all = new long[0];
        long non2xx = 0;
        long errors = 0;
        for (Worker w : workers) {
            w.join();
            long[] mine = Arrays.copyOf(w.latenciesNanos, w.count);
            long[] merged = Arrays.copyOf(all, all.length + mine.length);
            System.arraycopy(mine, 0, merged, all.length, mine.length);
            all = merged;
            non2xx += w.non2xx;
            errors += w.errors;
        }
        long elapsed = System.nanoTime() - start;
        Arrays.sort(all);
        return new LoadResult(all.length, elapsed / 1000, non2xx, errors, percentileMicros(all, 50),
                percentileMicros(all, 90), percentileMicros(all, 99), all.length == 0 ? 0 : all[all.length - 1] / 1000);
    }

    private static long percentileMicros(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000;
    }

    private static final class Worker extends Thread {
        private final HttpClient client;
        private final HttpRequest request;
        private final long deadline;
        long[] latenciesNanos = new long[1 << 14];
        int count;
        long non2xx;
        long errors;

        Worker(HttpClient client, HttpRequest request, long deadline) {
            this.client = client;
            this.request = request;
            this.deadline = deadline;
        }

        @Override
        public void run() {
            while (System.nanoTime() < deadline) {
                long t0 = System.nanoTime();
                try {
                    HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    long t1 = System.nanoTime();
                    if (response.statusCode() / 100 != 2) {
                        non2xx++;
                    }
                    if (count == latenciesNanos.length) {
                        latenciesNanos = Arrays.copyOf(latenciesNanos, count * 2);
                    }
                    latenciesNanos[count++] = t1 - t0;
                } catch (IOException e) {
                    errors++;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
