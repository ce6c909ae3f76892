package io.github.jwtsigner.internal.jws;

import io.github.jwtsigner.SigningAlgorithm;
import io.github.jwtsigner.SigningException;
import io.github.jwtsigner.internal.json.CanonicalJson;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The JWS protected header, byte for byte as KrakenD writes it: {@code {"alg":"…","kid":"…","typ":"…"}},
 * these members in this order, no spaces, strings escaped as Go does (by {@link CanonicalJson#quoted}, the
 * same rules as the claims).
 *
 * <p>Stateless and thread-safe.
 */
final class ProtectedHeader {
    private ProtectedHeader() {
    }

    /**
     * @return the header JSON as UTF-8 bytes
     * @throws IllegalArgumentException when kid or typ holds a lone surrogate
     */
    static byte[] json(SigningAlgorithm alg, String kid, String typ) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 + kid.length() + typ.length());
        out.writeBytes(ascii("{\"alg\":"));
        out.writeBytes(CanonicalJson.quoted(alg.jwaName()));
        out.writeBytes(ascii(",\"kid\":"));
        out.writeBytes(member("kid", kid));
        out.writeBytes(ascii(",\"typ\":"));
        out.writeBytes(member("typ", typ));
        out.write('}');
        return out.toByteArray();
    }

    private static byte[] member(String name, String value) {
        try {
            return CanonicalJson.quoted(value);
        } catch (SigningException e) {
            throw new IllegalArgumentException(name + " " + e.getMessage(), e);
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
