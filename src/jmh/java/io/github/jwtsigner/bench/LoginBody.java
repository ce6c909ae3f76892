package io.github.jwtsigner.bench;

import io.github.jwtsigner.internal.json.CanonicalJson;
import io.github.jwtsigner.internal.json.JsonNode;
import io.github.jwtsigner.internal.json.JsonNode.Member;
import io.github.jwtsigner.internal.json.JsonNode.ObjectNode;
import io.github.jwtsigner.internal.json.JsonParser;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The login response of KrakenD's signer page (two claim sets, {@code access_token} and {@code refresh_token},
 * plus a top-level {@code exp}), as a login servlet writes it, and the JWS signing inputs it leads to.
 *
 * <p>Immutable and thread-safe.
 */
public final class LoginBody {
    /** The plain login response, compact, as a servlet using Gson or Jackson would write it. */
    public static final String JSON = "{\"access_token\":{\"aud\":\"http://api.example.com\","
            + "\"iss\":\"https://krakend.io\",\"sub\":\"1234567890qwertyuio\","
            + "\"jti\":\"mnb23vcsrt756yuiomnbvcx98ertyuiop\",\"roles\":[\"role_a\",\"role_b\"],"
            + "\"exp\":1735689600},"
            + "\"refresh_token\":{\"aud\":\"http://api.example.com\",\"iss\":\"https://krakend.io\","
            + "\"sub\":\"1234567890qwertyuio\",\"jti\":\"mnb23vcsrt756yuiomn12876bvcx98ertyuiop\","
            + "\"exp\":1735689600},"
            + "\"exp\":1735689600}";

    /** The credentials a login request posts. */
    public static final String CREDENTIALS = "{\"user\":\"john\",\"pass\":\"doe\"}";

    /** The members a login response signs. */
    public static final List<String> KEYS_TO_SIGN = List.of("access_token", "refresh_token");

    private LoginBody() {
    }

    /**
     * The base64url header and payload of each token, as ASCII bytes: {@code [token][0]} is the header,
     * {@code [token][1]} the payload. These are exactly what the filter signs for {@code alg}.
     */
    public static byte[][][] signingInputs(String alg) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = "{\"alg\":\"" + alg + "\",\"kid\":\"" + BenchKeys.kid(alg) + "\",\"typ\":\"JWT\"}";
        byte[] headerB64 = b64.encode(header.getBytes(StandardCharsets.UTF_8));
        ObjectNode root = (ObjectNode) JsonParser.parse(JSON);
        byte[][][] inputs = new byte[KEYS_TO_SIGN.size()][][];
        for (int i = 0; i < inputs.length; i++) {
            byte[] payload = CanonicalJson.toBytes(member(root, KEYS_TO_SIGN.get(i)));
            inputs[i] = new byte[][] {headerB64, b64.encode(payload)};
        }
        return inputs;
    }

    private static JsonNode member(ObjectNode root, String name) {
        for (Member m : root.members()) {
            if (m.name().equals(name)) {
                return m.value();
            }
        }
        throw new IllegalStateException("login body has no member [" + name + "]");
    }
}
