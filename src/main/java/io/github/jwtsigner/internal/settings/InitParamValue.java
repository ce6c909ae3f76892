package io.github.jwtsigner.internal.settings;

import io.github.jwtsigner.Problems;

import io.github.jwtsigner.Setting;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A setting's value from a web.xml init-param: text, trimmed (XML indentation is not part of a value). A
 * boolean is {@code true} or {@code false} in any case; a list is comma-separated values, each trimmed, or a
 * JSON array such as {@code ["access_token", "refresh_token"]}.
 *
 * <p>Immutable and thread-safe.
 */
final class InitParamValue extends RawValue {
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");

    private final String text;

    /** @param text the init-param's value; {@code null} sets nothing */
    InitParamValue(String text) {
        this.text = text == null ? null : text.strip();
    }

    private InitParamValue(String text, boolean unused) {
        this.text = text;
    }

    /**
     * A value that came out of placeholder expansion: not trimmed, since spaces at either end of a variable
     * (a password, say) may belong to it. Lists are still split at commas and their items trimmed.
     */
    static InitParamValue expanded(String text) {
        return new InitParamValue(text, true);
    }

    @Override
    boolean isAbsent() {
        return text == null;
    }

    @Override
    String text(Setting setting, Problems problems) {
        return text;
    }

    @Override
    Boolean flag(Setting setting, Problems problems) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("true") || lower.equals("false")) {
            return Boolean.valueOf(lower);
        }
        problems.add(setting.settingName() + setting.quote(text) + " is not a boolean; expected true or false");
        return null;
    }

    @Override
    Integer wholeNumber(Setting setting, Problems problems) {
        return parseWholeNumber(setting, setting.settingName(), text, problems);
    }

    @Override
    Duration duration(Setting setting, Problems problems) {
        return parseDuration(setting, text, problems);
    }

    @Override
    RawValue expand(Placeholders placeholders, Setting setting, Setting.Kind kind, Problems problems) {
        if (!Placeholders.mayContain(text)) {
            return this;
        }
        String expanded = placeholders.expand(text, setting, setting.settingName(), problems);
        return expanded == null ? null : expanded(expanded);
    }

    @Override
    List<String> textList(Setting setting, Problems problems) {
        if (isJsonArray()) {
            JsonValue json = parseJsonArray(setting, problems);
            return json == null ? null : json.textList(setting, problems);
        }
        return split(setting, problems);
    }

    @Override
    List<Integer> wholeNumberList(Setting setting, Problems problems) {
        if (isJsonArray()) {
            JsonValue json = parseJsonArray(setting, problems);
            return json == null ? null : json.wholeNumberList(setting, problems);
        }
        List<String> items = split(setting, problems);
        if (items == null) {
            return null;
        }
        List<Integer> values = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < items.size(); i++) {
            Integer value = parseWholeNumber(setting, item(setting, i), items.get(i), problems);
            ok &= value != null;
            values.add(value);
        }
        return ok ? values : null;
    }

    /** A JSON array of pairs, or comma-separated {@code claim=header} items. */
    @Override
    List<List<String>> textPairList(Setting setting, Problems problems) {
        if (isJsonArray()) {
            JsonValue json = parseJsonArray(setting, problems);
            return json == null ? null : json.textPairList(setting, problems);
        }
        List<String> items = split(setting, problems);
        if (items == null) {
            return null;
        }
        List<List<String>> pairs = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i);
            int eq = item.lastIndexOf('=');
            List<String> parts = eq < 0 ? List.of(item) : List.of(item.substring(0, eq).strip(),
                    item.substring(eq + 1).strip());
            List<String> pair = pair(setting, i, parts, item, "a claim=header pair; expected such as [sub=X-User]",
                    problems);
            ok &= pair != null;
            pairs.add(pair);
        }
        return ok ? pairs : null;
    }

    private boolean isJsonArray() {
        return text.startsWith("[");
    }

    private JsonValue parseJsonArray(Setting setting, Problems problems) {
        try {
            // Starts with '[' and parses as one value: an array.
            return new JsonValue(StrictJson.parse(text));
        } catch (StrictJson.MalformedJsonText e) {
            problems.add(setting.settingName() + setting.quote(text) + " is not a valid JSON array ("
                    + e.getMessage() + "); expected " + listExpectation(setting));
        }
        return null;
    }

    /** The comma-separated items; an empty value is an empty list, an empty item a problem. */
    private List<String> split(Setting setting, Problems problems) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (String item : text.split(",", -1)) {
            String trimmed = item.strip();
            if (trimmed.isEmpty()) {
                problems.add(setting.settingName() + setting.quote(text) + " has an empty item; expected "
                        + listExpectation(setting));
                return null;
            }
            items.add(trimmed);
        }
        return items;
    }

    private static String listExpectation(Setting setting) {
        if (setting.kind() == Setting.Kind.TEXT_PAIR_LIST) {
            return "comma-separated claim=header items such as [sub=X-User, roles=X-Roles] or a JSON array such as"
                    + " [[\"sub\", \"X-User\"]]";
        }
        if (setting == Setting.ALG) {
            return "comma-separated names such as [HS256, RS256] or a JSON array such as [\"HS256\", \"RS256\"]";
        }
        String example = setting.kind() == Setting.Kind.WHOLE_NUMBER_LIST ? "49199, 4865"
                : "access_token, refresh_token";
        String json = setting.kind() == Setting.Kind.WHOLE_NUMBER_LIST ? "[49199, 4865]"
                : "[\"access_token\", \"refresh_token\"]";
        return "comma-separated values such as [" + example + "] or a JSON array such as " + json;
    }

    private static Integer parseWholeNumber(Setting setting, String what, String literal, Problems problems) {
        if (!INTEGER.matcher(literal).matches()) {
            problems.add(what + setting.quote(literal) + " is not a whole number; expected "
                    + setting.numberExpectation());
            return null;
        }
        return checkWholeNumber(setting, what, new BigDecimal(literal), literal, problems);
    }
}
