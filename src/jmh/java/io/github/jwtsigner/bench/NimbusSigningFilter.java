package io.github.jwtsigner.bench;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.jwtsigner.testing.BufferingResponse;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;

/**
 * The hand-written alternative the filter is compared with: buffer the login response, parse it with Gson, sign
 * each named claim set with Nimbus JOSE+JWT ({@link SignedJWT} over a {@link JWTClaimsSet}), write the result.
 * What a competent developer writes in an afternoon; it does not aim for KrakenD byte compatibility, JSON
 * Pointers, size limits or fail-closed handling.
 *
 * <p>Immutable and thread-safe (Nimbus signers are thread-safe).
 */
public final class NimbusSigningFilter implements Filter {
    private final JWSHeader header;
    private final JWSSigner signer;
    private final List<String> keysToSign;

    public NimbusSigningFilter(JWSAlgorithm alg, String kid, JWSSigner signer, List<String> keysToSign) {
        this.header = new JWSHeader.Builder(alg).keyID(kid).type(JOSEObjectType.JWT).build();
        this.signer = signer;
        this.keysToSign = List.copyOf(keysToSign);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletResponse http = (HttpServletResponse) response;
        BufferingResponse buffered = BufferingResponse.holdingAll(http);
        chain.doFilter(request, buffered);
        byte[] body = buffered.heldBytes();

        String type = http.getContentType();
        if (http.getStatus() / 100 != 2 || type == null || !type.startsWith("application/json")) {
            http.getOutputStream().write(body);
            return;
        }
        JsonObject root = JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject();
        try {
            for (String key : keysToSign) {
                JsonElement claims = root.get(key);
                if (claims != null && claims.isJsonObject()) {
                    SignedJWT jwt = new SignedJWT(header, JWTClaimsSet.parse(claims.toString()));
                    jwt.sign(signer);
                    root.addProperty(key, jwt.serialize());
                }
            }
        } catch (ParseException | JOSEException e) {
            throw new ServletException("signing the login response failed", e);
        }
        byte[] signed = root.toString().getBytes(StandardCharsets.UTF_8);
        http.setContentType("application/json;charset=UTF-8");
        http.setContentLength(signed.length);
        http.setHeader("Cache-Control", "no-store");
        http.getOutputStream().write(signed);
    }
}
