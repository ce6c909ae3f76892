package io.github.jwtsigner.it;

import io.github.jwtsigner.JwtValidatorFilter;
import io.github.jwtsigner.ValidatorConfig;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

import java.util.EnumSet;

/** The validator in the code registration style: a listener adds a configured filter instance. */
public class ValidatorRegistration implements ServletContextListener {
    @Override
    public void contextInitialized(ServletContextEvent sce) {
        ValidatorConfig config = ValidatorConfig.builder()
                .alg("HS256")
                .jwkLocalPath("WEB-INF/jwk/symmetric.json")
                .roles("role-viewer-3")
                .build();
        FilterRegistration.Dynamic reg = sce.getServletContext().addFilter("codedValidator",
                new JwtValidatorFilter(config));
        reg.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/coded/*");
    }
}
