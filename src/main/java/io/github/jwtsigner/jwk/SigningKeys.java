package io.github.jwtsigner.jwk;

import io.github.jwtsigner.InvalidConfigurationException;
import io.github.jwtsigner.SignerConfig;
import io.github.jwtsigner.SigningAlgorithm;
import io.github.jwtsigner.SigningException;
import io.github.jwtsigner.jws.JwsTokenSigner;
import io.github.jwtsigner.jws.SignatureFunction;
import io.github.jwtsigner.jws.SignatureFunctions;
import io.github.jwtsigner.jws.TokenSigner;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns a JWK Set and the configuration into a ready {@link TokenSigner}: selects the key by kid, checks it
 * fits the configured alg, and proves it can sign, all at startup.
 *
 * <p>Every problem with the selected key is reported at once in one {@link InvalidConfigurationException};
 * messages name kids, types, sizes and curves, never key material. A key whose {@code use} is not
 * {@code sig} signs all the same (KrakenD's own sample EC key says {@code enc}), with a WARNING on the
 * {@code io.github.jwtsigner} logger.
 *
 * <p>Stateless and thread-safe.
 */
public final class SigningKeys {
    /** RFC 7518 §3.3: an RSA key for RS* and PS* must be at least this long. */
    static final int MIN_RSA_BITS = 2048;

    private static final System.Logger LOG = System.getLogger("io.github.jwtsigner");
    private static final byte[] PROBE_PAYLOAD = "{}".getBytes(StandardCharsets.US_ASCII);

    private SigningKeys() {
    }

    /**
     * Parses the JWK Set, selects {@code config.kid()}, checks it against {@code config.alg()}, and returns
     * the signer for {@code config.typ()} and {@code config.full()}. Signs once to prove the key works.
     *
     * @param jwkSetJson a JWK Set {@code {"keys":[...]}} or a single JWK
     * @param source where the JSON came from, for messages, such as {@code config.keySource()}
     * @throws InvalidConfigurationException naming every problem found with the set or the selected key
     */
    public static TokenSigner load(SignerConfig config, String jwkSetJson, String source) {
        JwkSet set = JwkSet.parse(jwkSetJson, source);
        Jwk key = select(set, config.alg(), config.kid(), source);
        SignatureFunction function = key.isSymmetric()
                ? SignatureFunctions.hmac(config.alg(), key.secret())
                : SignatureFunctions.privateKey(config.alg(), key.privateKey());
        TokenSigner signer = new JwsTokenSigner(config.alg(), config.kid(), config.typ(), config.full(), function);
        try {
            signer.sign(PROBE_PAYLOAD);
        } catch (SigningException e) {
            throw new InvalidConfigurationException("kid [" + config.kid() + "] in " + source
                    + " cannot sign with alg [" + config.alg() + "]: " + e.getMessage(), e);
        }
        return signer;
    }

    /**
     * Selects the key with exactly this kid and checks it can sign with {@code alg}: key type, curve, RSA
     * modulus of at least 2048 bits, HMAC key at least as long as the hash output (RFC 7518 §3.2), private
     * members present, the JWK's own {@code alg} (if any) equal to {@code alg}, and the private member
     * matching the public ones.
     *
     * @param source where the set came from, for messages
     * @return the selected key
     * @throws InvalidConfigurationException naming every problem found
     */
    public static Jwk select(JwkSet set, SigningAlgorithm alg, String kid, String source) {
        Objects.requireNonNull(alg, "alg");
        Objects.requireNonNull(kid, "kid");
        List<JwkSet.Entry> matches = set.entries().stream().filter(e -> kid.equals(e.kid())).toList();
        if (matches.isEmpty()) {
            throw new InvalidConfigurationException(notFound(set, kid, source));
        }
        if (matches.size() > 1) {
            throw new InvalidConfigurationException("kid [" + kid + "] appears [" + matches.size() + "] times in "
                    + source + "; expected exactly one key with that kid");
        }
        JwkSet.Entry entry = matches.get(0);
        if (entry.key() == null) {
            throw new InvalidConfigurationException(cannotBeUsed(kid, source, entry.problem()));
        }
        Jwk key = entry.key();
        List<String> problems = check(key, alg, kid);
        if (problems.isEmpty()) {
            KeyPairCheck.problem(key).ifPresent(p -> problems.add(cannotBeUsed(kid, source, p)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
        key.use().filter(use -> !JwkParameters.USE_SIG.equals(use)).ifPresent(use -> LOG.log(Level.WARNING,
                "kid [" + kid + "] in " + source + " declares use [" + use + "]; it signs all the same, as"
                        + " KrakenD does, but a signing key should declare use [" + JwkParameters.USE_SIG + "]"));
        return key;
    }

    private static List<String> check(Jwk key, SigningAlgorithm alg, String kid) {
        List<String> problems = new ArrayList<>();
        String subject = "kid [" + kid + "]";
        if (!key.kty().equals(alg.keyType())) {
            problems.add(subject + " is a key of kty [" + key.kty() + "]; alg [" + alg + "] needs kty ["
                    + alg.keyType() + "]");
        } else {
            switch (key.kty()) {
                case JwkParameters.KTY_OCT -> {
                    int bytes = key.secret().length;
                    int needed = alg.hashBits() / 8;
                    if (bytes < needed) {
                        problems.add(subject + " is an HMAC key of [" + bytes + "] bytes; alg [" + alg
                                + "] needs at least [" + needed + "] bytes (RFC 7518 §3.2)");
                    }
                }
                case JwkParameters.KTY_RSA -> {
                    if (key.sizeBits() < MIN_RSA_BITS) {
                        problems.add(subject + " has an RSA modulus of [" + key.sizeBits() + "] bits; alg [" + alg
                                + "] needs at least [" + MIN_RSA_BITS + "] bits (RFC 7518 §3.3)");
                    }
                }
                default -> {
                    String crv = key.crv().orElse("none");
                    if (!crv.equals(alg.curve())) {
                        problems.add(subject + " is on curve [" + crv + "]; alg [" + alg + "] needs crv ["
                                + alg.curve() + "]");
                    }
                }
            }
        }
        if (!key.canSign()) {
            problems.add(subject + " is a public key; signing needs the private member [" + JwkParameters.D + "]");
        }
        key.alg().filter(declared -> !declared.equals(alg.jwaName())).ifPresent(declared -> problems.add(subject
                + " declares alg [" + declared + "]; expected [" + alg + "], the configured " + SignerConfig.ALG));
        return problems;
    }

    private static String notFound(JwkSet set, String kid, String source) {
        String message = "kid [" + kid + "] not found in " + source;
        if (set.entries().isEmpty()) {
            return message + "; the JWK Set holds no keys";
        }
        message += "; kids there: " + set.kids();
        long withoutKid = set.entries().stream().filter(e -> e.kid() == null).count();
        if (withoutKid > 0) {
            message += " (and [" + withoutKid + "] " + (withoutKid == 1 ? "key" : "keys") + " without a kid)";
        }
        return message;
    }

    private static String cannotBeUsed(String kid, String source, String problem) {
        return "kid [" + kid + "] in " + source + " cannot be used: " + problem;
    }
}
