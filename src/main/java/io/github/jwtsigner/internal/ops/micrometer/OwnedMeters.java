package io.github.jwtsigner.internal.ops.micrometer;

import io.github.jwtsigner.InvalidConfigurationException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The meters one component registered in one registry, all tagged {@code name=<its name>}, and removed together by
 * {@link #close()}, so that a stopped webapp leaves no meter behind that holds its class loader.
 *
 * <p>The name is the component's own, unless a component of the same kind already has meters under it in this
 * registry (the same filter-name in two webapps sharing Micrometer's global registry, or a component that was not
 * stopped): then the first free of {@code <name>-2}, {@code <name>-3}, ..., as the MXBean's name is chosen.
 * Micrometer hands back the existing meter for an existing id, so two components sharing a name would count into
 * one meter, and the first one stopped would remove the other's meters.
 *
 * <p>Thread-safe.
 */
final class OwnedMeters implements AutoCloseable {
    /** The tag every meter has: the filter-name or servlet-name, with its suffix when one was needed. */
    static final String NAME = "name";

    private static final int MOST_SUFFIXES = 1000;

    private final MeterRegistry registry;
    private final String name;
    private final Set<Meter> meters = new LinkedHashSet<>();
    // Micrometer holds a function counter's object weakly: these live as long as the component's meters do.
    private final List<Object> states = new ArrayList<>();
    private boolean closed;

    private OwnedMeters(MeterRegistry registry, String name) {
        this.registry = registry;
        this.name = name;
    }

    /**
     * Claims a free name for a component whose meters are marked by {@code marker}, and runs {@code build} with
     * it. The registry's monitor keeps two components (in this webapp or another) from claiming one name at once:
     * every copy of this class takes it, whichever class loader loaded the copy. A {@code build} that throws
     * leaves nothing registered.
     *
     * @param component the component's name; null or empty is {@code default}
     */
    static <T> T claim(Object registry, String marker, String component, Function<OwnedMeters, T> build) {
        if (!(registry instanceof MeterRegistry r)) {
            throw new InvalidConfigurationException("the meter registry [" + registry.getClass().getName()
                    + "] is not a " + MeterRegistry.class.getName() + " of the Micrometer the filters see; expected"
                    + " micrometer-core once on the webapp's class path");
        }
        String base = component == null || component.isEmpty() ? "default" : component;
        synchronized (r) {
            for (int n = 1; n <= MOST_SUFFIXES; n++) {
                String candidate = n == 1 ? base : base + "-" + n;
                if (r.find(marker).tag(NAME, candidate).meter() == null) {
                    OwnedMeters owned = new OwnedMeters(r, candidate);
                    try {
                        return build.apply(owned);
                    } catch (RuntimeException | Error e) {
                        owned.close();
                        throw e;
                    }
                }
            }
        }
        throw new InvalidConfigurationException("no meters for [" + base + "]: " + marker + " is registered with "
                + NAME + " [" + base + "] to [" + base + "-" + MOST_SUFFIXES + "] already; expected the components"
                + " of stopped webapps to have removed theirs");
    }

    /** The value of the {@value #NAME} tag. */
    String name() {
        return name;
    }

    MeterRegistry registry() {
        return registry;
    }

    /** {@code name=<name>} and {@code moreTags}, alternating keys and values. */
    Tags tags(String... moreTags) {
        return Tags.of(NAME, name).and(moreTags);
    }

    Counter counter(String meter, String description, String... moreTags) {
        return own(Counter.builder(meter).description(description).tags(tags(moreTags)).register(registry));
    }

    Timer timer(String meter, String description, String... moreTags) {
        return own(Timer.builder(meter).description(description).tags(tags(moreTags)).register(registry));
    }

    /** One counter per value of an enum, tagged {@code outcome} and {@code reason=<value in lower case>}. */
    <E extends Enum<E>> Counter[] counters(String meter, String description, String outcome, E[] reasons,
            Function<E, String> reason) {
        Counter[] counters = new Counter[reasons.length];
        for (E e : reasons) {
            counters[e.ordinal()] = counter(meter, description, "outcome", outcome, "reason", reason.apply(e));
        }
        return counters;
    }

    /**
     * Keeps {@code meter} to remove at {@link #close()}; a meter registered after {@code close()} (a request
     * thread still signing while the filter stops) is removed at once.
     */
    <M extends Meter> M own(M meter) {
        boolean late;
        synchronized (meters) {
            late = closed;
            if (!late) {
                meters.add(meter);
            }
        }
        if (late) {
            registry.remove(meter);
        }
        return meter;
    }

    /** Holds {@code state} as long as these meters are held: for meters that read it through a weak reference. */
    <T> T keep(T state) {
        synchronized (meters) {
            states.add(state);
        }
        return state;
    }

    /** The meters owned now, in the order they were registered. */
    List<Meter> meters() {
        synchronized (meters) {
            return new ArrayList<>(meters);
        }
    }

    /** Removes every meter owned from the registry; once is enough. */
    @Override
    public void close() {
        List<Meter> owned;
        synchronized (meters) {
            closed = true;
            owned = new ArrayList<>(meters);
            meters.clear();
            states.clear();
        }
        for (Meter m : owned) {
            registry.remove(m);
        }
    }
}
