package io.github.jwtsigner.it;

import org.apache.catalina.Context;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.util.ServerInfo;
import org.apache.tomcat.util.scan.StandardJarScanner;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Embedded Tomcat (11, or 10.1 where the build puts it on the class path) deploying the exploded webapp with its
 * web.xml and annotation scan; JSPs run when Jasper is on the class path.
 */
final class TomcatContainer implements ServletContainer {
    /** System property: the webapp's {@code suspendWrappedResponseAfterForward}, when set. */
    static final String SUSPEND_AFTER_FORWARD = "it.tomcat.suspendWrappedResponseAfterForward";

    private static final Logger CATALINA_LOG = Logger.getLogger("org.apache.catalina");

    private final Tomcat tomcat;
    private final Context context;
    private final URI base;
    private final Handler capture;
    private final List<String> severe;

    private TomcatContainer(Tomcat tomcat, Context context, URI base, Handler capture, List<String> severe) {
        this.tomcat = tomcat;
        this.context = context;
        this.base = base;
        this.capture = capture;
        this.severe = severe;
    }

    static TomcatContainer start(Path webappDir, Path workDir) throws Exception {
        List<String> severe = Collections.synchronizedList(new ArrayList<>());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    severe.add(r.getMessage() + "\n" + (r.getThrown() == null ? ""
                            : ServletContainer.causeChain(r.getThrown())));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        CATALINA_LOG.addHandler(capture);
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(workDir.toAbsolutePath().toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context context = tomcat.addWebapp("", webappDir.toAbsolutePath().toString());
        // The test class path holds no web fragments; skipping its jars keeps start-up fast.
        ((StandardJarScanner) context.getJarScanner()).setScanClassPath(false);
        String suspend = System.getProperty(SUSPEND_AFTER_FORWARD);
        if (suspend != null) {
            context.setSuspendWrappedResponseAfterForward(Boolean.parseBoolean(suspend));
        }
        tomcat.start();
        return new TomcatContainer(tomcat, context,
                URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/"), capture, severe);
    }

    @Override
    public URI base() {
        return base;
    }

    @Override
    public boolean webappAvailable() {
        return context.getState() == LifecycleState.STARTED && context.getState().isAvailable();
    }

    @Override
    public String startupFailure() {
        synchronized (severe) {
            return String.join("\n", severe);
        }
    }

    @Override
    public String serverVersion() {
        return ServerInfo.getServerNumber();
    }

    @Override
    public void close() throws Exception {
        try {
            tomcat.stop();
            tomcat.destroy();
        } finally {
            CATALINA_LOG.removeHandler(capture);
        }
    }
}
