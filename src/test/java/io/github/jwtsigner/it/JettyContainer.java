package io.github.jwtsigner.it;

import org.eclipse.jetty.ee10.annotations.AnnotationConfiguration;
import org.eclipse.jetty.ee10.webapp.Configurations;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.net.URI;
import java.nio.file.Path;

/** Embedded Jetty 12 (ee10) with annotation scanning, as a standalone Jetty deploys a webapp. */
final class JettyContainer implements ServletContainer {
    private final Server server;
    private final WebAppContext context;
    private final URI base;

    private JettyContainer(Server server, WebAppContext context, URI base) {
        this.server = server;
        this.context = context;
        this.base = base;
    }

    static JettyContainer start(Path webappDir) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        Configurations.setServerDefault(server);
        WebAppContext context = new WebAppContext();
        context.setContextPath("/");
        context.setWar(webappDir.toAbsolutePath().toString());
        context.addConfiguration(new AnnotationConfiguration());
        // A failed filter leaves the context unavailable (503) instead of stopping the whole server, so the
        // test can also check that nothing is served.
        context.setThrowUnavailableOnStartupException(false);
        server.setHandler(context);
        server.start();
        return new JettyContainer(server, context,
                URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/"));
    }

    @Override
    public URI base() {
        return base;
    }

    @Override
    public boolean webappAvailable() {
        return context.isAvailable() && context.getUnavailableException() == null;
    }

    @Override
    public String startupFailure() {
        Throwable t = context.getUnavailableException();
        return t == null ? "" : ServletContainer.causeChain(t);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
