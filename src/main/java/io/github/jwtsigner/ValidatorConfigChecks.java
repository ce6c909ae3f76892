package io.github.jwtsigner;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The checks {@link ValidatorConfig.Builder#build()} makes of the validator's own settings: the {@code alg} list,
 * {@code scopes_matcher}, the claim, header and cookie names, {@code propagate_claims}, and the limits. Each
 * problem names the setting, its value in brackets, and what was expected. The key source is checked as the
 * signer's ({@link SignerConfigChecks}).
 *
 * <p>Stateless and thread-safe.
 */
final class ValidatorConfigChecks {
    /** What the validator's configuration errors call it: {@code invalid JWT validator configuration}. */
    static final String COMPONENT = "JWT validator";
    /** What {@code pem_local_path} may hold for the validator, for the no-source message. */
    static final String PEM_KEY = "a PEM public key, or a private key whose public half is used";

    private static final String COOKIE = "Cookie";
    private static final String HEADER_CHARS = "letters, digits and -";

    private ValidatorConfigChecks() {
    }

    /** The allowed algorithms, each once; every bad name, {@code none} above all, is a problem. */
    static List<SigningAlgorithm> algorithms(List<String> names, Problems problems) {
        String expected = "expected one or more of " + SigningAlgorithm.jwaNames();
        if (names.isEmpty()) {
            problems.add(Setting.ALG + " is required; " + expected + ", such as [RS256] or [HS256, RS256]",
                    Setting.ALG);
            return List.of();
        }
        Set<SigningAlgorithm> algorithms = new LinkedHashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i) == null ? "" : names.get(i).strip();
            SigningAlgorithm alg = SigningAlgorithm.fromJwaName(n).orElse(null);
            if (n.isEmpty()) {
                problems.add(Setting.ALG + (names.size() == 1 ? "" : " item " + (i + 1)) + " is empty; " + expected,
                        Setting.ALG);
            } else if (n.equalsIgnoreCase("none")) {
                problems.add(Setting.ALG + " [" + n + "] can never be allowed: an unsigned token proves nothing; "
                        + expected, Setting.ALG);
            } else if (alg == null) {
                List<String> words = List.of(n.split("[\\s;]+"));
                String hint = words.size() > 1 && SigningAlgorithm.jwaNames().containsAll(words)
                        ? " (one name each; separate them with commas: [" + String.join(", ", words) + "])"
                        : SigningAlgorithm.jwaNames().stream().filter(a -> a.equalsIgnoreCase(n)).findFirst()
                        .map(a -> " (did you mean [" + a + "]? algorithm names are case-sensitive)").orElse("");
                problems.add(Setting.ALG + " [" + n + "] is not supported" + hint + "; " + expected, Setting.ALG);
            } else if (!algorithms.add(alg)) {
                problems.add(Setting.ALG + " lists [" + n + "] twice; expected each algorithm once", Setting.ALG);
            }
        }
        return List.copyOf(algorithms);
    }

    /** {@code any} or {@code all}, in any letter case; null after a problem. */
    static ValidatorConfig.ScopesMatcher scopesMatcher(String m, Problems problems) {
        String expected = "expected [any] (at least one of " + Setting.SCOPES + ") or [all] (every one of them)";
        if (m == null || m.isBlank()) {
            problems.add(Setting.SCOPES_MATCHER + " is empty; " + expected + ", the default is ["
                    + Setting.SCOPES_MATCHER.defaultValue() + "]", Setting.SCOPES_MATCHER);
            return null;
        }
        for (ValidatorConfig.ScopesMatcher matcher : ValidatorConfig.ScopesMatcher.values()) {
            if (matcher.name().equalsIgnoreCase(m.strip())) {
                return matcher;
            }
        }
        problems.add(Setting.SCOPES_MATCHER + " [" + m + "] is not a matcher; " + expected, Setting.SCOPES_MATCHER);
        return null;
    }

    /** KrakenD's {@code key_identify_strategy}: only {@code kid} is supported (not {@code x5t}, {@code kid_x5t}). */
    static void keyIdentifyStrategy(String strategy, Problems problems) {
        if (!Setting.KEY_IDENTIFY_STRATEGY.defaultValue().equals(strategy == null ? null : strategy.strip())) {
            problems.add(Setting.KEY_IDENTIFY_STRATEGY + " [" + strategy + "] is not supported; expected [kid]: the"
                    + " key is found by the token's kid (x5t and kid_x5t are not supported yet)",
                    Setting.KEY_IDENTIFY_STRATEGY);
        }
    }

    /** The claim names, the header and the cookie the token is read from. */
    static void names(Function<Setting, Object> value, Problems problems) {
        for (Setting s : List.of(Setting.ROLES_KEY, Setting.SCOPES_KEY, Setting.PRINCIPAL_CLAIM)) {
            String v = (String) value.apply(s);
            if (v == null || v.isBlank()) {
                problems.add(s + " is empty; expected a claim name, the default is [" + s.defaultValue() + "]", s);
            }
        }
        String header = (String) value.apply(Setting.AUTH_HEADER_NAME);
        if (header == null || header.isBlank()) {
            problems.add(Setting.AUTH_HEADER_NAME + " is empty; expected a header name, the default is ["
                    + Setting.AUTH_HEADER_NAME.defaultValue() + "]", Setting.AUTH_HEADER_NAME);
        } else if (!isToken(header)) {
            problems.add(Setting.AUTH_HEADER_NAME + " [" + header + "] is not a header name; expected "
                    + HEADER_CHARS + ", such as [Authorization] or [X-Token]", Setting.AUTH_HEADER_NAME);
        } else if (header.equalsIgnoreCase(COOKIE)) {
            problems.add(Setting.AUTH_HEADER_NAME + " [" + header + "] is the header every cookie comes in;"
                    + " expected another header, and " + Setting.COOKIE_KEY + " naming the cookie that holds the"
                    + " token", Setting.AUTH_HEADER_NAME);
        }
        String issuer = (String) value.apply(Setting.ISSUER);
        if (issuer != null && issuer.isBlank()) {
            problems.add(Setting.ISSUER + " is empty, so no token would be accepted; expected the issuer tokens carry"
                    + " in iss, such as [https://login.example.com], or leave " + Setting.ISSUER + " out to accept any",
                    Setting.ISSUER);
        }
        String cookie = (String) value.apply(Setting.COOKIE_KEY);
        if (cookie != null && cookie.isEmpty()) {
            problems.add(Setting.COOKIE_KEY + " is empty; expected a cookie name such as [access_token], or leave "
                    + Setting.COOKIE_KEY + " out to read no cookie", Setting.COOKIE_KEY);
        } else if (cookie != null && !isToken(cookie)) {
            problems.add(Setting.COOKIE_KEY + " [" + cookie + "] is not a cookie name; expected letters, digits,"
                    + " - and _, such as [access_token]", Setting.COOKIE_KEY);
        }
    }

    /** Each pair: a claim, and a header that no other pair names and that does not carry the token or cookies. */
    static void propagatedClaims(List<List<String>> pairs, String authHeader, Problems problems) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < pairs.size(); i++) {
            String claim = pairs.get(i).get(0);
            String h = pairs.get(i).get(1).strip();
            String what = Setting.PROPAGATE_CLAIMS + " item " + (i + 1) + " [" + claim + ", " + h + "]";
            String another = "; expected another header, such as [X-User]";
            if (claim.isBlank()) {
                problems.add(what + " has an empty claim name; expected [claim, header] such as [sub, X-User]",
                        Setting.PROPAGATE_CLAIMS);
            }
            if (!isToken(h)) {
                problems.add(what + " names [" + h + "], which is not a header name; expected " + HEADER_CHARS
                        + ", such as [X-User]", Setting.PROPAGATE_CLAIMS);
            } else if (seen.containsKey(h.toLowerCase(Locale.ROOT))) {
                problems.add(what + " names header [" + h + "] again, after item " + seen.get(h.toLowerCase(
                        Locale.ROOT)) + " (header names ignore case); expected one claim per header",
                        Setting.PROPAGATE_CLAIMS);
            } else if (authHeader != null && h.equalsIgnoreCase(authHeader.strip())) {
                problems.add(what + " names the header the token comes in (" + Setting.AUTH_HEADER_NAME + " ["
                        + authHeader + "])" + another, Setting.PROPAGATE_CLAIMS);
            } else if (h.equalsIgnoreCase(COOKIE)) {
                problems.add(what + " names the Cookie header, which would hide the request's cookies (the"
                        + " session among them) from the servlet" + another, Setting.PROPAGATE_CLAIMS);
            }
            seen.putIfAbsent(h.toLowerCase(Locale.ROOT), i + 1);
        }
    }

    /** The durations, the cache size, the token size limit and {@code typ}. */
    static void limits(Function<Setting, Object> value, Function<Setting, Object> defaults, Problems problems) {
        for (Setting s : List.of(Setting.LEEWAY, Setting.VERIFIED_CACHE_TTL, Setting.UNKNOWN_KID_REFETCH_INTERVAL)) {
            Duration d = (Duration) value.apply(s);
            String byDefault = ", the default is " + ConfigText.show((Duration) defaults.apply(s));
            if (d == null) {
                problems.add(s + " is empty; expected a duration of 0s or more, such as [5s]" + byDefault, s);
            } else if (d.isNegative()) {
                String shown = d.getSeconds() > Long.MIN_VALUE ? "-" + ConfigText.show(d.negated()) : d.toString();
                problems.add(s + " [" + shown + "] is negative; expected 0s or more" + byDefault, s);
            }
        }
        int size = (Integer) value.apply(Setting.VERIFIED_CACHE_SIZE);
        if (size < 0) {
            problems.add(Setting.VERIFIED_CACHE_SIZE + " [" + size + "] is negative; expected 0 (no cache) or more"
                    + " entries, the default is " + Setting.VERIFIED_CACHE_SIZE.defaultValue(),
                    Setting.VERIFIED_CACHE_SIZE);
        }
        int maxToken = (Integer) value.apply(Setting.MAX_TOKEN_BYTES);
        if (maxToken < MIN_TOKEN_BYTES) {
            problems.add(Setting.MAX_TOKEN_BYTES + " [" + maxToken + "] is too small for any signed token; expected"
                    + " at least " + MIN_TOKEN_BYTES + ", the default is " + Setting.MAX_TOKEN_BYTES.defaultValue(),
                    Setting.MAX_TOKEN_BYTES);
        }
        if (value.apply(Setting.TYP) == null) {
            problems.add(Setting.TYP + " is null; expected the header type tokens must have, such as ["
                    + Setting.TYP.defaultValue() + "], or an empty string to accept any", Setting.TYP);
        }
    }

    /** The least {@code max_token_bytes}: shorter than any header, claims and signature that could pass. */
    static final int MIN_TOKEN_BYTES = 64;

    /** An RFC 9110 token: what a header or cookie name may be. */
    static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
