package io.github.jwtsigner.jws;

import io.github.jwtsigner.SigningAlgorithm;

import java.nio.charset.StandardCharsets;

/**
 * The JWS protected header, byte for byte as KrakenD writes it: {@code {"alg":"…","kid":"…","typ":"…"}},
 * these members in this order, no spaces, strings escaped as Go does.
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
        StringBuilder sb = new StringBuilder(32 + kid.length() + typ.length());
        sb.append("{\"alg\":");
        GoJsonString.appendQuoted(sb, alg.jwaName());
        sb.append(",\"kid\":");
        appendMember(sb, "kid", kid);
        sb.append(",\"typ\":");
        appendMember(sb, "typ", typ);
        sb.append('}');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void appendMember(StringBuilder sb, String name, String value) {
        try {
            GoJsonString.appendQuoted(sb, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " holds a " + e.getMessage(), e);
        }
    }
}
