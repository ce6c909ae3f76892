package io.github.jwtsigner.it;

import io.github.jwtsigner.testing.LoginServlet;

import java.util.List;
import java.util.Map;

/** The three ways a monolith registers the filter, each as a web.xml plus the classes it needs. */
enum Registration {
    INIT_PARAMS(List.of(LoginServlet.class)),
    ANNOTATED(List.of(LoginServlet.class, AnnotatedSignerFilter.class)),
    PROGRAMMATIC(List.of(LoginServlet.class, SignerRegistration.class));

    static final Map<String, String> GOOD_PARAMS = Map.of(
            "alg", "HS256",
            "kid", "sim2",
            "keys_to_sign", "access_token,refresh_token",
            "jwk_local_path", "WEB-INF/jwk/symmetric.json");

    private final List<Class<?>> webappClasses;

    Registration(List<Class<?>> webappClasses) {
        this.webappClasses = webappClasses;
    }

    /** Classes copied into WEB-INF/classes, where the container's annotation scan sees them. */
    List<Class<?>> webappClasses() {
        return webappClasses;
    }

    String webXml() {
        return webXml(GOOD_PARAMS);
    }

    /** A Servlet 6.0 web.xml; init-params only matter for {@link #INIT_PARAMS}. */
    String webXml(Map<String, String> initParams) {
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\"\n")
                .append("         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n")
                .append("         xsi:schemaLocation=\"https://jakarta.ee/xml/ns/jakartaee")
                .append(" https://jakarta.ee/xml/ns/jakartaee/web-app_6_0.xsd\"\n")
                .append("         version=\"6.0\">\n");
        sb.append("  <servlet><servlet-name>login</servlet-name><servlet-class>")
                .append(LoginServlet.class.getName()).append("</servlet-class></servlet>\n")
                .append("  <servlet-mapping><servlet-name>login</servlet-name><url-pattern>/token</url-pattern>")
                .append("</servlet-mapping>\n")
                .append("  <servlet-mapping><servlet-name>login</servlet-name><url-pattern>/plain</url-pattern>")
                .append("</servlet-mapping>\n");
        if (this == INIT_PARAMS) {
            sb.append("  <filter><filter-name>signer</filter-name>")
                    .append("<filter-class>io.github.jwtsigner.JwtSignerFilter</filter-class>\n");
            initParams.forEach((k, v) -> sb.append("    <init-param><param-name>").append(k)
                    .append("</param-name><param-value>").append(v).append("</param-value></init-param>\n"));
            sb.append("  </filter>\n")
                    .append("  <filter-mapping><filter-name>signer</filter-name><url-pattern>/token</url-pattern>")
                    .append("</filter-mapping>\n");
        }
        if (this == PROGRAMMATIC) {
            sb.append("  <listener><listener-class>").append(SignerRegistration.class.getName())
                    .append("</listener-class></listener>\n");
        }
        sb.append("</web-app>\n");
        return sb.toString();
    }
}
