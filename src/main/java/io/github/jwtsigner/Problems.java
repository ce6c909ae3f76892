package io.github.jwtsigner;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Collects what is wrong with a configuration, so that one failed start names everything to fix. A setting
 * whose value was refused (wrong type, bad placeholder) is marked, and a later problem about that setting
 * (such as "alg is required" after "alg [256] is a JSON number") is dropped: it would only restate the first.
 *
 * <p>Used by the configuration readers and checks; a user of the filter never needs it. One instance per
 * configuration being read; not thread-safe.
 */
public final class Problems {
    private final List<String> messages = new ArrayList<>();
    private final Set<Setting> refused = EnumSet.noneOf(Setting.class);

    /** Adds a problem. */
    public void add(String message) {
        messages.add(message);
    }

    /**
     * Adds a problem about these settings, unless one of them was refused already.
     *
     * @param about every setting the message names
     */
    public void add(String message, Setting... about) {
        for (Setting s : about) {
            if (refused.contains(s)) {
                return;
            }
        }
        messages.add(message);
    }

    /** Adds the problems an exception carries. */
    public void addAll(InvalidConfigurationException e) {
        messages.addAll(e.problems());
    }

    /** Adds a problem with a setting's value and marks the setting, so no later problem restates it. */
    public void refuse(Setting setting, String message) {
        refused.add(setting);
        messages.add(message);
    }

    /**
     * Marks a setting as refused; the message about it was added already.
     *
     * @throws IllegalStateException when no problem was added yet: the mark would drop later problems while
     *     none remains, and so accept a configuration that {@link SignerConfig.Builder#build()} refuses
     */
    public void refuse(Setting setting) {
        if (messages.isEmpty()) {
            throw new IllegalStateException(setting + " is marked as refused, but no problem was added");
        }
        refused.add(setting);
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }

    /** The problems so far, in the order they were found. */
    public List<String> messages() {
        return List.copyOf(messages);
    }

    /** The problems so far, for a test's failure message. */
    @Override
    public String toString() {
        return messages.toString();
    }

    /**
     * Ends a check.
     *
     * @throws InvalidConfigurationException with every problem, when there is any
     */
    public void throwIfAny() {
        if (!messages.isEmpty()) {
            throw new InvalidConfigurationException(messages);
        }
    }
}
