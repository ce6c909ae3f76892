/**
 * What the JWKS servlet publishes, with no servlet API: the JWK Set of a key ring's current and recently
 * replaced keys, its strong ETag, and {@code If-None-Match} matching.
 */
package io.github.jwtsigner.internal.jwks;
