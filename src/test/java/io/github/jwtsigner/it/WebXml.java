package io.github.jwtsigner.it;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Servlet 6.0 web.xml written servlet by servlet and filter by filter, init-params in the order given. Every
 * servlet is {@code load-on-startup}, so that it starts (and registers its MBean) with the webapp, not at its
 * first request.
 *
 * <p>Not thread-safe.
 */
final class WebXml {
    private final StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\">\n");

    /** Init-params from names and values, alternating, in that order. */
    static Map<String, String> params(String... namesAndValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            m.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return m;
    }

    WebXml servlet(String name, Class<?> type, Map<String, String> params, String... patterns) {
        sb.append("  <servlet><servlet-name>").append(name).append("</servlet-name><servlet-class>")
                .append(type.getName()).append("</servlet-class>\n");
        params.forEach(this::param);
        sb.append("    <load-on-startup>1</load-on-startup>\n  </servlet>\n");
        for (String p : patterns) {
            sb.append("  <servlet-mapping><servlet-name>").append(name).append("</servlet-name><url-pattern>")
                    .append(p).append("</url-pattern></servlet-mapping>\n");
        }
        return this;
    }

    WebXml filter(String name, Class<?> type, Map<String, String> params, String pattern) {
        sb.append("  <filter><filter-name>").append(name).append("</filter-name><filter-class>")
                .append(type.getName()).append("</filter-class>\n");
        params.forEach(this::param);
        sb.append("  </filter>\n  <filter-mapping><filter-name>").append(name).append("</filter-name><url-pattern>")
                .append(pattern).append("</url-pattern></filter-mapping>\n");
        return this;
    }

    private void param(String name, String value) {
        sb.append("    <init-param><param-name>").append(name).append("</param-name><param-value>")
                .append(value.replace("&", "&amp;").replace("<", "&lt;")).append("</param-value></init-param>\n");
    }

    String text() {
        return sb + "</web-app>\n";
    }
}
