package io.github.jwtsigner.it;

import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The library's MBeans as a JMX client sees them (JConsole, the Prometheus JMX exporter): by
 * {@link ObjectName} on the platform MBean server, attributes read with {@code getAttribute} and named as
 * {@code MBeanInfo} names them, values in their open types ({@code TabularData} for a map, an array for a list).
 */
final class PlatformMBeans {
    /** The domain of every MBean of the library. */
    static final String DOMAIN = "io.github.jwtsigner";

    private PlatformMBeans() {
    }

    static MBeanServer server() {
        return ManagementFactory.getPlatformMBeanServer();
    }

    /** {@code io.github.jwtsigner:type=<type>,name=<name>}, for a name that needs no quoting. */
    static ObjectName name(String type, String name) {
        try {
            return new ObjectName(DOMAIN + ":type=" + type + ",name=" + name);
        } catch (JMException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Every MBean of the library registered now: {@code queryNames("io.github.jwtsigner:*")}. */
    static Set<ObjectName> registered() {
        try {
            return new HashSet<>(server().queryNames(new ObjectName(DOMAIN + ":*"), null));
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The library's MBeans registered now that were not in {@code before}. */
    static Set<ObjectName> registeredSince(Set<ObjectName> before) {
        Set<ObjectName> added = registered();
        added.removeAll(before);
        return added;
    }

    /** The attribute names {@code MBeanInfo} lists, sorted. */
    static Set<String> attributeNames(ObjectName name) {
        try {
            Set<String> names = new TreeSet<>();
            for (MBeanAttributeInfo a : server().getMBeanInfo(name).getAttributes()) {
                names.add(a.getName());
            }
            return names;
        } catch (JMException e) {
            throw new AssertionError("no MBean [" + name + "]: " + e, e);
        }
    }

    /**
     * One attribute, read with {@code getAttribute}: a {@code TabularData} of {@code key} and {@code value} rows
     * (a {@code Map<String, Long>}) as a map, an array as a list, anything else as it came.
     */
    static Object read(ObjectName name, String attribute) {
        Object value;
        try {
            value = server().getAttribute(name, attribute);
        } catch (JMException e) {
            throw new AssertionError("could not read [" + attribute + "] of [" + name + "]: " + e, e);
        }
        if (value instanceof TabularData table) {
            Map<Object, Object> map = new HashMap<>();
            for (Object row : table.values()) {
                CompositeData data = (CompositeData) row;
                map.put(data.get("key"), data.get("value"));
            }
            return map;
        }
        if (value instanceof Object[] array) {
            return Arrays.asList(array);
        }
        return value;
    }

    static long readLong(ObjectName name, String attribute) {
        return (Long) read(name, attribute);
    }

    static String readString(ObjectName name, String attribute) {
        return (String) read(name, attribute);
    }

    /** An expected value that is not known exactly, such as a time: what it must be, and the check. */
    record Satisfies(String description, Predicate<Object> check) {
        @Override
        public String toString() {
            return description;
        }
    }

    /** An ISO-8601 instant from {@code from} to {@code to}, both included. */
    static Satisfies instantBetween(Instant from, Instant to) {
        return new Satisfies("an instant from " + from + " to " + to, v -> {
            Instant at = instant(v);
            return at != null && !at.isBefore(from) && !at.isAfter(to);
        });
    }

    /** Milliseconds since the epoch of the instant {@code iso}. */
    static Satisfies epochMillisOf(String iso) {
        return new Satisfies("the epoch millis of " + iso, v -> iso != null && v instanceof Long l
                && Instant.parse(iso).toEpochMilli() == l);
    }

    private static Instant instant(Object v) {
        if (!(v instanceof String s)) {
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * Every attribute of the MBean {@code name} as {@code expected} says, and no other: the names {@code MBeanInfo}
     * lists must be exactly the expectation's keys, so an attribute added to an MXBean interface fails this until
     * a test says what it must be. A {@link Satisfies} value is checked, any other compared with equals.
     */
    static void assertAttributes(ObjectName name, Map<String, Object> expected) {
        Set<String> actualNames = attributeNames(name);
        Set<String> unasserted = new TreeSet<>(actualNames);
        unasserted.removeAll(expected.keySet());
        Set<String> unknown = new TreeSet<>(expected.keySet());
        unknown.removeAll(actualNames);
        assertTrue(unasserted.isEmpty() && unknown.isEmpty(), () -> "[" + name + "]: attributes no test asserts: "
                + unasserted + "; attributes expected that the MBean lacks: " + unknown);
        List<String> wrong = new ArrayList<>();
        Map<String, Object> actual = new TreeMap<>();
        for (Map.Entry<String, Object> e : expected.entrySet()) {
            Object value = read(name, e.getKey());
            actual.put(e.getKey(), value);
            boolean ok = e.getValue() instanceof Satisfies s ? s.check().test(value)
                    : Objects.equals(e.getValue(), value);
            if (!ok) {
                wrong.add(e.getKey() + ": expected [" + e.getValue() + "], was [" + value + "]");
            }
        }
        assertEquals(List.of(), wrong, () -> "[" + name + "] reads " + actual);
    }

    /** Waits up to 30 seconds for {@code condition}. */
    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }
}
