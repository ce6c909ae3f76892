package io.github.jwtsigner.it;

import io.github.jwtsigner.JwtValidatorFilter;
import io.github.jwtsigner.Setting;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A webapp of validator filters, each configured in web.xml and mapped to {@code /name/*}, in front of the
 * {@link RecordingServlet} mapped to {@code /}; other filters and servlets may be added. Deployed in one
 * container of each kind on first use, all stopped by {@link #stop()}.
 *
 * <p>Not thread-safe; one instance per test class.
 */
final class ValidatorWebapp {
    private record Declared(String name, String className, String urlPattern, Map<String, String> params) {
    }

    private final Path root;
    private final List<Declared> filters = new ArrayList<>();
    private final List<Declared> servlets = new ArrayList<>();
    private final Map<String, String> files = new LinkedHashMap<>();
    private final Map<ServletContainer.Kind, ServletContainer> running = new EnumMap<>(ServletContainer.Kind.class);

    ValidatorWebapp(Path root) {
        this.root = root;
    }

    /** Init-params from settings and their values, alternating: {@code params(Setting.ALG, "HS256", ...)}. */
    static Map<String, String> params(Object... settingsAndValues) {
        Map<String, String> p = new LinkedHashMap<>();
        for (int i = 0; i < settingsAndValues.length; i += 2) {
            p.put(((Setting) settingsAndValues[i]).settingName(), (String) settingsAndValues[i + 1]);
        }
        return p;
    }

    /** A validator filter named {@code name}, configured with init-params, in front of {@code /name/*}. */
    ValidatorWebapp validator(String name, Map<String, String> initParams) {
        return filter(name, JwtValidatorFilter.class.getName(), "/" + name + "/*", initParams);
    }

    ValidatorWebapp filter(String name, String className, String urlPattern, Map<String, String> initParams) {
        filters.add(new Declared(name, className, urlPattern, initParams));
        return this;
    }

    ValidatorWebapp servlet(String name, String className, String urlPattern) {
        servlets.add(new Declared(name, className, urlPattern, Map.of()));
        return this;
    }

    /** A file in the webapp, by its path relative to the webapp root. */
    ValidatorWebapp file(String path, String text) {
        files.put(path, text);
        return this;
    }

    /** A client of the webapp in a container of {@code kind}, started now if it is not running yet. */
    ValidatorClient client(ServletContainer.Kind kind) throws Exception {
        ServletContainer container = running.get(kind);
        if (container == null) {
            Path dir = root.resolve(kind.name());
            Path webapp = ExplodedWebapp.create(dir.resolve("webapp"), webXml(), List.of(), files);
            container = kind.start(webapp, dir.resolve("work"));
            running.put(kind, container);
            assertTrue(container.webappAvailable(), "webapp did not start: " + container.startupFailure());
        }
        return new ValidatorClient(container.base());
    }

    /** The base URI of the running container of {@code kind}; start it first with {@link #client}. */
    URI base(ServletContainer.Kind kind) {
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

    String webXml() {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\">\n");
        List<Declared> all = new ArrayList<>(servlets);
        all.add(new Declared("recording", RecordingServlet.class.getName(), "/", Map.of()));
        for (Declared s : all) {
            sb.append("  <servlet><servlet-name>").append(s.name()).append("</servlet-name><servlet-class>")
                    .append(s.className()).append("</servlet-class></servlet>\n")
                    .append("  <servlet-mapping><servlet-name>").append(s.name()).append("</servlet-name>")
                    .append("<url-pattern>").append(s.urlPattern()).append("</url-pattern></servlet-mapping>\n");
        }
        for (Declared f : filters) {
            sb.append("  <filter><filter-name>").append(f.name()).append("</filter-name><filter-class>")
                    .append(f.className()).append("</filter-class>\n");
            f.params().forEach((k, v) -> sb.append("    <init-param><param-name>").append(k)
                    .append("</param-name><param-value>").append(xml(v)).append("</param-value></init-param>\n"));
            sb.append("  </filter>\n  <filter-mapping><filter-name>").append(f.name())
                    .append("</filter-name><url-pattern>").append(f.urlPattern())
                    .append("</url-pattern></filter-mapping>\n");
        }
        return sb.append("</web-app>\n").toString();
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
