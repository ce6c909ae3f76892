package io.github.jwtsigner.it;

import com.google.gson.JsonObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.github.jwtsigner.internal.validation.Rejection;
import io.github.jwtsigner.testing.KeyServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The validator registered the two ways web.xml does not show: a {@code @WebFilter} subclass found by the
 * annotation scan, and a {@code JwtValidatorFilter} built in code and added by a listener; on Jetty and Tomcat.
 */
class ValidatorRegistrationIntegrationTest {
    @TempDir
    static Path temp;
    private static final Map<ServletContainer.Kind, ServletContainer> RUNNING = new EnumMap<>(ServletContainer.Kind.class);

    @BeforeAll
    static void deploy() throws Exception {
        String webXml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\">\n"
                + "  <listener><listener-class>" + ValidatorRegistration.class.getName() + "</listener-class></listener>\n"
                + "  <servlet><servlet-name>recording</servlet-name><servlet-class>" + RecordingServlet.class.getName()
                + "</servlet-class></servlet>\n"
                + "  <servlet-mapping><servlet-name>recording</servlet-name><url-pattern>/</url-pattern></servlet-mapping>\n"
                + "</web-app>\n";
        for (ServletContainer.Kind kind : ServletContainer.Kind.selected()) {
            Path dir = temp.resolve(kind.name());
            Path webapp = ExplodedWebapp.create(dir.resolve("webapp"), webXml,
                    List.of(AnnotatedValidatorFilter.class, ValidatorRegistration.class), Map.of());
            ServletContainer container = kind.start(webapp, dir.resolve("work"));
            RUNNING.put(kind, container);
            assertTrue(container.webappAvailable(), "webapp did not start: " + container.startupFailure());
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (ServletContainer c : RUNNING.values()) {
            c.close();
        }
    }

    static List<ServletContainer.Kind> kinds() {
        return new ArrayList<>(ServletContainer.Kind.selected());
    }

    private static String token(String... roles) throws Exception {
        OctetSequenceKey sim2 = (OctetSequenceKey) JWKSet.parse(KeyServer.JWKS).getKeyByKeyId("sim2");
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("sim2").build(),
                new JWTClaimsSet.Builder().subject("dora").claim("roles", List.of(roles))
                        .expirationTime(new Date(System.currentTimeMillis() + 300_000)).build());
        jwt.sign(new MACSigner(sim2));
        return jwt.serialize();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void theAnnotatedSubclassAndTheFilterAddedInCodeEachGuardTheirPaths(ServletContainer.Kind kind) throws Exception {
        ValidatorClient client = new ValidatorClient(RUNNING.get(kind).base());
        String viewer = token("role-viewer-3");
        for (String path : List.of("/annotated/orders", "/coded/orders")) {
            int before = RecordingServlet.CALLS.get();
            ValidatorClient.Reply ok = client.bearer(path, viewer);
            assertEquals(200, ok.status(), path + ": " + ok);
            JsonObject seen = ok.json();
            assertEquals("dora", seen.get("principal").getAsString(), path);
            assertEquals("Bearer", seen.get("authType").getAsString(), path);
            assertEquals(before + 1, RecordingServlet.CALLS.get(), path);
            Refusals.assertRefused(client.get(path), Rejection.MISSING, Set.of());
            assertEquals(before + 1, RecordingServlet.CALLS.get(), path + ": no servlet code ran");
        }
        String other = token("role-other");
        assertEquals(200, client.bearer("/annotated/orders", other).status(), "the annotated filter needs no role");
        Refusals.assertRefused(client.bearer("/coded/orders", other), Rejection.ROLES, Set.of(other, "dora"));
        assertEquals(200, client.get("/public/page").status(), "a path no validator guards");
    }
}
