package io.github.jwtsigner.jws;

import io.github.jwtsigner.SigningException;
import io.github.jwtsigner.json.JsonPointer;

import java.util.List;
import java.util.function.Supplier;

/**
 * The servlet-free core: a login response body in, the same body with each member named in
 * {@code keys_to_sign} replaced by a signed token out.
 *
 * <p>Immutable and thread-safe.
 */
public final class PayloadSigner {
    private final List<JsonPointer> keysToSign;
    private final Supplier<TokenSigner> signer;

    /**
     * @param signer asked once per body for the current signer, so a rotated key applies to whole bodies
     */
    public PayloadSigner(List<JsonPointer> keysToSign, Supplier<TokenSigner> signer) {
        this.keysToSign = List.copyOf(keysToSign);
        this.signer = signer;
    }

    /**
     * Signs every member named in {@code keys_to_sign} whose value is a JSON object; a missing member, or one
     * whose value is not an object, stays as it is. Everything else stays as the servlet wrote it.
     *
     * @param body the decoded response body
     * @return the body with signed members
     * @throws SigningException when the body is not strict JSON, not an object, holds a member to sign twice,
     *     holds a lone surrogate in a claim, or the signature fails
     */
    public String sign(String body) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
