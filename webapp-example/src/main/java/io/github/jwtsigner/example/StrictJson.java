package io.github.jwtsigner.example;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import java.io.IOException;
import java.io.StringReader;
import java.util.Optional;

/**
 * Reads a JSON object strictly (RFC 8259: no single quotes, no comments, nothing after the value), because
 * Gson on its own is lenient. Stateless and thread-safe.
 */
final class StrictJson {
    private StrictJson() {
    }

    /** @return the object, or empty when {@code text} is not exactly one strict JSON object */
    static Optional<JsonObject> parseObject(String text) {
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.setStrictness(Strictness.STRICT);
            JsonElement value = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT || !value.isJsonObject()) {
                return Optional.empty();
            }
            return Optional.of(value.getAsJsonObject());
        } catch (JsonParseException | IOException | IllegalStateException e) {
            return Optional.empty();
        }
    }
}
