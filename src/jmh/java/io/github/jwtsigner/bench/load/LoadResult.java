package io.github.jwtsigner.bench.load;

/**
 * What one load run measured: completed requests over the elapsed time, failures, and latency percentiles in
 * microseconds.
 *
 * <p>Immutable and thread-safe.
 */
record LoadResult(long requests, long durationMicros, long non2xx, long errors, long p50Micros, long p90Micros,
        long p99Micros, long maxMicros) {

    double requestsPerSecond() {
        return durationMicros == 0 ? 0 : requests * 1_000_000.0 / durationMicros;
    }

    /** Parses the {@code RESULT key=value ...} line printed by {@code post-login.lua}. */
    static LoadResult parseWrk(String line) {
        java.util.Map<String, Long> v = new java.util.HashMap<>();
        for (String part : line.substring("RESULT ".length()).trim().split(" ")) {
            int eq = part.indexOf('=');
            v.put(part.substring(0, eq), Long.parseLong(part.substring(eq + 1)));
        }
        return new LoadResult(v.get("requests"), v.get("duration_us"), v.get("non2xx"), v.get("errors"),
                v.get("p50_us"), v.get("p90_us"), v.get("p99_us"), v.get("max_us"));
    }
}
