package io.github.jwtsigner.it;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Verifies our tokens with jose4j, a JOSE library we did not write, against the KrakenD sample key. */
final class TokenVerifier {
    private final JsonWebKey key;

    private TokenVerifier(JsonWebKey key) {
        this.key = key;
    }

    static TokenVerifier sim2() {
        try (InputStream in = TokenVerifier.class.getResourceAsStream("/jwk/krakend-symmetric-jwk.json")) {
            JsonWebKeySet set = new JsonWebKeySet(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return new TokenVerifier(set.findJsonWebKey("sim2", null, null, null));
        } catch (IOException | JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @return the verified payload as a JSON object
     * @throws AssertionError when the signature, algorithm or kid is wrong
     */
    JsonObject verify(String compact) {
        return JsonParser.parseString(verifiedPayload(compact)).getAsJsonObject();
    }

    /**
     * @return the verified payload as text
     * @throws AssertionError when the signature, algorithm or kid is wrong
     */
    String verifiedPayload(String compact) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setAlgorithmConstraints(new AlgorithmConstraints(
                    AlgorithmConstraints.ConstraintType.PERMIT, "HS256"));
            jws.setCompactSerialization(compact);
            jws.setKey(key.getKey());
            if (!jws.verifySignature()) {
                throw new AssertionError("signature does not verify: " + compact);
            }
            if (!"sim2".equals(jws.getKeyIdHeaderValue())) {
                throw new AssertionError("kid is " + jws.getKeyIdHeaderValue());
            }
            return jws.getPayload();
        } catch (JoseException e) {
            throw new AssertionError("not a valid JWS: " + compact, e);
        }
    }
}
