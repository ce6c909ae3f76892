package io.github.jwtsigner.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.proc.JWSVerifierFactory;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.servletapi.SecurityContextHolderAwareRequestFilter;
import org.springframework.web.client.RestTemplate;

import java.io.IOException;
import java.security.Key;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.spec.SecretKeySpec;

/**
 * The peer a Spring user would pick for validating bearer tokens: Spring Security's
 * {@link BearerTokenAuthenticationFilter} with a {@link NimbusJwtDecoder}, then
 * {@link SecurityContextHolderAwareRequestFilter} so that the servlet sees {@code getUserPrincipal()} and
 * {@code isUserInRole()} (roles from the {@code roles} claim, as a {@link JwtGrantedAuthoritiesConverter} is set
 * up for a migrating monolith), and the security context cleared after the request, as Spring's
 * {@code SecurityContextHolderFilter} does. Only these filters run: the rest of a Spring Security filter chain is
 * left out, which favours the peer.
 *
 * <p>Decoders: HS256 by {@code NimbusJwtDecoder.withSecretKey}; RS256 and ES256 by {@code withJwkSetUri}, the
 * setting a Spring Boot resource server is usually given, with a {@link RestTemplate} that answers the JWK Set
 * from memory instead of HTTP (Nimbus' cache in front of it fetches once). Spring's builders offer no EdDSA
 * ({@link SignatureAlgorithm} lists RS, ES and PS only) and Nimbus' {@code DefaultJWSVerifierFactory} makes no
 * Ed25519 verifier, so for EdDSA {@link #handWrittenEd25519} builds the {@code DefaultJWTProcessor} a user would
 * have to write: a verifier factory that hands out Nimbus' {@link Ed25519Verifier} (Google Tink).
 *
 * <p>Thread-safe, as the Spring filters are.
 */
public final class SpringBearerPeer implements Filter {
    private static final String JWK_SET_URI = "http://127.0.0.1/jwks.json";

    private final BearerTokenAuthenticationFilter bearer;
    private final SecurityContextHolderAwareRequestFilter servletApi;
    private final AtomicInteger jwkSetFetches;

    private SpringBearerPeer(JwtDecoder decoder, AtomicInteger jwkSetFetches) throws ServletException {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName("roles");
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(converter);
        this.bearer = new BearerTokenAuthenticationFilter(new ProviderManager(provider));
        this.bearer.afterPropertiesSet();
        this.servletApi = new SecurityContextHolderAwareRequestFilter();
        this.servletApi.afterPropertiesSet();
        this.jwkSetFetches = jwkSetFetches;
    }

    /** The peer for {@code alg}, over the keys of {@code keys}. */
    public static SpringBearerPeer forAlg(String alg, ValidationKeys keys) throws ServletException {
        AtomicInteger fetches = new AtomicInteger();
        JwtDecoder decoder = switch (alg) {
            case "HS256" -> NimbusJwtDecoder.withSecretKey(new SecretKeySpec(keys.hmacSecret(), "HmacSHA256"))
                    .macAlgorithm(MacAlgorithm.HS256).build();
            case "RS256", "ES256" -> NimbusJwtDecoder.withJwkSetUri(JWK_SET_URI)
                    .jwsAlgorithm(SignatureAlgorithm.from(alg))
                    .restOperations(new InMemoryJwkSet(keys.publicJwkSetJson(), fetches)).build();
            case "EdDSA" -> handWrittenEd25519(keys);
            default -> throw new IllegalArgumentException("alg [" + alg + "] is not measured; expected one of "
                    + ValidationKeys.ALGS);
        };
        return new SpringBearerPeer(decoder, fetches);
    }

    /**
     * EdDSA, which Spring's builders do not offer: a {@code DefaultJWTProcessor} whose key selector answers the
     * configured key for a header of {@code alg} EdDSA and its {@code kid}, and whose verifier factory makes an
     * {@link Ed25519Verifier} per token, as Nimbus' default factory makes one verifier per token for the others.
     * Claims are left to Spring's validators, as its builders do.
     */
    static JwtDecoder handWrittenEd25519(ValidationKeys keys) {
        OctetKeyPair publicJwk = ((OctetKeyPair) keys.jwk("EdDSA")).toPublicJWK();
        Key publicKey = keys.publicKey("EdDSA");
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector((header, context) -> JWSAlgorithm.EdDSA.equals(header.getAlgorithm())
                && publicJwk.getKeyID().equals(header.getKeyID()) ? List.of(publicKey) : List.of());
        processor.setJWSVerifierFactory(new Ed25519VerifierFactory(publicJwk));
        processor.setJWTClaimsSetVerifier((claims, context) -> {
        });
        return new NimbusJwtDecoder(processor);
    }

    /** How many times the JWK Set was fetched (RS256, ES256); 0 for the others. */
    public int jwkSetFetches() {
        return jwkSetFetches.get();
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            bearer.doFilter(request, response, (req, res) -> servletApi.doFilter(req, res, chain));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** A {@link RestTemplate} that answers every exchange with the JWK Set, without a connection. */
    private static final class InMemoryJwkSet extends RestTemplate {
        private final String json;
        private final AtomicInteger fetches;

        InMemoryJwkSet(String json, AtomicInteger fetches) {
            this.json = json;
            this.fetches = fetches;
        }

        @Override
        public <T> ResponseEntity<T> exchange(RequestEntity<?> requestEntity, Class<T> responseType) {
            fetches.incrementAndGet();
            return ResponseEntity.ok(responseType.cast(json));
        }
    }

    /** Makes Nimbus' Ed25519 verifier for the one configured key. */
    private static final class Ed25519VerifierFactory implements JWSVerifierFactory {
        private final OctetKeyPair publicJwk;
        private final JCAContext jcaContext = new JCAContext();

        Ed25519VerifierFactory(OctetKeyPair publicJwk) {
            this.publicJwk = publicJwk;
        }

        @Override
        public JWSVerifier createJWSVerifier(JWSHeader header, Key key) throws JOSEException {
            if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm())) {
                throw new JOSEException("alg [" + header.getAlgorithm() + "] is not supported; expected EdDSA");
            }
            return new Ed25519Verifier(publicJwk);
        }

        @Override
        public Set<JWSAlgorithm> supportedJWSAlgorithms() {
            return Set.of(JWSAlgorithm.EdDSA);
        }

        @Override
        public JCAContext getJCAContext() {
            return jcaContext;
        }
    }
}
