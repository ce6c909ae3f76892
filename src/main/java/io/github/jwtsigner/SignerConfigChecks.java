package io.github.jwtsigner;

import io.github.jwtsigner.internal.json.JsonPointer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The checks {@link SignerConfig.Builder#build()} makes that belong to no one key source: {@code alg},
 * {@code keys_to_sign}, the choice of exactly one key source, and the settings every source shares (the key
 * source part is shared with {@link JwksConfig}). Each {@link KeySource} variant checks its own settings.
 *
 * <p>Stateless and thread-safe.
 */
final class SignerConfigChecks {
    private SignerConfigChecks() {
    }

    /**
     * Checks everything but {@code alg} and {@code keys_to_sign}.
     *
     * @return the one key source setting that is set; null after a problem with the choice
     */
    static Setting check(SignerConfig.Builder b, Problems problems) {
        Setting sourceSetting = keySourceChoice(b, problems);
        String k = b.text(Setting.KID);
        if ((k == null || k.isEmpty())
                && (sourceSetting == Setting.PEM_LOCAL_PATH || sourceSetting == Setting.KEYSTORE_PATH)) {
            problems.add(Setting.KID + " is required with " + sourceSetting + ": it is written into the token"
                    + " header; only a JWK Set source may leave it out", Setting.KID, sourceSetting);
        }
        String t = b.text(Setting.TYP);
        if (t == null || t.isEmpty()) {
            problems.add(Setting.TYP + " is empty; expected a header type such as ["
                    + Setting.TYP.defaultValue() + "]", Setting.TYP);
        }
        int maxBodyBytes = (Integer) b.value(Setting.MAX_BODY_BYTES);
        if (maxBodyBytes <= 0) {
            problems.add(Setting.MAX_BODY_BYTES + " [" + maxBodyBytes + "] must be positive; the default is "
                    + Setting.MAX_BODY_BYTES.defaultValue(), Setting.MAX_BODY_BYTES);
        }
        keySourceLimits(b, problems);
        claimDefaults(b, problems);
        return sourceSetting;
    }

    /**
     * The key source checks that come first: the encrypted JWK settings, exactly one source, the keystore's
     * own settings. Shared with {@link JwksConfig}.
     *
     * @return the one key source setting that is set; null after a problem with the choice
     */
    static Setting keySourceChoice(SignerConfig.Builder b, Problems problems) {
        return keySourceChoice(b, problems, "a PEM private key");
    }

    /** @param pemKey what {@code pem_local_path} must hold, for the no-source message: {@code a PEM private key} */
    static Setting keySourceChoice(SignerConfig.Builder b, Problems problems, String pemKey) {
        String secretUrl = b.text(Setting.SECRET_URL);
        if (secretUrl != null) {
            problems.add(Setting.SECRET_URL + " [" + secretUrl + "] is not supported yet (KrakenD's encrypted"
                    + " JWK files); expected " + Setting.JWK_LOCAL_PATH + " or " + Setting.JWK_URL
                    + " with a plain JWK Set", Setting.SECRET_URL, Setting.JWK_LOCAL_PATH, Setting.JWK_URL);
        }
        if (b.text(Setting.CYPHER_KEY) != null) {
            // The value may be a secret: never echo it.
            problems.add(Setting.CYPHER_KEY + " is not supported yet (KrakenD's encrypted JWK files); expected "
                    + Setting.JWK_LOCAL_PATH + " or " + Setting.JWK_URL + " with a plain JWK Set",
                    Setting.CYPHER_KEY, Setting.JWK_LOCAL_PATH, Setting.JWK_URL);
        }
        Setting sourceSetting = sourceSetting(b, problems, pemKey);
        KeySource.KeyStoreEntry.check(b, problems);
        return sourceSetting;
    }

    /** The key source checks that come last: TLS lists, pins, fetch limits, the file check interval. */
    static void keySourceLimits(SignerConfig.Builder b, Problems problems) {
        if (b.list(Setting.CIPHER_SUITES).isEmpty()) {
            problems.add(Setting.CIPHER_SUITES + " is an empty list; leave it out for the defaults "
                    + Setting.CIPHER_SUITES.defaultValue(), Setting.CIPHER_SUITES);
        }
        for (String fp : b.<String>list(Setting.JWK_FINGERPRINTS)) {
            if (!isBase64Sha256(fp)) {
                problems.add(Setting.JWK_FINGERPRINTS + " entry [" + fp + "] is not a base64url SHA-256"
                        + " digest; expected 44 characters such as [" + "A".repeat(43) + "=]",
                        Setting.JWK_FINGERPRINTS);
            }
        }
        KeySource.JwkUrl.checkLimits(b, problems);
        KeySource.JwkFile.checkInterval((Duration) b.value(Setting.JWK_LOCAL_CHECK_INTERVAL), problems);
    }

    /**
     * {@code default_ttl} and {@code max_ttl} positive whole seconds that a Go duration can hold, the first no
     * longer than the second; {@code default_issuer} and each {@code default_audience} item printable text of
     * at most {@value #MAX_CLAIM_CHARS} characters.
     */
    static void claimDefaults(SignerConfig.Builder b, Problems problems) {
        Duration ttl = lifetime(b, Setting.DEFAULT_TTL, problems);
        Duration max = lifetime(b, Setting.MAX_TTL, problems);
        if (ttl != null && max != null && ttl.compareTo(max) > 0) {
            problems.add(Setting.DEFAULT_TTL + " [" + ConfigText.show(ttl) + "] is longer than " + Setting.MAX_TTL
                    + " [" + ConfigText.show(max) + "], so every token it dates would be refused; expected at"
                    + " most " + Setting.MAX_TTL, Setting.DEFAULT_TTL, Setting.MAX_TTL);
        }
        String issuer = b.text(Setting.DEFAULT_ISSUER);
        if (issuer != null) {
            claimText(Setting.DEFAULT_ISSUER, Setting.DEFAULT_ISSUER.settingName(), issuer, problems);
        }
        List<String> audience = b.list(Setting.DEFAULT_AUDIENCE);
        if (audience.size() > MAX_AUDIENCES) {
            problems.add(Setting.DEFAULT_AUDIENCE + " lists " + audience.size() + " items; expected at most "
                    + MAX_AUDIENCES, Setting.DEFAULT_AUDIENCE);
            return;
        }
        for (int i = 0; i < audience.size(); i++) {
            String what = Setting.DEFAULT_AUDIENCE + " item " + (i + 1);
            String item = audience.get(i);
            if (item == null) {
                problems.add(what + " is null; expected a string", Setting.DEFAULT_AUDIENCE);
            } else if (claimText(Setting.DEFAULT_AUDIENCE, what, item, problems)
                    && audience.subList(0, i).contains(item)) {
                problems.add(Setting.DEFAULT_AUDIENCE + " lists [" + item + "] twice", Setting.DEFAULT_AUDIENCE);
            }
        }
    }

    /** The longest text a claim default may hold. */
    static final int MAX_CLAIM_CHARS = 1024;
    /** The most items {@code default_audience} may list. */
    static final int MAX_AUDIENCES = 64;
    private static final int SHOWN_CHARS = 64;

    /** The duration when it is fit for a lifetime; null when unset or refused. */
    private static Duration lifetime(SignerConfig.Builder b, Setting s, Problems problems) {
        Duration d = (Duration) b.value(s);
        String problem = null;
        if (d == null) {
            return null;
        } else if (d.isNegative() || d.isZero()) {
            problem = " must be positive";
        } else if (d.getNano() != 0) {
            problem = " is not a whole number of seconds";
        } else if (d.compareTo(Duration.ofNanos(Long.MAX_VALUE)) > 0) {
            problem = " is longer than a Go duration can be (2562047h47m16s)";
        }
        if (problem == null) {
            return d;
        }
        String shown = d.isNegative() && d.getSeconds() > Long.MIN_VALUE ? "-" + ConfigText.show(d.negated())
                : ConfigText.show(d);
        problems.add(s + " [" + shown + "]" + problem + "; expected whole seconds such as [15m] or [1h]", s);
        return null;
    }

    /** True when {@code value} is fit for a claim; adds a problem naming it (escaped, shortened) otherwise. */
    private static boolean claimText(Setting s, String what, String value, Problems problems) {
        if (value.isEmpty()) {
            problems.add(what + " is empty; expected text, or leave " + s + " out", s);
            return false;
        }
        if (value.length() > MAX_CLAIM_CHARS) {
            problems.add(what + " [" + printable(value) + "] is " + value.length() + " characters long; expected"
                    + " at most " + MAX_CLAIM_CHARS, s);
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1));
            if (Character.isISOControl(c) || Character.isSurrogate(c) && !pair) {
                problems.add(what + " [" + printable(value) + "] holds " + (Character.isSurrogate(c) ? "a lone"
                        + " surrogate" : "a control character") + String.format(" (U+%04X)", (int) c) + " at index "
                        + i + "; expected printable text", s);
                return false;
            }
            i += pair ? 1 : 0;
        }
        return true;
    }

    /** The value for a message: at most {@value #SHOWN_CHARS} characters, control characters as escapes. */
    private static String printable(String value) {
        StringBuilder sb = new StringBuilder();
        String head = value.length() > SHOWN_CHARS ? value.substring(0, SHOWN_CHARS) : value;
        for (char c : head.toCharArray()) {
            sb.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c)
                    : String.valueOf(c));
        }
        return value.length() > SHOWN_CHARS ? sb.append("...").toString() : sb.toString();
    }

    static SigningAlgorithm algorithm(SignerConfig.Builder b, Problems problems) {
        String alg = b.text(Setting.ALG);
        if (alg == null || alg.isBlank()) {
            problems.add(Setting.ALG + " is required; expected one of " + SigningAlgorithm.jwaNames(),
                    Setting.ALG);
            return null;
        }
        SigningAlgorithm algorithm = SigningAlgorithm.fromJwaName(alg).orElse(null);
        if (algorithm == null) {
            problems.add(Setting.ALG + " [" + alg + "] is not supported; expected one of "
                    + SigningAlgorithm.jwaNames(), Setting.ALG);
        }
        return algorithm;
    }

    /** The entries as configured, each checked; one inside another is refused. */
    static List<String> keysToSign(SignerConfig.Builder b, Problems problems) {
        List<String> configured = b.list(Setting.KEYS_TO_SIGN);
        if (configured.isEmpty()) {
            problems.add(Setting.KEYS_TO_SIGN + " is required; expected at least one member name, such as"
                    + " [access_token]", Setting.KEYS_TO_SIGN);
        }
        List<JsonPointer> pointers = new ArrayList<>();
        for (String entry : configured) {
            try {
                JsonPointer p = JsonPointer.parse(entry);
                if (pointers.contains(p)) {
                    problems.add(Setting.KEYS_TO_SIGN + " lists [" + entry + "] twice", Setting.KEYS_TO_SIGN);
                } else {
                    pointers.add(p);
                }
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage(), Setting.KEYS_TO_SIGN);
            }
        }
        for (JsonPointer outer : pointers) {
            for (JsonPointer inner : pointers) {
                if (outer != inner && inner.tokens().size() > outer.tokens().size()
                        && inner.tokens().subList(0, outer.tokens().size()).equals(outer.tokens())) {
                    problems.add(Setting.KEYS_TO_SIGN + " entry [" + inner + "] lies inside [" + outer
                            + "], which is signed as a whole; expected entries that do not nest",
                            Setting.KEYS_TO_SIGN);
                }
            }
        }
        return pointers.stream().map(JsonPointer::toString).toList();
    }

    /** The settings that each name a key source, in the order messages list them. */
    static final List<Setting> KEY_SOURCES = List.of(Setting.JWK_LOCAL_PATH, Setting.JWK_URL,
            Setting.PEM_LOCAL_PATH, Setting.KEYSTORE_PATH);

    /** The key source settings that are set (and not blank), in the order of {@link #KEY_SOURCES}. */
    static List<Setting> setKeySources(SignerConfig.Builder b) {
        return KEY_SOURCES.stream().filter(s -> b.text(s) != null && !b.text(s).isBlank()).toList();
    }

    /** The one key source setting that is set; null after a problem. */
    private static Setting sourceSetting(SignerConfig.Builder b, Problems problems, String pemKey) {
        List<Setting> set = setKeySources(b);
        Setting[] all = KEY_SOURCES.toArray(Setting[]::new);
        if (set.isEmpty()) {
            problems.add("no key source: set one of " + Setting.JWK_LOCAL_PATH + " (a JWK Set file), "
                    + Setting.JWK_URL + " (a URL serving one), " + Setting.PEM_LOCAL_PATH
                    + " (" + pemKey + ") or " + Setting.KEYSTORE_PATH + " (a PKCS#12 or JKS keystore)", all);
            return null;
        }
        if (set.size() > 1) {
            List<String> named = set.stream().map(s -> s + s.quote(b.text(s))).toList();
            String list = set.size() == 2 ? "both " + named.get(0) + " and " + named.get(1) + " are set"
                    : String.join(", ", named.subList(0, named.size() - 1)) + " and "
                            + named.get(named.size() - 1) + " are all set";
            problems.add(list + "; expected exactly one key source", set.toArray(Setting[]::new));
            return null;
        }
        return set.get(0);
    }

    static KeySource keySource(SignerConfig.Builder b, Setting sourceSetting) {
        String path = b.text(sourceSetting);
        return switch (sourceSetting) {
            case JWK_LOCAL_PATH -> new KeySource.JwkFile(path, (Duration) b.value(Setting.JWK_LOCAL_CHECK_INTERVAL));
            case JWK_URL -> new KeySource.JwkUrl(path, b.flag(Setting.DISABLE_JWK_SECURITY),
                    b.list(Setting.JWK_FINGERPRINTS), b.list(Setting.CIPHER_SUITES),
                    ConfigText.blankToNull(b.text(Setting.JWK_LOCAL_CA)), (Integer) b.value(Setting.CACHE_DURATION),
                    (Duration) b.value(Setting.JWK_CONNECT_TIMEOUT), (Duration) b.value(Setting.JWK_READ_TIMEOUT),
                    (Duration) b.value(Setting.JWK_FETCH_TIMEOUT), (Integer) b.value(Setting.JWK_MAX_BYTES));
            case PEM_LOCAL_PATH -> new KeySource.PemFile(path);
            case KEYSTORE_PATH -> new KeySource.KeyStoreEntry(path,
                    KeySource.KeyStoreEntry.type(b.text(Setting.KEYSTORE_TYPE), path),
                    b.text(Setting.KEYSTORE_PASSWORD), ConfigText.blankToNull(b.text(Setting.KEYSTORE_ALIAS)),
                    b.text(Setting.KEY_PASSWORD));
            default -> throw new IllegalStateException("not a key source: " + sourceSetting);
        };
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
