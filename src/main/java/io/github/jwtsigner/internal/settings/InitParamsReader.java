package io.github.jwtsigner.internal.settings;

import io.github.jwtsigner.Problems;

import io.github.jwtsigner.InvalidConfigurationException;
import io.github.jwtsigner.JwksConfig;
import io.github.jwtsigner.SignerConfig;
import io.github.jwtsigner.ValidatorConfig;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a {@link SignerConfig} from init-params (web.xml {@code <init-param>}s or {@code @WebFilter}'s
 * {@code initParams}), named exactly as {@link SignerConfig#SETTING_NAMES}.
 *
 * <p>Names and values are trimmed. Booleans are {@code true} or {@code false} in any case. Lists
 * ({@code keys_to_sign}, {@code jwk_fingerprints}, {@code cipher_suites}) are comma-separated values, each
 * trimmed, or a JSON array ({@code ["access_token", "refresh_token"]}, {@code [49199, 4865]}); an empty
 * value is an empty list. Numbers are plain decimal integers. Durations are in Go's syntax: {@code 500ms},
 * {@code 5s}, {@code 1m30s}.
 *
 * <p>Every value may hold {@code ${env:NAME}} and {@code ${sys:name}} placeholders, expanded before it is read
 * (so {@code ${env:KEYS}} may stand for a whole list); {@code $${} is a literal {@code ${}. An unset variable
 * is a problem that names it.
 *
 * <p>Stateless and thread-safe.
 */
public final class InitParamsReader {

    private InitParamsReader() {
    }

    /**
     * Reads settings that are alone in their map.
     *
     * @see #read(Map, Collection, String)
     */
    public static SignerConfig read(Map<String, String> params, String source) {
        return read(params, Set.of(), source);
    }

    /**
     * Reads settings from init-params that may also hold the filter's own names.
     *
     * @param params every init-param by name
     * @param extraAllowed names that are not settings but belong in {@code params} all the same (such as the
     *     filter's {@code config} and {@code endpoint}); skipped, and listed as known in an unknown-name error
     * @param source where the params come from, for messages, such as {@code filter [jwtSigner] init-params}
     * @return the validated configuration
     * @throws InvalidConfigurationException naming every problem: unknown names (with the closest known one),
     *     values of the wrong type, and everything {@link SignerConfig.Builder#build()} rejects
     */
    public static SignerConfig read(Map<String, String> params, Collection<String> extraAllowed, String source) {
        return read(params, extraAllowed, source, Placeholders.system());
    }

    /**
     * Trims one of the filter's own init-params ({@code config}, {@code endpoint}), which are not settings,
     * and expands its {@code ${env:NAME}} and {@code ${sys:name}} placeholders as a setting's.
     *
     * @param source where the param comes from, for messages, as in {@link #read(Map, Collection, String)}
     * @return the expanded value, or {@code null} after adding a problem that names the param and the variable
     */
    public static String expandOwnParam(String name, String value, String source, Problems problems) {
        return expandOwnParam(name, value, source, problems, Placeholders.system());
    }

    static String expandOwnParam(String name, String value, String source, Problems problems,
            Placeholders placeholders) {
        return placeholders.expand(value.trim(), false, source + ": " + name, problems);
    }

    /** As {@link #read(Map, Collection, String)}, with placeholders looked up in {@code placeholders}. */
    static SignerConfig read(Map<String, String> params, Collection<String> extraAllowed, String source,
            Placeholders placeholders) {
        SettingsAssembler assembler = new SettingsAssembler(source, extraAllowed, placeholders);
        return assembler.assemble(values(params, assembler));
    }

    /**
     * Reads the JWKS servlet's settings ({@link JwksConfig#settingNames()}) as {@link #read(Map, String)} reads
     * the signer's: same value syntax, placeholders and unknown-name messages.
     *
     * @param source where the params come from, for messages, such as {@code init-params of servlet [jwks]}
     * @throws InvalidConfigurationException naming every problem
     */
    public static JwksConfig readJwks(Map<String, String> params, String source) {
        return readJwks(params, source, Placeholders.system());
    }

    static JwksConfig readJwks(Map<String, String> params, String source, Placeholders placeholders) {
        SettingsAssembler assembler = new SettingsAssembler(source, Set.of(), placeholders,
                JwksConfig.settingNames());
        return assembler.assembleJwks(values(params, assembler));
    }

    /**
     * Reads the validator's settings ({@link ValidatorConfig#settingNames()}) as {@link #read(Map, String)} reads
     * the signer's; {@code alg} may be a list, {@code leeway} is a duration.
     *
     * @param extraAllowed the filter's own init-params, skipped
     * @throws InvalidConfigurationException naming every problem
     */
    public static ValidatorConfig readValidator(Map<String, String> params, Collection<String> extraAllowed,
            String source) {
        return readValidator(params, extraAllowed, source, Placeholders.system());
    }

    static ValidatorConfig readValidator(Map<String, String> params, Collection<String> extraAllowed, String source,
            Placeholders placeholders) {
        SettingsAssembler assembler = new SettingsAssembler(source, extraAllowed, placeholders,
                ValidatorConfig.settingNames());
        return assembler.assembleValidator(values(params, assembler));
    }

    private static Map<String, RawValue> values(Map<String, String> params, SettingsAssembler assembler) {
        Map<String, RawValue> values = new LinkedHashMap<>();
        // Sorted, so that problems come out in the same order whatever map the container hands over.
        for (Map.Entry<String, String> e : new TreeMap<>(params).entrySet()) {
            String name = e.getKey().strip();
            if (values.containsKey(name)) {
                assembler.addProblem("setting [" + name + "] is given twice (names are trimmed); expected it"
                        + " once");
            } else {
                values.put(name, new InitParamValue(e.getValue()));
            }
        }
        return values;
    }
}
