package io.github.jwtsigner.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Keys made at start for the validation benchmarks, one per algorithm (HS256, RS256 with RSA 2048, ES256 with
 * P-256, EdDSA with Ed25519), and the tokens Nimbus JOSE+JWT signs with them: the {@code access_token} claims of
 * {@link LoginBody} with an {@code exp} a day ahead, a {@code kid} and {@code typ} JWT. The public JWK Set (the
 * {@code oct} key included, as HS256 needs it) is written to a temporary file that is deleted on exit.
 *
 * <p>Immutable and thread-safe once made.
 */
public final class ValidationKeys {
    /** The algorithms measured, in table order. */
    public static final List<String> ALGS = List.of("HS256", "RS256", "ES256", "EdDSA");

    /** The subject of every token; a contender's servlet must see it as the principal's name. */
    public static final String SUBJECT = "1234567890qwertyuio";

    /** A role every token carries; the servlet asks {@code isUserInRole} for it. */
    public static final String ROLE = "role_a";

    /** Ed25519 X.509 SubjectPublicKeyInfo prefix (RFC 8410): the 32-byte key follows. */
    private static final byte[] ED25519_SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03,
        0x21, 0x00};

    private final OctetSequenceKey hmac;
    private final RSAKey rsa;
    private final ECKey ec;
    private final OctetKeyPair ed;
    private final Path publicJwkSetFile;

    private ValidationKeys(OctetSequenceKey hmac, RSAKey rsa, ECKey ec, OctetKeyPair ed, Path publicJwkSetFile) {
        this.hmac = hmac;
        this.rsa = rsa;
        this.ec = ec;
        this.ed = ed;
        this.publicJwkSetFile = publicJwkSetFile;
    }

    /** New keys, and their public JWK Set in a temporary file. */
    public static ValidationKeys generate() throws JOSEException, IOException {
        OctetSequenceKey hmac = new OctetSequenceKeyGenerator(256).keyID("hs1").algorithm(JWSAlgorithm.HS256)
                .generate();
        RSAKey rsa = new RSAKeyGenerator(2048).keyID("rsa1").algorithm(JWSAlgorithm.RS256).generate();
        ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("ec1").algorithm(JWSAlgorithm.ES256).generate();
        OctetKeyPair ed = new OctetKeyPairGenerator(Curve.Ed25519).keyID("ed1").algorithm(JWSAlgorithm.EdDSA)
                .generate();
        Path file = Files.createTempFile("validation-jwks", ".json");
        file.toFile().deleteOnExit();
        String json = publicSet(hmac, rsa, ec, ed).toString(false);
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return new ValidationKeys(hmac, rsa, ec, ed, file);
    }

    private static JWKSet publicSet(OctetSequenceKey hmac, RSAKey rsa, ECKey ec, OctetKeyPair ed) {
        List<JWK> keys = new ArrayList<>();
        keys.add(hmac);
        keys.add(rsa.toPublicJWK());
        keys.add(ec.toPublicJWK());
        keys.add(ed.toPublicJWK());
        return new JWKSet(keys);
    }

    /** The absolute path of the public JWK Set file. */
    public Path publicJwkSetFile() {
        return publicJwkSetFile;
    }

    /** The public JWK Set as JSON, the {@code oct} key included. */
    public String publicJwkSetJson() {
        return publicSet(hmac, rsa, ec, ed).toString(false);
    }

    /** The key of {@code alg} as a JWK (private for RSA, EC and OKP). */
    public JWK jwk(String alg) {
        return switch (alg) {
            case "HS256" -> hmac;
            case "RS256" -> rsa;
            case "ES256" -> ec;
            case "EdDSA" -> ed;
            default -> throw new IllegalArgumentException("alg [" + alg + "] has no key; expected one of " + ALGS);
        };
    }

    /** The HMAC secret of HS256. */
    public byte[] hmacSecret() {
        return hmac.toByteArray();
    }

    /** The JDK public key of {@code alg} (RS256, ES256, EdDSA). */
    public PublicKey publicKey(String alg) {
        try {
            return switch (alg) {
                case "RS256" -> rsa.toRSAPublicKey();
                case "ES256" -> ec.toECPublicKey();
                case "EdDSA" -> ed25519PublicKey(ed.getDecodedX());
                default -> throw new IllegalArgumentException("alg [" + alg + "] has no public key; expected one of"
                        + " [RS256, ES256, EdDSA]");
            };
        } catch (JOSEException | GeneralSecurityException e) {
            throw new IllegalStateException("key of [" + alg + "] cannot be converted", e);
        }
    }

    private static PublicKey ed25519PublicKey(byte[] x) throws GeneralSecurityException {
        byte[] spki = new byte[ED25519_SPKI_PREFIX.length + x.length];
        System.arraycopy(ED25519_SPKI_PREFIX, 0, spki, 0, ED25519_SPKI_PREFIX.length);
        System.arraycopy(x, 0, spki, ED25519_SPKI_PREFIX.length, x.length);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
    }

    /**
     * A compact token for {@code alg}, signed by Nimbus, whose {@code roles} holds {@value #ROLE}, {@code role_b}
     * and {@code extraRoles} more strings of 10 characters, to grow the token without changing anything else.
     */
    public String token(String alg, int extraRoles) {
        List<String> roles = new ArrayList<>(List.of(ROLE, "role_b"));
        for (int i = 0; i < extraRoles; i++) {
            roles.add(String.format("role_%05d", i));
        }
        long now = System.currentTimeMillis();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .audience("http://api.example.com")
                .issuer("https://krakend.io")
                .subject(SUBJECT)
                .jwtID("mnb23vcsrt756yuiomnbvcx98ertyuiop")
                .claim("roles", roles)
                .issueTime(new Date(now / 1000 * 1000))
                .expirationTime(new Date((now / 1000 + 86_400) * 1000))
                .build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.parse(alg)).keyID(jwk(alg).getKeyID())
                .type(JOSEObjectType.JWT).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer(alg));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a [" + alg + "] token", e);
        }
        return jwt.serialize();
    }

    private JWSSigner signer(String alg) throws JOSEException {
        return switch (alg) {
            case "HS256" -> new MACSigner(hmac);
            case "RS256" -> new RSASSASigner(rsa);
            case "ES256" -> new ECDSASigner(ec);
            case "EdDSA" -> new Ed25519Signer(ed);
            default -> throw new IllegalArgumentException("alg [" + alg + "] has no key; expected one of " + ALGS);
        };
    }
}
