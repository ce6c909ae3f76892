package io.github.jwtsigner.internal.settings;

import io.github.jwtsigner.Problems;

import io.github.jwtsigner.Setting;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One setting's value as written, before conversion: an init-param's text or a JSON value. Each conversion
 * returns the value, or {@code null} after adding a problem that names the setting, the value and what was
 * expected.
 *
 * <p>Immutable and thread-safe; the problem list passed in is not.
 */
abstract class RawValue {
    private static final int MAX_SHOWN = 60;

    /** True for a value that sets nothing (JSON {@code null}). */
    abstract boolean isAbsent();

    abstract String text(Setting setting, Problems problems);

    abstract Boolean flag(Setting setting, Problems problems);

    abstract Integer wholeNumber(Setting setting, Problems problems);

    abstract List<String> textList(Setting setting, Problems problems);

    abstract List<Integer> wholeNumberList(Setting setting, Problems problems);

    abstract Duration duration(Setting setting, Problems problems);

    /** {@code [claim, header]} pairs: a JSON array of two-string arrays. */
    abstract List<List<String>> textPairList(Setting setting, Problems problems);

    /**
     * The value with its {@code ${env:NAME}} and {@code ${sys:name}} placeholders expanded.
     *
     * @param kind how the value will be read, which may differ from {@link Setting#kind()} (the validator reads
     *     {@code alg} as a list): a JSON string that is to be read as a list, a number or a flag is read from
     *     the expanded text as an init-param would be
     * @return this value when it holds no placeholder, the expanded value, or {@code null} after adding a
     *     problem
     */
    abstract RawValue expand(Placeholders placeholders, Setting setting, Setting.Kind kind, Problems problems);

    /** Converts to the Java type of the setting's kind; null after adding a problem. */
    final Object convert(Setting setting, Problems problems) {
        return convert(setting, setting.kind(), problems);
    }

    /** Converts to the Java type of {@code kind}, which one component may read a setting as. */
    final Object convert(Setting setting, Setting.Kind kind, Problems problems) {
        return switch (kind) {
            case TEXT -> text(setting, problems);
            case FLAG -> flag(setting, problems);
            case WHOLE_NUMBER -> wholeNumber(setting, problems);
            case TEXT_LIST -> textList(setting, problems);
            case WHOLE_NUMBER_LIST -> wholeNumberList(setting, problems);
            case DURATION -> duration(setting, problems);
            case TEXT_PAIR_LIST -> textPairList(setting, problems);
        };
    }

    /** Reads Go's duration syntax, such as {@code 500ms}, {@code 5s} or {@code 1m30s}. */
    static Duration parseDuration(Setting setting, String text, Problems problems) {
        Optional<Duration> duration = GoDuration.parse(text);
        if (duration.isEmpty()) {
            problems.add(setting.settingName() + setting.quote(shorten(text)) + " is not a duration; expected"
                    + " Go's syntax, a number and a unit (ns, us, ms, s, m, h), such as [500ms], [5s] or [1m30s]");
            return null;
        }
        return duration.get();
    }

    /**
     * Checks a number against the setting's range. Only plain integer literals count: Go, which reads
     * KrakenD's file, refuses {@code 1.0} and {@code 1e6} for an integer too.
     *
     * @param what the setting name, or {@code "cipher_suites item 2"} for a list item
     * @param literal the number as written, for the message
     */
    static Integer checkWholeNumber(Setting setting, String what, BigDecimal number, String literal,
            Problems problems) {
        if (number.scale() != 0) {
            problems.add(what + setting.quote(shorten(literal)) + " is not a whole number; expected "
                    + setting.numberExpectation());
            return null;
        }
        if (number.compareTo(BigDecimal.valueOf(setting.min())) < 0
                || number.compareTo(BigDecimal.valueOf(setting.max())) > 0) {
            problems.add(what + setting.quote(shorten(literal)) + " is out of range; expected "
                    + setting.numberExpectation());
            return null;
        }
        return number.intValueExact();
    }

    /** A value cut short for a message, so that a stray document cannot flood a log. */
    static String shorten(String value) {
        return value.length() <= MAX_SHOWN ? value : value.substring(0, MAX_SHOWN) + "...";
    }

    /** Checks one pair: two strings, neither blank. */
    static List<String> pair(Setting setting, int index, List<String> items, String shown, Problems problems) {
        return pair(setting, index, items, shown, "a pair; expected [claim, header] such as [\"sub\", \"X-User\"]",
                problems);
    }

    /** @param expected what the problem says the item is not, and what was expected */
    static List<String> pair(Setting setting, int index, List<String> items, String shown, String expected,
            Problems problems) {
        if (items.size() != 2 || items.stream().anyMatch(v -> v == null || v.isBlank())) {
            problems.add(item(setting, index) + setting.quote(shorten(shown)) + " is not " + expected);
            return null;
        }
        return List.copyOf(items);
    }

    /** The label of a list item in messages, counting from 1 as people do. */
    static String item(Setting setting, int index) {
        return setting.settingName() + " item " + (index + 1);
    }
}
