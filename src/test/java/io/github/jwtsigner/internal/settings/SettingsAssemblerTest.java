package io.github.jwtsigner.internal.settings;

import io.github.jwtsigner.Setting;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonPrimitive;
import io.github.jwtsigner.InvalidConfigurationException;
import io.github.jwtsigner.SignerConfig;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SettingsAssemblerTest {
    private static final String SOURCE = "test source";

    private static Map<String, RawValue> minimal() {
        Map<String, RawValue> values = new LinkedHashMap<>();
        values.put("alg", new InitParamValue("HS256"));
        values.put("kid", new InitParamValue("sim2"));
        values.put("keys_to_sign", new InitParamValue("access_token"));
        values.put("jwk_local_path", new InitParamValue("WEB-INF/jwk.json"));
        return values;
    }

    private static List<String> problems(SettingsAssembler assembler, Map<String, RawValue> values) {
        return assertThrows(InvalidConfigurationException.class, () -> assembler.assemble(values)).problems();
    }

    @Test
    void buildsTheConfigurationWhenAllIsWell() {
        SignerConfig config = new SettingsAssembler(SOURCE, Set.of()).assemble(minimal());

        assertEquals("sim2", config.kid());
    }

    @Test
    void skipsExtraNamesAndAbsentValues() {
        Map<String, RawValue> values = minimal();
        values.put("config", new InitParamValue("WEB-INF/krakend.json"));
        values.put("typ", new JsonValue(JsonNull.INSTANCE));
        values.put("jwk_url", new InitParamValue(null));

        SignerConfig config = new SettingsAssembler(SOURCE, Set.of("config")).assemble(values);

        assertEquals(Setting.TYP.defaultValue(), config.typ());
    }

    @Test
    void reportsProblemsInOrderEachPrefixedWithTheSource() {
        SettingsAssembler assembler = new SettingsAssembler(SOURCE, Set.of());
        assembler.addProblem("found by the reader");
        Map<String, RawValue> values = minimal();
        values.put("fulll", new InitParamValue("true"));
        values.put("max_body_bytes", new InitParamValue("big"));
        values.put("typ", new InitParamValue(""));

        assertEquals(List.of(
                SOURCE + ": found by the reader",
                SOURCE + ": unknown setting [fulll]; did you mean [full]? known settings: " + Setting.names(Setting.Scope.SIGNER, Setting.Scope.KEYS),
                SOURCE + ": max_body_bytes [big] is not a whole number; expected a whole number of bytes up to"
                        + " 2147483647, such as [1048576]",
                SOURCE + ": typ is empty; expected a header type such as [JWT]"), problems(assembler, values));
    }

    @Test
    void leavesOutBuilderProblemsThatRestateARejectedValue() {
        Map<String, RawValue> values = minimal();
        values.put("alg", new JsonValue(new JsonPrimitive(256)));
        values.put("jwk_local_path", new JsonValue(new JsonPrimitive(true)));

        assertEquals(List.of(
                SOURCE + ": alg [256] is a JSON number; expected a JSON string",
                SOURCE + ": jwk_local_path [true] is a JSON boolean; expected a JSON string"),
                problems(new SettingsAssembler(SOURCE, Set.of()), values));
    }

    @Test
    void keepsBuilderProblemsThatOnlyQuoteARejectedName() {
        JsonArray keys = new JsonArray();
        keys.add("full");
        keys.add("full");
        Map<String, RawValue> values = minimal();
        values.put("keys_to_sign", new JsonValue(keys));
        values.put("full", new JsonValue(new JsonPrimitive("yes")));

        assertEquals(List.of(
                SOURCE + ": full [yes] is a JSON string; expected a JSON boolean (true or false)",
                SOURCE + ": keys_to_sign lists [full] twice"),
                problems(new SettingsAssembler(SOURCE, Set.of()), values));
    }

    @Test
    void cutsAVeryLongUnknownNameShort() {
        Map<String, RawValue> values = minimal();
        values.put("x".repeat(500), new InitParamValue("1"));

        assertEquals(List.of(SOURCE + ": unknown setting [" + "x".repeat(60) + "...]; known settings: "
                + Setting.names(Setting.Scope.SIGNER, Setting.Scope.KEYS)), problems(new SettingsAssembler(SOURCE, Set.of()), values));
    }

    @Test
    void listsExtraNamesAfterTheSettingsOnce() {
        Map<String, RawValue> values = minimal();
        values.put("colour", new InitParamValue("blue"));

        String known = Setting.names(Setting.Scope.SIGNER, Setting.Scope.KEYS).toString().replace("]", ", endpoint]");
        assertEquals(List.of(SOURCE + ": unknown setting [colour]; known settings: " + known),
                problems(new SettingsAssembler(SOURCE, List.of("endpoint", "alg")), values));
    }
}
