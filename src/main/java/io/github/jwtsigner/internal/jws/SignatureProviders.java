package io.github.jwtsigner.internal.jws;

import io.github.jwtsigner.SigningAlgorithm;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.lang.reflect.InvocationTargetException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.util.Optional;

/**
 * Finds the opt-in signature provider named by the {@code signature_provider} setting, without installing it
 * into the JVM: {@code ACCP} is the Amazon Corretto Crypto Provider (its jar must be on the class path);
 * anything else is the name of a registered provider (such as {@code SunEC}) or a {@link Provider} class
 * with a public no-argument constructor. Where it cannot be had, signing falls back to the JDK's providers
 * and a WARNING says why — a faster provider is an optimisation, never a reason not to start.
 *
 * <p>Stateless and thread-safe.
 */
public final class SignatureProviders {
    /** The setting value for the Amazon Corretto Crypto Provider. */
    public static final String ACCP = "ACCP";
    static final String ACCP_CLASS = "com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider";

    private SignatureProviders() {
    }

    /**
     * @param name the setting's value; null or blank means the JDK's providers
     * @return the provider, or empty for the JDK's own (also when {@code name} cannot be loaded)
     */
    public static Optional<Provider> resolve(String name, Logger log) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(load(name.trim()));
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            Throwable cause = e instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
            log.log(Level.WARNING, "signature_provider [" + name + "] cannot be loaded (" + cause.getClass().getName()
                    + ": " + cause.getMessage() + "); signing with the JDK's providers instead");
            return Optional.empty();
        }
    }

    /**
     * The signature for {@code alg} from {@code provider}, or the JDK's when the provider lacks the algorithm
     * or refuses the key (with a WARNING).
     */
    public static SignatureFunction privateKey(SigningAlgorithm alg, PrivateKey key, Optional<Provider> provider,
            Logger log) {
        if (provider.isPresent()) {
            try {
                return new ProviderSignature(alg, key, provider.get());
            } catch (GeneralSecurityException | RuntimeException e) {
                log.log(Level.WARNING, "signature_provider [" + provider.get().getName() + "] cannot sign alg ["
                        + alg + "] (" + e.getClass().getSimpleName() + "); signing with the JDK's providers instead");
            }
        }
        return SignatureFunctions.privateKey(alg, key);
    }

    private static Provider load(String name) throws ReflectiveOperationException {
        if (name.equalsIgnoreCase(ACCP) || name.equals(ACCP_CLASS)) {
            Provider accp = (Provider) Class.forName(ACCP_CLASS).getField("INSTANCE").get(null);
            // Throws when the native library could not be loaded on this platform.
            accp.getClass().getMethod("assertHealthy").invoke(accp);
            return accp;
        }
        Provider registered = Security.getProvider(name);
        if (registered != null) {
            return registered;
        }
        return (Provider) Class.forName(name).getConstructor().newInstance();
    }
}
