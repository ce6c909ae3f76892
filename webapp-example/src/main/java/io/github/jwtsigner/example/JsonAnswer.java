package io.github.jwtsigner.example;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** Writes the servlets' JSON answers, UTF-8 encoded. Stateless and thread-safe. */
final class JsonAnswer {
    private static final Gson GSON = new Gson();

    private JsonAnswer() {
    }

    static void write(HttpServletResponse response, int status, JsonElement body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(GSON.toJson(body));
    }

    /** Writes {@code {"error": code}}. */
    static void error(HttpServletResponse response, int status, String code) throws IOException {
        JsonObject body = new JsonObject();
        body.addProperty("error", code);
        write(response, status, body);
    }
}
