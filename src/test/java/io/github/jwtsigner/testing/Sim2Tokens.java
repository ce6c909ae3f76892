package io.github.jwtsigner.testing;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * KrakenD's sample symmetric key set (kid {@code sim2}, HS256) and a verifier for tokens signed with it,
 * built on jose4j so our tokens are checked by code we did not write.
 */
public final class Sim2Tokens {
    /** Classpath location of the key set. */
    public static final String RESOURCE = "jwk/krakend-symmetric-jwk.json";

    private Sim2Tokens() {
    }

    public static String jwkSetJson() {
        try (InputStream in = Sim2Tokens.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("test resource [" + RESOURCE + "] is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Verifies an HS256 compact JWS with the sim2 key and checks its header.
     *
     * @return the claims
     * @throws AssertionError when the signature or the header is wrong
     */
    public static JsonObject verify(String token) {
        try {
            JsonWebKey key = new JsonWebKeySet(jwkSetJson()).findJsonWebKey("sim2", null, null, null);
            JsonWebSignature jws = new JsonWebSignature();
            jws.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                    AlgorithmIdentifiers.HMAC_SHA256));
            jws.setCompactSerialization(token);
            jws.setKey(key.getKey());
            if (!jws.verifySignature()) {
                throw new AssertionError("signature of token does not verify with sim2");
            }
            if (!"sim2".equals(jws.getKeyIdHeaderValue()) || !"JWT".equals(jws.getHeader("typ"))) {
                throw new AssertionError("unexpected header " + jws.getHeaders().getFullHeaderAsJsonString());
            }
            return JsonParser.parseString(jws.getPayload()).getAsJsonObject();
        } catch (JoseException e) {
            throw new AssertionError("token does not parse or verify: " + e.getMessage(), e);
        }
    }
}
