package io.github.jwtsigner.internal.validation;

import io.github.jwtsigner.Setting;
import io.github.jwtsigner.SigningAlgorithm;
import io.github.jwtsigner.ValidatorConfig;
import io.github.jwtsigner.internal.json.JsonNode;
import io.github.jwtsigner.internal.json.JsonParseException;
import io.github.jwtsigner.internal.json.JsonParser;
import io.github.jwtsigner.internal.keys.VerificationKeys;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Checks one compact JWS as the validator's settings say, and returns who it names: the header (alg in the
 * allow-list and never {@code none}, no {@code crit}, the accepted {@code typ}, a string kid), the signature with
 * a configured key of the alg's type (never a key the token points at: {@code jku}, {@code x5u}, {@code jwk} and
 * {@code x5c} are not read), then the claims ({@code exp} required, {@code nbf}, {@code iat}, {@code iss},
 * {@code aud}, the principal, roles and scopes). Base64url must be canonical, JSON strict, each name once.
 *
 * <p>A verified signature is remembered ({@link VerifiedCache}) when the cache is on; the claim checks run on
 * every call.
 *
 * <p>Thread-safe.
 */
public final class TokenVerifier {
    private static final int HEADER_DEPTH = 4;
    private static final int CLAIMS_DEPTH = 32;
    private static final int HEADERS_KEPT = 8;
    /** The longest a request with an unknown kid waits for another request's early reload. */
    static final long RELOAD_WAIT_MILLIS = 1000;

    private final Supplier<VerificationKeys> keys;
    private final Predicate<Duration> reloadEarly;
    private final LongSupplier clockMillis;
    private final Set<SigningAlgorithm> algorithms;
    private final String typ;
    private final int maxTokenChars;
    private final long leewayMillis;
    private final ClaimChecks checks;
    private final Duration refetchInterval;
    private final VerifiedCache cache;
    private final long cacheTtlNanos;
    /** The early reload in progress, if any; completed when it ends. */
    private final AtomicReference<CompletableFuture<Void>> reloading = new AtomicReference<>();
    private final long reloadWaitMillis;
    private final java.util.concurrent.atomic.LongAdder cacheHits = new java.util.concurrent.atomic.LongAdder();

    /**
     * @param keys the keys now (a key ring's {@code get})
     * @param reloadEarly asked to reload the keys once for an unknown kid, at most every given interval; true when
     *     it did. Never asked by two threads at once (the others wait for it, briefly); the keys are read again after it
     *     either way
     * @param clockMillis the time, in milliseconds since the epoch
     */
    public TokenVerifier(ValidatorConfig config, Supplier<VerificationKeys> keys, Predicate<Duration> reloadEarly,
            LongSupplier clockMillis) {
        this.keys = keys;
        this.reloadEarly = reloadEarly;
        this.clockMillis = clockMillis;
        this.algorithms = EnumSet.copyOf(config.algorithms());
        this.typ = config.text(Setting.TYP);
        this.maxTokenChars = config.wholeNumber(Setting.MAX_TOKEN_BYTES);
        this.leewayMillis = config.duration(Setting.LEEWAY).toMillis();
        this.checks = new ClaimChecks(config);
        this.refetchInterval = config.duration(Setting.UNKNOWN_KID_REFETCH_INTERVAL);
        int size = config.wholeNumber(Setting.VERIFIED_CACHE_SIZE);
        Duration ttl = config.duration(Setting.VERIFIED_CACHE_TTL);
        this.cache = size == 0 || ttl.isZero() ? null : new VerifiedCache(size);
        this.cacheTtlNanos = ttl.toNanos();
        this.reloadWaitMillis = Math.min(RELOAD_WAIT_MILLIS, config.duration(Setting.JWK_FETCH_TIMEOUT).toMillis());
    }

    /** How many accepted tokens found their signature verified in the cache, since start. */
    public long cacheHits() {
        return cacheHits.sum();
    }

    /**
     * @throws TokenRejectedException naming why, when any check fails
     */
    public VerifiedToken verify(String token) throws TokenRejectedException {
        if (token.length() > maxTokenChars) {
            throw Rejection.TOO_LARGE.exception();
        }
        VerificationKeys current = keys.get();
        VerifiedCache.Digest digest = null;
        if (cache != null) {
            digest = VerifiedCache.digest(token);
            VerifiedCache.Entry hit = cache.get(digest, current, System.nanoTime());
            if (hit != null) {
                // Counted once the claims pass again: a hit on a token that expired since is no accepted hit.
                VerifiedToken verified = checks.check(hit.token(), clockMillis.getAsLong(), leewayMillis);
                cacheHits.increment();
                return verified;
            }
        }
        int dot1 = token.indexOf('.');
        int dot2 = dot1 < 0 ? -1 : token.indexOf('.', dot1 + 1);
        if (dot1 < 1 || dot2 < 0 || token.indexOf('.', dot2 + 1) >= 0) {
            throw Rejection.MALFORMED.exception();
        }
        Header header = header(token, dot1);
        SigningAlgorithm alg = header.alg();
        String kid = header.kid();
        byte[] signature = Base64Url.decode(token, dot2 + 1, token.length());
        if (signature == null) {
            throw Rejection.MALFORMED.exception();
        }
        byte[] payload = Base64Url.decode(token, dot1 + 1, dot2);
        if (payload == null) {
            throw Rejection.MALFORMED.exception();
        }
        byte[] input = token.substring(0, dot2).getBytes(StandardCharsets.US_ASCII);
        VerificationKeys used = verifySignature(alg, kid, input, signature, current);
        // Only a signed payload is parsed.
        Map<String, Object> claims = parse(payload, CLAIMS_DEPTH, Rejection.BAD_CLAIMS);
        long now = clockMillis.getAsLong();
        VerifiedToken verified = checks.check(claims, kid, now, leewayMillis);
        if (cache != null) {
            long untilNanos = System.nanoTime()
                    + Math.min(cacheTtlNanos / 1_000_000L, checks.millisToExp(claims, now)) * 1_000_000L;
            cache.put(digest, new VerifiedCache.Entry(verified, used, untilNanos), System.nanoTime());
        }
        return verified;
    }

    /** How many verified signatures are remembered now; 0 when the cache is off. */
    public int cachedCount() {
        return cache == null ? 0 : cache.size();
    }

    /** A header that passed every check: its alg and kid. */
    private record Header(String text, SigningAlgorithm alg, String kid) {
    }

    /** The last few valid headers, by their base64url text: most deployments sign with one or two. */
    private final Header[] headers = new Header[HEADERS_KEPT];
    private int nextHeader;

    /** The token's header, checked: from the few kept, or decoded, parsed and checked now. */
    private Header header(String token, int dot1) throws TokenRejectedException {
        Header[] kept = headers;
        for (int i = 0; i < kept.length; i++) {
            Header h = kept[i];
            if (h != null && h.text.length() == dot1 && token.startsWith(h.text)) {
                return h;
            }
        }
        Map<String, Object> header = object(token, 0, dot1, HEADER_DEPTH, Rejection.BAD_HEADER);
        SigningAlgorithm alg = algorithm(header);
        if (header.containsKey("crit")) {
            throw Rejection.CRIT.exception();
        }
        Object typValue = header.get("typ");
        if (typValue != null && !(typValue instanceof String t && acceptedTyp(t))) {
            throw Rejection.TYP.exception();
        }
        Object kidValue = header.get("kid");
        if (kidValue != null && !(kidValue instanceof String)) {
            throw Rejection.BAD_KID.exception();
        }
        Header h = new Header(token.substring(0, dot1), alg, (String) kidValue);
        synchronized (kept) {
            // A benign race at worst replaces another slot: each slot is one immutable, valid header.
            kept[nextHeader] = h;
            nextHeader = (nextHeader + 1) % kept.length;
        }
        return h;
    }

    private SigningAlgorithm algorithm(Map<String, Object> header) throws TokenRejectedException {
        if (!(header.get("alg") instanceof String name)) {
            throw Rejection.BAD_HEADER.exception();
        }
        if (name.equalsIgnoreCase("none")) {
            throw Rejection.ALG_NONE.exception();
        }
        SigningAlgorithm alg = SigningAlgorithm.fromJwaName(name).orElse(null);
        if (alg == null || !algorithms.contains(alg)) {
            throw Rejection.ALG_NOT_ALLOWED.exception();
        }
        return alg;
    }

    private boolean acceptedTyp(String t) {
        return typ.isEmpty() || t.equalsIgnoreCase(typ) || t.regionMatches(true, 0, "application/", 0, 12)
                && t.length() == 12 + typ.length() && t.regionMatches(true, 12, typ, 0, typ.length());
    }

    /** @return the key set the signature verified with */
    private VerificationKeys verifySignature(SigningAlgorithm alg, String kid, byte[] input, byte[] signature,
            VerificationKeys current) throws TokenRejectedException {
        VerificationKeys set = current;
        List<VerificationKeys.Entry> candidates = candidates(set, alg, kid);
        if (candidates.isEmpty() && kid != null && set.entries().stream().noneMatch(e -> kid.equals(e.kid()))) {
            reloadOrWait();
            // Read again whether or not this call reloaded: the reload another thread made, which this one may
            // have waited for, brings the new kid as well.
            VerificationKeys now = keys.get();
            if (now != set) {
                set = now;
                candidates = candidates(set, alg, kid);
            }
        }
        if (candidates.isEmpty()) {
            throw (kid != null ? Rejection.UNKNOWN_KID : Rejection.NO_KEY).exception();
        }
        for (VerificationKeys.Entry e : candidates) {
            if (SignatureCheck.verify(alg, e.key(), input, signature)) {
                return set;
            }
        }
        throw Rejection.BAD_SIGNATURE.exception();
    }

    /**
     * Asks for an early reload, or waits for the one running, at most {@value #RELOAD_WAIT_MILLIS} ms: a request
     * signed by a key that was just published is accepted, and a flood of unknown kids against a slow key server
     * holds one request thread for the fetch and the others only briefly, never queued behind it.
     */
    private void reloadOrWait() {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> running = reloading.compareAndExchange(null, mine);
        if (running != null) {
            try {
                running.get(reloadWaitMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // Refused with the keys there are.
            }
            return;
        }
        try {
            reloadEarly.test(refetchInterval);
        } finally {
            reloading.set(null);
            mine.complete(null);
        }
    }

    private static List<VerificationKeys.Entry> candidates(VerificationKeys set, SigningAlgorithm alg, String kid) {
        List<VerificationKeys.Entry> all = set.entries();
        if (all.size() == 1) {
            VerificationKeys.Entry only = all.get(0);
            return only.fits(alg) && (kid == null || only.kid() == null || kid.equals(only.kid())) ? all : List.of();
        }
        return all.stream().filter(e -> e.fits(alg) && (kid == null || e.kid() == null || kid.equals(e.kid())))
                .toList();
    }

    /** Decodes and parses one part as a JSON object; each name once. */
    private static Map<String, Object> object(String token, int from, int to, int depth, Rejection notObject)
            throws TokenRejectedException {
        byte[] bytes = Base64Url.decode(token, from, to);
        if (bytes == null) {
            throw Rejection.MALFORMED.exception();
        }
        return parse(bytes, depth, notObject);
    }

    private static Map<String, Object> parse(byte[] bytes, int depth, Rejection notObject)
            throws TokenRejectedException {
        String text = ascii(bytes) ? new String(bytes, StandardCharsets.ISO_8859_1) : null;
        try {
            text = text != null ? text : StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw notObject.exception();
        }
        JsonNode node;
        try {
            node = JsonParser.parse(text, depth);
        } catch (JsonParseException e) {
            throw notObject.exception();
        }
        if (!(node instanceof JsonNode.ObjectNode o)) {
            throw notObject.exception();
        }
        Map<String, Object> map;
        try {
            map = ClaimValues.object(o);
        } catch (NumberFormatException | ArithmeticException e) {
            throw notObject.exception();
        }
        if (map == null) {
            throw Rejection.DUPLICATE_MEMBER.exception();
        }
        return map;
    }

    private static boolean ascii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }
}
