package io.github.jwtsigner.testing;

/**
 * A claim value the shared login fixtures put into every claim set they answer (as the claim {@value #CLAIM}), and
 * which no log line of the whole test run may hold: the audit trail reads a few named claims and no other, and
 * nothing else logs claims at all. {@code SuiteLogCheckTest} looks for it in every line logged.
 */
public final class LogCanary {
    /** The claim's name. */
    public static final String CLAIM = "canary";
    /** The claim's value: text that appears nowhere else. */
    public static final String VALUE = "do-not-log-7d41c0ffee";
    /** The member {@code "canary":"<value>"}, ready to go into a claim set's JSON. */
    public static final String MEMBER = "\"" + CLAIM + "\":\"" + VALUE + "\"";

    private LogCanary() {
    }
}
