package io.github.jwtsigner.internal.jws;

import io.github.jwtsigner.Setting;
import io.github.jwtsigner.SignerConfig;
import io.github.jwtsigner.SigningException;
import io.github.jwtsigner.SigningException.Reason;
import io.github.jwtsigner.internal.json.JsonNode;
import io.github.jwtsigner.internal.json.JsonNode.ArrayNode;
import io.github.jwtsigner.internal.json.JsonNode.Member;
import io.github.jwtsigner.internal.json.JsonNode.NumberNode;
import io.github.jwtsigner.internal.json.JsonNode.ObjectNode;
import io.github.jwtsigner.internal.json.JsonNode.StringNode;
import io.github.jwtsigner.internal.json.JsonPointer;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The claims the signer adds to a claim set that lacks them ({@code add_iat}, {@code add_jti},
 * {@code default_ttl}, {@code default_issuer}, {@code default_audience}) and the longest lifetime it signs
 * ({@code max_ttl}). A claim the servlet wrote, whatever its value, is never replaced. An added claim is a
 * member like any other, so the canonical JSON is the one the servlet would get by writing it itself. With
 * nothing set, {@link #apply} gives back the claim set it was handed, and the token is KrakenD's.
 *
 * <p>Immutable and thread-safe, as its clock and jti source are.
 *
 * @param defaultTtl null for none; whole seconds count, a fraction of a second is dropped
 * @param defaultIssuer null for none
 * @param defaultAudience empty for none; one item is added as a string, more as an array
 * @param maxTtl null for none
 * @param clock the time {@code iat}, {@code exp} and {@code max_ttl} are counted from
 * @param jtiSource gives each added {@code jti}
 */
public record ClaimDefaults(boolean addIat, boolean addJti, Duration defaultTtl, String defaultIssuer,
        List<String> defaultAudience, Duration maxTtl, Clock clock, Supplier<String> jtiSource) {
    /** Nothing added, nothing refused: KrakenD's signer. */
    public static final ClaimDefaults NONE = new ClaimDefaults(false, false, null, null, List.of(), null,
            Clock.systemUTC(), ClaimDefaults::randomJti);
    /** The longest {@code exp} literal compared with {@code max_ttl}; a longer one is refused. */
    static final int MAX_EXP_CHARS = 64;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int JTI_BYTES = 16;

    public ClaimDefaults {
        defaultAudience = List.copyOf(defaultAudience);
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(jtiSource, "jtiSource");
    }

    /** The settings of {@code config}, on the system clock, each {@code jti} 128 bits of {@link SecureRandom}. */
    @SuppressWarnings("unchecked")
    public static ClaimDefaults from(SignerConfig config) {
        return new ClaimDefaults(Boolean.TRUE.equals(config.value(Setting.ADD_IAT)),
                Boolean.TRUE.equals(config.value(Setting.ADD_JTI)), (Duration) config.value(Setting.DEFAULT_TTL),
                (String) config.value(Setting.DEFAULT_ISSUER),
                (List<String>) Objects.requireNonNullElse(config.value(Setting.DEFAULT_AUDIENCE), List.of()),
                (Duration) config.value(Setting.MAX_TTL), Clock.systemUTC(), ClaimDefaults::randomJti);
    }

    /** The same settings on another clock and jti source, for tests. */
    public ClaimDefaults with(Clock otherClock, Supplier<String> otherJtiSource) {
        return new ClaimDefaults(addIat, addJti, defaultTtl, defaultIssuer, defaultAudience, maxTtl, otherClock,
                otherJtiSource);
    }

    /** True when nothing is added or refused. */
    public boolean isNone() {
        return !addIat && !addJti && defaultTtl == null && defaultIssuer == null && defaultAudience.isEmpty()
                && maxTtl == null;
    }

    /** Now, in whole seconds since the epoch: read once per body, so its tokens share it. */
    long now() {
        return clock.instant().getEpochSecond();
    }

    /**
     * @param where the {@code keys_to_sign} entry the claims were found at, for messages
     * @param now {@link #now()}
     * @return {@code claims} with the missing claims added after its own members; the same object when none is
     * @throws SigningException with reason {@code TOKEN_LIFETIME} when {@code max_ttl} is set and {@code exp},
     *     given or added, is missing, not a number, or further ahead than {@code max_ttl}
     */
    public ObjectNode apply(ObjectNode claims, JsonPointer where, long now) {
        if (isNone()) {
            return claims;
        }
        List<Member> added = new ArrayList<>(5);
        if (addIat && find(claims, "iat") == null) {
            added.add(member("iat", new NumberNode(Long.toString(now), -1, -1)));
        }
        if (defaultTtl != null && find(claims, "exp") == null) {
            added.add(member("exp", new NumberNode(Long.toString(Math.addExact(now, defaultTtl.getSeconds())), -1,
                    -1)));
        }
        if (addJti && find(claims, "jti") == null) {
            added.add(member("jti", text(jtiSource.get())));
        }
        if (defaultIssuer != null && find(claims, "iss") == null) {
            added.add(member("iss", text(defaultIssuer)));
        }
        if (!defaultAudience.isEmpty() && find(claims, "aud") == null) {
            added.add(member("aud", defaultAudience.size() == 1 ? text(defaultAudience.get(0))
                    : new ArrayNode(defaultAudience.stream().map(ClaimDefaults::text).map(JsonNode.class::cast)
                            .toList(), -1, -1)));
        }
        if (maxTtl != null) {
            JsonNode exp = find(claims, "exp");
            for (Member m : added) {
                exp = m.name().equals("exp") ? m.value() : exp;
            }
            checkLifetime(exp, where, now);
        }
        if (added.isEmpty()) {
            return claims;
        }
        List<Member> all = new ArrayList<>(claims.members().size() + added.size());
        all.addAll(claims.members());
        all.addAll(added);
        return new ObjectNode(all, claims.start(), claims.end());
    }

    private void checkLifetime(JsonNode exp, JsonPointer where, long now) {
        String member = Setting.KEYS_TO_SIGN + " member [" + where + "]";
        String limit = Setting.MAX_TTL + " [" + maxTtl.getSeconds() + "s]";
        if (exp == null) {
            throw new SigningException(Reason.TOKEN_LIFETIME, member + " has no exp claim while " + limit
                    + " is set; expected an exp at most that far ahead (" + Setting.DEFAULT_TTL + " adds one)");
        }
        if (!(exp instanceof NumberNode number)) {
            throw new SigningException(Reason.TOKEN_LIFETIME, member + " has an exp claim that is a JSON ["
                    + exp.typeName() + "], not a number of seconds, while " + limit + " is set");
        }
        String literal = number.literal();
        BigDecimal seconds = null;
        if (literal.length() <= MAX_EXP_CHARS) {
            try {
                seconds = new BigDecimal(literal);
            } catch (NumberFormatException e) {
                // An exponent beyond int: not a time that can be compared.
            }
        }
        if (seconds == null) {
            throw new SigningException(Reason.TOKEN_LIFETIME, member + " has an exp claim that is not a number"
                    + " of seconds up to " + MAX_EXP_CHARS + " characters long, while " + limit + " is set");
        }
        if (seconds.compareTo(BigDecimal.valueOf(now).add(BigDecimal.valueOf(maxTtl.getSeconds()))) > 0) {
            throw new SigningException(Reason.TOKEN_LIFETIME, member + " has an exp claim further ahead than "
                    + limit + " allows; expected a shorter-lived token");
        }
    }

    /** The value of the last member named {@code name}, as canonical JSON keeps it; null when there is none. */
    private static JsonNode find(ObjectNode claims, String name) {
        JsonNode found = null;
        for (Member m : claims.members()) {
            if (m.name().equals(name)) {
                found = m.value();
            }
        }
        return found;
    }

    private static Member member(String name, JsonNode value) {
        return new Member(name, -1, value);
    }

    private static StringNode text(String value) {
        return new StringNode(value, -1, -1);
    }

    /** 128 bits of {@link SecureRandom}, base64url without padding: 22 characters. */
    static String randomJti() {
        byte[] bytes = new byte[JTI_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
