package io.github.jwtsigner.it;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@link SendErrorServlet} behind the signer (HS256, kid {@code sim2}, {@code keys_to_sign=access_token}) at
 * {@value #SIGNED}.
 */
final class SendErrorWebapp {
    static final String SIGNED = "se/";

    private SendErrorWebapp() {
    }

    static Path create(Path root) {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <filter>
                    <filter-name>signer</filter-name>
                    <filter-class>io.github.jwtsigner.JwtSignerFilter</filter-class>
                    <async-supported>true</async-supported>
                    <init-param><param-name>alg</param-name><param-value>HS256</param-value></init-param>
                    <init-param><param-name>kid</param-name><param-value>sim2</param-value></init-param>
                    <init-param><param-name>keys_to_sign</param-name><param-value>access_token</param-value></init-param>
                    <init-param><param-name>jwk_local_path</param-name><param-value>WEB-INF/jwk/symmetric.json</param-value></init-param>
                  </filter>
                  <filter-mapping><filter-name>signer</filter-name><url-pattern>/%s*</url-pattern></filter-mapping>
                  <servlet>
                    <servlet-name>edge</servlet-name>
                    <servlet-class>%s</servlet-class>
                    <async-supported>true</async-supported>
                  </servlet>
                  <servlet-mapping><servlet-name>edge</servlet-name><url-pattern>/%s*</url-pattern></servlet-mapping>
                </web-app>
                """.formatted(SIGNED, SendErrorServlet.class.getName(), SIGNED);
        return ExplodedWebapp.create(root, xml,
                List.of(SendErrorServlet.class, AttackServlet.class), Map.of());
    }
}
