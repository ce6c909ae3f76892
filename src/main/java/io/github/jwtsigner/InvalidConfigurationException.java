package io.github.jwtsigner;

import java.util.List;

/**
 * The configuration, or the key it points at, cannot be used. Carries every problem found, not just the
 * first, so one failed start shows everything to fix.
 */
public class InvalidConfigurationException extends JwtSignerException {
    private static final long serialVersionUID = 1L;

    /** What the messages of the plain constructors call the configuration. */
    private static final String SIGNER = "JWT signer";

    private final List<String> problems;

    public InvalidConfigurationException(List<String> problems) {
        this(problems, null);
    }

    public InvalidConfigurationException(List<String> problems, Throwable cause) {
        this(SIGNER, problems, cause);
    }

    /**
     * @param component what the configuration configures, for the message: {@code JWT validator} gives
     *     {@code invalid JWT validator configuration: ...}
     */
    public InvalidConfigurationException(String component, List<String> problems, Throwable cause) {
        super(message(component, problems), cause);
        this.problems = List.copyOf(problems);
    }

    public InvalidConfigurationException(String problem) {
        this(List.of(problem), null);
    }

    public InvalidConfigurationException(String problem, Throwable cause) {
        this(List.of(problem), cause);
    }

    /** Each problem as one sentence in the form {@code what [value]; expected ...}. */
    public List<String> problems() {
        return problems;
    }

    private static String message(String component, List<String> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an InvalidConfigurationException needs at least one problem");
        }
        if (problems.size() == 1) {
            return "invalid " + component + " configuration: " + problems.get(0);
        }
        StringBuilder sb = new StringBuilder("invalid " + component + " configuration, ")
                .append(problems.size()).append(" problems:");
        for (String p : problems) {
            sb.append("\n  - ").append(p);
        }
        return sb.toString();
    }
}
