package io.github.jwtsigner.it;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@link AttackWebapp} running in one container of each kind for a test class: started on first use, all
 * stopped by {@link #stop()}. Checks that each started, that both signers sign a plain login, and, for Tomcat,
 * that the version on the class path is the one the build meant ({@value #TOMCAT_EXPECTED}), so a wrong class
 * path cannot pass for another version.
 *
 * <p>Not thread-safe; one instance per test class.
 */
final class AttackDeployments {
    /** System property: the Tomcat version this JVM must run, such as {@code 11.0.27} or {@code 10.1.49}. */
    static final String TOMCAT_EXPECTED = "it.tomcat.expected";

    private final Path root;
    private final Map<ServletContainer.Kind, ServletContainer> running = new EnumMap<>(ServletContainer.Kind.class);

    AttackDeployments(Path root) {
        this.root = root;
    }

    /** A client of the webapp in a container of {@code kind}, started now if it is not running yet. */
    AttackClient client(ServletContainer.Kind kind) throws Exception {
        ServletContainer container = running.get(kind);
        if (container == null) {
            Path dir = root.resolve(kind.name());
            container = kind.start(AttackWebapp.create(dir.resolve("webapp")), dir.resolve("work"));
            running.put(kind, container);
            assertTrue(container.webappAvailable(), "webapp did not start: " + container.startupFailure());
            if (kind == ServletContainer.Kind.TOMCAT) {
                String expected = System.getProperty(TOMCAT_EXPECTED, "11.0");
                assertTrue(container.serverVersion().startsWith(expected),
                        "running Tomcat " + container.serverVersion() + "; expected " + expected);
            }
            // A deployment that signs nothing would let every fail-closed expectation pass for nothing.
            AttackClient client = new AttackClient(container.base());
            Answers.assertSigned(client.post(AttackWebapp.SIGNED + "login"), 201);
            Answers.assertSigned(client.post(AttackWebapp.SMALL + "login"), 201);
        }
        return new AttackClient(container.base());
    }

    /** The base URI of the running container of {@code kind}; start it first with {@link #client}. */
    java.net.URI base(ServletContainer.Kind kind) {
        return running.get(kind).base();
    }

    void stop() throws Exception {
        Exception first = null;
        for (ServletContainer container : running.values()) {
            try {
                container.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        running.clear();
        if (first != null) {
            throw first;
        }
    }
}
