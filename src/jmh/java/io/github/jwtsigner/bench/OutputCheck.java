package io.github.jwtsigner.bench;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.github.jwtsigner.testing.RecordingResponse;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;

/**
 * Checks, once before timing, that a contender really did the job: tokens that verify with Nimbus under the
 * benchmark key and carry the login's claims, or a body passed through unchanged. A failed check stops the
 * benchmark with {@link IllegalStateException}.
 *
 * <p>One instance per benchmark setup; not thread-safe.
 */
public final class OutputCheck {
    private final String alg;
    private final JWSVerifier verifier;

    public OutputCheck(String alg) {
        this.alg = alg;
        this.verifier = BenchKeys.nimbusVerifier(alg);
    }

    /** Each {@code sigs[i]} is a valid signature over {@code inputs[i][0] . inputs[i][1]}. */
    void signatures(byte[][][] inputs, byte[][] sigs) {
        for (int i = 0; i < inputs.length; i++) {
            String token = new String(inputs[i][0], StandardCharsets.US_ASCII) + "."
                    + new String(inputs[i][1], StandardCharsets.US_ASCII) + "."
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(sigs[i]);
            verify("(a) bare signature " + i, token, null);
        }
    }

    /** A 200 JSON response whose access_token and refresh_token are valid tokens over the login's claims. */
    void loginResponse(String label, RecordingResponse response) {
        if (response.getStatus() != 200) {
            throw new IllegalStateException(label + ": status [" + response.getStatus() + "]; expected 200");
        }
        String type = response.getContentType();
        if (type == null || !type.startsWith("application/json")) {
            throw new IllegalStateException(label + ": Content-Type [" + type + "]; expected application/json");
        }
        String body = bodyText(response);
        String length = response.getHeader("Content-Length");
        if (length != null && Long.parseLong(length) != response.bodySize()) {
            throw new IllegalStateException(label + ": Content-Length [" + length + "] but the body has ["
                    + response.bodySize() + "] bytes");
        }
        loginJson(label, body);
    }

    /** A signed login body: access_token and refresh_token are valid tokens over the login's claims. */
    public void loginJson(String label, String body) {
        JsonObject root = JsonParser.parseString(body).getAsJsonObject();
        for (String key : LoginBody.KEYS_TO_SIGN) {
            JsonElement token = root.get(key);
            if (token == null || !token.isJsonPrimitive()) {
                throw new IllegalStateException(label + ": [" + key + "] is not a token");
            }
            verify(label + " " + key, token.getAsString(), key);
        }
        if (!root.has("exp")) {
            throw new IllegalStateException(label + ": the unsigned member [exp] is gone");
        }
    }

    /** The servlet's own body, unchanged. */
    void plainResponse(String label, RecordingResponse response) {
        if (response.getStatus() != 200 || !LoginBody.JSON.equals(bodyText(response))) {
            throw new IllegalStateException(label + ": expected the login body unchanged with status 200");
        }
    }

    private static String bodyText(RecordingResponse response) {
        return response.bodyText(Charset.forName(response.getCharacterEncoding()));
    }

    private void verify(String label, String token, String key) {
        try {
            JWSObject jws = JWSObject.parse(token);
            if (!jws.getHeader().getAlgorithm().getName().equals(alg)) {
                throw new IllegalStateException(label + ": alg [" + jws.getHeader().getAlgorithm() + "]; expected ["
                        + alg + "]");
            }
            if (!jws.verify(verifier)) {
                throw new IllegalStateException(label + ": signature does not verify");
            }
            if (key != null) {
                String sub = SignedJWT.parse(token).getJWTClaimsSet().getSubject();
                if (!"1234567890qwertyuio".equals(sub)) {
                    throw new IllegalStateException(label + ": claims do not match the login body");
                }
            }
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException(label + ": not a valid JWS", e);
        }
    }
}
