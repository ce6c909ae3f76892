package io.github.jwtsigner.bench;

import io.github.jwtsigner.JwtSignerFilter;
import io.github.jwtsigner.SignerConfig;
import io.github.jwtsigner.testing.LoginServlet;
import io.github.jwtsigner.testing.RecordingResponse;
import io.github.jwtsigner.testing.TestFilterConfig;
import io.github.jwtsigner.testing.TestRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The per-login cost of the operations (counters, meters, audit lines): one HS256 login through the whole filter,
 * (a) as the filter was before them, loaded from that build's classes in a class loader of its own, (b) as it is
 * now with the audit logger off and no meter registry (the counters behind the MXBean alone), and (c) as it is now
 * with a Micrometer registry ({@code SimpleMeterRegistry}) and the audit logger on, each line taken by a handler
 * that keeps nothing ({@code --sink message}: it reads the record's message, the line as built; {@code --sink
 * formatter}: it also formats the record as the JDK's console format, {@link SimpleFormatter}, does). What a log
 * backend then does with the line, writing it to a file or a queue, is the backend's cost. All three in one JVM,
 * in short interleaved blocks in a new random order every round, as {@link PairedLogins} does.
 *
 * <pre>
 * java -cp ... io.github.jwtsigner.bench.PairedOperations --before path/to/before/classes [--alg HS256]
 *     [--warmup 15] [--rounds 31] [--block-ms 300] [--clock wall|thread] [--sink message|formatter]
 *     [--meters simple|none] [--audit on|off]
 * </pre>
 */
public final class PairedOperations {
    private static final Logger AUDIT = Logger.getLogger("io.github.jwtsigner.audit");

    private PairedOperations() {
    }

    public static void main(String[] args) throws Exception {
        Path before = null;
        String alg = "HS256";
        int warmupSeconds = 15;
        int rounds = 31;
        int blockMillis = 300;
        boolean threadClock = false;
        boolean format = false;
        boolean meters = true;
        boolean audit = true;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--before" -> before = Path.of(args[i + 1]);
                case "--alg" -> alg = args[i + 1];
                case "--warmup" -> warmupSeconds = Integer.parseInt(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--block-ms" -> blockMillis = Integer.parseInt(args[i + 1]);
                case "--clock" -> threadClock = "thread".equals(args[i + 1]);
                case "--sink" -> format = "formatter".equals(args[i + 1]);
                case "--meters" -> meters = !"none".equals(args[i + 1]);
                case "--audit" -> audit = !"off".equals(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option [" + args[i] + "]; expected --before,"
                        + " --alg, --warmup, --rounds, --block-ms, --clock, --sink, --meters or --audit");
            }
        }
        if (before == null || !Files.isDirectory(before.resolve("io/github/jwtsigner"))) {
            throw new IllegalArgumentException("--before [" + before + "] must be the target/classes directory of"
                    + " the build before the operations");
        }
        AUDIT.setUseParentHandlers(false);
        AUDIT.addHandler(new MemorySink(format));
        Map<String, String> params = Map.of("alg", alg, "kid", BenchKeys.kid(alg), "keys_to_sign",
                String.join(",", LoginBody.KEYS_TO_SIGN), "jwk_local_path", "classpath:" + BenchKeys.RESOURCE);
        Filter old = oldFilter(before, params);
        Filter countersOnly = new JwtSignerFilter();
        countersOnly.init(TestFilterConfig.of(params));
        Filter everything = new JwtSignerFilter(SignerConfig.builder().alg(alg).kid(BenchKeys.kid(alg))
                .keysToSign(LoginBody.KEYS_TO_SIGN).jwkLocalPath("classpath:" + BenchKeys.RESOURCE)
                .meterRegistry(meters ? new SimpleMeterRegistry() : null).build());
        everything.init(TestFilterConfig.of(Map.of()));
        Exchange[] variants = {new Exchange(old, false), new Exchange(countersOnly, false),
            new Exchange(everything, audit)};
        for (Exchange e : variants) {
            e.check();
        }
        System.out.printf(Locale.ROOT, "%s, %s, %d rounds of %d ms blocks after %d s warm-up, %s clock, %s sink,"
                + " (c) with %s and the audit logger %s%n", Runtime.version(), alg, rounds, blockMillis, warmupSeconds,
                threadClock ? "thread CPU" : "wall", format ? "formatter" : "message",
                meters ? "a SimpleMeterRegistry" : "no meter registry", audit ? "on" : "off");
        long warmupEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        while (System.nanoTime() < warmupEnd) {
            for (Exchange e : variants) {
                e.block(100, threadClock);
            }
        }
        double[][] micros = new double[variants.length][rounds];
        Random random = new Random(42);
        List<Integer> order = new ArrayList<>(List.of(0, 1, 2));
        for (int round = 0; round < rounds; round++) {
            Collections.shuffle(order, random);
            for (int v : order) {
                micros[v][round] = variants[v].block(blockMillis, threadClock);
            }
        }
        double[] ba = new double[rounds];
        double[] ca = new double[rounds];
        double[] cMinusA = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            ba[round] = micros[1][round] / micros[0][round];
            ca[round] = micros[2][round] / micros[0][round];
            cMinusA[round] = micros[2][round] - micros[0][round];
        }
        System.out.println("| alg | (a) before µs | (b) counters µs | (c) all µs | (b)/(a) [95% CI] | (c)/(a) [95% CI]"
                + " | (c) − (a) µs [95% CI] |");
        System.out.println("|---|---|---|---|---|---|---|");
        System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %s | %s | %s |%n", alg,
                PairedStats.median(micros[0]), PairedStats.median(micros[1]), PairedStats.median(micros[2]),
                PairedStats.withInterval(ba, "%.3f"), PairedStats.withInterval(ca, "%.3f"),
                PairedStats.withInterval(cMinusA, "%.2f"));
        System.out.println("(audit lines formatted " + MemorySink.lines + ", sink " + PairedStats.sinkBit() + ")");
    }

    /** The filter of the build before, from its classes alone; the servlet API and java-jwt are shared. */
    private static Filter oldFilter(Path classes, Map<String, String> params) throws Exception {
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                PairedOperations.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                synchronized (getClassLoadingLock(name)) {
                    if (!name.startsWith("io.github.jwtsigner.") || name.startsWith("io.github.jwtsigner.bench.")
                            || name.startsWith("io.github.jwtsigner.testing.")) {
                        return super.loadClass(name, resolve);
                    }
                    Class<?> c = findLoadedClass(name);
                    return c != null ? c : findClass(name);
                }
            }
        };
        Filter filter = (Filter) loader.loadClass("io.github.jwtsigner.JwtSignerFilter").getConstructor()
                .newInstance();
        if (filter.getClass() == JwtSignerFilter.class) {
            throw new IllegalStateException("the filter of the build before was loaded from this build");
        }
        filter.init(TestFilterConfig.of(params));
        return filter;
    }

    /** One filter around the login servlet, with its request and response reused. */
    private static final class Exchange {
        private final Filter filter;
        private final boolean audited;
        private final LoginServlet servlet = LoginServlet.answering(LoginBody.JSON);
        private final TestRequest request = TestRequest.post("/token")
                .withBody("application/json", LoginBody.CREDENTIALS);
        private final RecordingResponse response = new RecordingResponse();
        private final FilterChain chain = (req, res) -> servlet.service(req, res);

        Exchange(Filter filter, boolean audited) {
            this.filter = filter;
            this.audited = audited;
        }

        long run() throws Exception {
            request.recycle();
            response.recycle();
            filter.doFilter(request, response, chain);
            return response.bodySize();
        }

        /** Every variant signs: the same body size, two tokens, status 200. */
        void check() throws Exception {
            AUDIT.setLevel(audited ? Level.INFO : Level.OFF);
            long linesBefore = MemorySink.lines;
            run();
            String body = response.bodyText(java.nio.charset.StandardCharsets.UTF_8);
            if (response.getStatus() != 200 || !body.contains("\"access_token\":\"ey")) {
                throw new IllegalStateException(filter.getClass().getName() + " did not sign: " + response.getStatus());
            }
            if (audited != (MemorySink.lines == linesBefore + 2)) {
                throw new IllegalStateException("audit lines: expected " + (audited ? 2 : 0) + ", got "
                        + (MemorySink.lines - linesBefore));
            }
        }

        double block(int millis, boolean threadClock) throws Exception {
            AUDIT.setLevel(audited ? Level.INFO : Level.OFF);
            return PairedStats.block(this::run, millis, threadClock);
        }
    }

    /** Reads each record's line (and, with {@code format}, formats it as the JDK's console does), then drops it. */
    private static final class MemorySink extends Handler {
        static volatile long lines;
        private final Formatter formatter = new SimpleFormatter();
        private final boolean format;
        private long chars;

        MemorySink(boolean format) {
            this.format = format;
        }

        @Override
        public void publish(LogRecord record) {
            if (isLoggable(record)) {
                chars += format ? formatter.format(record).length() : record.getMessage().length();
                lines++;
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
