package io.github.jwtsigner.internal.keys;

import static io.github.jwtsigner.internal.keys.JwkParameters.KEYS;
import static io.github.jwtsigner.internal.keys.JwkParameters.KID;
import static io.github.jwtsigner.internal.keys.JwkParameters.KTY;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import io.github.jwtsigner.InvalidConfigurationException;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JWK Set (RFC 7517 §5) or a single JWK, parsed as strict RFC 8259 JSON.
 *
 * <p>A key that cannot be read (an unknown {@code kty}, a missing or malformed member) does not fail the
 * set: real sets hold keys of types this library does not sign with. Its problem is kept, and reported only
 * when that key is selected by kid. Only a document that is not a JWK Set or a JWK at all fails here.
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows kids only.
 */
final class JwkSet {
    /** JWKs nest two levels (set, key, oth); anything much deeper is not a JWK Set. */
    private static final int NESTING_LIMIT = 16;
    private static final Pattern GSON_LOCATION = Pattern.compile("at line (\\d+) column (\\d+)");

    /**
     * One member of the set: a usable key, or the problem that made it unusable.
     *
     * @param index position in the set, from 0
     * @param kid the entry's kid when it has a string one, else {@code null}
     * @param key the parsed key, or {@code null} when {@code problem} is set
     * @param problem why the entry cannot be used, naming no key material; {@code null} for a usable key
     */
    record Entry(int index, String kid, Jwk key, String problem) {
    }

    private final List<Entry> entries;

    private JwkSet(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * Parses a JWK Set {@code {"keys":[...]}} or a single JWK.
     *
     * @param source where the JSON came from, for messages, such as {@code jwk_local_path [WEB-INF/jwk.json]}
     * @throws InvalidConfigurationException when the text is not strict JSON, or not a JWK Set or JWK
     */
    public static JwkSet parse(String json, String source) {
        Objects.requireNonNull(source, "source");
        if (json == null || json.isBlank()) {
            throw new InvalidConfigurationException(source + " is empty; expected a JWK Set {\"" + KEYS
                    + "\": [...]} or a single JWK");
        }
        JsonElement document = readStrict(json, source);
        if (!document.isJsonObject()) {
            throw new InvalidConfigurationException(source + " holds a JSON " + kind(document)
                    + "; expected a JWK Set {\"" + KEYS + "\": [...]} or a single JWK");
        }
        JsonObject root = document.getAsJsonObject();
        List<Entry> entries = new ArrayList<>();
        if (root.has(KEYS)) {
            JsonElement keys = root.get(KEYS);
            if (!keys.isJsonArray()) {
                throw new InvalidConfigurationException("member [" + KEYS + "] of " + source + " is a JSON "
                        + kind(keys) + "; expected an array of JWKs");
            }
            int index = 0;
            for (JsonElement element : keys.getAsJsonArray()) {
                entries.add(entry(index++, element));
            }
        } else if (root.has(KTY)) {
            entries.add(entry(0, root));
        } else {
            throw new InvalidConfigurationException(source + " has neither [" + KEYS + "] nor [" + KTY
                    + "]; expected a JWK Set {\"" + KEYS + "\": [...]} or a single JWK");
        }
        return new JwkSet(entries);
    }

    /** The kids of all entries that have one, usable or not, in document order. */
    public List<String> kids() {
        return entries.stream().map(Entry::kid).filter(Objects::nonNull).toList();
    }

    /** The keys that could be read, in document order. */
    public List<Jwk> keys() {
        return entries.stream().map(Entry::key).filter(Objects::nonNull).toList();
    }

    /** Every entry, in document order. */
    List<Entry> entries() {
        return entries;
    }

    @Override
    public String toString() {
        return "JwkSet{kids=" + kids() + ", entries=" + entries.size() + "}";
    }

    private static Entry entry(int index, JsonElement element) {
        if (!element.isJsonObject()) {
            return new Entry(index, null, null, "entry [" + index + "] is a JSON " + kind(element)
                    + "; expected a JWK object");
        }
        JsonObject object = element.getAsJsonObject();
        JsonElement kidElement = object.get(KID);
        String kid = kidElement != null && kidElement.isJsonPrimitive() && kidElement.getAsJsonPrimitive().isString()
                ? kidElement.getAsString() : null;
        try {
            return new Entry(index, kid, JwkParser.parse(object), null);
        } catch (JwkFormatException e) {
            return new Entry(index, kid, null, e.getMessage());
        }
    }

    private static JsonElement readStrict(String json, String source) {
        JsonReader reader = new JsonReader(new StringReader(json));
        reader.setStrictness(Strictness.STRICT);
        reader.setNestingLimit(NESTING_LIMIT);
        try {
            JsonElement element = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new InvalidConfigurationException(source + " has content after the JSON value; expected"
                        + " one JWK Set or JWK");
            }
            return element;
        } catch (JsonParseException | IOException e) {
            // Gson's message may quote a few characters of the input, and its path names members read so far;
            // the input holds secrets, so only the line and column are kept.
            throw new InvalidConfigurationException(source + " is not valid JSON" + location(e)
                    + "; expected a strict RFC 8259 JWK Set or JWK");
        }
    }

    private static String location(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            Matcher m = GSON_LOCATION.matcher(String.valueOf(t.getMessage()));
            if (m.find()) {
                return " at line " + m.group(1) + " column " + m.group(2);
            }
        }
        return "";
    }

    private static String kind(JsonElement element) {
        if (element.isJsonArray()) {
            return "array";
        }
        if (element.isJsonNull()) {
            return "null";
        }
        if (element.isJsonObject()) {
            return "object";
        }
        return element.getAsJsonPrimitive().isString() ? "string"
                : element.getAsJsonPrimitive().isNumber() ? "number" : "boolean";
    }
}
