/**
 * Where the signing key comes from, and how it is kept current: a {@link io.github.jwtsigner.internal.rotation.KeyRing}
 * holds the signer in use and swaps it when a refresh of {@code jwk_url} or a change of
 * {@code jwk_local_path} yields a usable key, keeping the last good one otherwise. Key sources: a JWK Set file
 * or URL, a PEM private key, a PKCS#12 or JKS keystore entry.
 */
package io.github.jwtsigner.internal.rotation;
