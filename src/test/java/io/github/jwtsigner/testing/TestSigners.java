package io.github.jwtsigner.testing;

import io.github.jwtsigner.SigningAlgorithm;
import io.github.jwtsigner.internal.jws.TokenSigner;

import java.util.function.Function;

/** Token signers for tests: HS256 under a kid, signing (or failing) as the function given says. */
public final class TestSigners {
    private TestSigners() {
    }

    /** An HS256 signer under {@code kid} whose tokens {@code sign} makes from the canonical payload. */
    public static TokenSigner hs256(String kid, Function<byte[], String> sign) {
        return new TokenSigner() {
            @Override
            public SigningAlgorithm alg() {
                return SigningAlgorithm.HS256;
            }

            @Override
            public String kid() {
                return kid;
            }

            @Override
            public String sign(byte[] canonicalPayload) {
                return sign.apply(canonicalPayload);
            }
        };
    }

    /** An HS256 signer under {@code kid} that throws {@code failure}, an unchecked exception or an error. */
    public static TokenSigner throwing(String kid, Throwable failure) {
        return hs256(kid, payload -> {
            if (failure instanceof Error) {
                throw (Error) failure;
            }
            throw (RuntimeException) failure;
        });
    }
}
