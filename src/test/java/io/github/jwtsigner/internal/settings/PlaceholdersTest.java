package io.github.jwtsigner.internal.settings;

import io.github.jwtsigner.Setting;

import io.github.jwtsigner.Problems;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlaceholdersTest {
    private static final Placeholders PLACEHOLDERS = new Placeholders(
            Map.of("KEYS_DIR", "/etc/keys", "KS_PASS", " s3cr3t ", "DOLLAR", "${env:KEYS_DIR}", "EMPTY", "")::get,
            Map.of("keys.alias", "signing", "app.home", "/opt/app")::get);

    private final Problems problems = new Problems();

    private String expand(Setting setting, String text) {
        return PLACEHOLDERS.expand(text, setting, setting.settingName(), problems);
    }

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', value = {
        "${env:KEYS_DIR}/jwk.json | /etc/keys/jwk.json",
        "${sys:app.home}/keys/${sys:keys.alias}.pem | /opt/app/keys/signing.pem",
        "plain/path.json | plain/path.json",
        "$${env:KEYS_DIR} | ${env:KEYS_DIR}",
        "a$${b}c | a${b}c",
        "cost $5 and $$ | cost $5 and $$",
        "{env:KEYS_DIR} | {env:KEYS_DIR}",
        "x${env:EMPTY}y | xy",
        "$$${env:KEYS_DIR} | $${env:KEYS_DIR}"
    })
    void expandsEnvironmentVariablesAndSystemProperties(String text, String expected) {
        assertEquals(expected, expand(Setting.JWK_LOCAL_PATH, text));
        assertEquals(List.of(), problems.messages());
    }

    @Test
    void takesAVariablesValueAsItIsWithoutExpandingItAgain() {
        assertEquals("${env:KEYS_DIR}", expand(Setting.JWK_LOCAL_PATH, "${env:DOLLAR}"));
        assertEquals(" s3cr3t ", expand(Setting.KEYSTORE_PASSWORD, "${env:KS_PASS}"));
    }

    @Test
    void namesAnUnsetEnvironmentVariableAndTheSetting() {
        assertNull(expand(Setting.KEYSTORE_PASSWORD, "${env:MISSING_PASSWORD}"));
        assertEquals(List.of("keystore_password refers to environment variable [MISSING_PASSWORD], which is not"
                + " set; expected it to be set in the server's environment"), problems.messages());
    }

    @Test
    void namesAnUnsetSystemProperty() {
        assertNull(expand(Setting.JWK_URL, "https://${sys:keys.host}/jwks.json"));
        assertEquals(List.of("jwk_url refers to system property [keys.host], which is not set; expected it to be"
                + " set with -Dkeys.host=... on the server's command line"), problems.messages());
    }

    @Test
    void refusesAPlaceholderWithoutClosingBrace() {
        assertNull(expand(Setting.JWK_LOCAL_PATH, "${env:KEYS_DIR/jwk.json"));
        assertEquals(List.of("jwk_local_path [${env:KEYS_DIR/jwk.json] has a placeholder without its closing brace;"
                + " expected ${env:NAME} or ${sys:name} (or $${ for a literal ${)"), problems.messages());
    }

    @Test
    void refusesAPlaceholderThatIsNeitherEnvNorSys() {
        assertNull(expand(Setting.JWK_LOCAL_PATH, "${KEYS_DIR}/jwk.json"));
        assertNull(expand(Setting.JWK_LOCAL_PATH, "${env:}/jwk.json"));
        assertEquals(List.of(
                "jwk_local_path has a placeholder [${KEYS_DIR}] that names no variable; expected ${env:NAME} or"
                        + " ${sys:name} (or $${ for a literal ${)",
                "jwk_local_path has a placeholder [${env:}] that names no variable; expected ${env:NAME} or"
                        + " ${sys:name} (or $${ for a literal ${)"), problems.messages());
    }

    @Test
    void neverQuotesTheValueOfASecretSetting() {
        assertNull(expand(Setting.KEYSTORE_PASSWORD, "pa${ss"));
        assertNull(expand(Setting.KEY_PASSWORD, "pa${ss}word"));
        assertAll(
                () -> assertEquals(2, problems.messages().size()),
                () -> assertTrue(problems.messages().stream().noneMatch(p -> p.contains("${ss")), problems::toString),
                () -> assertEquals("keystore_password has a placeholder without its closing brace; expected"
                        + " ${env:NAME} or ${sys:name} (or $${ for a literal ${)", problems.messages().get(0)),
                () -> assertEquals("key_password has a placeholder that names no variable; expected ${env:NAME} or"
                        + " ${sys:name} (or $${ for a literal ${)", problems.messages().get(1)));
    }

    @Test
    void leavesTextWithoutDollarBraceAloneWithoutLookingAnythingUp() {
        Placeholders failing = new Placeholders(name -> {
            throw new AssertionError("looked up " + name);
        }, name -> {
            throw new AssertionError("looked up " + name);
        });
        assertEquals("WEB-INF/jwk.json", failing.expand("WEB-INF/jwk.json", Setting.JWK_LOCAL_PATH, "x", problems));
        assertFalse(Placeholders.mayContain("$ {env:X}"));
        assertTrue(Placeholders.mayContain("$${"));
    }

    @Test
    void systemLookupReadsRealSystemProperties() {
        String expected = System.getProperty("java.version");
        assertEquals("v" + expected, Placeholders.system().expand("v${sys:java.version}", Setting.LEEWAY, "leeway",
                problems));
    }
}
