package io.github.jwtsigner;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps the README true: every setting the code accepts is in its settings table with the code's default, and
 * every registration snippet is the code a test or the example runs.
 */
class ReadmeTest {
    private static final Path README = Path.of("README.md");
    private static final Pattern CODE_BLOCK = Pattern.compile("```(\\w*)\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| `([a-z_]+)`(?:, `([a-z_]+)`)? \\|([^|]*)\\|([^|]*)\\|",
            Pattern.MULTILINE);

    @Test
    void settingsTableListsEverySettingTheCodeAccepts() throws IOException {
        Set<String> documented = settingsRows().stream().map(r -> r[0]).collect(Collectors.toSet());

        for (String name : Setting.names(Setting.Scope.SIGNER, Setting.Scope.KEYS)) {
            assertTrue(documented.contains(name), "README settings table lacks [" + name + "]");
        }
        assertTrue(documented.contains(Setting.CONFIG.settingName()));
        assertTrue(documented.contains(Setting.ENDPOINT.settingName()));
    }

    @Test
    void settingsTableStatesTheCodeDefaults() throws IOException {
        assertEquals("`" + Setting.TYP.defaultValue() + "`", defaultOf(Setting.TYP.settingName()));
        assertEquals("`" + Setting.MAX_BODY_BYTES.defaultValue() + "`", defaultOf(Setting.MAX_BODY_BYTES.settingName()));
        assertEquals("`false`", defaultOf(Setting.FULL.settingName()));
        assertEquals("`false`", defaultOf(Setting.DISABLE_JWK_SECURITY.settingName()));
        assertEquals("`" + ConfigText.show((java.time.Duration) Setting.JWK_FETCH_TIMEOUT.defaultValue()) + "`",
                defaultOf(Setting.JWK_FETCH_TIMEOUT.settingName()));
        assertEquals("`" + ((java.util.List<?>) Setting.CIPHER_SUITES.defaultValue()).stream().map(String::valueOf)
                .collect(Collectors.joining(", ")) + "`", defaultOf(Setting.CIPHER_SUITES.settingName()));
    }

    @Test
    void validatorSettingsTableListsEverySettingOfTheValidatorWithItsDefault() throws IOException {
        List<String[]> rows = rows("### Validator settings");
        Set<String> documented = rows.stream().map(r -> r[0]).collect(Collectors.toSet());
        for (String name : Setting.names(Setting.Scope.VALIDATOR)) {
            assertTrue(documented.contains(name), "README validator settings table lacks [" + name + "]");
        }
        for (Setting s : List.of(Setting.ALG, Setting.TYP, Setting.LEEWAY)) {
            assertTrue(documented.contains(s.settingName()), "README validator settings table lacks [" + s + "]");
        }
        for (String[] row : rows) {
            Setting setting = Setting.named(row[0]).orElseThrow(() -> new AssertionError("no setting " + row[0]));
            assertTrue(ValidatorConfig.reads(setting), row[0] + " is in the validator table but not read by it");
            Object value = ValidatorConfig.defaultValue(setting);
            String expected = value == null || value instanceof List<?> l && l.isEmpty() ? null
                    : value instanceof java.time.Duration d ? goDuration(d) : String.valueOf(value);
            if (expected != null) {
                assertEquals("`" + expected + "`", row[1], "README default of " + row[0]);
            } else {
                assertTrue(row[1].equals("none") || row[1].equals("—"), "README default of " + row[0] + ": " + row[1]);
            }
        }
    }

    /** As a person writes it: {@code 5m}, {@code 10s}, {@code 1s}. */
    private static String goDuration(java.time.Duration d) {
        return d.toSeconds() % 60 == 0 && d.toSeconds() >= 60 ? d.toMinutes() + "m" : d.toSeconds() + "s";
    }

    @Test
    void webXmlSnippetIsTheExampleRegistration() throws IOException {
        String snippet = blockAfter("**web.xml**");
        String example = Files.readString(Path.of("webapp-example/src/main/webapp/WEB-INF/web.xml"));

        List<String> params = initParams(snippet);
        assertEquals(4, params.size(), snippet);
        assertEquals(params, initParams(example.substring(example.indexOf("<filter>"))).subList(0, 4));
        assertTrue(snippet.contains("<filter-class>io.github.jwtsigner.JwtSignerFilter</filter-class>"));
    }

    @Test
    void validatorWebXmlSnippetIsTheExampleRegistration() throws IOException {
        String snippet = blockAfter("**web.xml** (the example monolith's, on its API)");
        String example = Files.readString(Path.of("webapp-example/src/main/webapp/WEB-INF/web.xml"));
        String filter = example.substring(example.indexOf("<filter-name>apiValidator</filter-name>"));
        filter = filter.substring(0, filter.indexOf("</filter>"));

        assertEquals(initParams(filter), initParams(snippet));
        assertTrue(snippet.contains("<filter-class>io.github.jwtsigner.JwtValidatorFilter</filter-class>"));
    }

    @Test
    void webFilterSnippetIsTheExampleSubclass() throws IOException {
        assertLinesAppearIn(blockAfter("**`@WebFilter`**"),
                Path.of("webapp-example/src/main/java/io/github/jwtsigner/example/RefreshSigningFilter.java"));
    }

    @Test
    void codeSnippetIsTheListenerTheIntegrationTestsRun() throws IOException {
        assertLinesAppearIn(blockAfter("**Code**"),
                Path.of("src/test/java/io/github/jwtsigner/it/SignerRegistration.java"));
    }

    @Test
    void springBootSnippetIsTheRegistrationTheIntegrationTestRuns() throws IOException {
        assertLinesAppearIn(blockAfter("**Spring Boot**").replace("@Bean\n", ""),
                Path.of("src/test/java/io/github/jwtsigner/it/SpringBootRegistrationIntegrationTest.java"));
    }

    private static String readme() throws IOException {
        return Files.readString(README, StandardCharsets.UTF_8);
    }

    private static List<String[]> settingsRows() throws IOException {
        return rows("## Settings");
    }

    /** The rows of the table in the section under {@code heading}, up to the next heading. */
    private static List<String[]> rows(String heading) throws IOException {
        String text = readme();
        int start = text.indexOf("\n" + heading + "\n");
        assertTrue(start >= 0, "README has no [" + heading + "]");
        String section = text.substring(start + 1, text.indexOf("\n#", start + 2));
        List<String[]> rows = new ArrayList<>();
        Matcher m = TABLE_ROW.matcher(section);
        while (m.find()) {
            rows.add(new String[] {m.group(1), m.group(4).trim()});
            if (m.group(2) != null) {
                rows.add(new String[] {m.group(2), m.group(4).trim()});
            }
        }
        return rows;
    }

    private static String defaultOf(String setting) throws IOException {
        return settingsRows().stream().filter(r -> r[0].equals(setting)).findFirst()
                .orElseThrow(() -> new AssertionError("no README row for " + setting))[1];
    }

    private static String blockAfter(String heading) throws IOException {
        String text = readme();
        int at = text.indexOf(heading);
        assertTrue(at >= 0, "README has no [" + heading + "]");
        Matcher m = CODE_BLOCK.matcher(text);
        assertTrue(m.find(at), "no code block after [" + heading + "]");
        return m.group(2);
    }

    private static List<String> initParams(String xml) {
        Matcher m = Pattern.compile("<param-name>\\s*(.*?)\\s*</param-name>\\s*<param-value>\\s*(.*?)\\s*</param-value>",
                Pattern.DOTALL).matcher(xml);
        List<String> pairs = new ArrayList<>();
        while (m.find()) {
            pairs.add(m.group(1) + "=" + m.group(2));
        }
        return pairs;
    }

    /** Every line of the snippet, trimmed and without a trailing comment, is a line of the source. */
    private static void assertLinesAppearIn(String snippet, Path source) throws IOException {
        Set<String> lines = Files.readAllLines(source).stream().map(String::trim).collect(Collectors.toSet());
        for (String line : snippet.split("\n")) {
            String code = line.replaceFirst("\\s+// .*$", "").trim();
            if (!code.isEmpty()) {
                assertTrue(lines.contains(code), "README line [" + code + "] is not in " + source);
            }
        }
    }
}
