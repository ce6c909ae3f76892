package io.github.jwtsigner.internal.settings;

import io.github.jwtsigner.Problems;

import io.github.jwtsigner.Setting;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A setting's value from a JSON document: must already have the JSON type the setting needs (a string, a
 * boolean, a number, an array of those). Strings are taken exactly as written, spaces included, as KrakenD
 * takes them.
 *
 * <p>Immutable and thread-safe.
 */
final class JsonValue extends RawValue {
    private final JsonElement element;

    JsonValue(JsonElement element) {
        this.element = element;
    }

    @Override
    boolean isAbsent() {
        return element == null || element.isJsonNull();
    }

    @Override
    String text(Setting setting, Problems problems) {
        return asString(setting, setting.settingName(), element, problems);
    }

    @Override
    Boolean flag(Setting setting, Problems problems) {
        if (element.isJsonPrimitive() && element.getAsJsonPrimitive().isBoolean()) {
            return element.getAsBoolean();
        }
        problems.add(wrongType(setting, setting.settingName(), element, "a JSON boolean (true or false)"));
        return null;
    }

    @Override
    Integer wholeNumber(Setting setting, Problems problems) {
        return asWholeNumber(setting, setting.settingName(), element, problems);
    }

    @Override
    Duration duration(Setting setting, Problems problems) {
        String text = asString(setting, setting.settingName(), element, problems);
        return text == null ? null : parseDuration(setting, text, problems);
    }

    /**
     * Expands placeholders in a string, or in the strings of an array. A setting that is not a string (a
     * number, a flag, a list) given as a string with a placeholder, such as {@code "${env:CACHE_SECONDS}"},
     * is read from the expanded text as an init-param would be.
     */
    @Override
    RawValue expand(Placeholders placeholders, Setting setting, Setting.Kind kind, Problems problems) {
        if (isString(element)) {
            String text = element.getAsString();
            if (!Placeholders.mayContain(text)) {
                return this;
            }
            String expanded = placeholders.expand(text, setting, setting.settingName(), problems);
            if (expanded == null) {
                return null;
            }
            boolean stringSetting = kind == Setting.Kind.TEXT || kind == Setting.Kind.DURATION;
            return stringSetting ? new JsonValue(new JsonPrimitive(expanded)) : InitParamValue.expanded(expanded);
        }
        if (!element.isJsonArray()) {
            return this;
        }
        JsonArray copy = new JsonArray();
        boolean ok = true;
        for (int i = 0; i < element.getAsJsonArray().size(); i++) {
            JsonElement item = element.getAsJsonArray().get(i);
            if (isString(item) && Placeholders.mayContain(item.getAsString())) {
                String expanded = placeholders.expand(item.getAsString(), setting, item(setting, i), problems);
                ok &= expanded != null;
                copy.add(expanded == null ? item : new JsonPrimitive(expanded));
            } else {
                copy.add(item);
            }
        }
        return ok ? new JsonValue(copy) : null;
    }

    private static boolean isString(JsonElement e) {
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString();
    }

    @Override
    List<String> textList(Setting setting, Problems problems) {
        boolean stringOrArray = setting == Setting.DEFAULT_AUDIENCE || setting == Setting.AUDIENCE
                || setting == Setting.ALG;
        if (stringOrArray && isString(element)) {
            // A JWT's aud is a string or an array, as is the validator's alg: either form reads as a list.
            return List.of(element.getAsString());
        }
        JsonArray array = asArray(setting, stringOrArray ? "strings, or one JSON string" : "strings", problems);
        if (array == null) {
            return null;
        }
        List<String> values = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < array.size(); i++) {
            String value = asString(setting, item(setting, i), array.get(i), problems);
            ok &= value != null;
            values.add(value);
        }
        return ok ? values : null;
    }

    @Override
    List<List<String>> textPairList(Setting setting, Problems problems) {
        JsonArray array = asArray(setting, "[claim, header] pairs", problems);
        if (array == null) {
            return null;
        }
        if (!array.isEmpty() && array.asList().stream().allMatch(JsonValue::isString)) {
            // ["sub", "X-User"]: one pair written without its own brackets, a mistake worth one clear problem.
            problems.add(setting.settingName() + setting.quote(shorten(array.toString())) + " is a JSON array of"
                    + " strings; expected an array of [claim, header] pairs, such as [[\"sub\", \"X-User\"]]");
            return null;
        }
        List<List<String>> pairs = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < array.size(); i++) {
            JsonElement item = array.get(i);
            List<String> strings = new ArrayList<>();
            if (item.isJsonArray()) {
                item.getAsJsonArray().forEach(e -> strings.add(isString(e) ? e.getAsString() : null));
            }
            List<String> pair = pair(setting, i, strings, String.valueOf(item), problems);
            ok &= pair != null;
            pairs.add(pair);
        }
        return ok ? pairs : null;
    }

    @Override
    List<Integer> wholeNumberList(Setting setting, Problems problems) {
        JsonArray array = asArray(setting, "whole numbers", problems);
        if (array == null) {
            return null;
        }
        List<Integer> values = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < array.size(); i++) {
            Integer value = asWholeNumber(setting, item(setting, i), array.get(i), problems);
            ok &= value != null;
            values.add(value);
        }
        return ok ? values : null;
    }

    private JsonArray asArray(Setting setting, String items, Problems problems) {
        if (element.isJsonArray()) {
            return element.getAsJsonArray();
        }
        problems.add(wrongType(setting, setting.settingName(), element, "a JSON array of " + items));
        return null;
    }

    private static String asString(Setting setting, String what, JsonElement e, Problems problems) {
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            return e.getAsString();
        }
        problems.add(wrongType(setting, what, e, "a JSON string"));
        return null;
    }

    private static Integer asWholeNumber(Setting setting, String what, JsonElement e, Problems problems) {
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            String literal = e.getAsString();
            // Not getAsBigDecimal(): Gson refuses large exponents with an unchecked exception.
            return checkWholeNumber(setting, what, new BigDecimal(literal), literal, problems);
        }
        problems.add(wrongType(setting, what, e, "a JSON number: " + setting.numberExpectation()));
        return null;
    }

    private static String wrongType(Setting setting, String what, JsonElement e, String expected) {
        return what + setting.quote(shown(e)) + " is " + typeName(e) + "; expected " + expected;
    }

    /** The JSON type of a value, with its article, for messages: {@code a JSON number}. */
    static String typeName(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return "JSON null";
        }
        if (e.isJsonObject()) {
            return "a JSON object";
        }
        if (e.isJsonArray()) {
            return "a JSON array";
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        return p.isString() ? "a JSON string" : p.isBoolean() ? "a JSON boolean" : "a JSON number";
    }

    /** A string as its text, anything else as JSON; cut short. */
    private static String shown(JsonElement e) {
        return shorten(e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() ? e.getAsString() : String.valueOf(e));
    }
}
