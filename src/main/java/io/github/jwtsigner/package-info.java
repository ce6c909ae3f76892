/**
 * The API: {@link io.github.jwtsigner.JwtSignerFilter} signs chosen members of a login servlet's JSON response as
 * JWTs, as KrakenD's {@code auth/signer} does; {@link io.github.jwtsigner.JwtValidatorFilter} accepts those tokens
 * on later requests, as KrakenD's {@code auth/validator} does; {@link io.github.jwtsigner.JwksServlet} publishes the
 * public keys as a JWK Set. Each is configured by init-params, a KrakenD JSON file, or in code through
 * {@link io.github.jwtsigner.SignerConfig}, {@link io.github.jwtsigner.ValidatorConfig} and
 * {@link io.github.jwtsigner.JwksConfig}; every setting is a {@link io.github.jwtsigner.Setting}.
 *
 * <p>Only this package is API. The packages under {@code io.github.jwtsigner.internal} are implementation and may
 * change in any release.
 */
package io.github.jwtsigner;
