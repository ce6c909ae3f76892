package io.github.jwtsigner.it;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.jwtsigner.JwtSignerFilter;
import io.github.jwtsigner.SignerConfig;
import io.github.jwtsigner.testing.LoginServlet;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The README's Spring Boot registration, run for real: Spring's {@link FilterRegistrationBean} registers the
 * filter in an embedded Tomcat 11 when the servlet context starts, as Spring Boot does with a {@code @Bean}.
 */
class SpringBootRegistrationIntegrationTest {
    @TempDir
    Path temp;

    /** The README snippet's body, verbatim. */
    FilterRegistrationBean<JwtSignerFilter> jwtSigner() {
        FilterRegistrationBean<JwtSignerFilter> registration = new FilterRegistrationBean<>(new JwtSignerFilter(
                SignerConfig.builder()
                        .alg("HS256")
                        .kid("sim2")
                        .keysToSign("access_token", "refresh_token")
                        .jwkLocalPath("classpath:jwk/krakend-symmetric-jwk.json")
                        .build()));
        registration.addUrlPatterns("/token");
        return registration;
    }

    @Test
    void filterRegistrationBeanSignsTheLoginResponse() throws Exception {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(temp.toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", temp.toString());
        Tomcat.addServlet(context, "login", new LoginServlet());
        context.addServletMappingDecoded("/token", "login");
        FilterRegistrationBean<JwtSignerFilter> registration = jwtSigner();
        context.addServletContainerInitializer((classes, servletContext) -> registration.onStartup(servletContext),
                null);
        tomcat.start();
        try {
            URI base = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/");
            HttpResponse<String> response = new LoginClient(base).login("token", "ada", LoginServlet.PASSWORD);

            assertEquals(201, response.statusCode(), response.body());
            JsonObject body = JsonParser.parseString(response.body()).getAsJsonObject();
            assertEquals("ada", TokenVerifier.sim2().verify(body.get("access_token").getAsString())
                    .get("sub").getAsString());
        } finally {
            tomcat.stop();
            tomcat.destroy();
        }
    }
}
