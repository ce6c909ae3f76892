package io.github.jwtsigner.it;

import org.apache.jasper.servlet.JspServlet;
import org.apache.tomcat.InstanceManager;
import org.apache.tomcat.JarScanner;
import org.apache.tomcat.SimpleInstanceManager;
import org.apache.tomcat.util.scan.StandardJarScanner;
import org.eclipse.jetty.ee10.annotations.AnnotationConfiguration;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.webapp.Configurations;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Jetty;

import java.net.URI;
import java.nio.file.Path;

/**
 * Embedded Jetty 12 (ee10) with annotation scanning, as a standalone Jetty deploys a webapp, and JSPs compiled by
 * Tomcat's Jasper, the one the Tomcat tests use. Jetty's own JSP module (jetty-ee10-apache-jsp) does not resolve
 * for this Jetty release, and its repackaged Jasper would share packages with Tomcat's on one class path.
 */
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
        WebAppContext context = new JspWebAppContext();
        context.setContextPath("/");
        context.setWar(webappDir.toAbsolutePath().toString());
        context.addConfiguration(new AnnotationConfiguration());
        // Jasper's initializer is found on the class path as a container initializer; it reads the webapp's TLDs
        // only, not every jar of the test class path, and Jasper creates JSP instances with a plain manager.
        StandardJarScanner jarScanner = new StandardJarScanner();
        jarScanner.setScanClassPath(false);
        context.setAttribute(JarScanner.class.getName(), jarScanner);
        context.setAttribute(InstanceManager.class.getName(), new SimpleInstanceManager());
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
    public String serverVersion() {
        return Jetty.VERSION;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /** Runs webdefault's {@code jsp} servlet (mapped to {@code *.jsp}) on Jasper's own JSP servlet class. */
    private static final class JspWebAppContext extends WebAppContext {
        @Override
        protected void startWebapp() throws Exception {
            ServletHolder jsp = getServletHandler().getServlet("jsp");
            if (jsp != null) {
                jsp.setClassName(JspServlet.class.getName());
                jsp.setInitParameter("compilerSourceVM", "17");
                jsp.setInitParameter("compilerTargetVM", "17");
            }
            super.startWebapp();
        }
    }
}
