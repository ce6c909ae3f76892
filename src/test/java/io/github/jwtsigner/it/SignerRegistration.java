package io.github.jwtsigner.it;

import io.github.jwtsigner.JwtSignerFilter;
import io.github.jwtsigner.SignerConfig;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

import java.util.EnumSet;

/** The code registration style: a listener declared in web.xml adds a configured filter instance. */
public class SignerRegistration implements ServletContextListener {
    @Override
    public void contextInitialized(ServletContextEvent sce) {
        SignerConfig config = SignerConfig.builder()
                .alg("HS256")
                .kid("sim2")
                .keysToSign("access_token", "refresh_token")
                .jwkLocalPath("WEB-INF/jwk/symmetric.json")
                .build();
        FilterRegistration.Dynamic reg = sce.getServletContext().addFilter("signer", new JwtSignerFilter(config));
        reg.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/token");
    }
}
