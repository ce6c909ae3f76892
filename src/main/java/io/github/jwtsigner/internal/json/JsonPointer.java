package io.github.jwtsigner.internal.json;

import io.github.jwtsigner.Setting;

import io.github.jwtsigner.SigningException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * An RFC 6901 JSON Pointer to a member to sign, or a plain top-level member name (KrakenD's form).
 *
 * <p>A {@code keys_to_sign} entry that starts with {@code /} is a pointer; anything else is one top-level
 * member name taken literally. The array index {@code -} (one past the end) points at nothing and is
 * rejected, as are an empty pointer and malformed {@code ~} escapes.
 *
 * <p>Immutable and thread-safe.
 */
public final class JsonPointer {
    private final String text;
    private final List<String> tokens;

    private JsonPointer(String text, List<String> tokens) {
        this.text = text;
        this.tokens = tokens;
    }

    /**
     * Parses one {@code keys_to_sign} entry.
     *
     * @throws IllegalArgumentException with a message naming the entry and what is wrong with it
     */
    public static JsonPointer parse(String entry) {
        if (entry == null || entry.isEmpty()) {
            throw new IllegalArgumentException(Setting.KEYS_TO_SIGN + " entry [" + (entry == null ? "null" : "")
                    + "] is empty; expected a member name or a JSON Pointer such as [/data/access_token]");
        }
        if (entry.charAt(0) != '/') {
            return new JsonPointer(entry, List.of(entry));
        }
        List<String> tokens = new ArrayList<>();
        int start = 1;
        while (true) {
            int slash = entry.indexOf('/', start);
            String raw = slash < 0 ? entry.substring(start) : entry.substring(start, slash);
            tokens.add(unescape(entry, raw));
            if (slash < 0) {
                break;
            }
            start = slash + 1;
        }
        for (String token : tokens) {
            if (token.equals("-")) {
                throw new IllegalArgumentException(Setting.KEYS_TO_SIGN + " JSON Pointer [" + entry
                        + "] uses the array index [-], which points past the end of an array; expected an index such as"
                        + " [0]");
            }
        }
        return new JsonPointer(entry, Collections.unmodifiableList(tokens));
    }

    private static String unescape(String entry, String raw) {
        if (raw.indexOf('~') < 0) {
            return raw;
        }
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '~') {
                sb.append(c);
                continue;
            }
            char next = i + 1 < raw.length() ? raw.charAt(i + 1) : 0;
            if (next == '0') {
                sb.append('~');
            } else if (next == '1') {
                sb.append('/');
            } else {
                throw new IllegalArgumentException(Setting.KEYS_TO_SIGN + " JSON Pointer [" + entry
                        + "] has a malformed escape [~" + (next == 0 ? "" : String.valueOf(next))
                        + "]; expected [~0] for '~' or [~1] for '/' (RFC 6901)");
            }
            i++;
        }
        return sb.toString();
    }

    /** Parses entries that {@link #parse} accepts, in order. */
    public static List<JsonPointer> parseAll(List<String> entries) {
        return entries.stream().map(JsonPointer::parse).toList();
    }

    /** The reference tokens, unescaped; one token for a plain member name. */
    public List<String> tokens() {
        return tokens;
    }

    /** True when the entry was written as a JSON Pointer rather than a plain member name. */
    public boolean isPointer() {
        return text.charAt(0) == '/';
    }

    /**
     * Finds the value this entry points at (RFC 6901 §4): each token selects an object member by name, or an
     * array element by decimal index without leading zeros. A plain member name selects a top-level member
     * only.
     *
     * @return the value, or empty when a step is missing, out of range, or not an object or array
     * @throws SigningException with reason {@code DUPLICATE_MEMBER} when a name on the path appears more than
     *     once in its object: RFC 6901 leaves such a pointer undefined, and a reader of the response might
     *     take the copy that was not signed
     */
    public Optional<JsonNode> resolve(JsonNode root) {
        if (!isPointer() && !(root instanceof JsonNode.ObjectNode)) {
            return Optional.empty();
        }
        JsonNode current = root;
        for (String token : tokens) {
            if (current instanceof JsonNode.ObjectNode) {
                current = member((JsonNode.ObjectNode) current, token);
            } else if (current instanceof JsonNode.ArrayNode) {
                current = element((JsonNode.ArrayNode) current, token);
            } else {
                current = null;
            }
            if (current == null) {
                return Optional.empty();
            }
        }
        return Optional.of(current);
    }

    private JsonNode member(JsonNode.ObjectNode object, String name) {
        JsonNode found = null;
        List<JsonNode.Member> members = object.members();
        // Indexed: this runs for every login, and the list is random-access.
        for (int i = 0; i < members.size(); i++) {
            JsonNode.Member member = members.get(i);
            if (member.name().equals(name)) {
                if (found != null) {
                    throw new SigningException(SigningException.Reason.DUPLICATE_MEMBER,
                            Setting.KEYS_TO_SIGN + " entry ["
                            + text + "] leads to member [" + name + "], which appears more than once in the object"
                            + " at offset [" + object.start() + "]; expected it once");
                }
                found = member.value();
            }
        }
        return found;
    }

    private static JsonNode element(JsonNode.ArrayNode array, String token) {
        int index = arrayIndex(token);
        return index >= 0 && index < array.elements().size() ? array.elements().get(index) : null;
    }

    /** The RFC 6901 array-index ({@code 0} or digits without a leading zero), or -1 when not one. */
    private static int arrayIndex(String token) {
        int n = token.length();
        // Nine digits stay within int, and no array gets that long.
        if (n == 0 || n > 9 || (n > 1 && token.charAt(0) == '0')) {
            return -1;
        }
        int index = 0;
        for (int i = 0; i < n; i++) {
            char c = token.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            index = index * 10 + (c - '0');
        }
        return index;
    }

    /** The entry as configured. */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonPointer && ((JsonPointer) o).text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
