package io.github.jwtsigner.internal.ops;

/**
 * The key health attributes every component's MXBean has: where its keys come from and how that source has
 * answered. Times are ISO-8601 instants in UTC ({@code 2026-12-02T03:12:00Z}), null for never.
 */
public interface KeysMXBean {
    /** The filter-name or servlet-name, as the container knows it. */
    String getName();

    /** The webapp's context path; empty for the root webapp. */
    String getContextPath();

    /** Where the keys come from and how they are kept current, as the ready line says it. */
    String getKeySource();

    /** When the keys in use were loaded: at start, or by the reload that last changed them. */
    String getKeyLoadedAt();

    /** When a load of the keys last succeeded, whether or not it changed them. */
    String getLastRefreshSuccessAt();

    /** {@link #getLastRefreshSuccessAt()} in milliseconds since the epoch, for exporters that read numbers. */
    long getLastRefreshSuccessEpochMillis();

    /** Why the last failed reload failed, as its log line says it (sources and kids, never key material). */
    String getLastRefreshError();

    /** When the last reload failed. */
    String getLastRefreshErrorAt();

    /** How many reloads have failed since start. */
    long getRefreshFailures();

    /** True while the latest reload failed: the last good keys are still in use. */
    boolean isRefreshFailing();
}
