package io.github.jwtsigner.internal.settings;

import io.github.jwtsigner.Problems;

import io.github.jwtsigner.Setting;

import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Expands {@code ${env:NAME}} (an environment variable) and {@code ${sys:name}} (a Java system property) in a
 * setting's value, so that no secret has to be written into web.xml or a KrakenD file. {@code $${} stands for
 * a literal {@code ${}. Expansion is a single pass: a variable's value is taken as it is, even if it holds
 * {@code ${}.
 *
 * <p>A variable that is not set, a placeholder without its closing brace, or one that is neither
 * {@code env:} nor {@code sys:} is a problem naming the setting and the variable; the value of a secret
 * setting is never quoted.
 *
 * <p>Immutable; thread-safe when the lookups are.
 */
final class Placeholders {
    /** Finds a variable's value; {@code null} when it is not set. */
    @FunctionalInterface
    interface Lookup {
        String get(String name);
    }

    private static final String ENV = "env:";
    private static final String SYS = "sys:";

    private final Lookup environment;
    private final Lookup systemProperties;

    Placeholders(Lookup environment, Lookup systemProperties) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.systemProperties = Objects.requireNonNull(systemProperties, "systemProperties");
    }

    /** The process environment and the JVM's system properties. */
    static Placeholders system() {
        return new Placeholders(System::getenv, System::getProperty);
    }

    /** True when {@code text} holds {@code ${} (escaped or not): only then can expansion change it. */
    static boolean mayContain(String text) {
        return text != null && text.contains("${");
    }

    /**
     * @param setting the setting the value belongs to: named in problems, and tells whether it is secret
     * @param what how problems name the value, such as {@code keys_to_sign item 2}
     * @return the expanded text, or {@code null} after adding a problem
     */
    String expand(String text, Setting setting, String what, Problems problems) {
        return expand(text, setting::quote, what, problems);
    }

    /**
     * The same for a value that is not a setting (the filter's {@code config} and {@code endpoint}).
     *
     * @param secret whether the value may not be quoted in a problem
     */
    String expand(String text, boolean secret, String what, Problems problems) {
        return expand(text, value -> secret ? "" : " [" + value + "]", what, problems);
    }

    /** @param quote the value as a problem may show it: {@code " [value]"}, redacted, or nothing */
    private String expand(String text, UnaryOperator<String> quote, String what, Problems problems) {
        if (!mayContain(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("$${", i)) {
                out.append("${");
                i += 3;
            } else if (text.startsWith("${", i)) {
                int close = text.indexOf('}', i + 2);
                if (close < 0) {
                    String shown = quote.apply(RawValue.shorten(text));
                    problems.add(what + shown + " has a placeholder without its closing brace; expected"
                            + " ${env:NAME} or ${sys:name} (or $${ for a literal ${)");
                    return null;
                }
                String value = lookup(text.substring(i + 2, close), quote, what, problems);
                if (value == null) {
                    return null;
                }
                out.append(value);
                i = close + 1;
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }

    private String lookup(String reference, UnaryOperator<String> quote, String what, Problems problems) {
        boolean env = reference.startsWith(ENV);
        boolean sys = reference.startsWith(SYS);
        String name = env || sys ? reference.substring(ENV.length()) : "";
        if (name.isEmpty()) {
            String shown = quote.apply("${" + RawValue.shorten(reference) + "}");
            problems.add(what + " has a placeholder" + shown + " that names no variable; expected ${env:NAME} or"
                    + " ${sys:name} (or $${ for a literal ${)");
            return null;
        }
        String value = env ? environment.get(name) : systemProperties.get(name);
        if (value == null) {
            problems.add(what + " refers to " + (env ? "environment variable [" : "system property [") + name
                    + "], which is not set; expected it to be set" + (env ? " in the server's environment"
                            : " with -D" + name + "=... on the server's command line"));
        }
        return value;
    }
}
