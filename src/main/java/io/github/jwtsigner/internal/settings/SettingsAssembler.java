package io.github.jwtsigner.internal.settings;

import io.github.jwtsigner.Problems;

import io.github.jwtsigner.Setting;
import io.github.jwtsigner.InvalidConfigurationException;
import io.github.jwtsigner.JwksConfig;
import io.github.jwtsigner.SignerConfig;
import io.github.jwtsigner.ValidatorConfig;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Turns settings by name, as either reader found them, into a {@link SignerConfig}: rejects unknown names
 * (suggesting the closest known one), expands {@code ${env:NAME}} and {@code ${sys:name}} placeholders (see
 * {@link Placeholders}), converts each value to its setting's type, and lets
 * {@link SignerConfig.Builder#build()} check the rest. Every problem, from whichever step, ends up in one
 * {@link InvalidConfigurationException}, each prefixed with the source it came from.
 *
 * <p>One instance per read; not thread-safe.
 */
final class SettingsAssembler {
    private static final int MAX_NAME_SHOWN = 60;
    /** The names a configuration holds: every setting but the filter's own init-params. */
    private static final List<String> CONFIGURATION_NAMES = Setting.names(Setting.Scope.SIGNER, Setting.Scope.KEYS);

    private final String source;
    private final List<String> configurationNames;
    private final Placeholders placeholders;
    private final Set<String> extraNames;
    private final List<String> knownNames;
    private final Problems problems = new Problems();
    private Function<Setting, Setting.Kind> kinds = Setting::kind;
    /** For the validator: an unknown name that is another component's setting says whose it is. */
    private boolean namesOwners;

    /**
     * @param source where the settings come from, such as a file name; starts every problem
     * @param extraNames further names that may appear and are not settings (the filter's own init-params);
     *     they are skipped here
     */
    SettingsAssembler(String source, Collection<String> extraNames) {
        this(source, extraNames, Placeholders.system());
    }

    /** @param placeholders expands {@code ${env:NAME}} and {@code ${sys:name}} in every setting's value */
    SettingsAssembler(String source, Collection<String> extraNames, Placeholders placeholders) {
        this(source, extraNames, placeholders, CONFIGURATION_NAMES);
    }

    /** @param configurationNames the settings this source may hold; the signer's unless given */
    SettingsAssembler(String source, Collection<String> extraNames, Placeholders placeholders,
            List<String> configurationNames) {
        this.source = source;
        this.configurationNames = List.copyOf(configurationNames);
        this.placeholders = placeholders;
        this.extraNames = new LinkedHashSet<>(extraNames);
        List<String> known = new ArrayList<>(this.configurationNames);
        for (String extra : this.extraNames) {
            if (!known.contains(extra)) {
                known.add(extra);
            }
        }
        this.knownNames = List.copyOf(known);
    }

    /** Records a problem the reader found itself, to be reported with all the others. */
    void addProblem(String problem) {
        problems.add(problem);
    }

    /**
     * Builds the configuration from every name the source holds.
     *
     * @param values by setting name; may hold unknown and extra names, which are reported or skipped
     * @throws InvalidConfigurationException with every problem found, including those added before
     */
    SignerConfig assemble(Map<String, RawValue> values) {
        SignerConfig.Builder builder = SignerConfig.builder();
        convert(values, builder::set);
        return checked(builder.build(problems));
    }

    /**
     * Builds the JWKS servlet's configuration; this assembler must have been made with
     * {@link JwksConfig#settingNames()}.
     *
     * @throws InvalidConfigurationException with every problem found, including those added before
     */
    JwksConfig assembleJwks(Map<String, RawValue> values) {
        JwksConfig.Builder builder = JwksConfig.builder();
        convert(values, builder::set);
        return checked(builder.build(problems));
    }

    /**
     * Builds the validator's configuration; this assembler must have been made with
     * {@link ValidatorConfig#settingNames()}. Values are read as {@link ValidatorConfig#kind(Setting)} says.
     *
     * @throws InvalidConfigurationException with every problem found, including those added before
     */
    ValidatorConfig assembleValidator(Map<String, RawValue> values) {
        ValidatorConfig.Builder builder = ValidatorConfig.builder();
        kinds = ValidatorConfig::kind;
        namesOwners = true;
        convert(values, builder::set);
        return checked(builder.build(problems));
    }

    /** Reports unknown names, then converts each known setting's value and hands it to {@code set}. */
    private void convert(Map<String, RawValue> values, BiConsumer<Setting, Object> set) {
        for (String name : values.keySet()) {
            if (!configurationNames.contains(name) && !extraNames.contains(name)) {
                problems.add(unknownName(name));
            }
        }
        for (Setting setting : Setting.values()) {
            RawValue value = configurationNames.contains(setting.settingName()) ? values.get(setting.settingName())
                    : null;
            if (value == null || value.isAbsent()) {
                continue;
            }
            value = value.expand(placeholders, setting, kinds.apply(setting), problems);
            Object converted = value == null ? null : value.convert(setting, kinds.apply(setting), problems);
            if (converted == null) {
                problems.refuse(setting);
            } else {
                set.accept(setting, converted);
            }
        }
    }

    private <T> T checked(T config) {
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems.messages().stream().map(p -> source + ": " + p)
                    .toList());
        }
        return config;
    }

    private String unknownName(String name) {
        String shown = name.length() <= MAX_NAME_SHOWN ? name : name.substring(0, MAX_NAME_SHOWN) + "...";
        Optional<String> closest = ClosestName.among(name, knownNames);
        Optional<Setting> other = namesOwners ? Setting.named(name) : Optional.empty();
        if (other.isPresent() && (other.get().scope() == Setting.Scope.SIGNER
                || other.get().scope() == Setting.Scope.JWKS)) {
            return "setting [" + name + "] is one of the " + (other.get().scope() == Setting.Scope.SIGNER
                    ? "signer's (JwtSignerFilter)" : "JWKS servlet's (JwksServlet)") + ", not of the validator; "
                    + closest.map(c -> "did you mean [" + c + "]? ").orElse("") + "known settings: " + knownNames;
        }
        return "unknown setting [" + shown + "]; "
                + closest.map(c -> "did you mean [" + c + "]? ").orElse("")
                + "known settings: " + knownNames;
    }
}
