package io.github.jwtsigner.internal.settings;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a configuration document as strict RFC 8259 JSON: no comments, single quotes, unquoted names, NaN
 * or trailing content (all of which Gson accepts by default), no member name twice in one object, at most
 * {@value #NESTING_LIMIT} levels deep. Numbers keep their literal text.
 *
 * <p>Stateless and thread-safe.
 */
final class StrictJson {
    static final int NESTING_LIMIT = 64;

    // Gson's own advice, which is the opposite of ours.
    private static final Pattern LENIENCY_ADVICE =
            Pattern.compile("Use JsonReader\\.setStrictness\\([^)]*\\) to accept malformed JSON");
    private static final Pattern LOCATION = Pattern.compile(" at line \\d+ column \\d+ path \\S*");

    private StrictJson() {
    }

    /** The problem with a text that is not strict JSON, with the line, column and path Gson reports. */
    static final class MalformedJsonText extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedJsonText(String message) {
            super(message);
        }
    }

    /**
     * Parses one JSON value filling the whole text.
     *
     * @throws MalformedJsonText saying what is wrong and where
     */
    static JsonElement parse(String text) throws MalformedJsonText {
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
        reader.setNestingLimit(NESTING_LIMIT);
        JsonElement root;
        try {
            root = read(reader);
        } catch (IOException e) {
            throw new MalformedJsonText(describe(e));
        }
        try {
            if (reader.peek() == JsonToken.END_DOCUMENT) {
                return root;
            }
        } catch (IOException e) {
            // Strict mode reports any second value as malformed; say what it is.
        }
        throw new MalformedJsonText("content after the JSON value" + location(reader));
    }

    private static JsonElement read(JsonReader reader) throws IOException, MalformedJsonText {
        switch (reader.peek()) {
            case BEGIN_OBJECT:
                JsonObject object = new JsonObject();
                reader.beginObject();
                while (reader.hasNext()) {
                    String name = reader.nextName();
                    if (object.has(name)) {
                        throw new MalformedJsonText("member [" + name + "] appears twice in one object"
                                + location(reader));
                    }
                    object.add(name, read(reader));
                }
                reader.endObject();
                return object;
            case BEGIN_ARRAY:
                JsonArray array = new JsonArray();
                reader.beginArray();
                while (reader.hasNext()) {
                    array.add(read(reader));
                }
                reader.endArray();
                return array;
            case STRING:
                return new JsonPrimitive(reader.nextString());
            case NUMBER:
                return new JsonPrimitive(new LiteralNumber(reader.nextString()));
            case BOOLEAN:
                return new JsonPrimitive(reader.nextBoolean());
            case NULL:
                reader.nextNull();
                return JsonNull.INSTANCE;
            default:
                throw new MalformedJsonText("unexpected " + reader.peek() + location(reader));
        }
    }

    private static String describe(IOException e) {
        String message = String.valueOf(e.getMessage());
        int see = message.indexOf("\nSee ");
        if (see >= 0) {
            message = message.substring(0, see);
        }
        return LENIENCY_ADVICE.matcher(message).replaceFirst("malformed JSON");
    }

    /** Gson's position, as its own messages give it: {@code " at line 3 column 12 path $.alg"}. */
    private static String location(JsonReader reader) {
        Matcher m = LOCATION.matcher(reader.toString());
        return m.find() ? m.group() : "";
    }

    /** A number that is its literal text, so that messages show a value as it was written. */
    private static final class LiteralNumber extends Number {
        private static final long serialVersionUID = 1L;

        private final String literal;

        LiteralNumber(String literal) {
            this.literal = literal;
        }

        @Override
        public int intValue() {
            return new BigDecimal(literal).intValue();
        }

        @Override
        public long longValue() {
            return new BigDecimal(literal).longValue();
        }

        @Override
        public float floatValue() {
            return Float.parseFloat(literal);
        }

        @Override
        public double doubleValue() {
            return Double.parseDouble(literal);
        }

        @Override
        public String toString() {
            return literal;
        }
    }
}
