package io.github.jwtsigner.bench;

import io.github.jwtsigner.testing.RecordingResponse;
import io.github.jwtsigner.testing.TestRequest;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.lang.management.ManagementFactory;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * One protected request, five ways, per algorithm (HS256, RS256, ES256, EdDSA), measured in one JVM in short
 * interleaved blocks (a new random order every round), as {@link PairedLogins} does for the signer: (a) the bare
 * JCA verification of the token's signature ({@link BareVerification}), the floor; (b) our
 * {@code JwtValidatorFilter} with its verified-signature cache off; (c) the same filter with the cache on, every
 * request a hit; (d) Spring Security's bearer token filter with {@code NimbusJwtDecoder} ({@link SpringBearerPeer});
 * (z) the protected servlet alone, to subtract. The servlet reads {@code getUserPrincipal()} and
 * {@code isUserInRole()}, as legacy code does. Tokens and keys are made at start ({@link ValidationKeys}).
 *
 * <p>Before timing, every contender must accept the token (status 200, the principal is the token's {@code sub},
 * the role is seen) and reject the same token with one signature character changed (status 401, servlet not run).
 * Reports the medians per variant and the median, over rounds, of (b)/(a), (b)/(d), (b) − (a) and (c) − (z), each
 * with a distribution-free 95% confidence interval; then the bytes each variant allocates per request
 * ({@code ThreadMXBean}) for the token and for one grown by {@code --extra-roles} role strings, so that the cost
 * per added token byte shows.
 *
 * <pre>
 * java -cp ... io.github.jwtsigner.bench.PairedValidation [--algs HS256,RS256,ES256,EdDSA] [--warmup 10]
 *     [--rounds 21] [--block-ms 300] [--clock wall|thread] [--extra-roles 100] [--alloc-requests 2000]
 *     [--profile a|b|c|d|z]
 * </pre>
 *
 * <p>With {@code --profile}, only that variant runs, alone, for the warm-up plus the rounds' time per algorithm.
 *
 * <p>Not thread-safe; a tool.
 */
public final class PairedValidation {
    private static final String[] LABELS = {"(a) bare verify", "(b) ours, uncached", "(c) ours, cache hit",
        "(d) Spring + Nimbus", "(z) servlet alone"};
    private static final int A = 0;
    private static final int B = 1;
    private static final int C = 2;
    private static final int D = 3;
    private static final int Z = 4;

    /** Held so that its level stays: each filter's start-up line would break the table. */
    private static final java.util.logging.Logger OUR_LOG = java.util.logging.Logger.getLogger(
            io.github.jwtsigner.JwtSignerFilter.LOGGER_NAME);


    private static volatile long sink;
    private static boolean threadClock;

    private PairedValidation() {
    }

    /** One request of one contender; returns a value that depends on its work. */
    private interface Request {
        long run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        List<String> algs = ValidationKeys.ALGS;
        int warmupSeconds = 10;
        int rounds = 21;
        int blockMillis = 300;
        int extraRoles = 100;
        int allocRequests = 2000;
        String profile = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--algs" -> algs = List.of(args[i + 1].split(","));
                case "--warmup" -> warmupSeconds = Integer.parseInt(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--block-ms" -> blockMillis = Integer.parseInt(args[i + 1]);
                case "--extra-roles" -> extraRoles = Integer.parseInt(args[i + 1]);
                case "--alloc-requests" -> allocRequests = Integer.parseInt(args[i + 1]);
                case "--profile" -> profile = args[i + 1];
                case "--clock" -> threadClock = switch (args[i + 1]) {
                    case "thread" -> true;
                    case "wall" -> false;
                    default -> throw new IllegalArgumentException("--clock [" + args[i + 1] + "]; expected wall or"
                            + " thread");
                };
                default -> throw new IllegalArgumentException("unknown option [" + args[i] + "]; expected --algs,"
                        + " --warmup, --rounds, --block-ms, --clock, --extra-roles, --alloc-requests or --profile");
            }
        }
        OUR_LOG.setLevel(java.util.logging.Level.WARNING);
        ValidationKeys keys = ValidationKeys.generate();
        if (profile != null) {
            profile(profile, algs, keys, warmupSeconds + rounds * blockMillis / 1000);
            return;
        }
        System.out.printf(Locale.ROOT, "%s, %d rounds of %d ms blocks after %d s warm-up, %s clock%n",
                Runtime.version(), rounds, blockMillis, warmupSeconds, threadClock ? "thread CPU" : "wall");
        System.out.println("| alg | (a) µs | (b) µs | (c) µs | (d) µs | (z) µs | (b)/(a) [95% CI] | (b)/(d) [95% CI]"
                + " | (b) − (a) µs [95% CI] | (c) − (z) µs [95% CI] |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        List<String> allocationRows = new ArrayList<>();
        List<String> fetches = new ArrayList<>();
        for (String alg : algs) {
            String token = keys.token(alg, 0);
            SpringBearerPeer spring = SpringBearerPeer.forAlg(alg, keys);
            Request[] requests = contenders(alg, token, keys, spring);
            time(alg, requests, warmupSeconds, rounds, blockMillis);
            fetches.add(alg + " " + spring.jwkSetFetches());
            String large = keys.token(alg, extraRoles);
            allocationRows.addAll(allocation(alg, token, requests, large,
                    contenders(alg, large, keys, SpringBearerPeer.forAlg(alg, keys)), allocRequests));
        }
        System.out.println();
        System.out.println("(d) fetched the JWK Set (from memory) this often while timed: " + fetches);
        System.out.println();
        System.out.println("Bytes allocated per request (median of 3 passes of " + allocRequests + " requests):");
        System.out.println();
        System.out.println("| alg | token | (a) | (b) | (c) | (d) | (z) |");
        System.out.println("|---|---|---|---|---|---|---|");
        allocationRows.forEach(System.out::println);
        System.out.println("(sink " + (sink & 1) + ")");
    }

    /** The five contenders on {@code token}, (d) being {@code spring}; each must accept it and reject it altered. */
    private static Request[] contenders(String alg, String token, ValidationKeys keys, SpringBearerPeer spring)
            throws Exception {
        String altered = altered(token);
        BareVerification bare = new BareVerification(alg, token, keys);
        if (!bare.verify() || new BareVerification(alg, altered, keys).verify()) {
            throw new IllegalStateException(LABELS[A] + " " + alg + ": accepts the altered token or rejects the"
                    + " real one");
        }
        Filter uncached = OurValidator.filter(keys, alg, false);
        Filter cached = OurValidator.filter(keys, alg, true);
        Filter[] filters = {null, uncached, cached, spring};
        Request[] requests = new Request[LABELS.length];
        requests[A] = () -> bare.verify() ? 1 : 0;
        for (int i = B; i <= D; i++) {
            Exchange exchange = new Exchange(filters[i], token);
            exchange.check(LABELS[i] + " " + alg, altered);
            requests[i] = exchange::run;
        }
        Exchange alone = new Exchange(null, token);
        requests[Z] = alone::run;
        return requests;
    }

    /**
     * Runs one variant ({@code a}, {@code b}, {@code c}, {@code d} or {@code z}) alone for {@code seconds} per
     * algorithm, for a profiler such as Flight Recorder ({@code -XX:StartFlightRecording}) to sample.
     */
    private static void profile(String variant, List<String> algs, ValidationKeys keys, int seconds)
            throws Exception {
        int index = "abcdz".indexOf(variant);
        if (variant.length() != 1 || index < 0) {
            throw new IllegalArgumentException("--profile [" + variant + "]; expected one of a, b, c, d, z");
        }
        for (String alg : algs) {
            Request request = contenders(alg, keys.token(alg, 0), keys, SpringBearerPeer.forAlg(alg, keys))[index];
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            double[] blocks = new double[seconds * 10];
            int n = 0;
            while (System.nanoTime() < end && n < blocks.length) {
                blocks[n++] = PairedStats.block(request::run, 100, threadClock);
            }
            System.out.printf(Locale.ROOT, "%s %s: %s µs per request (median of %d blocks of 100 ms)%n",
                    LABELS[index], alg, micros(PairedStats.median(Arrays.copyOf(blocks, n))), n);
        }
    }

    /** {@code token} with one character of its signature changed, so that only its signature is wrong. */
    private static String altered(String token) {
        int at = token.lastIndexOf('.') + 5;
        char[] chars = token.toCharArray();
        chars[at] = chars[at] == 'A' ? 'B' : 'A';
        return new String(chars);
    }

    private static void time(String alg, Request[] requests, int warmupSeconds, int rounds, int blockMillis)
            throws Exception {
        long warmupEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        while (System.nanoTime() < warmupEnd) {
            for (Request request : requests) {
                PairedStats.block(request::run, 100, threadClock);
            }
        }
        double[][] micros = new double[requests.length][rounds];
        Random random = new Random(42);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < requests.length; i++) {
            order.add(i);
        }
        for (int round = 0; round < rounds; round++) {
            Collections.shuffle(order, random);
            for (int variant : order) {
                micros[variant][round] = PairedStats.block(requests[variant]::run, blockMillis, threadClock);
            }
        }
        double[] ba = new double[rounds];
        double[] bd = new double[rounds];
        double[] bMinusA = new double[rounds];
        double[] cMinusZ = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            ba[round] = micros[B][round] / micros[A][round];
            bd[round] = micros[B][round] / micros[D][round];
            bMinusA[round] = micros[B][round] - micros[A][round];
            cMinusZ[round] = micros[C][round] - micros[Z][round];
        }
        System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", alg,
                micros(PairedStats.median(micros[A])), micros(PairedStats.median(micros[B])), micros(PairedStats.median(micros[C])),
                micros(PairedStats.median(micros[D])), micros(PairedStats.median(micros[Z])), PairedStats.withInterval(ba, "%.3f"),
                PairedStats.withInterval(bd, "%.3f"), PairedStats.withInterval(bMinusA, "%.1f"), PairedStats.withInterval(cMinusZ, "%.2f"));
    }

    private static String micros(double value) {
        return String.format(Locale.ROOT, value < 10 ? "%.2f" : "%.1f", value);
    }

    private static List<String> allocation(String alg, String token, Request[] requests, String large,
            Request[] largeRequests, int n) throws Exception {
        double[] small = new double[requests.length];
        double[] grown = new double[requests.length];
        for (int i = 0; i < requests.length; i++) {
            small[i] = bytesPerRequest(requests[i], n);
            grown[i] = bytesPerRequest(largeRequests[i], n);
        }
        int added = large.length() - token.length();
        StringBuilder perByte = new StringBuilder("| " + alg + " | per added token byte |");
        for (int i = 0; i < requests.length; i++) {
            perByte.append(String.format(Locale.ROOT, " %.1f |", (grown[i] - small[i]) / added));
        }
        return List.of(row(alg, token.length() + " B", small), row(alg, large.length() + " B", grown),
                perByte.toString());
    }

    private static String row(String alg, String token, double[] bytes) {
        StringBuilder row = new StringBuilder("| " + alg + " | " + token + " |");
        for (double b : bytes) {
            row.append(String.format(Locale.ROOT, " %,.0f |", b));
        }
        return row.toString();
    }

    /** Bytes the current thread allocates per request: the median of three passes of {@code n}, after a warm-up. */
    private static double bytesPerRequest(Request request, int n) throws Exception {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long acc = 0;
        for (int i = 0; i < n / 4; i++) {
            acc += request.run();
        }
        double[] passes = new double[3];
        for (int pass = 0; pass < passes.length; pass++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < n; i++) {
                acc += request.run();
            }
            passes[pass] = (threads.getCurrentThreadAllocatedBytes() - before) / (double) n;
        }
        sink += acc;
        return PairedStats.median(passes);
    }

    /**
     * One filter (or none) in front of the protected servlet, with its request and response reused: the servlet
     * reads the principal and one role, as legacy code does, and answers 200.
     */
    private static final class Exchange implements FilterChain {
        private final Filter filter;
        private final TestRequest request;
        private final RecordingResponse response = new RecordingResponse();
        private String principal;
        private boolean inRole;
        private int servletCalls;

        Exchange(Filter filter, String token) {
            this.filter = filter;
            this.request = new TestRequest("GET", "/api/orders").withHeader("Authorization", "Bearer " + token);
        }

        long run() throws Exception {
            request.recycle();
            response.recycle();
            if (filter == null) {
                doFilter(request, response);
            } else {
                filter.doFilter(request, response, this);
            }
            return response.getStatus() + servletCalls;
        }

        @Override
        public void doFilter(ServletRequest req, ServletResponse res) {
            HttpServletRequest http = (HttpServletRequest) req;
            Principal user = http.getUserPrincipal();
            principal = user == null ? null : user.getName();
            inRole = http.isUserInRole(ValidationKeys.ROLE);
            ((HttpServletResponse) res).setStatus(200);
            servletCalls++;
        }

        /** The token passes with its subject and role seen; {@code altered} gets 401 and never reaches the servlet. */
        void check(String label, String altered) throws Exception {
            run();
            if (response.getStatus() != 200 || !ValidationKeys.SUBJECT.equals(principal) || !inRole) {
                throw new IllegalStateException(label + ": status [" + response.getStatus() + "], principal ["
                        + principal + "], in role [" + inRole + "]; expected 200, the token's sub and true");
            }
            Exchange rejected = new Exchange(filter, altered);
            rejected.run();
            if (rejected.response.getStatus() != 401 || rejected.servletCalls != 0) {
                throw new IllegalStateException(label + ": an altered signature got status ["
                        + rejected.response.getStatus() + "] and ran the servlet [" + rejected.servletCalls
                        + "] times; expected 401 and 0");
            }
        }
    }
}
