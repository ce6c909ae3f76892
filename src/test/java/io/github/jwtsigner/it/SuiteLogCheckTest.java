package io.github.jwtsigner.it;

import io.github.jwtsigner.internal.ops.AuditLog;
import io.github.jwtsigner.testing.LogCanary;
import io.github.jwtsigner.testing.SuiteLog;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs after every other test class of the JVM ({@code junit-platform.properties} orders classes by
 * {@link Order}) and reads every line logged meanwhile ({@link SuiteLog}): no line holds a compact JWS or a piece of
 * one, nor the {@link LogCanary} claim every shared login fixture puts into its claim sets; and audit lines were
 * seen, so the check looked at what the logins and refusals logged. Aborted when no test of the JVM ran a container.
 */
@Order(Integer.MAX_VALUE)
class SuiteLogCheckTest {
    /** Base64url of a JSON object's start, <code>{"</code>: the first characters of every JWS header and payload. */
    private static final Pattern ENCODED_JSON = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}");
    /** Three base64url parts joined by dots, each as long as the shortest header, payload or signature is. */
    private static final Pattern COMPACT = Pattern.compile("[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}");
    /**
     * A Java stack frame, such as
     * {@code java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1150)}, which Tomcat
     * writes into the text of its thread-leak WARNING: its dotted names look like three base64url parts, and no
     * token is followed by a parenthesised source file.
     */
    private static final Pattern STACK_FRAME = Pattern.compile("[\\w.$@/-]+\\([\\w$.-]*(?::\\d+)?\\)");
    private static final int SHOWN = 20;

    @Test
    void noLineOfTheWholeRunHoldsATokenOrAClaimItShouldNot() {
        assumeTrue(ServletContainer.Kind.started() > 0, "no container test ran in this JVM, so there are no logins"
                + " and refusals to check the log of: run this class with the whole suite");
        List<SuiteLog.Line> lines = SuiteLog.lines();
        long created = audit(lines, "event=authn_token_created ");
        long rejected = audit(lines, "event=authn_token_rejected ");
        assertTrue(created > 0 && rejected > 0, () -> "containers ran but the log holds " + created
                + " authn_token_created and " + rejected + " authn_token_rejected lines of " + lines.size()
                + ": either the audit trail or the capture of the log is broken");

        List<String> offending = lines.stream().filter(l -> holdsToken(l.text())).map(SuiteLog.Line::toString)
                .toList();
        assertEquals(List.of(), offending.subList(0, Math.min(SHOWN, offending.size())),
                offending.size() + " of " + lines.size() + " lines hold a token, a piece of one or the canary claim");
    }

    @Test
    void aStackFrameInAContainersLineIsNoTokenButATokenBesideOneIs() {
        String tomcat = "The web application [ROOT] appears to have started a thread named [jwt-signer-key-refresh]"
                + " but has failed to stop it. This is very likely to create a memory leak. Stack trace of thread:\n"
                + " java.base@17.0.15/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1150)\n"
                + " java.base@17.0.15/java.lang.Thread.run(Thread.java:840)";
        String token = "xyzAbCdEf0.qwErTyUi_1.aSdFgHjK-2";
        assertFalse(holdsToken(tomcat), tomcat);
        assertTrue(holdsToken(tomcat + " " + token));
        assertTrue(holdsToken("refused eyJhbGciOi"));
        assertTrue(holdsToken("sub " + LogCanary.VALUE));
    }

    /** True when {@code text}, its stack frames aside, holds a compact JWS, a piece of one, or the canary. */
    static boolean holdsToken(String text) {
        String withoutFrames = STACK_FRAME.matcher(text).replaceAll(" ");
        return ENCODED_JSON.matcher(withoutFrames).find() || COMPACT.matcher(withoutFrames).find()
                || text.contains(LogCanary.VALUE);
    }

    private static long audit(List<SuiteLog.Line> lines, String event) {
        return lines.stream().filter(l -> AuditLog.LOGGER_NAME.equals(l.logger()) && l.text().startsWith(event))
                .count();
    }
}
