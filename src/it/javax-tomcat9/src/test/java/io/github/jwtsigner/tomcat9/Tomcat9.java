package io.github.jwtsigner.tomcat9;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.util.ServerInfo;
import org.apache.tomcat.util.scan.StandardJarScanner;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * Embedded Tomcat 9 deploying {@code src/test/webapp} (its web.xml as written) with a fresh RSA signing key in
 * {@code WEB-INF/keys/rsa.json}; plain HTTP on a free loopback port. One per test class.
 */
final class Tomcat9 implements AutoCloseable {
    /** The kid web.xml names. */
    static final String KID = "k1";

    private static final Path WEBAPP = Path.of("src/test/webapp");

    private final Tomcat tomcat;
    private final URI base;
    private final RSAKey key;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Tomcat9(Tomcat tomcat, URI base, RSAKey key) {
        this.tomcat = tomcat;
        this.base = base;
        this.key = key;
    }

    static Tomcat9 start(Path temp) throws Exception {
        RSAKey key = newKey(KID);
        Path webapp = copy(WEBAPP, temp.resolve("webapp"));
        Files.createDirectories(webapp.resolve("WEB-INF/keys"));
        Files.writeString(webapp.resolve("WEB-INF/keys/rsa.json"), new JWKSet(key).toString(false));
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(temp.resolve("tomcat").toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        tomcat.setAddDefaultWebXmlToWebapp(false);
        Context context = tomcat.addWebapp("", webapp.toAbsolutePath().toString());
        ((StandardJarScanner) context.getJarScanner()).setScanClassPath(false);
        tomcat.start();
        if (context.getState() != LifecycleState.STARTED) {
            tomcat.stop();
            tomcat.destroy();
            throw new IllegalStateException("the webapp did not start: " + context.getState());
        }
        return new Tomcat9(tomcat, URI.create("http://127.0.0.1:" + connector.getLocalPort()), key);
    }

    /** A new 2048-bit RSA key for RS256 with {@code kid}, private part included. */
    static RSAKey newKey(String kid) throws Exception {
        return new RSAKeyGenerator(2048).keyID(kid).algorithm(JWSAlgorithm.RS256).generate();
    }

    /** The key in the webapp's key file, private part included. */
    RSAKey key() {
        return key;
    }

    /** Tomcat's version, such as 9.0.112. */
    static String version() {
        return ServerInfo.getServerNumber().replaceFirst("^(\\d+\\.\\d+\\.\\d+).*", "$1");
    }

    HttpResponse<String> login(String path, String user) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("user=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                        + "&pass=secret")));
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return to;
    }

    @Override
    public void close() throws Exception {
        tomcat.stop();
        tomcat.destroy();
    }
}
