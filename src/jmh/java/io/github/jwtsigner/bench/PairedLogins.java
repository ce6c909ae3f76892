package io.github.jwtsigner.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * (a) the two signatures, (c) our filter and (d) the Nimbus filter of {@link LoginBenchmark}, measured in one
 * JVM in short interleaved blocks (a new random order every round), so that a slow minute of a shared machine
 * or a fork that happened to compile the JDK's RSA or EC code badly weighs on all three alike. Where one login
 * costs milliseconds of JDK 17 signing, JMH's separate forks vary by more than the filter costs; these paired
 * ratios do not. Reports per algorithm the median time per login of each variant and the median, over rounds,
 * of the ratios (c)/(a) and (c)/(d), with a distribution-free 95% confidence interval of each median.
 *
 * <pre>
 * java -cp ... io.github.jwtsigner.bench.PairedLogins [--algs RS256,PS256,ES256] [--provider JDK]
 *     [--warmup 20] [--rounds 41] [--block-ms 300]
 * </pre>
 */
public final class PairedLogins {
    private static volatile long sink;

    private PairedLogins() {
    }

    private interface Login {
        long run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        List<String> algs = List.of("RS256", "PS256", "ES256");
        String provider = BenchConfig.JDK;
        int warmupSeconds = 20;
        int rounds = 41;
        int blockMillis = 300;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--algs" -> algs = List.of(args[i + 1].split(","));
                case "--provider" -> provider = args[i + 1];
                case "--warmup" -> warmupSeconds = Integer.parseInt(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--block-ms" -> blockMillis = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option [" + args[i] + "]; expected --algs,"
                        + " --provider, --warmup, --rounds or --block-ms");
            }
        }
        System.out.printf(Locale.ROOT, "%s, %d rounds of %d ms blocks after %d s warm-up, provider %s%n",
                Runtime.version(), rounds, blockMillis, warmupSeconds, provider);
        System.out.println("| alg | (a) µs | (c) µs | (d) µs | (c)/(a) [95% CI] | (c)/(d) [95% CI] | (c) − (a) µs [95% CI] |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (String alg : algs) {
            measure(alg, provider, warmupSeconds, rounds, blockMillis);
        }
        System.out.println("(sink " + (sink & 1) + ")");
    }

    private static void measure(String alg, String provider, int warmupSeconds, int rounds, int blockMillis)
            throws Exception {
        LoginBenchmark bench = new LoginBenchmark();
        bench.alg = alg;
        bench.provider = provider;
        bench.setUp();
        Login[] logins = {
            () -> bench.signatures()[1].length,
            bench::ourFilter,
            bench::nimbusFilter,
        };
        long warmupEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        while (System.nanoTime() < warmupEnd) {
            for (Login login : logins) {
                block(login, 100);
            }
        }
        double[][] micros = new double[logins.length][rounds];
        Random random = new Random(42);
        List<Integer> order = new ArrayList<>(List.of(0, 1, 2));
        for (int round = 0; round < rounds; round++) {
            Collections.shuffle(order, random);
            for (int variant : order) {
                micros[variant][round] = block(logins[variant], blockMillis);
            }
        }
        double[] ca = new double[rounds];
        double[] cd = new double[rounds];
        double[] cMinusA = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            ca[round] = micros[1][round] / micros[0][round];
            cd[round] = micros[1][round] / micros[2][round];
            cMinusA[round] = micros[1][round] - micros[0][round];
        }
        System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %s | %s | %s |%n", alg, median(micros[0]),
                median(micros[1]), median(micros[2]), withInterval(ca, "%.3f"), withInterval(cd, "%.3f"),
                withInterval(cMinusA, "%.1f"));
    }

    /** Runs {@code login} for about {@code millis} ms; returns µs per login. */
    private static double block(Login login, int millis) throws Exception {
        long start = System.nanoTime();
        long end = start + millis * 1_000_000L;
        long n = 0;
        long now;
        long acc = 0;
        do {
            acc += login.run();
            n++;
            now = System.nanoTime();
        } while (now < end);
        sink += acc;
        return (now - start) / 1000.0 / n;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * The median and its 95% interval from order statistics: ranks n/2 ± 0.98·√n (the normal approximation of
     * the binomial(n, ½) quantiles), which assumes nothing about the distribution.
     */
    private static String withInterval(double[] values, String format) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        int lower = Math.max(0, (int) Math.floor(n / 2.0 - 0.98 * Math.sqrt(n)));
        int upper = Math.min(n - 1, (int) Math.ceil(n / 2.0 + 0.98 * Math.sqrt(n)) - 1);
        return String.format(Locale.ROOT, format + " [" + format + ", " + format + "]", median(values),
                sorted[lower], sorted[upper]);
    }
}
