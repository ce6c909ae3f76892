package io.github.jwtsigner.testing;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

/** A {@code System.Logger} that keeps every line, formatted as the JDK's default backend would. */
public final class RecordingLogger implements System.Logger {
    /** One logged line. */
    public record Line(Level level, String message) {
    }

    private final List<Line> lines = new ArrayList<>();

    public synchronized List<Line> lines() {
        return List.copyOf(lines);
    }

    @Override
    public String getName() {
        return "io.github.jwtsigner";
    }

    @Override
    public boolean isLoggable(Level level) {
        return true;
    }

    @Override
    public synchronized void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
        lines.add(new Line(level, msg));
    }

    @Override
    public synchronized void log(Level level, ResourceBundle bundle, String format, Object... params) {
        lines.add(new Line(level, params == null || params.length == 0 ? format
                : new MessageFormat(format).format(params)));
    }
}
