package io.github.jwtsigner.it;

import java.net.URI;
import java.nio.file.Path;

/** A real servlet container serving one exploded webapp on a loopback ephemeral port. */
interface ServletContainer extends AutoCloseable {
    /** The webapp's base URI, ending in {@code /}. */
    URI base();

    /** True when the webapp started; false when the container refused it. */
    boolean webappAvailable();

    /** What the container reported when the webapp failed to start: messages of the whole cause chain. */
    String startupFailure();

    @Override
    void close() throws Exception;

    /** The containers the integration tests run on. */
    enum Kind {
        JETTY, TOMCAT;

        ServletContainer start(Path webappDir, Path workDir) throws Exception {
            return this == JETTY ? JettyContainer.start(webappDir) : TomcatContainer.start(webappDir, workDir);
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
