package io.github.jwtsigner.example;

import org.eclipse.jetty.ee10.annotations.AnnotationConfiguration;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/** The packaged WAR in embedded Jetty 12 (ee10), with annotation scanning on, as a Jetty distribution has it. */
class JettyWarIT extends DeployedWarTests {
    private Server server;

    @Override
    URI deploy(Path war, Path workDir) throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);

        WebAppContext webapp = new WebAppContext();
        webapp.setContextPath("/");
        webapp.setWar(war.toAbsolutePath().toString());
        webapp.setTempDirectory(Files.createDirectories(workDir.resolve("jetty")).toFile());
        webapp.addConfiguration(new AnnotationConfiguration());
        // A filter whose init() fails must fail the deployment, not leave a half-started app.
        webapp.setThrowUnavailableOnStartupException(true);
        server.setHandler(webapp);
        server.start();
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/");
    }

    @Override
    void undeploy() throws Exception {
        if (server != null) {
            server.stop();
        }
    }
}
