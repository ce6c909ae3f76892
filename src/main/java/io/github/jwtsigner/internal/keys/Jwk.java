package io.github.jwtsigner.internal.keys;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Optional;

/**
 * One parsed JSON Web Key (RFC 7517): its identifying members, and the key material, which only this
 * package can read. {@link #toString()} shows kid, kty and alg, never key material.
 *
 * <p>Immutable and thread-safe.
 */
final class Jwk {
    private final JwkMetadata metadata;
    private final byte[] secret;
    private final PublicKey publicKey;
    private final PrivateKey privateKey;
    private final int sizeBits;

    private Jwk(JwkMetadata metadata, byte[] secret, PublicKey publicKey, PrivateKey privateKey, int sizeBits) {
        this.metadata = metadata;
        this.secret = secret;
        this.publicKey = publicKey;
        this.privateKey = privateKey;
        this.sizeBits = sizeBits;
    }

    static Jwk symmetric(JwkMetadata metadata, byte[] secret) {
        return new Jwk(metadata, secret.clone(), null, null, secret.length * 8);
    }

    /** @param privateKey {@code null} for a public-only key */
    static Jwk asymmetric(JwkMetadata metadata, PublicKey publicKey, PrivateKey privateKey, int sizeBits) {
        return new Jwk(metadata, null, publicKey, privateKey, sizeBits);
    }

    /** The key type: {@code oct}, {@code RSA}, {@code EC} or {@code OKP}. */
    public String kty() {
        return metadata.kty();
    }

    public Optional<String> kid() {
        return Optional.ofNullable(metadata.kid());
    }

    /** The algorithm the JWK itself declares, if any. */
    public Optional<String> alg() {
        return Optional.ofNullable(metadata.alg());
    }

    /** The declared use, such as {@code sig} or {@code enc}, if any. */
    public Optional<String> use() {
        return Optional.ofNullable(metadata.use());
    }

    /** The {@code key_ops} it declares, if any. */
    public Optional<java.util.List<String>> keyOps() {
        return Optional.ofNullable(metadata.keyOps());
    }

    /** The curve of an EC or OKP key. */
    public Optional<String> crv() {
        return Optional.ofNullable(metadata.crv());
    }

    /** True when the key can sign: a symmetric key, or an asymmetric one with its private member. */
    public boolean canSign() {
        return secret != null || privateKey != null;
    }

    boolean isSymmetric() {
        return secret != null;
    }

    /** The HMAC key bytes of an {@code oct} key (not a copy: callers must not change it), else null. */
    byte[] secret() {
        return secret;
    }

    PublicKey publicKey() {
        return publicKey;
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    /** Key size: HMAC key bits, RSA modulus bits, or the curve's field size. */
    int sizeBits() {
        return sizeBits;
    }

    @Override
    public String toString() {
        return "Jwk{kid=" + metadata.kid() + ", kty=" + metadata.kty() + ", alg=" + metadata.alg() + "}";
    }
}
