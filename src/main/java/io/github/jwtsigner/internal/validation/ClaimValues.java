package io.github.jwtsigner.internal.validation;

import io.github.jwtsigner.internal.json.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed JSON value as plain, unmodifiable Java values: an object a {@code Map<String, Object>} in source
 * order, an array a {@code List<Object>}, a string a {@code String}, a whole number within {@code long} a
 * {@code Long} and any other number a {@code BigDecimal} (exact, as written), {@code true}/{@code false} a
 * {@code Boolean}, {@code null} null. A name written twice in one object, at any depth, is refused.
 *
 * <p>Stateless and thread-safe.
 */
final class ClaimValues {
    private static final int LONG_DIGITS = 18;

    private ClaimValues() {
    }

    /** The members of an object; null when a name is written twice. */
    static Map<String, Object> object(JsonNode.ObjectNode node) {
        Map<String, Object> map = new LinkedHashMap<>(Math.max(4, node.members().size() * 2));
        for (JsonNode.Member m : node.members()) {
            Object value = value(m.value());
            if (value == DUPLICATE || map.containsKey(m.name())) {
                return null;
            }
            map.put(m.name(), value);
        }
        return Collections.unmodifiableMap(map);
    }

    /** Marks a duplicate found below. */
    private static final Object DUPLICATE = new Object();

    private static Object value(JsonNode node) {
        if (node instanceof JsonNode.StringNode s) {
            return s.value();
        }
        if (node instanceof JsonNode.NumberNode n) {
            return number(n.literal());
        }
        if (node instanceof JsonNode.LiteralNode l) {
            return l.literal().equals("null") ? null : Boolean.valueOf(l.literal());
        }
        if (node instanceof JsonNode.ObjectNode o) {
            Map<String, Object> map = object(o);
            return map == null ? DUPLICATE : map;
        }
        List<Object> list = new ArrayList<>();
        for (JsonNode e : ((JsonNode.ArrayNode) node).elements()) {
            Object v = value(e);
            if (v == DUPLICATE) {
                return DUPLICATE;
            }
            list.add(v);
        }
        return Collections.unmodifiableList(list);
    }

    static Object number(String literal) {
        boolean whole = literal.indexOf('.') < 0 && literal.indexOf('e') < 0 && literal.indexOf('E') < 0;
        int digits = literal.length() - (literal.startsWith("-") ? 1 : 0);
        if (whole && digits <= LONG_DIGITS) {
            return Long.parseLong(literal);
        }
        return new BigDecimal(literal);
    }
}
