package io.github.jwtsigner;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each setting's name is written once in the main code, in {@link Setting}; every message and log line that
 * names a setting takes the name from there. Read from the sources, since a constant's text is inlined.
 */
class SettingNamesTest {
    private static final Path MAIN = Path.of("src/main/java/io/github/jwtsigner");
    private static final Path SETTING = MAIN.resolve("Setting.java");

    /**
     * Short names that other things of the same spelling use as exact string literals, each for its own reason:
     * the JOSE header and JWK parameters {@code alg}, {@code kid} and {@code typ} (RFC 7515 section 4.1, RFC 7517
     * section 4), after which KrakenD named its settings, Java parameters of those names in null checks, and the
     * tags of the issued tokens' meter (the header's alg and kid); the member {@code endpoint} of a KrakenD
     * endpoint object; the Java parameters {@code config} and {@code signer} in null checks, and the word
     * {@code signer} naming the component in the KrakenD reader's messages and in the meters' {@code component}
     * tag. In {@code Setting} itself a name may also be another setting's default: {@code roles_key} is
     * {@code roles} by default.
     */
    private static final Map<String, Set<String>> SAME_SPELLING_ELSEWHERE = Map.of(
            "alg", Set.of("internal/jws/", "internal/keys/JwkParameters.java", "internal/keys/SigningKeys.java",
                    "internal/validation/", "internal/ops/UnverifiedToken.java",
                    "internal/ops/micrometer/SignerMeters.java"),
            "kid", Set.of("internal/jws/", "internal/keys/JwkParameters.java", "internal/keys/SigningKeys.java",
                    "internal/validation/", "internal/ops/UnverifiedToken.java",
                    "internal/ops/micrometer/SignerMeters.java"),
            "typ", Set.of("internal/jws/", "internal/validation/"),
            "endpoint", Set.of("internal/settings/KrakendConfigReader.java"),
            "config", Set.of("JwtSignerFilter.java", "JwksServlet.java", "JwtValidatorFilter.java",
                    "internal/rotation/KeyRing.java"),
            "signer", Set.of("internal/jws/PayloadSigner.java", "internal/settings/KrakendConfigReader.java",
                    "internal/ops/micrometer/MicrometerMeters.java"));

    @Test
    void aNameWithAnUnderscoreIsWrittenOnlyInSetting() throws IOException {
        List<String> found = new ArrayList<>();
        for (Setting setting : Setting.values()) {
            String name = setting.settingName();
            if (!name.contains("_")) {
                continue;
            }
            Pattern word = Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(name) + "(?![A-Za-z0-9_])");
            for (Path file : mainSources()) {
                long hits = literals(file).stream().filter(l -> word.matcher(l).find()).count();
                if (file.equals(SETTING) ? hits != 1 : hits != 0) {
                    found.add(name + ": " + hits + " string literal(s) in " + MAIN.relativize(file));
                }
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void aShortNameIsALiteralOnlyInSettingAndWhereItMeansSomethingElse() throws IOException {
        List<String> found = new ArrayList<>();
        for (Setting setting : Setting.values()) {
            String name = setting.settingName();
            if (name.contains("_")) {
                continue;
            }
            for (Path file : mainSources()) {
                String where = MAIN.relativize(file).toString().replace('\\', '/');
                long hits = literals(file).stream().filter(name::equals).count();
                boolean allowed = SAME_SPELLING_ELSEWHERE.getOrDefault(name, Set.of()).stream()
                        .anyMatch(where::startsWith);
                long asDefault = java.util.Arrays.stream(Setting.values()).filter(s -> name.equals(s.defaultValue()))
                        .count();
                if (file.equals(SETTING) ? hits != 1 + asDefault : hits != 0 && !allowed) {
                    found.add(name + ": " + hits + " string literal(s) in " + where);
                }
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void readsStringLiteralsAndSkipsComments() {
        assertEquals(List.of("a \\\" b", "c", "x\n  y\n"),
                literals("// \"no\"\n/* \"no\" */ String s = \"a \\\" b\" + 'q' + '\"' + \"c\"; String t = \"\"\"\n"
                        + "x\n  y\n\"\"\";"));
    }

    private static List<Path> mainSources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            List<Path> sources = files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
            assertTrue(sources.contains(SETTING), "run from the project directory: " + Path.of("").toAbsolutePath());
            return sources;
        }
    }

    private static List<String> literals(Path file) throws IOException {
        return literals(Files.readString(file));
    }

    /** The string and text-block literals of Java source, comments and char literals skipped. */
    static List<String> literals(String src) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < src.length()) {
            if (src.startsWith("//", i)) {
                int end = src.indexOf('\n', i);
                i = end < 0 ? src.length() : end;
            } else if (src.startsWith("/*", i)) {
                i = src.indexOf("*/", i + 2) + 2;
            } else if (src.startsWith("\"\"\"", i)) {
                int start = src.indexOf('\n', i) + 1;
                int end = src.indexOf("\"\"\"", start);
                out.add(src.substring(start, end));
                i = end + 3;
            } else if (src.charAt(i) == '"' || src.charAt(i) == '\'') {
                char quote = src.charAt(i);
                int j = i + 1;
                while (src.charAt(j) != quote) {
                    j += src.charAt(j) == '\\' ? 2 : 1;
                }
                if (quote == '"') {
                    out.add(src.substring(i + 1, j));
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        return out;
    }
}
