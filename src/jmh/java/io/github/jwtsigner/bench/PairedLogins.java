package io.github.jwtsigner.bench;

import java.util.ArrayList;
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
        System.out.println("(sink " + PairedStats.sinkBit() + ")");
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
                PairedStats.block(login::run, 100, false);
            }
        }
        double[][] micros = new double[logins.length][rounds];
        Random random = new Random(42);
        List<Integer> order = new ArrayList<>(List.of(0, 1, 2));
        for (int round = 0; round < rounds; round++) {
            Collections.shuffle(order, random);
            for (int variant : order) {
                micros[variant][round] = PairedStats.block(logins[variant]::run, blockMillis, false);
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
        System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %s | %s | %s |%n", alg, PairedStats.median(micros[0]),
                PairedStats.median(micros[1]), PairedStats.median(micros[2]), PairedStats.withInterval(ca, "%.3f"), PairedStats.withInterval(cd, "%.3f"),
                PairedStats.withInterval(cMinusA, "%.1f"));
    }
}
