package io.github.jwtsigner.internal.keys;

import static io.github.jwtsigner.internal.keys.JwkParameters.KTY_EC;
import static io.github.jwtsigner.internal.keys.JwkParameters.KTY_OKP;
import static io.github.jwtsigner.internal.keys.JwkParameters.KTY_RSA;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Optional;

/**
 * Proves at startup that an asymmetric JWK's private member belongs to its public members, by signing a
 * fixed message and verifying it. Otherwise a JWK whose d does not match n, x or y would sign tokens that no
 * one can verify, and that would show only at the first login.
 *
 * <p>Stateless and thread-safe.
 */
final class KeyPairCheck {
    private static final byte[] PROBE = "jwt-signer key pair check".getBytes(StandardCharsets.US_ASCII);

    private KeyPairCheck() {
    }

    /** @return the problem, naming no key material, or empty when the pair matches */
    static Optional<String> problem(Jwk key) {
        String jcaName = switch (key.kty()) {
            case KTY_RSA -> "SHA256withRSA";
            case KTY_EC -> "SHA256withECDSA";
            case KTY_OKP -> "Ed25519";
            default -> null;
        };
        // Without a public key (a PEM EC or Ed25519 key that does not carry one) there is nothing to disagree.
        if (jcaName == null || key.privateKey() == null || key.publicKey() == null) {
            return Optional.empty();
        }
        try {
            Signature signer = Signature.getInstance(jcaName);
            signer.initSign(key.privateKey());
            signer.update(PROBE);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(jcaName);
            verifier.initVerify(key.publicKey());
            verifier.update(PROBE);
            if (verifier.verify(signature)) {
                return Optional.empty();
            }
            return Optional.of("its private member [" + JwkParameters.D + "] does not belong to its public"
                    + " members; expected a matching key pair");
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.of("it cannot sign (" + e.getClass().getSimpleName() + "); expected private members that"
                    + " belong to its public members");
        }
    }
}
