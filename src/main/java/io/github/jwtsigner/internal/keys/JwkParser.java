package io.github.jwtsigner.internal.keys;

import static io.github.jwtsigner.internal.keys.JwkParameters.ALG;
import static io.github.jwtsigner.internal.keys.JwkParameters.CRV;
import static io.github.jwtsigner.internal.keys.JwkParameters.KEY_TYPES;
import static io.github.jwtsigner.internal.keys.JwkParameters.KID;
import static io.github.jwtsigner.internal.keys.JwkParameters.KTY;
import static io.github.jwtsigner.internal.keys.JwkParameters.KTY_EC;
import static io.github.jwtsigner.internal.keys.JwkParameters.KTY_OCT;
import static io.github.jwtsigner.internal.keys.JwkParameters.KTY_OKP;
import static io.github.jwtsigner.internal.keys.JwkParameters.KTY_RSA;
import static io.github.jwtsigner.internal.keys.JwkParameters.USE;

import com.google.gson.JsonObject;

import java.util.Map;

/**
 * The one entry point for reading a JWK: reads {@code kty} and the common members, then hands off to the
 * parser of that key type.
 *
 * <p>Stateless and thread-safe.
 */
final class JwkParser {
    /** Reads the type-specific members of one key type. */
    @FunctionalInterface
    interface KeyTypeParser {
        Jwk parse(JwkMembers members, JwkMetadata metadata) throws JwkFormatException;
    }

    private static final Map<String, KeyTypeParser> PARSERS = Map.of(
            KTY_OCT, OctJwkParser::parse,
            KTY_RSA, RsaJwkParser::parse,
            KTY_EC, EcJwkParser::parse,
            KTY_OKP, OkpJwkParser::parse);

    private JwkParser() {
    }

    /**
     * @throws JwkFormatException naming the member that is missing, mistyped or unusable, without its value
     */
    static Jwk parse(JsonObject object) throws JwkFormatException {
        JwkMembers members = new JwkMembers(object);
        String kty = members.requiredString(KTY);
        KeyTypeParser parser = PARSERS.get(kty);
        if (parser == null) {
            throw new JwkFormatException(KTY + " [" + kty + "] is not supported; expected one of " + KEY_TYPES);
        }
        JwkMetadata metadata = new JwkMetadata(kty, members.optionalString(KID).orElse(null),
                members.optionalString(ALG).orElse(null), members.optionalString(USE).orElse(null),
                members.optionalString(CRV).orElse(null), members.optionalStrings(JwkParameters.KEY_OPS).orElse(null));
        return parser.parse(members, metadata);
    }
}
