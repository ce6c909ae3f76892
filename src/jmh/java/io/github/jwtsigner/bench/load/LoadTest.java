package io.github.jwtsigner.bench.load;

import io.github.jwtsigner.bench.LoginBody;
import io.github.jwtsigner.bench.OutputCheck;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
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
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The end-to-end load test: starts {@link LoginServer} as a child JVM on 127.0.0.1, checks each variant answers
 * a correctly signed login once, then drives each in turn from outside the server process ({@code wrk} if it is
 * on the PATH, else {@link HttpClientLoad} in this JVM) for a warm-up and a measured run, and prints throughput
 * and latency percentiles. Loopback only; every run is bounded in time; the server stops when this process
 * ends. With {@code --rounds N} the measured runs repeat N times, the variants in turn (the order reversed every
 * other round), so a slow minute of a shared machine falls on all of them; each variant's throughput is then
 * compared with the bare servlet's of the same round, and the median of those ratios reported.
 *
 * With {@code --server-cpus} and {@code --driver-cpus} (Linux {@code taskset} lists such as {@code 1} or
 * {@code 0-1}) the server and the driver run on separate cores, as they would on separate machines, instead of
 * competing for the same ones.
 *
 * <p>Options: {@code --variants bare,filter-HS256,...} {@code --duration 15} {@code --warmup 5}
 * {@code --rounds 1} {@code --connections 16} {@code --driver wrk|java} {@code --server-opts "-Xmx512m"}
 * {@code --server-cpus ""} {@code --driver-cpus ""}.
 */
public final class LoadTest {
    static final String DEFAULT_VARIANTS = "bare,filter-HS256,nimbus-HS256,filter-ES256,nimbus-ES256";

    private LoadTest() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        List<String> variants = Arrays.asList(options.get("variants").split(","));
        int duration = bounded("duration", Integer.parseInt(options.get("duration")), 1, 120);
        int warmup = bounded("warmup", Integer.parseInt(options.get("warmup")), 0, 60);
        int connections = bounded("connections", Integer.parseInt(options.get("connections")), 1, 256);
        int rounds = bounded("rounds", Integer.parseInt(options.get("rounds")), 1, 20);
        String driver = options.get("driver");

        String serverCpus = options.get("server-cpus");
        String driverCpus = options.get("driver-cpus");
        if (!driverCpus.isBlank() && driver.equals("java")) {
            // The java driver runs in this JVM: pin it (all its threads) here.
            run(List.of("taskset", "-a", "-p", "-c", driverCpus, Long.toString(ProcessHandle.current().pid())));
        }
        Process server = startServer(options.get("server-opts"), serverCpus);
        try {
            int port = awaitReady(server);
            System.out.printf(Locale.ROOT, "# server pid %d on 127.0.0.1:%d; driver %s, %d connections, %d s warm-up"
                    + " + %d s measured per variant, %d round(s); %d cores; server cpus [%s], driver cpus [%s]%n",
                    server.pid(), port, driver, connections, warmup, duration, rounds,
                    Runtime.getRuntime().availableProcessors(), serverCpus, driverCpus);
            Path lua = luaScript();
            for (String variant : variants) {
                URI uri = URI.create("http://127.0.0.1:" + port + "/" + variant + "/token");
                checkOnce(variant, uri);
                if (warmup > 0) {
                    drive(driver, uri, connections, warmup, lua, driverCpus);
                }
            }
            Map<String, List<LoadResult>> results = new LinkedHashMap<>();
            variants.forEach(v -> results.put(v, new ArrayList<>()));
            for (int round = 0; round < rounds; round++) {
                List<String> order = new ArrayList<>(variants);
                if (round % 2 == 1) {
                    Collections.reverse(order);
                }
                for (String variant : order) {
                    URI uri = URI.create("http://127.0.0.1:" + port + "/" + variant + "/token");
                    LoadResult r = drive(driver, uri, connections, duration, lua, driverCpus);
                    results.get(variant).add(r);
                    System.out.printf(Locale.ROOT, "# round %d %-14s done: %.0f req/s%n", round + 1, variant,
                            r.requestsPerSecond());
                }
            }
            print(results);
        } finally {
            stopServer(server);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("variants", DEFAULT_VARIANTS);
        o.put("duration", "15");
        o.put("warmup", "5");
        o.put("rounds", "1");
        o.put("connections", "16");
        o.put("driver", onPath("wrk") ? "wrk" : "java");
        o.put("server-opts", "-Xms512m -Xmx512m");
        o.put("server-cpus", "");
        o.put("driver-cpus", "");
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length || !o.containsKey(args[i].substring(2))) {
                throw new IllegalArgumentException("option [" + args[i] + "] is not known or has no value; expected"
                        + " one of " + o.keySet().stream().map(k -> "--" + k).toList() + " followed by a value");
            }
            o.put(args[i].substring(2), args[++i]);
        }
        if (!List.of("wrk", "java").contains(o.get("driver"))) {
            throw new IllegalArgumentException("--driver [" + o.get("driver") + "]; expected wrk or java");
        }
        return o;
    }

    private static int bounded(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("--" + name + " [" + value + "]; expected " + min + ".." + max);
        }
        return value;
    }

    private static Process startServer(String serverOpts, String cpus) throws IOException {
        List<String> command = new ArrayList<>(pinned(cpus));
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (!serverOpts.isBlank()) {
            command.addAll(Arrays.asList(serverOpts.trim().split("\\s+")));
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(LoginServer.class.getName());
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static int awaitReady(Process server) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("READY ")) {
                int port = Integer.parseInt(line.substring("READY ".length()).trim());
                Thread drain = new Thread(() -> drain(server.getInputStream()), "server-stdout");
                drain.setDaemon(true);
                drain.start();
                return port;
            }
        }
        throw new IllegalStateException("server exited before it was ready; exit code [" + waitExit(server) + "]");
    }

    private static void drain(InputStream in) {
        try {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // The server is gone; nothing more to read.
        }
    }

    private static int waitExit(Process p) {
        try {
            return p.waitFor(10, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void stopServer(Process server) throws InterruptedException {
        try {
            server.getOutputStream().close();
        } catch (IOException e) {
            // Closing stdin is only the polite way; destroy below is the sure one.
        }
        if (!server.waitFor(10, TimeUnit.SECONDS)) {
            server.destroy();
            if (!server.waitFor(5, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    /** One request before the load, so a variant that fails or does not sign is noticed, not timed. */
    private static void checkOnce(String variant, URI uri) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(LoginBody.CREDENTIALS))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new IllegalStateException(variant + ": status [" + response.statusCode() + "]; expected 200");
        }
        if (variant.equals("bare")) {
            if (!LoginBody.JSON.equals(response.body())) {
                throw new IllegalStateException("bare: body differs from the login body");
            }
        } else {
            new OutputCheck(variant.substring(variant.indexOf('-') + 1)).loginJson(variant, response.body());
        }
    }

    private static LoadResult drive(String driver, URI uri, int connections, int seconds, Path lua, String cpus)
            throws IOException, InterruptedException {
        if (driver.equals("java")) {
            return HttpClientLoad.run(uri, connections, seconds);
        }
        List<String> command = new ArrayList<>(pinned(cpus));
        command.addAll(List.of("wrk", "-t1", "-c" + connections, "-d" + seconds + "s", "--timeout", "10s",
                "-s", lua.toString(), uri.toString()));
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String result = null;
        StringBuilder all = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(wrk.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                all.append(line).append('\n');
                if (line.startsWith("RESULT ")) {
                    result = line;
                }
            }
        }
        if (!wrk.waitFor(seconds + 30L, TimeUnit.SECONDS)) {
            wrk.destroyForcibly();
            throw new IllegalStateException("wrk did not finish within " + (seconds + 30) + " s");
        }
        if (result == null) {
            throw new IllegalStateException("wrk printed no RESULT line:\n" + all);
        }
        return LoadResult.parseWrk(result);
    }

    /** {@code taskset -c cpus} to prefix a command with, or nothing. */
    private static List<String> pinned(String cpus) {
        if (cpus == null || cpus.isBlank()) {
            return List.of();
        }
        if (!onPath("taskset")) {
            throw new IllegalStateException("--server-cpus / --driver-cpus need taskset (util-linux) on the PATH");
        }
        return List.of("taskset", "-c", cpus.trim());
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }

    private static Path luaScript() throws IOException {
        Path lua = Files.createTempFile("post-login", ".lua");
        lua.toFile().deleteOnExit();
        try (InputStream in = LoadTest.class.getClassLoader().getResourceAsStream("bench/post-login.lua")) {
            if (in == null) {
                throw new IOException("[bench/post-login.lua] not on the classpath");
            }
            Files.copy(in, lua, StandardCopyOption.REPLACE_EXISTING);
        }
        return lua;
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /**
     * One line per variant: median throughput over the rounds, the median over rounds of its ratio to the bare
     * servlet's throughput in the same round (with the lowest and highest), and the latencies of its median round.
     */
    private static void print(Map<String, List<LoadResult>> results) {
        List<LoadResult> bare = results.get("bare");
        System.out.println();
        System.out.printf(Locale.ROOT, "%-14s %10s %9s %15s %9s %9s %9s %8s %7s%n", "variant", "req/s", "vs bare",
                "(min..max)", "p50 ms", "p90 ms", "p99 ms", "non-2xx", "errors");
        for (Map.Entry<String, List<LoadResult>> e : results.entrySet()) {
            List<LoadResult> runs = e.getValue();
            String ratio = "-";
            String range = "";
            if (bare != null) {
                double[] ratios = new double[runs.size()];
                for (int i = 0; i < ratios.length; i++) {
                    ratios[i] = runs.get(i).requestsPerSecond() / bare.get(i).requestsPerSecond();
                }
                double[] sorted = ratios.clone();
                Arrays.sort(sorted);
                ratio = String.format(Locale.ROOT, "%.2f", median(sorted));
                range = String.format(Locale.ROOT, "(%.2f..%.2f)", sorted[0], sorted[sorted.length - 1]);
            }
            List<LoadResult> byThroughput = new ArrayList<>(runs);
            byThroughput.sort((a, b) -> Double.compare(a.requestsPerSecond(), b.requestsPerSecond()));
            LoadResult middle = byThroughput.get(byThroughput.size() / 2);
            long non2xx = runs.stream().mapToLong(LoadResult::non2xx).sum();
            long errors = runs.stream().mapToLong(LoadResult::errors).sum();
            System.out.printf(Locale.ROOT, "%-14s %10.0f %9s %15s %9.3f %9.3f %9.3f %8d %7d%n", e.getKey(),
                    middle.requestsPerSecond(), ratio, range, middle.p50Micros() / 1000.0,
                    middle.p90Micros() / 1000.0, middle.p99Micros() / 1000.0, non2xx, errors);
        }
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
