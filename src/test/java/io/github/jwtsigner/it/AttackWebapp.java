package io.github.jwtsigner.it;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The webapp the attack tests run against: {@link AttackServlet} behind two signer filters registered by
 * web.xml init-params (HS256, kid {@code sim2}, {@code keys_to_sign=access_token}), a claims JSP and
 * {@link ClaimsServlet} to forward to, and {@link ChainExitFilter} outside everything. Filters and servlets are
 * {@code async-supported}.
 *
 * <p>Paths: {@value #SIGNED}{@code <case>} goes through the signer with the default {@code max_body_bytes};
 * {@value #SMALL}{@code <case>} through one with {@code max_body_bytes} = {@value #SMALL_MAX_BODY_BYTES}.
 */
final class AttackWebapp {
    /** Prefix of the cases behind the signer with the default body limit. */
    static final String SIGNED = "a/";
    /** Prefix of the cases behind the signer with the small body limit. */
    static final String SMALL = "small/";
    static final int SMALL_MAX_BODY_BYTES = 1024;
    static final String CLAIMS_JSP = "/WEB-INF/claims.jsp";
    static final String CLAIMS_SERVLET = "claims";

    private static final String JSP = """
            <%@ page contentType="application/json" pageEncoding="UTF-8" session="false" \
            trimDirectiveWhitespaces="true" %>
            """ + AttackServlet.CLAIMS + "\n";

    private AttackWebapp() {
    }

    static Path create(Path root) {
        return ExplodedWebapp.create(root, webXml(),
                List.of(AttackServlet.class, ClaimsServlet.class, ChainExitFilter.class),
                Map.of(CLAIMS_JSP.substring(1), JSP));
    }

    private static String webXml() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="https://jakarta.ee/xml/ns/jakartaee \
                https://jakarta.ee/xml/ns/jakartaee/web-app_6_0.xsd"
                         version="6.0">
                  <filter>
                    <filter-name>chain-exit</filter-name>
                    <filter-class>%s</filter-class>
                    <async-supported>true</async-supported>
                  </filter>
                  %s
                  %s
                  <filter-mapping><filter-name>chain-exit</filter-name><url-pattern>/*</url-pattern></filter-mapping>
                  <filter-mapping><filter-name>signer</filter-name><url-pattern>/%s*</url-pattern></filter-mapping>
                  <filter-mapping><filter-name>signer-small</filter-name><url-pattern>/%s*</url-pattern></filter-mapping>
                  <servlet>
                    <servlet-name>attack</servlet-name>
                    <servlet-class>%s</servlet-class>
                    <async-supported>true</async-supported>
                  </servlet>
                  <servlet>
                    <servlet-name>%s</servlet-name>
                    <servlet-class>%s</servlet-class>
                    <async-supported>true</async-supported>
                  </servlet>
                  <servlet-mapping>
                    <servlet-name>attack</servlet-name>
                    <url-pattern>/%s*</url-pattern>
                    <url-pattern>/%s*</url-pattern>
                  </servlet-mapping>
                </web-app>
                """.formatted(ChainExitFilter.class.getName(),
                signer("signer", Map.of()),
                signer("signer-small", Map.of("max_body_bytes", String.valueOf(SMALL_MAX_BODY_BYTES))),
                SIGNED, SMALL, AttackServlet.class.getName(), CLAIMS_SERVLET, ClaimsServlet.class.getName(),
                SIGNED, SMALL);
    }

    private static String signer(String name, Map<String, String> extra) {
        // The schema's order: filter-class, async-supported, then the init-params.
        StringBuilder sb = new StringBuilder("<filter>\n    <filter-name>").append(name).append("</filter-name>\n")
                .append("    <filter-class>io.github.jwtsigner.JwtSignerFilter</filter-class>\n")
                .append("    <async-supported>true</async-supported>\n");
        param(sb, "alg", "HS256");
        param(sb, "kid", "sim2");
        param(sb, "keys_to_sign", "access_token");
        param(sb, "jwk_local_path", "WEB-INF/jwk/symmetric.json");
        extra.forEach((k, v) -> param(sb, k, v));
        return sb.append("  </filter>").toString();
    }

    private static void param(StringBuilder sb, String name, String value) {
        sb.append("    <init-param><param-name>").append(name).append("</param-name><param-value>").append(value)
                .append("</param-value></init-param>\n");
    }
}
