package io.github.jwtsigner.internal.remote;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Public key pins for the key server: SHA-256 over a certificate's DER SubjectPublicKeyInfo, written as
 * padded base64url (KrakenD's {@code jwk_fingerprints}, the same digest as HPKP's {@code pin-sha256}).
 *
 * <p>Immutable and thread-safe.
 */
final class PublicKeyPins {
    private static final int SHA256_BYTES = 32;

    private final List<byte[]> digests;

    private PublicKeyPins(List<byte[]> digests) {
        this.digests = digests;
    }

    /**
     * Decodes each pin; base64url or standard base64, padded or not.
     *
     * @throws IllegalArgumentException for an entry that is not a SHA-256 digest (the settings check them first)
     */
    static PublicKeyPins parse(List<String> encoded) {
        List<byte[]> digests = new ArrayList<>();
        for (String pin : encoded) {
            digests.add(decode(pin).orElseThrow(() -> new IllegalArgumentException("not a base64url SHA-256"
                    + " digest: [" + pin + "]")));
        }
        return new PublicKeyPins(List.copyOf(digests));
    }

    private static Optional<byte[]> decode(String pin) {
        if (pin == null) {
            return Optional.empty();
        }
        String urlSafe = pin.strip().replace('+', '-').replace('/', '_');
        while (urlSafe.endsWith("=")) {
            urlSafe = urlSafe.substring(0, urlSafe.length() - 1);
        }
        try {
            byte[] digest = Base64.getUrlDecoder().decode(urlSafe.getBytes(StandardCharsets.US_ASCII));
            return digest.length == SHA256_BYTES ? Optional.of(digest) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    boolean isEmpty() {
        return digests.isEmpty();
    }

    /** True if the public key of any certificate in {@code presented} matches a pin. */
    boolean matchesAny(Certificate[] presented) {
        for (Certificate cert : presented) {
            byte[] digest = sha256(cert.getPublicKey().getEncoded());
            for (byte[] pin : digests) {
                if (MessageDigest.isEqual(pin, digest)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The pin of each certificate, in the same order, for error messages (pins are public data). */
    static List<String> pinsOf(Certificate[] presented) {
        List<String> pins = new ArrayList<>();
        for (Certificate cert : presented) {
            pins.add(pinOf(cert));
        }
        return pins;
    }

    /** The pin of one certificate's public key, as padded base64url. */
    static String pinOf(Certificate cert) {
        return Base64.getUrlEncoder().encodeToString(sha256(cert.getPublicKey().getEncoded()));
    }

    /** The configured pins, as padded base64url. */
    List<String> encoded() {
        List<String> out = new ArrayList<>();
        for (byte[] d : digests) {
            out.add(Base64.getUrlEncoder().encodeToString(d));
        }
        return out;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "PublicKeyPins" + Arrays.toString(encoded().toArray());
    }
}
