package io.github.jwtsigner.tomcat9;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.github.jwtsigner.JwtSignerFilter;
import io.github.jwtsigner.SignerConfig;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The filter of the javax jar registered as a Spring Boot 2.7 app does it: a {@link FilterRegistrationBean},
 * configured in code, whose {@code onStartup} registers it in embedded Tomcat 9 when the context starts.
 */
class SpringBoot27RegistrationTest {
    @TempDir
    Path temp;

    FilterRegistrationBean<JwtSignerFilter> jwtSigner(Path keyFile) {
        FilterRegistrationBean<JwtSignerFilter> registration = new FilterRegistrationBean<>(new JwtSignerFilter(
                SignerConfig.builder()
                        .alg("RS256")
                        .kid(Tomcat9.KID)
                        .keysToSign("access_token")
                        .jwkLocalPath(keyFile.toString())
                        .build()));
        registration.addUrlPatterns("/login/*");
        return registration;
    }

    @Test
    void filterRegistrationBeanSignsTheLogin() throws Exception {
        assertTrue(SpringBootVersion.getVersion().startsWith("2.7."), SpringBootVersion.getVersion());
        RSAKey key = Tomcat9.newKey(Tomcat9.KID);
        Path keyFile = Files.writeString(temp.resolve("rsa.json"), new JWKSet(key).toString(false));
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(temp.toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", temp.toString());
        Tomcat.addServlet(context, "login", new LoginServlet());
        context.addServletMappingDecoded("/login/*", "login");
        FilterRegistrationBean<JwtSignerFilter> registration = jwtSigner(keyFile);
        context.addServletContainerInitializer((classes, servletContext) -> registration.onStartup(servletContext),
                null);
        tomcat.start();
        try {
            URI uri = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/login/writer");
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("user=ada")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertEquals(200, response.statusCode(), response.body());
            SignedJWT jwt = SignedJWT.parse((String) JsonBodies.object(response.body()).get("access_token"));
            assertTrue(jwt.verify(new RSASSAVerifier(key.toRSAPublicKey())));
            assertEquals("ada", jwt.getJWTClaimsSet().getSubject());
        } finally {
            tomcat.stop();
            tomcat.destroy();
        }
    }
}
