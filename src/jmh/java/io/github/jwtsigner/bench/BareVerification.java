package io.github.jwtsigner.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.SignatureException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The floor of validating one token: the JCA check of its signature over its signing input, and nothing else.
 * The signing input ({@code header.payload} as ASCII) and the decoded signature are prepared once; each
 * {@link #verify()} runs one JDK {@code Mac} (HS256, compared in constant time) or {@code Signature} verify
 * ({@code SHA256withRSA}, {@code SHA256withECDSAinP1363Format}, {@code Ed25519}) on an instance initialised once
 * and reused, which is the cheapest correct way the JDK offers.
 *
 * <p>One instance per thread; not thread-safe.
 */
public final class BareVerification {
    private final byte[] signingInput;
    private final byte[] signature;
    private final Mac mac;
    private final Signature verifier;

    /** Prepares the check of {@code token} (compact JWS of {@code alg}) with the key {@code keys} holds. */
    public BareVerification(String alg, String token, ValidationKeys keys) throws GeneralSecurityException {
        int lastDot = token.lastIndexOf('.');
        this.signingInput = token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII);
        this.signature = Base64.getUrlDecoder().decode(token.substring(lastDot + 1));
        if (alg.equals("HS256")) {
            this.mac = Mac.getInstance("HmacSHA256");
            this.mac.init(new SecretKeySpec(keys.hmacSecret(), "HmacSHA256"));
            this.verifier = null;
        } else {
            this.mac = null;
            this.verifier = Signature.getInstance(jcaName(alg));
            this.verifier.initVerify(keys.publicKey(alg));
        }
    }

    private static String jcaName(String alg) {
        return switch (alg) {
            case "RS256" -> "SHA256withRSA";
            case "ES256" -> "SHA256withECDSAinP1363Format";
            case "EdDSA" -> "Ed25519";
            default -> throw new IllegalArgumentException("alg [" + alg + "] is not measured; expected one of "
                    + ValidationKeys.ALGS);
        };
    }

    /** True when the signature is valid; false also for one the JCA cannot decode (an EdDSA R off the curve). */
    public boolean verify() {
        if (mac != null) {
            return MessageDigest.isEqual(mac.doFinal(signingInput), signature);
        }
        try {
            verifier.update(signingInput);
            return verifier.verify(signature);
        } catch (SignatureException e) {
            return false;
        }
    }
}
