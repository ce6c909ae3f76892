package io.github.jwtsigner.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * What the paired benchmarks share: one timed block of calls, the median, and its distribution-free 95% interval.
 *
 * <p>Stateless but for {@link #sink}, which keeps the JIT from dropping the calls.
 */
final class PairedStats {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static volatile long sink;

    private PairedStats() {
    }

    /** One call of the thing timed; returns anything derived from its result. */
    interface Call {
        long run() throws Exception;
    }

    /**
     * Runs {@code call} for about {@code millis} ms of wall time; returns µs per call, of wall time or, with
     * {@code threadClock}, of this thread's CPU time (which a loaded machine inflates far less, but which leaves
     * out the garbage collector's threads).
     */
    static double block(Call call, int millis, boolean threadClock) throws Exception {
        long cpuStart = threadClock ? THREADS.getCurrentThreadCpuTime() : 0;
        long start = System.nanoTime();
        long end = start + millis * 1_000_000L;
        long n = 0;
        long now;
        long acc = 0;
        do {
            acc += call.run();
            n++;
            now = System.nanoTime();
        } while (now < end);
        long elapsed = threadClock ? THREADS.getCurrentThreadCpuTime() - cpuStart : now - start;
        sink += acc;
        return elapsed / 1000.0 / n;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * The median and its 95% interval from order statistics: ranks n/2 ± 0.98·√n (the normal approximation of
     * the binomial(n, ½) quantiles), which assumes nothing about the distribution.
     */
    static String withInterval(double[] values, String format) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        int lower = Math.max(0, (int) Math.floor(n / 2.0 - 0.98 * Math.sqrt(n)));
        int upper = Math.min(n - 1, (int) Math.ceil(n / 2.0 + 0.98 * Math.sqrt(n)) - 1);
        return String.format(Locale.ROOT, format + " [" + format + ", " + format + "]", median(values),
                sorted[lower], sorted[upper]);
    }

    /** The low bit of everything the calls returned, printed so that none of them is dead code. */
    static long sinkBit() {
        return sink & 1;
    }
}
