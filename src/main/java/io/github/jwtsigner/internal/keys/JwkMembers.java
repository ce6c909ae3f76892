package io.github.jwtsigner.internal.keys;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.math.BigInteger;
import java.util.Base64;
import java.util.Optional;

/**
 * Typed access to the members of one JWK object. Errors name the member and what was expected, never the
 * member's value (it may be key material).
 *
 * <p>One instance per JWK; not thread-safe.
 */
final class JwkMembers {
    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

    private final JsonObject object;

    JwkMembers(JsonObject object) {
        this.object = object;
    }

    boolean has(String name) {
        return object.has(name);
    }

    /**
     * The member as an array of strings, or empty when absent; a member of another shape, or holding anything but
     * strings, reads as an empty array (it allows nothing), so that it never makes a key unreadable.
     */
    Optional<java.util.List<String>> optionalStrings(String name) {
        JsonElement value = object.get(name);
        if (value == null) {
            return Optional.empty();
        }
        java.util.List<String> strings = new java.util.ArrayList<>();
        if (value.isJsonArray()) {
            for (JsonElement e : value.getAsJsonArray()) {
                if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
                    return Optional.of(java.util.List.of());
                }
                strings.add(e.getAsString());
            }
            return Optional.of(java.util.List.copyOf(strings));
        }
        return Optional.of(java.util.List.of());
    }

    /** The member as a string, or empty when absent. */
    Optional<String> optionalString(String name) throws JwkFormatException {
        JsonElement value = object.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw new JwkFormatException("member [" + name + "] is not a string");
        }
        return Optional.of(value.getAsString());
    }

    String requiredString(String name) throws JwkFormatException {
        return optionalString(name).orElseThrow(() -> missing(name));
    }

    /** The base64url-decoded bytes (RFC 7515 §2: no padding, though padding is tolerated); never empty. */
    byte[] bytes(String name) throws JwkFormatException {
        String text = optionalString(name).orElseThrow(() -> missing(name));
        byte[] bytes;
        try {
            bytes = BASE64URL.decode(text);
        } catch (IllegalArgumentException e) {
            // The decoder's message quotes the offending character: keep it out.
            throw new JwkFormatException("member [" + name + "] is not base64url; expected base64url without"
                    + " padding (RFC 7515 §2)");
        }
        if (bytes.length == 0) {
            throw new JwkFormatException("member [" + name + "] is empty");
        }
        return bytes;
    }

    /** A base64urlUInt (RFC 7518 §2): the unsigned big-endian integer the member encodes. */
    BigInteger unsignedInteger(String name) throws JwkFormatException {
        return new BigInteger(1, bytes(name));
    }

    private static JwkFormatException missing(String name) {
        return new JwkFormatException("member [" + name + "] is missing");
    }
}
