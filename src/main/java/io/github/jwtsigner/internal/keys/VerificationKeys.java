package io.github.jwtsigner.internal.keys;

import io.github.jwtsigner.InvalidConfigurationException;
import io.github.jwtsigner.SigningAlgorithm;

import java.security.Key;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import javax.crypto.spec.SecretKeySpec;

/**
 * The keys the validator checks signatures with: each HMAC secret, and the public half of each RSA, EC and
 * Ed25519 key (a public key as it is, a private key's public half; its private part is dropped here). A key is
 * used only with the algorithms of its type and curve, only with its own {@code alg} when it declares one, never
 * when its {@code use} is not {@code sig} or its {@code key_ops} lack {@code verify} (a {@code key_ops} that is
 * not an array of strings allows nothing), and an HMAC or RSA key only when it is long enough for the algorithm
 * (RFC 7518: an HMAC key at least as long as the hash, an RSA modulus of at least 2048 bits).
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows kids, never key material.
 */
public final class VerificationKeys {
    private static final int MIN_RSA_BITS = 2048;

    /**
     * One key.
     *
     * @param kid its kid, or null: a key without a kid is tried for tokens of any kid
     * @param key a {@link SecretKeySpec} for HMAC, else a {@link PublicKey}
     */
    public record Entry(String kid, String kty, String crv, String declaredAlg, Key key, int sizeBits) {
        /** True when this key may check a signature of {@code alg}. */
        public boolean fits(SigningAlgorithm alg) {
            if (!alg.keyType().equals(kty) || declaredAlg != null && !declaredAlg.equals(alg.jwaName())) {
                return false;
            }
            if (alg.curve() != null && !alg.curve().equals(crv)) {
                return false;
            }
            if (kty.equals(JwkParameters.KTY_OCT)) {
                return sizeBits >= alg.hashBits();
            }
            return !kty.equals(JwkParameters.KTY_RSA) || sizeBits >= MIN_RSA_BITS;
        }

        @Override
        public String toString() {
            return "Entry{kid=" + kid + ", kty=" + kty + ", alg=" + declaredAlg + "}";
        }
    }

    private final List<Entry> entries;

    private VerificationKeys(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * The keys of a JWK Set (or single JWK) that can check signatures of at least one of {@code algorithms}.
     *
     * @param kid the one kid to use, or null for every key
     * @throws InvalidConfigurationException when the set cannot be read, the kid is not there, or no key fits
     *     any of the algorithms
     */
    public static VerificationKeys fromJwkSet(String json, String kid, List<SigningAlgorithm> algorithms,
            String source) {
        JwkSet set = JwkSet.parse(json, source);
        List<Entry> entries = new ArrayList<>();
        for (JwkSet.Entry e : set.entries()) {
            if (kid != null && !kid.equals(e.kid())) {
                continue;
            }
            if (e.key() == null) {
                if (kid != null) {
                    throw new InvalidConfigurationException("key [" + e.index() + "] with kid [" + kid + "] in "
                            + source + " cannot be read: " + e.problem());
                }
                continue;
            }
            Jwk jwk = e.key();
            if (jwk.use().isPresent() && !jwk.use().get().equals(JwkParameters.USE_SIG)
                    || jwk.keyOps().isPresent() && !jwk.keyOps().get().contains(JwkParameters.KEY_OP_VERIFY)) {
                continue;
            }
            Entry entry = entry(jwk);
            if (entry != null) {
                entries.add(entry);
            }
        }
        if (kid != null && set.entries().stream().noneMatch(e -> kid.equals(e.kid()))) {
            throw new InvalidConfigurationException("kid [" + kid + "] not found in " + source
                    + (set.kids().isEmpty() ? "; the JWK Set holds no kids" : "; kids there: " + set.kids()));
        }
        return checked(entries, algorithms, source);
    }

    /**
     * The key of a PEM file or keystore entry: an HMAC secret, or the public half of the key.
     *
     * @param kid the kid tokens name it by, or null to try it for any kid
     * @param publicKeyOrNull its public key, if known; an RSA CRT or Ed25519 key's is derived
     * @throws InvalidConfigurationException when the key's public half is unknown or fits none of the algorithms
     */
    public static VerificationKeys fromKey(Key key, PublicKey publicKeyOrNull, String kid,
            List<SigningAlgorithm> algorithms, String source) {
        if (key instanceof PublicKey publicKey) {
            Entry entry = publicEntry(kid, null, null, publicKey, 0);
            if (entry == null) {
                throw new InvalidConfigurationException("the key in " + source + " is a [" + key.getAlgorithm()
                        + "] public key; expected an RSA, EC or Ed25519 key");
            }
            return checked(List.of(entry), algorithms, source);
        }
        Jwk jwk;
        try {
            PublicKey known = publicKeyOrNull;
            if (known == null && key instanceof EdECPrivateKey ed) {
                known = PublicJwks.ed25519PublicOf(ed);
            }
            jwk = JavaKeyJwk.convert(kid, key, key instanceof PublicKey p ? p : known);
        } catch (JwkFormatException e) {
            throw new InvalidConfigurationException("the key in " + source + " cannot be used: " + e.getMessage());
        }
        Entry entry = entry(jwk);
        if (entry == null) {
            throw new InvalidConfigurationException("the key in " + source + " has no public key to verify with;"
                    + " expected a source that holds it (a PEM file with the public key, a keystore entry with its"
                    + " certificate)");
        }
        return checked(List.of(entry), algorithms, source);
    }

    /** For tests and benchmarks: keys given directly. */
    public static VerificationKeys of(List<Entry> entries) {
        return new VerificationKeys(entries);
    }

    private static Entry entry(Jwk jwk) {
        String kid = jwk.kid().orElse(null);
        String alg = jwk.alg().orElse(null);
        if (jwk.isSymmetric()) {
            return new Entry(kid, JwkParameters.KTY_OCT, null, alg, new SecretKeySpec(jwk.secret(), "HMAC"),
                    jwk.sizeBits());
        }
        PublicKey key = jwk.publicKey();
        return key == null ? null : publicEntry(kid, alg, jwk.crv().orElse(null), key, jwk.sizeBits());
    }

    /** An RSA, EC or EdDSA public key's entry; its curve from the key when not given; null for another kind. */
    private static Entry publicEntry(String kid, String alg, String crv, PublicKey key, int sizeBits) {
        if (crv == null && key instanceof ECPublicKey ec) {
            crv = EcCurve.matching(ec.getParams()).map(EcCurve::jwkName).orElse(null);
        }
        if (crv == null && key instanceof EdECPublicKey ed) {
            crv = ed.getParams() == null ? null : ed.getParams().getName();
        }
        int bits = key instanceof RSAPublicKey rsa ? rsa.getModulus().bitLength() : key instanceof ECPublicKey ec
                ? ec.getParams().getCurve().getField().getFieldSize() : sizeBits;
        String kty = key instanceof RSAPublicKey ? JwkParameters.KTY_RSA
                : key instanceof ECPublicKey ? JwkParameters.KTY_EC
                : key instanceof EdECPublicKey || "EdDSA".equals(key.getAlgorithm())
                        || "Ed25519".equals(key.getAlgorithm()) ? JwkParameters.KTY_OKP : null;
        if (kty == null) {
            return null;
        }
        if (kty.equals(JwkParameters.KTY_OKP) && crv == null) {
            crv = JwkParameters.CRV_ED25519;
        }
        return new Entry(kid, kty, crv, alg, key, bits);
    }

    private static VerificationKeys checked(List<Entry> entries, List<SigningAlgorithm> algorithms, String source) {
        List<Entry> usable = entries.stream().filter(e -> algorithms.stream().anyMatch(e::fits)).toList();
        if (usable.isEmpty()) {
            Set<String> kinds = new LinkedHashSet<>();
            entries.forEach(e -> kinds.add(e.kty() + (e.crv() == null ? "" : " " + e.crv())
                    + (e.declaredAlg() == null ? "" : " (alg " + e.declaredAlg() + ")")));
            throw new InvalidConfigurationException("no key in " + source + " can verify tokens of alg "
                    + algorithms.stream().map(SigningAlgorithm::jwaName).toList() + "; the keys there: "
                    + (kinds.isEmpty() ? "none usable" : kinds) + ". An HMAC key must be at least as long as the"
                    + " hash, an RSA key at least " + MIN_RSA_BITS + " bits");
        }
        return new VerificationKeys(usable);
    }

    /** The keys, in source order. */
    public List<Entry> entries() {
        return entries;
    }

    /** The kids, in order; keys without one left out. */
    public List<String> kids() {
        return entries.stream().map(Entry::kid).filter(Objects::nonNull).toList();
    }

    @Override
    public String toString() {
        return "VerificationKeys{kids=" + kids() + ", keys=" + entries.size() + "}";
    }
}
