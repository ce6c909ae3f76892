package io.github.jwtsigner.example;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads named string fields from a POST body that is either JSON ({@code {"user": "john", "pass": "doe"}})
 * or an HTML form ({@code application/x-www-form-urlencoded}), the two ways legacy clients log in.
 * Stateless and thread-safe.
 */
final class RequestFields {
    /** A login or refresh request is tiny; anything longer is not one. */
    static final int MAX_JSON_BYTES = 8192;

    private RequestFields() {
    }

    /**
     * @return every named field, when the body is JSON or a form and holds each of them as a non-empty
     *     string; empty when the request is malformed (other content types included)
     */
    static Optional<Map<String, String>> read(HttpServletRequest request, String... names) throws IOException {
        String mediaType = mediaType(request.getContentType());
        if ("application/x-www-form-urlencoded".equals(mediaType)) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (String name : names) {
                String value = request.getParameter(name);
                if (value == null || value.isEmpty()) {
                    return Optional.empty();
                }
                fields.put(name, value);
            }
            return Optional.of(fields);
        }
        if ("application/json".equals(mediaType)) {
            Optional<String> body = readJsonBody(request);
            return body.isEmpty() ? Optional.empty() : fromJson(body.get(), names);
        }
        return Optional.empty();
    }

    /** @return every named field, when {@code json} is a strict JSON object holding each as a non-empty string */
    static Optional<Map<String, String>> fromJson(String json, String... names) {
        Optional<JsonObject> object = StrictJson.parseObject(json);
        if (object.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : names) {
            JsonElement value = object.get().get(name);
            if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()
                    || value.getAsString().isEmpty()) {
                return Optional.empty();
            }
            fields.put(name, value.getAsString());
        }
        return Optional.of(fields);
    }

    private static Optional<String> readJsonBody(HttpServletRequest request) throws IOException {
        Charset charset;
        try {
            // RFC 8259: JSON without a declared charset is UTF-8 (the servlet default would be ISO-8859-1).
            String declared = request.getCharacterEncoding();
            charset = declared == null ? StandardCharsets.UTF_8 : Charset.forName(declared);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_JSON_BYTES + 1);
            if (bytes.length > MAX_JSON_BYTES) {
                return Optional.empty();
            }
            return Optional.of(new String(bytes, charset));
        }
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return type.trim().toLowerCase(Locale.ROOT);
    }
}
