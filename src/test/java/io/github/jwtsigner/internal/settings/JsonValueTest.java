package io.github.jwtsigner.internal.settings;

import io.github.jwtsigner.Setting;

import io.github.jwtsigner.Problems;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonValueTest {

    @Test
    void setsNothingForJsonNull() {
        assertTrue(new JsonValue(JsonNull.INSTANCE).isAbsent());
        assertFalse(new JsonValue(new JsonPrimitive("")).isAbsent());
    }

    @Test
    void namesEachJsonType() {
        assertEquals("a JSON object", JsonValue.typeName(new JsonObject()));
        assertEquals("a JSON array", JsonValue.typeName(new JsonArray()));
        assertEquals("a JSON string", JsonValue.typeName(new JsonPrimitive("x")));
        assertEquals("a JSON number", JsonValue.typeName(new JsonPrimitive(1)));
        assertEquals("a JSON boolean", JsonValue.typeName(new JsonPrimitive(false)));
        assertEquals("JSON null", JsonValue.typeName(JsonNull.INSTANCE));
    }

    @Test
    void cutsALongValueShortInMessages() {
        Problems problems = new Problems();
        JsonArray big = new JsonArray();
        for (int i = 0; i < 50; i++) {
            big.add("item" + i);
        }

        assertNull(new JsonValue(big).text(Setting.KID, problems));
        assertEquals(List.of("kid [" + big.toString().substring(0, 60) + "...] is a JSON array; expected a JSON string"),
                problems.messages());
    }

    @Test
    void readsAnEmptyArrayAsAnEmptyList() {
        Problems problems = new Problems();

        assertEquals(List.of(), new JsonValue(new JsonArray()).textList(Setting.JWK_FINGERPRINTS, problems));
        assertEquals(List.of(), problems.messages());
    }

    @Test
    void reportsEveryBadItemOfAnArray() {
        Problems problems = new Problems();
        JsonArray suites = new JsonArray();
        suites.add("49199");
        suites.add(4865);
        suites.add(new JsonPrimitive(true));

        assertNull(new JsonValue(suites).wholeNumberList(Setting.CIPHER_SUITES, problems));
        assertEquals(List.of(
                "cipher_suites item 1 [49199] is a JSON string; expected a JSON number: an IANA cipher suite id"
                        + " from 0 to 65535, such as [49199]",
                "cipher_suites item 3 [true] is a JSON boolean; expected a JSON number: an IANA cipher suite id"
                        + " from 0 to 65535, such as [49199]"), problems.messages());
    }
}
