package io.github.jwtsigner.internal.rotation;

import com.google.gson.JsonParser;

import io.github.jwtsigner.internal.json.JsonPointer;
import io.github.jwtsigner.internal.jws.PayloadSigner;
import io.github.jwtsigner.internal.jws.TokenSigner;

import java.util.List;
import java.util.function.Supplier;

/** Signs a login body through the real {@link PayloadSigner} and hands back the access token. */
final class SignedTokens {
    private SignedTokens() {
    }

    static PayloadSigner payloadSigner(Supplier<TokenSigner> keys) {
        return new PayloadSigner(List.of(JsonPointer.parse("access_token")), keys);
    }

    static String accessToken(PayloadSigner signer, String subject) {
        String body = signer.sign("{\"access_token\":{\"sub\":\"" + subject + "\",\"exp\":1735689600},\"ok\":true}");
        return JsonParser.parseString(body).getAsJsonObject().get("access_token").getAsString();
    }

    static String accessToken(Supplier<TokenSigner> keys) {
        return accessToken(payloadSigner(keys), "user-1");
    }
}
