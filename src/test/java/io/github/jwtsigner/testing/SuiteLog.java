package io.github.jwtsigner.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Every log record of the test JVM, kept for {@code SuiteLogCheckTest}: a handler on the root
 * {@code java.util.logging} logger (where {@code System.Logger} lines, Tomcat's and the library's, end up) keeps
 * each record's message formatted with its parameters, as {@link SimpleFormatter#formatMessage} does, followed by
 * the messages of its exception's cause chain. The library's loggers ({@code io.github.jwtsigner} and below) are set
 * to {@link Level#ALL}, so their DEBUG lines are made and kept too; the root console handler is left as it is, so
 * what the console shows does not change.
 *
 * <p>Registered for every test class by JUnit's extension autodetection (see {@code junit-platform.properties}
 * and {@code META-INF/services}); the handler is installed before the first class runs, and again before any later
 * one should something have reset the logging configuration.
 *
 * <p>Thread-safe.
 */
public final class SuiteLog implements BeforeAllCallback {
    /** One record: its logger, level, and formatted text. */
    public record Line(String logger, Level level, String text) {
        @Override
        public String toString() {
            return level + " [" + logger + "] " + text;
        }
    }

    /** Held here: a {@code java.util.logging} logger without a strong reference may lose its level. */
    private static final Logger ROOT = Logger.getLogger("");
    private static final Logger LIBRARY = Logger.getLogger("io.github.jwtsigner");
    private static final Queue<Line> LINES = new ConcurrentLinkedQueue<>();
    private static final Handler HANDLER = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            StringBuilder text = new StringBuilder(String.valueOf(formatter.formatMessage(record)));
            for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                text.append(" | ").append(t);
            }
            LINES.add(new Line(record.getLoggerName(), record.getLevel(), text.toString()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    /** Called by JUnit, which instantiates the extension from {@code META-INF/services}. */
    public SuiteLog() {
        install();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        install();
    }

    private static synchronized void install() {
        HANDLER.setLevel(Level.ALL);
        if (!Arrays.asList(ROOT.getHandlers()).contains(HANDLER)) {
            ROOT.addHandler(HANDLER);
        }
        LIBRARY.setLevel(Level.ALL);
    }

    /** The records kept so far, in the order they were logged. */
    public static List<Line> lines() {
        return List.copyOf(LINES);
    }
}
