package io.github.jwtsigner.it;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.scan.StandardJarScanner;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Tomcat 11 as it runs in production: with its own Servlet 6.1 API, not the 6.0 API jar that comes first on the
 * test class path. {@link #loader()} gives a class loader over the test class path without that jar; loaded
 * through it, {@link #post} deploys the {@link AttackWebapp} in Tomcat 11 and posts one request.
 */
public final class Servlet61Tomcat {
    private Servlet61Tomcat() {
    }

    /** The test class path without the Servlet 6.0 API jar, over the platform class loader. */
    static URLClassLoader loader() throws MalformedURLException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<URL> urls = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isBlank() || new File(entry).getName().startsWith("jakarta.servlet-api-")) {
                continue;
            }
            urls.add(new File(entry).toURI().toURL());
        }
        return new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
    }

    /** Deploys the attack webapp under {@code dir} in Tomcat 11 with Servlet 6.1, posts to {@code path}. */
    public static HttpResponse<String> post(Path dir, String path) throws Exception {
        return serve(dir, base -> new AttackClient(base).post(path));
    }

    /** As {@link #post}, read over a raw socket: everything on the wire until the server closes, as ISO-8859-1. */
    public static String postRaw(Path dir, String path) throws Exception {
        return serve(dir, base -> RawHttp.postText(base, "/" + path));
    }

    /** What is asked of the running webapp at its base URI. */
    @FunctionalInterface
    interface Ask<T> {
        T ask(URI base) throws Exception;
    }

    private static <T> T serve(Path dir, Ask<T> ask) throws Exception {
        try {
            HttpServletResponse.class.getMethod("sendRedirect", String.class, int.class, boolean.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("not the Servlet 6.1 API: "
                    + HttpServletResponse.class.getProtectionDomain().getCodeSource(), e);
        }
        // The JVM has one URL stream handler factory; a Tomcat of the test class path may have set it already.
        org.apache.catalina.webresources.TomcatURLStreamHandlerFactory.disable();
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(dir.resolve("work").toAbsolutePath().toString());
        // Else the webapp's parent would be the system class loader, with the 6.0 API first.
        tomcat.getServer().setParentClassLoader(Servlet61Tomcat.class.getClassLoader());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context context = tomcat.addWebapp("", AttackWebapp.create(dir.resolve("webapp")).toAbsolutePath().toString());
        ((StandardJarScanner) context.getJarScanner()).setScanClassPath(false);
        tomcat.start();
        try {
            if (context.getState() != LifecycleState.STARTED) {
                throw new IllegalStateException("webapp did not start: " + context.getState());
            }
            return ask.ask(URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/"));
        } finally {
            tomcat.stop();
            tomcat.destroy();
        }
    }
}
