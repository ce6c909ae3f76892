package io.github.jwtsigner.bench;

import io.github.jwtsigner.JwtSignerFilter;
import io.github.jwtsigner.testing.RecordingResponse;
import io.github.jwtsigner.testing.Sim2Tokens;
import io.github.jwtsigner.testing.TestFilterConfig;
import io.github.jwtsigner.testing.TestRequest;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The memory one login costs while it is signed, for a body of {@code max_body_bytes}: bytes allocated, and
 * the smallest heap ({@code -Xmx}, serial GC) in which the login still signs, found by running this class
 * again in child JVMs; the same for a tiny body gives the JVM's own floor to subtract.
 *
 * <pre>
 * java -cp ... io.github.jwtsigner.bench.PeakHeap            # both body shapes, 1 MiB
 * java -cp ... io.github.jwtsigner.bench.PeakHeap one string 1048576
 * </pre>
 *
 * Shapes: {@code string}, one long string claim (the fewest parse nodes); {@code numbers}, the same size of
 * one-digit array elements (the most).
 */
public final class PeakHeap {
    private PeakHeap() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("one")) {
            System.out.println(one(args[1], Integer.parseInt(args[2])));
            return;
        }
        int limit = args.length > 0 ? Integer.parseInt(args[0]) : 1_048_576;
        int floor = smallestHeapMb("numbers", 4096);
        System.out.println("smallest heap for a 4 KiB body: " + floor + " MB (the floor)");
        for (String shape : List.of("string", "numbers")) {
            String allocated = run(shape, limit, 512);
            int mb = smallestHeapMb(shape, limit);
            System.out.printf("%s, %d bytes: %s; smallest heap %d MB, %d MB over the floor = %.0f x max_body_bytes%n",
                    shape, limit, allocated, mb, mb - floor, (mb - floor) * 1_048_576.0 / limit);
        }
    }

    /** Signs one body five times in this JVM; the last login's allocation. */
    private static String one(String shape, int limit) throws Exception {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("alg", "HS256");
        params.put("kid", "sim2");
        params.put("keys_to_sign", "access_token");
        params.put("jwk_local_path", "WEB-INF/jwk.json");
        params.put("max_body_bytes", String.valueOf(limit));
        JwtSignerFilter filter = new JwtSignerFilter();
        filter.init(new TestFilterConfig(params, Map.of("/WEB-INF/jwk.json", Sim2Tokens.jwkSetJson())));
        String body = body(shape, limit);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long allocated = 0;
        int status = 0;
        for (int i = 0; i < 5; i++) {
            RecordingResponse real = new RecordingResponse();
            long before = threads.getThreadAllocatedBytes(thread);
            filter.doFilter(TestRequest.post("/token"), real, (req, res) -> {
                res.setContentType("application/json");
                res.getWriter().write(body);
            });
            allocated = threads.getThreadAllocatedBytes(thread) - before;
            status = real.getStatus();
        }
        filter.destroy();
        return "status " + status + ", allocated " + allocated + " bytes = "
                + String.format("%.1f", allocated / (double) body.length()) + " x the body";
    }

    private static String body(String shape, int limit) {
        StringBuilder sb = new StringBuilder("{\"access_token\":{\"sub\":\"a\",\"d\":[");
        if (shape.equals("string")) {
            sb.append('"').append("x".repeat(limit - 100)).append('"');
        } else {
            while (sb.length() < limit - 100) {
                sb.append("1,");
            }
            sb.append('1');
        }
        return sb.append("]}}").toString();
    }

    private static int smallestHeapMb(String shape, int limit) throws Exception {
        int low = 2;
        int high = 4096;
        while (low < high) {
            int mid = (low + high) / 2;
            if (run(shape, limit, mid).startsWith("status 200")) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    private static String run(String shape, int limit, int heapMb) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "-Xmx" + heapMb + "m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                PeakHeap.class.getName(), "one", shape, String.valueOf(limit)));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return "timed out";
        }
        return out.lines().filter(l -> l.startsWith("status")).findFirst().orElse("failed");
    }
}
