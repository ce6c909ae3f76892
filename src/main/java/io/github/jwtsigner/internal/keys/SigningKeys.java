package io.github.jwtsigner.internal.keys;

import io.github.jwtsigner.Setting;
import io.github.jwtsigner.InvalidConfigurationException;
import io.github.jwtsigner.SignerConfig;
import io.github.jwtsigner.SigningAlgorithm;
import io.github.jwtsigner.internal.jws.Signatures;
import io.github.jwtsigner.internal.jws.TokenSigner;

import java.lang.System.Logger.Level;
import java.security.Key;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns a JWK Set and the configuration into a ready {@link TokenSigner}, at startup: selects the key by kid
 * and checks it fits the configured alg. {@link Signatures} then chooses who signs with it and proves it can.
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

    private SigningKeys() {
    }

    /**
     * Parses the JWK Set, selects {@code config.kid()}, checks it against {@code config.alg()}, and returns
     * the signer for {@code config.typ()} and {@code config.full()}. Signs once to prove the key works.
     *
     * <p>Without a configured kid, the first key of the set that can sign with {@code config.alg()} is used
     * (see {@link #selectFirstUsable}), and its own kid goes into the header.
     *
     * @param jwkSetJson a JWK Set {@code {"keys":[...]}} or a single JWK
     * @param source where the JSON came from, for messages, such as {@code config.keySource()}
     * @throws InvalidConfigurationException naming every problem found with the set or the selected key
     */
    public static TokenSigner load(SignerConfig config, String jwkSetJson, String source) {
        JwkSet set = JwkSet.parse(jwkSetJson, source);
        Jwk key = config.kid() == null ? selectFirstUsable(set, config.alg(), source)
                : select(set, config.alg(), config.kid(), source);
        return signer(config, key, key.kid().orElseThrow(), "kid [" + key.kid().orElseThrow() + "] in " + source);
    }

    /**
     * Checks a key that did not come from a JWK Set (a PEM file, a keystore entry) exactly as a selected JWK is
     * checked, and returns its signer under {@code config.kid()}. Signs once to prove the key works.
     *
     * @param key an RSA, EC or Ed25519 private key, or an HMAC secret key
     * @param publicKeyOrNull its public key, if known, to prove the pair matches
     * @param source where the key came from, for messages, such as {@code config.keySource()}
     * @throws InvalidConfigurationException naming every problem found with the key
     * @throws IllegalArgumentException when {@code config} has no kid
     */
    public static TokenSigner load(SignerConfig config, Key key, PublicKey publicKeyOrNull, String source) {
        String kid = config.kid();
        if (kid == null) {
            throw new IllegalArgumentException(Setting.KID + " is required for a key outside a JWK Set");
        }
        String subject = "the key in " + source;
        Jwk jwk;
        try {
            jwk = JavaKeyJwk.convert(kid, key, publicKeyOrNull);
        } catch (JwkFormatException e) {
            throw new InvalidConfigurationException(subject + " cannot be used: " + e.getMessage());
        }
        List<String> problems = check(jwk, config.alg(), subject);
        if (problems.isEmpty()) {
            KeyPairCheck.problem(jwk).ifPresent(p -> problems.add(subject + " cannot be used: " + p));
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
        return signer(config, jwk, kid, subject);
    }

    private static TokenSigner signer(SignerConfig config, Jwk key, String kid, String subject) {
        return key.isSymmetric() ? Signatures.tokenSigner(config, kid, key.secret(), subject)
                : Signatures.tokenSigner(config, kid, key.privateKey(), key.publicKey(), subject);
    }

    /**
     * Selects the first key of the set, in document order, that has a kid and passes every check
     * {@link #select} makes for {@code alg}. For a set that rotates: whoever publishes the set puts the key to
     * sign with first among those that fit.
     *
     * @param source where the set came from, for messages
     * @throws InvalidConfigurationException when no key fits, naming why each one was skipped
     */
    public static Jwk selectFirstUsable(JwkSet set, SigningAlgorithm alg, String source) {
        Objects.requireNonNull(alg, "alg");
        List<String> skipped = new ArrayList<>();
        for (JwkSet.Entry entry : set.entries()) {
            String subject = "key [" + entry.index() + "]" + (entry.kid() == null ? "" : " with kid [" + entry.kid()
                    + "]");
            if (entry.key() == null) {
                skipped.add(subject + " cannot be read: " + entry.problem());
                continue;
            }
            if (entry.kid() == null) {
                skipped.add(subject + " has no kid, which the token header needs");
                continue;
            }
            List<String> problems = check(entry.key(), alg, subject);
            if (problems.isEmpty()) {
                KeyPairCheck.problem(entry.key()).ifPresent(p -> problems.add(subject + " cannot be used: " + p));
            }
            if (problems.isEmpty()) {
                warnAboutUse(entry.key(), entry.kid(), source);
                return entry.key();
            }
            skipped.addAll(problems);
        }
        String intro = "no key in " + source + " can sign with alg [" + alg + "] (" + Setting.KID
                + " is left out, so the first key that fits is used)";
        if (skipped.isEmpty()) {
            throw new InvalidConfigurationException(intro + "; the JWK Set holds no keys");
        }
        List<String> problems = new ArrayList<>();
        problems.add(intro + "; expected a key with a kid and private members that fits [" + alg + "]."
                + " Skipped:");
        problems.addAll(skipped);
        throw new InvalidConfigurationException(problems);
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
        List<String> problems = check(key, alg, "kid [" + kid + "]");
        if (problems.isEmpty()) {
            KeyPairCheck.problem(key).ifPresent(p -> problems.add(cannotBeUsed(kid, source, p)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
        warnAboutUse(key, kid, source);
        return key;
    }

    private static void warnAboutUse(Jwk key, String kid, String source) {
        key.use().filter(use -> !JwkParameters.USE_SIG.equals(use)).ifPresent(use -> LOG.log(Level.WARNING,
                "kid [" + kid + "] in " + source + " declares use [" + use + "]; it signs all the same, as"
                        + " KrakenD does, but a signing key should declare use [" + JwkParameters.USE_SIG + "]"));
    }

    /** @param subject names the key at the start of each problem, such as {@code kid [sim2]} */
    private static List<String> check(Jwk key, SigningAlgorithm alg, String subject) {
        List<String> problems = new ArrayList<>();
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
                + " declares alg [" + declared + "]; expected [" + alg + "], the configured " + Setting.ALG));
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
