package io.github.jwtsigner.internal.keys;

import com.google.gson.stream.JsonWriter;

import io.github.jwtsigner.InvalidConfigurationException;
import io.github.jwtsigner.internal.jws.TokenSigner;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.NamedParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The public halves of some keys, as a JWK Set to publish: for each RSA, EC and OKP key only {@code kty},
 * {@code kid}, {@code use}, {@code alg} and its public members ({@code n}, {@code e}, {@code crv}, {@code x},
 * {@code y}), written from the Java public key, never copied from the source. Symmetric keys are left out and
 * counted. A key this library cannot read (an unknown {@code kty} or curve) is left out, as the signer leaves it
 * out, unless {@code kid} selects it.
 *
 * <p>Immutable and thread-safe.
 */
public final class PublicJwks {
    /** No keys at all. */
    public static final PublicJwks EMPTY = new PublicJwks(List.of(), 0);

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final int ED25519_OCTETS = 32;

    /** Each key's members, in the order they are written. */
    private final List<Map<String, String>> keys;
    private final int symmetricLeftOut;

    private PublicJwks(List<Map<String, String>> keys, int symmetricLeftOut) {
        this.keys = List.copyOf(keys);
        this.symmetricLeftOut = symmetricLeftOut;
    }

    /**
     * The public halves of a JWK Set's keys, or of the one key with {@code kid}.
     *
     * @param kid the one kid to publish, or null for every key
     * @param source where the set came from, for messages
     * @throws InvalidConfigurationException when the set cannot be read, the kid is not there or selects a key
     *     that is not a usable JWK, or an asymmetric key has no public key to publish
     */
    public static PublicJwks fromJwkSet(String json, String kid, String source) {
        JwkSet set = JwkSet.parse(json, source);
        List<String> problems = new ArrayList<>();
        List<JwkSet.Entry> entries = set.entries().stream().filter(e -> kid == null || kid.equals(e.kid())).toList();
        if (kid != null && entries.isEmpty()) {
            throw new InvalidConfigurationException("kid [" + kid + "] not found in " + source
                    + (set.kids().isEmpty() ? "; the JWK Set holds no kids" : "; kids there: " + set.kids()));
        }
        List<Map<String, String>> keys = new ArrayList<>();
        int symmetric = 0;
        for (JwkSet.Entry entry : entries) {
            String subject = "key [" + entry.index() + "]" + (entry.kid() == null ? "" : " with kid [" + entry.kid()
                    + "]") + " in " + source;
            if (entry.key() == null) {
                if (kid != null) {
                    problems.add(subject + " cannot be read: " + entry.problem());
                }
            } else if (entry.key().isSymmetric()) {
                symmetric++;
            } else {
                Jwk key = entry.key();
                keys.add(members(key.kid().orElse(null), key.use().orElse(null), key.alg().orElse(null),
                        key.publicKey(), key.crv().orElse(null), subject, problems));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
        return new PublicJwks(keys, symmetric);
    }

    /**
     * The public half of a key that did not come from a JWK Set (a PEM file, a keystore entry), under
     * {@code kid} with {@code use} {@code sig}; nothing for an HMAC key.
     *
     * @param publicKeyOrNull its public key, if known; an RSA CRT or Ed25519 key's is derived
     * @throws InvalidConfigurationException when the key is of no usable kind, or its public key is unknown
     */
    public static PublicJwks fromKey(Key key, PublicKey publicKeyOrNull, String kid, String source) {
        Objects.requireNonNull(kid);
        String subject = "the key in " + source;
        Jwk jwk;
        try {
            PublicKey known = publicKeyOrNull != null || !(key instanceof EdECPrivateKey ed) ? publicKeyOrNull
                    : ed25519PublicOf(ed);
            jwk = JavaKeyJwk.convert(kid, key, known);
        } catch (JwkFormatException e) {
            throw new InvalidConfigurationException(subject + " cannot be used: " + e.getMessage());
        }
        if (jwk.isSymmetric()) {
            return new PublicJwks(List.of(), 1);
        }
        List<String> problems = new ArrayList<>();
        KeyPairCheck.problem(jwk).ifPresent(p -> problems.add(subject + " cannot be used: " + p));
        Map<String, String> members = members(kid, JwkParameters.USE_SIG, null, jwk.publicKey(),
                jwk.crv().orElse(null), subject, problems);
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
        return new PublicJwks(List.of(members), 0);
    }

    /** The key that verifies a signer's tokens, under its kid and alg; nothing for HMAC or an unknown key. */
    public static PublicJwks of(TokenSigner signer) {
        PublicKey key = signer.verificationKey().orElse(null);
        if (key == null) {
            return new PublicJwks(List.of(), 1);
        }
        List<String> problems = new ArrayList<>();
        Map<String, String> members = members(signer.kid(), JwkParameters.USE_SIG, signer.alg().jwaName(), key,
                null, "kid [" + signer.kid() + "]", problems);
        return problems.isEmpty() ? new PublicJwks(List.of(members), 0) : new PublicJwks(List.of(), 1);
    }

    /** The keys of all, in order, each key once; the symmetric count of the first. */
    public static PublicJwks union(List<PublicJwks> all) {
        if (all.isEmpty()) {
            return EMPTY;
        }
        Set<Map<String, String>> keys = new LinkedHashSet<>();
        all.forEach(p -> keys.addAll(p.keys));
        return new PublicJwks(new ArrayList<>(keys), all.get(0).symmetricLeftOut);
    }

    /** The kids of the published keys, in order; a key without a kid is left out of this list. */
    public List<String> kids() {
        return keys.stream().map(k -> k.get(JwkParameters.KID)).filter(Objects::nonNull).toList();
    }

    /** How many keys are published. */
    public int size() {
        return keys.size();
    }

    /** How many symmetric keys (or keys with no public half) were left out. */
    public int symmetricLeftOut() {
        return symmetricLeftOut;
    }

    /** The JWK Set {@code {"keys":[...]}}, UTF-8. */
    public byte[] json() {
        StringWriter out = new StringWriter();
        try (JsonWriter w = new JsonWriter(out)) {
            w.setHtmlSafe(false);
            w.beginObject().name(JwkParameters.KEYS).beginArray();
            for (Map<String, String> key : keys) {
                w.beginObject();
                for (Map.Entry<String, String> m : key.entrySet()) {
                    w.name(m.getKey()).value(m.getValue());
                }
                w.endObject();
            }
            w.endArray().endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublicJwks p && p.keys.equals(keys) && p.symmetricLeftOut == symmetricLeftOut;
    }

    @Override
    public int hashCode() {
        return keys.hashCode() * 31 + symmetricLeftOut;
    }

    @Override
    public String toString() {
        return "PublicJwks{kids=" + kids() + ", keys=" + keys.size() + ", symmetric left out=" + symmetricLeftOut
                + "}";
    }

    private static Map<String, String> members(String kid, String use, String alg, PublicKey key, String crv,
            String subject, List<String> problems) {
        Map<String, String> m = new LinkedHashMap<>();
        if (key instanceof RSAPublicKey) {
            m.put(JwkParameters.KTY, JwkParameters.KTY_RSA);
        } else if (key instanceof ECPublicKey) {
            m.put(JwkParameters.KTY, JwkParameters.KTY_EC);
        } else if (key instanceof EdECPublicKey) {
            m.put(JwkParameters.KTY, JwkParameters.KTY_OKP);
        } else {
            problems.add(subject + " has no public key to publish; expected a source that holds it (a PEM file"
                    + " with the public key, a keystore entry with its certificate)");
            return m;
        }
        putIfSet(m, JwkParameters.KID, kid);
        putIfSet(m, JwkParameters.USE, use);
        putIfSet(m, JwkParameters.ALG, alg);
        if (key instanceof RSAPublicKey rsa) {
            m.put(JwkParameters.N, unsigned(rsa.getModulus(), 0));
            m.put(JwkParameters.E, unsigned(rsa.getPublicExponent(), 0));
        } else if (key instanceof ECPublicKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            String name = crv != null ? crv : EcCurve.matching(ec.getParams()).map(EcCurve::jwkName).orElse(null);
            if (name == null) {
                problems.add(subject + " is on a curve with no JWK name; expected one of " + EcCurve.jwkNames());
                return m;
            }
            m.put(JwkParameters.CRV, name);
            m.put(JwkParameters.X, unsigned(ec.getW().getAffineX(), (bits + 7) / 8));
            m.put(JwkParameters.Y, unsigned(ec.getW().getAffineY(), (bits + 7) / 8));
        } else {
            byte[] spki = key.getEncoded();
            m.put(JwkParameters.CRV, JwkParameters.CRV_ED25519);
            m.put(JwkParameters.X, BASE64URL.encodeToString(Arrays.copyOfRange(spki, spki.length - ED25519_OCTETS,
                    spki.length)));
        }
        return m;
    }

    private static void putIfSet(Map<String, String> m, String name, String value) {
        if (value != null) {
            m.put(name, value);
        }
    }

    /** A base64urlUInt (RFC 7518 §2), left-padded with zeros to {@code length} octets when that is not 0. */
    private static String unsigned(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        int start = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
        int size = Math.max(length, bytes.length - start);
        byte[] out = new byte[size];
        System.arraycopy(bytes, start, out, size - (bytes.length - start), bytes.length - start);
        return BASE64URL.encodeToString(out);
    }

    /** The JDK's generator draws the 32-octet private key from the random source: hand it this key's. */
    static PublicKey ed25519PublicOf(EdECPrivateKey key) throws JwkFormatException {
        byte[] seed = key.getBytes().orElse(null);
        if (seed == null || seed.length != ED25519_OCTETS) {
            return null;
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
                private static final long serialVersionUID = 1L;

                @Override
                public void nextBytes(byte[] bytes) {
                    System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
                }
            });
            return generator.generateKeyPair().getPublic();
        } catch (GeneralSecurityException e) {
            throw new JwkFormatException("its public key cannot be derived: " + e.getClass().getSimpleName());
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }
}
