package io.github.jwtsigner.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Summarises a Flight Recorder file from {@code -prof jfr}: where the benchmark thread's CPU samples fall (self
 * and inclusive, by method) and which types and call sites its sampled allocations come from (by weight).
 *
 * <p>Usage: {@code JfrSummary <file.jfr> [top=25] [thread-name-part=jmh-worker]}. Not thread-safe; a tool.
 */
public final class JfrSummary {
    private static final String OUR_PACKAGE = "io.github.jwtsigner.";

    private JfrSummary() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        String threadPart = args.length > 2 ? args[2] : "jmh-worker";

        Map<String, Long> self = new HashMap<>();
        Map<String, Long> inclusive = new HashMap<>();
        Map<String, Long> allocByType = new HashMap<>();
        Map<String, Long> allocBySite = new HashMap<>();
        long samples = 0;
        long allocated = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            RecordedThread thread = e.hasField("sampledThread") ? e.getThread("sampledThread") : e.getThread();
            if (thread == null || thread.getJavaName() == null || !thread.getJavaName().contains(threadPart)) {
                continue;
            }
            String type = e.getEventType().getName();
            RecordedStackTrace stack = e.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            List<RecordedFrame> frames = stack.getFrames();
            if (type.equals("jdk.ExecutionSample")) {
                samples++;
                self.merge(name(frames.get(0)), 1L, Long::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame f : frames) {
                    String n = name(f);
                    if (seen.add(n)) {
                        inclusive.merge(n, 1L, Long::sum);
                    }
                }
            } else if (type.equals("jdk.ObjectAllocationSample")) {
                long weight = e.getLong("weight");
                allocated += weight;
                allocByType.merge(e.getClass("objectClass").getName(), weight, Long::sum);
                allocBySite.merge(site(frames), weight, Long::sum);
            }
        }
        System.out.printf(Locale.ROOT, "%s%n%d CPU samples on threads named *%s*%n", file, samples, threadPart);
        print("CPU, self (top frame)", self, samples, top);
        print("CPU, inclusive (anywhere on the stack)", inclusive, samples, top * 2);
        print("Allocation by type (sampled weight)", allocByType, allocated, top);
        print("Allocation by site (first frame in " + OUR_PACKAGE + "*, with the frame above it)", allocBySite,
                allocated, top);
    }

    private static String name(RecordedFrame f) {
        RecordedMethod m = f.getMethod();
        return m.getType().getName() + "." + m.getName();
    }

    /** The allocating frame, then the first frame of our own code below it, which names the cause. */
    private static String site(List<RecordedFrame> frames) {
        String allocating = name(frames.get(0));
        for (RecordedFrame f : frames) {
            String n = name(f);
            if (n.startsWith(OUR_PACKAGE) && !n.startsWith(OUR_PACKAGE + "bench.")) {
                return n + ":" + f.getLineNumber() + " <- " + allocating;
            }
        }
        return "(outside " + OUR_PACKAGE + ") " + allocating;
    }

    private static void print(String title, Map<String, Long> counts, long total, int top) {
        System.out.printf(Locale.ROOT, "%n== %s ==%n", title);
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(top)
                .forEach(en -> System.out.printf(Locale.ROOT, "%6.1f%%  %s%n",
                        total == 0 ? 0 : 100.0 * en.getValue() / total, en.getKey()));
    }
}
