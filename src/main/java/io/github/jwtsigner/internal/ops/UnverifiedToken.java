package io.github.jwtsigner.internal.ops;

import io.github.jwtsigner.internal.json.JsonNode;
import io.github.jwtsigner.internal.json.JsonNode.Member;
import io.github.jwtsigner.internal.json.JsonNode.ObjectNode;
import io.github.jwtsigner.internal.json.JsonParseException;
import io.github.jwtsigner.internal.json.JsonParser;
import io.github.jwtsigner.internal.validation.Base64Url;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * What an audit line may say of a refused token, which nothing vouches for: its header's {@code alg} and
 * {@code kid} and its payload's {@code sub}, each read only when the token has the compact shape (three parts,
 * two dots), its part is canonical base64url of UTF-8 text and that text is a JSON object nested at most
 * {@value #MAX_DEPTH} deep; and a fingerprint, which tells two requests with the same token apart from two
 * with different ones without showing the token. No other member is looked at, and the signature never.
 *
 * <p>Immutable and thread-safe.
 *
 * @param alg the header's {@code alg}, or null
 * @param kid the header's {@code kid}, or null
 * @param sub the payload's {@code sub}, or null
 */
record UnverifiedToken(JsonNode alg, JsonNode kid, JsonNode sub) {
    /** Deeper than any header or claim set worth reading; a deeper part is left unread. */
    static final int MAX_DEPTH = 16;

    /** Nothing read. */
    static final UnverifiedToken NOTHING = new UnverifiedToken(null, null, null);
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** What can be read of {@code token}; its fields null where it cannot. */
    static UnverifiedToken read(String token) {
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (second < 0 || token.indexOf('.', second + 1) >= 0) {
            return NOTHING;
        }
        ObjectNode header = object(token, 0, first);
        ObjectNode payload = object(token, first + 1, second);
        return new UnverifiedToken(member(header, "alg"), member(header, "kid"), member(payload, "sub"));
    }

    /**
     * The first 8 bytes of the SHA-256 digest of {@code token}'s UTF-8 bytes, as 16 lower-case hex digits.
     */
    static String fingerprint(String token) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        byte[] digest = sha256.digest(token.getBytes(StandardCharsets.UTF_8));
        char[] hex = new char[16];
        for (int i = 0; i < 8; i++) {
            hex[2 * i] = HEX[(digest[i] >> 4) & 0xF];
            hex[2 * i + 1] = HEX[digest[i] & 0xF];
        }
        return new String(hex);
    }

    /** The JSON object {@code token[from, to)} encodes, or null. */
    private static ObjectNode object(String token, int from, int to) {
        byte[] bytes = Base64Url.decode(token, from, to);
        if (bytes == null) {
            return null;
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            return JsonParser.parse(text, MAX_DEPTH) instanceof ObjectNode o ? o : null;
        } catch (CharacterCodingException | JsonParseException e) {
            return null;
        }
    }

    /** The last member named {@code name}, as a JSON parser that keeps the last duplicate would see it. */
    private static JsonNode member(ObjectNode object, String name) {
        if (object == null) {
            return null;
        }
        JsonNode found = null;
        for (Member m : object.members()) {
            if (m.name().equals(name)) {
                found = m.value();
            }
        }
        return found;
    }
}
