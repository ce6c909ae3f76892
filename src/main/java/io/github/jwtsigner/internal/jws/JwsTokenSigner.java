package io.github.jwtsigner.internal.jws;

import io.github.jwtsigner.InvalidConfigurationException;
import io.github.jwtsigner.SigningAlgorithm;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Serializes signed tokens for one key: the protected header is built and encoded once, so each call
 * encodes the payload, signs, and joins bytes. Compact form {@code h.p.s}, or with {@code full} the
 * flattened JWS JSON serialization {@code {"payload":"p","protected":"h","signature":"s"}} (RFC 7515 §7.2.2),
 * members in that order, as KrakenD writes it.
 *
 * <p>Made by {@link Signatures#tokenSigner}. Immutable and thread-safe when the {@link SignatureFunction} is.
 */
final class JwsTokenSigner implements TokenSigner {
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final byte[] DOT = {'.'};
    private static final byte[] FULL_PAYLOAD = ascii("{\"payload\":\"");
    private static final byte[] FULL_PROTECTED = ascii("\",\"protected\":\"");
    private static final byte[] FULL_SIGNATURE = ascii("\",\"signature\":\"");
    private static final byte[] FULL_END = ascii("\"}");

    private final SigningAlgorithm alg;
    private final String kid;
    private final String typ;
    private final boolean full;
    private final SignatureFunction signature;
    private final PublicKey verificationKey;
    private final byte[] headerB64;

    /**
     * @param kid written into the header as given
     * @param typ the header's {@code typ}, usually {@code JWT}
     * @param full true for the flattened JSON serialization, false for compact
     * @throws InvalidConfigurationException when kid or typ holds a lone surrogate (no UTF-8 form)
     */
    JwsTokenSigner(SigningAlgorithm alg, String kid, String typ, boolean full, SignatureFunction signature) {
        this(alg, kid, typ, full, signature, null);
    }

    /** @param verificationKey the public key that verifies the tokens, or null */
    JwsTokenSigner(SigningAlgorithm alg, String kid, String typ, boolean full, SignatureFunction signature,
            PublicKey verificationKey) {
        this.verificationKey = verificationKey;
        this.alg = Objects.requireNonNull(alg, "alg");
        this.kid = Objects.requireNonNull(kid, "kid");
        this.typ = Objects.requireNonNull(typ, "typ");
        this.full = full;
        this.signature = Objects.requireNonNull(signature, "signature");
        try {
            this.headerB64 = BASE64URL.encode(ProtectedHeader.json(alg, kid, typ));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(e.getMessage(), e);
        }
    }

    @Override
    public SigningAlgorithm alg() {
        return alg;
    }

    @Override
    public String kid() {
        return kid;
    }

    @Override
    public Optional<PublicKey> verificationKey() {
        return Optional.ofNullable(verificationKey);
    }

    /** The header's {@code typ}. */
    String typ() {
        return typ;
    }

    /** True when tokens are the flattened JSON serialization rather than compact. */
    boolean full() {
        return full;
    }

    /**
     * @throws io.github.jwtsigner.SigningException with reason {@code SIGNATURE_FAILED} when the provider fails
     */
    @Override
    public String sign(byte[] canonicalPayload) {
        byte[] payloadB64 = BASE64URL.encode(canonicalPayload);
        byte[] signatureB64 = BASE64URL.encode(signature.sign(headerB64, payloadB64));
        byte[] out;
        if (full) {
            out = join(FULL_PAYLOAD, payloadB64, FULL_PROTECTED, headerB64, FULL_SIGNATURE, signatureB64,
                    FULL_END);
        } else {
            out = join(headerB64, DOT, payloadB64, DOT, signatureB64);
        }
        // All ASCII: ISO-8859-1 decoding is a plain copy into a compact string.
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return "JwsTokenSigner{alg=" + alg + ", kid=" + kid + ", typ=" + typ + ", full=" + full + "}";
    }

    private static byte[] join(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
