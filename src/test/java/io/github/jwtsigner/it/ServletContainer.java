package io.github.jwtsigner.it;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A real servlet container serving one exploded webapp on a loopback ephemeral port. */
interface ServletContainer extends AutoCloseable {
    /** The webapp's base URI, ending in {@code /}. */
    URI base();

    /** True when the webapp started; false when the container refused it. */
    boolean webappAvailable();

    /** What the container reported when the webapp failed to start: messages of the whole cause chain. */
    String startupFailure();

    /** The version of the container running, as it reports it (Tomcat: {@code ServerInfo.getServerNumber()}). */
    String serverVersion();

    @Override
    void close() throws Exception;

    /** The containers the integration tests run on. */
    enum Kind {
        JETTY, TOMCAT;

        /** System property: the kinds to run on, comma-separated (such as {@code TOMCAT}); unset means all. */
        static final String SELECTED = "it.containers";

        /** Containers started in this JVM, for a check that must know whether any test ran one. */
        private static final AtomicInteger STARTED = new AtomicInteger();

        ServletContainer start(Path webappDir, Path workDir) throws Exception {
            STARTED.incrementAndGet();
            return this == JETTY ? JettyContainer.start(webappDir) : TomcatContainer.start(webappDir, workDir);
        }

        /** How many containers were started in this JVM so far. */
        static int started() {
            return STARTED.get();
        }

        /** The kinds named in {@value #SELECTED}, else all of them. */
        static List<Kind> selected() {
            String names = System.getProperty(SELECTED, "").trim();
            if (names.isEmpty()) {
                return List.of(values());
            }
            return Arrays.stream(names.split(",")).map(String::trim).map(Kind::valueOf).toList();
        }
    }

    static String causeChain(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append(c.getClass().getName()).append(": ").append(c.getMessage()).append('\n');
        }
        return sb.toString();
    }
}
