/**
 * Reads the signer's settings from web.xml init-params or a KrakenD JSON file into one validated
 * {@link io.github.jwtsigner.SignerConfig}. {@link io.github.jwtsigner.internal.settings.InitParamsReader} and
 * {@link io.github.jwtsigner.internal.settings.KrakendConfigReader} are the entry points; both report every problem
 * found in one {@link io.github.jwtsigner.InvalidConfigurationException}.
 */
package io.github.jwtsigner.internal.settings;
