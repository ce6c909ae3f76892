package io.github.jwtsigner.example;

import org.apache.catalina.Context;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.scan.StandardJarScanner;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The packaged WAR in embedded Tomcat 11, deployed as a WAR file the way a Tomcat host deploys one. */
class TomcatWarIT extends DeployedWarTests {
    private Tomcat tomcat;

    @Override
    URI deploy(Path war, Path workDir) throws Exception {
        Path baseDir = workDir.resolve("tomcat");
        Files.createDirectories(baseDir.resolve("webapps"));
        tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        tomcat.setPort(0);
        // Tomcat's default web.xml maps a JSP servlet, and Jasper is not on this class path.
        tomcat.setAddDefaultWebXmlToWebapp(false);
        Connector connector = tomcat.getConnector();
        connector.setProperty("address", "127.0.0.1");

        Context context = tomcat.addWebapp("", war.toAbsolutePath().toString());
        // Scan the WAR only, not the test class path with Jetty on it.
        ((StandardJarScanner) context.getJarScanner()).setScanClassPath(false);
        tomcat.start();
        // Tomcat does not throw when a webapp fails to start; it leaves the context stopped.
        assertEquals(LifecycleState.STARTED, context.getState(), "the webapp did not start");
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/");
    }

    @Override
    void undeploy() throws Exception {
        if (tomcat != null) {
            tomcat.stop();
            tomcat.destroy();
        }
    }
}
