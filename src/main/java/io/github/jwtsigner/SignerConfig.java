package io.github.jwtsigner;

import io.github.jwtsigner.json.JsonPointer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The signer's settings, validated once: the names and meanings of KrakenD's {@code auth/signer} plus a few of
 * our own. Built by {@link #builder()}, from web.xml init-params, or from a KrakenD JSON file; all three give
 * the same object.
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows settings, never key material (there is none here:
 * keys are loaded from the places these settings name).
 */
public final class SignerConfig {
    // Setting names, exactly as in KrakenD's auth/signer (and our own additions, marked).
    public static final String ALG = "alg";
    public static final String KID = "kid";
    public static final String KEYS_TO_SIGN = "keys_to_sign";
    public static final String JWK_LOCAL_PATH = "jwk_local_path";
    public static final String JWK_URL = "jwk_url";
    public static final String DISABLE_JWK_SECURITY = "disable_jwk_security";
    public static final String FULL = "full";
    public static final String JWK_FINGERPRINTS = "jwk_fingerprints";
    public static final String CIPHER_SUITES = "cipher_suites";
    public static final String JWK_LOCAL_CA = "jwk_local_ca";
    public static final String TYP = "typ";
    public static final String LEEWAY = "leeway";
    public static final String SECRET_URL = "secret_url";
    public static final String CYPHER_KEY = "cypher_key";
    /** Our own: the most bytes of one response the filter buffers. */
    public static final String MAX_BODY_BYTES = "max_body_bytes";

    /** Every setting name the configuration accepts, in documentation order. */
    public static final List<String> SETTING_NAMES = List.of(ALG, KID, KEYS_TO_SIGN, JWK_LOCAL_PATH, JWK_URL,
            DISABLE_JWK_SECURITY, FULL, JWK_FINGERPRINTS, CIPHER_SUITES, JWK_LOCAL_CA, TYP, LEEWAY, SECRET_URL,
            CYPHER_KEY, MAX_BODY_BYTES);

    public static final String DEFAULT_TYP = "JWT";
    public static final int DEFAULT_MAX_BODY_BYTES = 1_048_576;
    /** TLS 1.2 ECDHE AES-GCM and ChaCha20 suites, then the TLS 1.3 suites (IANA ids). */
    public static final List<Integer> DEFAULT_CIPHER_SUITES =
            List.of(49199, 49195, 49200, 49196, 52392, 52393, 4865, 4866, 4867);

    private final SigningAlgorithm alg;
    private final String kid;
    private final List<JsonPointer> keysToSign;
    private final String jwkLocalPath;
    private final String jwkUrl;
    private final boolean disableJwkSecurity;
    private final boolean full;
    private final List<String> jwkFingerprints;
    private final List<Integer> cipherSuites;
    private final String jwkLocalCa;
    private final String typ;
    private final String leeway;
    private final int maxBodyBytes;

    private SignerConfig(Builder b, SigningAlgorithm alg, List<JsonPointer> keysToSign) {
        this.alg = alg;
        this.kid = b.kid;
        this.keysToSign = keysToSign;
        this.jwkLocalPath = blankToNull(b.jwkLocalPath);
        this.jwkUrl = blankToNull(b.jwkUrl);
        this.disableJwkSecurity = b.disableJwkSecurity;
        this.full = b.full;
        this.jwkFingerprints = List.copyOf(b.jwkFingerprints);
        this.cipherSuites = b.cipherSuites == null ? DEFAULT_CIPHER_SUITES : List.copyOf(b.cipherSuites);
        this.jwkLocalCa = blankToNull(b.jwkLocalCa);
        this.typ = b.typ;
        this.leeway = b.leeway;
        this.maxBodyBytes = b.maxBodyBytes;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    public static Builder builder() {
        return new Builder();
    }

    public SigningAlgorithm alg() {
        return alg;
    }

    public String kid() {
        return kid;
    }

    /** The members to sign, each a top-level name or a JSON Pointer, in configured order. */
    public List<JsonPointer> keysToSign() {
        return keysToSign;
    }

    public Optional<String> jwkLocalPath() {
        return Optional.ofNullable(jwkLocalPath);
    }

    public Optional<String> jwkUrl() {
        return Optional.ofNullable(jwkUrl);
    }

    public boolean disableJwkSecurity() {
        return disableJwkSecurity;
    }

    /** True for the flattened JWS JSON serialization instead of compact. */
    public boolean full() {
        return full;
    }

    public List<String> jwkFingerprints() {
        return jwkFingerprints;
    }

    /** IANA cipher suite ids for {@code jwk_url}; {@link #DEFAULT_CIPHER_SUITES} unless set. */
    public List<Integer> cipherSuites() {
        return cipherSuites;
    }

    public Optional<String> jwkLocalCa() {
        return Optional.ofNullable(jwkLocalCa);
    }

    public String typ() {
        return typ;
    }

    /** Accepted for KrakenD compatibility; the signer does not use it. */
    public Optional<String> leeway() {
        return Optional.ofNullable(leeway);
    }

    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /** Where the key comes from, for log lines: the path or URL, never the key. */
    public String keySource() {
        if (jwkLocalPath != null) {
            return JWK_LOCAL_PATH + " [" + jwkLocalPath + "]";
        }
        return JWK_URL + " [" + jwkUrl + "]";
    }

    @Override
    public String toString() {
        return "SignerConfig{alg=" + alg + ", kid=" + kid + ", keys_to_sign=" + keysToSign + ", " + keySource()
                + ", full=" + full + ", typ=" + typ + ", max_body_bytes=" + maxBodyBytes + "}";
    }

    /**
     * Collects settings; {@link #build()} validates them all at once.
     *
     * <p>One instance per configuration; not thread-safe.
     */
    public static final class Builder {
        private String alg;
        private String kid;
        private List<String> keysToSign = List.of();
        private String jwkLocalPath;
        private String jwkUrl;
        private boolean disableJwkSecurity;
        private boolean full;
        private List<String> jwkFingerprints = List.of();
        private List<Integer> cipherSuites;
        private String jwkLocalCa;
        private String typ = DEFAULT_TYP;
        private String leeway;
        private String secretUrl;
        private String cypherKey;
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;

        private Builder() {
        }

        public Builder alg(SigningAlgorithm alg) {
            this.alg = alg == null ? null : alg.jwaName();
            return this;
        }

        /** The JWA name, such as {@code HS256}; checked by {@link #build()}. */
        public Builder alg(String alg) {
            this.alg = alg;
            return this;
        }

        public Builder kid(String kid) {
            this.kid = kid;
            return this;
        }

        public Builder keysToSign(String... keysToSign) {
            return keysToSign(Arrays.asList(keysToSign));
        }

        public Builder keysToSign(List<String> keysToSign) {
            this.keysToSign = new ArrayList<>(keysToSign);
            return this;
        }

        /**
         * A JWK Set file. In the servlet filter: an absolute path is a file, {@code classpath:x} a classpath
         * resource, anything else first a webapp resource, then a file relative to the working directory.
         */
        public Builder jwkLocalPath(String jwkLocalPath) {
            this.jwkLocalPath = jwkLocalPath;
            return this;
        }

        public Builder jwkUrl(String jwkUrl) {
            this.jwkUrl = jwkUrl;
            return this;
        }

        public Builder disableJwkSecurity(boolean disableJwkSecurity) {
            this.disableJwkSecurity = disableJwkSecurity;
            return this;
        }

        public Builder full(boolean full) {
            this.full = full;
            return this;
        }

        public Builder jwkFingerprints(List<String> jwkFingerprints) {
            this.jwkFingerprints = new ArrayList<>(jwkFingerprints);
            return this;
        }

        public Builder cipherSuites(List<Integer> cipherSuites) {
            this.cipherSuites = new ArrayList<>(cipherSuites);
            return this;
        }

        public Builder jwkLocalCa(String jwkLocalCa) {
            this.jwkLocalCa = jwkLocalCa;
            return this;
        }

        public Builder typ(String typ) {
            this.typ = typ;
            return this;
        }

        public Builder leeway(String leeway) {
            this.leeway = leeway;
            return this;
        }

        /** KrakenD's encrypted JWK files; not supported yet, so setting it makes {@link #build()} fail. */
        public Builder secretUrl(String secretUrl) {
            this.secretUrl = secretUrl;
            return this;
        }

        /** KrakenD's encrypted JWK files; not supported yet, so setting it makes {@link #build()} fail. */
        public Builder cypherKey(String cypherKey) {
            this.cypherKey = cypherKey;
            return this;
        }

        public Builder maxBodyBytes(int maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        /**
         * Validates every setting and reports all problems in one exception.
         *
         * @throws InvalidConfigurationException naming each problem and its value
         */
        public SignerConfig build() {
            List<String> problems = new ArrayList<>();
            SigningAlgorithm algorithm = null;
            if (alg == null || alg.isBlank()) {
                problems.add(ALG + " is required; expected one of " + SigningAlgorithm.jwaNames());
            } else {
                algorithm = SigningAlgorithm.fromJwaName(alg).orElse(null);
                if (algorithm == null) {
                    problems.add(ALG + " [" + alg + "] is not supported; expected one of "
                            + SigningAlgorithm.jwaNames());
                }
            }
            if (kid == null || kid.isEmpty()) {
                problems.add(KID + " is required: it selects the key in the JWK Set and is written into the"
                        + " token header");
            }
            List<JsonPointer> pointers = new ArrayList<>();
            if (keysToSign.isEmpty()) {
                problems.add(KEYS_TO_SIGN + " is required; expected at least one member name, such as"
                        + " [access_token]");
            }
            for (String entry : keysToSign) {
                try {
                    JsonPointer p = JsonPointer.parse(entry);
                    if (pointers.contains(p)) {
                        problems.add(KEYS_TO_SIGN + " lists [" + entry + "] twice");
                    } else {
                        pointers.add(p);
                    }
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage());
                }
            }
            checkPrefixes(pointers, problems);
            if (secretUrl != null) {
                problems.add(SECRET_URL + " [" + secretUrl + "] is not supported yet (KrakenD's encrypted JWK"
                        + " files); expected " + JWK_LOCAL_PATH + " or " + JWK_URL + " with a plain JWK Set");
            }
            if (cypherKey != null) {
                // The value may be a secret: never echo it.
                problems.add(CYPHER_KEY + " is not supported yet (KrakenD's encrypted JWK files); expected "
                        + JWK_LOCAL_PATH + " or " + JWK_URL + " with a plain JWK Set");
            }
            boolean hasPath = jwkLocalPath != null && !jwkLocalPath.isBlank();
            boolean hasUrl = jwkUrl != null && !jwkUrl.isBlank();
            if (!hasPath && !hasUrl) {
                problems.add("no key source: set " + JWK_LOCAL_PATH + " (a JWK Set file) or " + JWK_URL
                        + " (a URL serving one)");
            } else if (hasPath && hasUrl) {
                problems.add("both " + JWK_LOCAL_PATH + " [" + jwkLocalPath + "] and " + JWK_URL + " [" + jwkUrl
                        + "] are set; expected exactly one key source");
            }
            if (typ == null || typ.isEmpty()) {
                problems.add(TYP + " is empty; expected a header type such as [" + DEFAULT_TYP + "]");
            }
            if (maxBodyBytes <= 0) {
                problems.add(MAX_BODY_BYTES + " [" + maxBodyBytes + "] must be positive; the default is "
                        + DEFAULT_MAX_BODY_BYTES);
            }
            if (cipherSuites != null && cipherSuites.isEmpty()) {
                problems.add(CIPHER_SUITES + " is an empty list; leave it out for the defaults "
                        + DEFAULT_CIPHER_SUITES);
            }
            for (String fp : jwkFingerprints) {
                if (!isBase64Sha256(fp)) {
                    problems.add(JWK_FINGERPRINTS + " entry [" + fp + "] is not a base64url SHA-256 digest;"
                            + " expected 44 characters such as [" + "A".repeat(43) + "=]");
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidConfigurationException(problems);
            }
            return new SignerConfig(this, algorithm, Collections.unmodifiableList(pointers));
        }

        /** One entry pointing inside another would sign a member of an already-signed token. */
        private static void checkPrefixes(List<JsonPointer> pointers, List<String> problems) {
            for (JsonPointer outer : pointers) {
                for (JsonPointer inner : pointers) {
                    if (outer != inner && inner.tokens().size() > outer.tokens().size()
                            && inner.tokens().subList(0, outer.tokens().size()).equals(outer.tokens())) {
                        problems.add(KEYS_TO_SIGN + " entry [" + inner + "] lies inside [" + outer
                                + "], which is signed as a whole; expected entries that do not nest");
                    }
                }
            }
        }

        private static boolean isBase64Sha256(String s) {
            String t = Objects.requireNonNullElse(s, "");
            if (t.endsWith("=")) {
                t = t.substring(0, t.length() - 1);
            }
            if (t.length() != 43) {
                return false;
            }
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                        || c == '-' || c == '_' || c == '+' || c == '/';
                if (!ok) {
                    return false;
                }
            }
            return true;
        }
    }
}
