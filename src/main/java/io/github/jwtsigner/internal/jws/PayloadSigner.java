package io.github.jwtsigner.internal.jws;

import io.github.jwtsigner.Setting;
import io.github.jwtsigner.SignerConfig;
import io.github.jwtsigner.SigningException;
import io.github.jwtsigner.SigningException.Reason;
import io.github.jwtsigner.internal.json.CanonicalJson;
import io.github.jwtsigner.internal.json.JsonNode;
import io.github.jwtsigner.internal.json.JsonNode.ObjectNode;
import io.github.jwtsigner.internal.json.JsonParseException;
import io.github.jwtsigner.internal.json.JsonParser;
import io.github.jwtsigner.internal.json.JsonPointer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The servlet-free core: a login response body in, the same body with each member named in
 * {@code keys_to_sign} replaced by a signed token out.
 *
 * <p>Only the signed values change: every other character of the body (whitespace, member order, number
 * and string spellings) stays as the servlet wrote it. Entries that name the same member are signed once;
 * entries of which one lies inside the other are refused at construction.
 *
 * <p>The key comes from a {@code Supplier<TokenSigner>}: in production the key ring
 * ({@code rotation.KeyRing}), which holds the current key and swaps it when the key source changes.
 *
 * <p>Immutable and thread-safe.
 */
public final class PayloadSigner {
    private final List<JsonPointer> keysToSign;
    private final Supplier<TokenSigner> signer;
    private final boolean requireAll;
    private final Consumer<String> firstMissing;
    /** One flag per entry of {@link #keysToSign}: 1 once its absence was reported. */
    private final AtomicIntegerArray reported;
    private final ClaimDefaults defaults;

    /**
     * @param signer the key ring: asked once per body for the current signer, so a rotated key applies to
     *     whole bodies; not asked at all for a body with nothing to sign
     * @throws IllegalArgumentException when one entry points inside the member another entry signs, since
     *     signing either would make the other point at a string
     */
    public PayloadSigner(List<JsonPointer> keysToSign, Supplier<TokenSigner> signer) {
        this(keysToSign, signer, false, message -> { });
    }

    /**
     * @param signer the key ring, as above
     * @param requireAll true: a body that lacks an entry, or holds something other than an object there, is
     *     refused ({@code require_keys_to_sign}); false: it is left as it is, as KrakenD does
     * @param firstMissing with {@code requireAll} false, told once per entry, the first time a body lacks it
     */
    public PayloadSigner(List<JsonPointer> keysToSign, Supplier<TokenSigner> signer, boolean requireAll,
            Consumer<String> firstMissing) {
        this(keysToSign, signer, requireAll, firstMissing, ClaimDefaults.NONE);
    }

    /**
     * @param signer the key ring, as above
     * @param requireAll as above
     * @param firstMissing as above
     * @param defaults the claims added to each claim set that lacks them, and the longest lifetime signed
     */
    public PayloadSigner(List<JsonPointer> keysToSign, Supplier<TokenSigner> signer, boolean requireAll,
            Consumer<String> firstMissing, ClaimDefaults defaults) {
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        this.keysToSign = distinctNonNested(keysToSign);
        this.signer = Objects.requireNonNull(signer, "signer");
        this.requireAll = requireAll;
        this.firstMissing = Objects.requireNonNull(firstMissing, "firstMissing");
        this.reported = new AtomicIntegerArray(this.keysToSign.size());
    }

    /** Told of each token of a body, once the whole body is signed: for the counters and the audit trail. */
    public interface Issued {
        /**
         * @param entry the member's index in {@link #keysToSign()}
         * @param signer the key that signed it
         * @param claims the claims signed, the added defaults included; read them, never log them whole
         */
        void token(int entry, TokenSigner signer, ObjectNode claims);
    }

    /** The {@code keys_to_sign} entries, each once, in their configured order. */
    public List<JsonPointer> keysToSign() {
        return keysToSign;
    }

    /**
     * Signs every member named in {@code keys_to_sign} whose value is a JSON object; a missing member, or one
     * whose value is not an object, stays as it is. Everything else stays as the servlet wrote it.
     *
     * @param body the decoded response body
     * @return the body with signed members; the same instance when there is nothing to sign
     * @throws SigningException when the body is not strict JSON, not an object, holds a member to sign twice,
     *     holds a lone surrogate in a claim, lacks a member while {@code requireAll}, or the signature fails
     */
    public String sign(String body) {
        return sign(body, null);
    }

    /**
     * {@link #sign(String)}, telling {@code issued} of each token once every one of them is made.
     *
     * @param issued told of each token; null for no one
     */
    public String sign(String body, Issued issued) {
        JsonNode root = parse(body);
        List<Target> targets = findClaims(root);
        if (targets.isEmpty()) {
            return body;
        }
        List<ObjectNode> claims = targets.stream().map(Target::claims).toList();
        long now = defaults.isNone() ? 0 : defaults.now();
        // Canonicalise everything first, so a bad claim fails before any key is used.
        byte[][] payloads = new byte[claims.size()][];
        ObjectNode[] signed = issued == null ? null : new ObjectNode[payloads.length];
        for (int i = 0; i < payloads.length; i++) {
            Target t = targets.get(i);
            ObjectNode withDefaults = defaults.apply(t.claims(), t.pointer(), now);
            payloads[i] = CanonicalJson.toBytes(withDefaults);
            if (signed != null) {
                signed[i] = withDefaults;
            }
        }
        TokenSigner tokenSigner = currentSigner();
        String[] tokens = new String[payloads.length];
        int extra = 0;
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = signOne(tokenSigner, payloads[i], claims.get(i));
            extra += tokens[i].length() + 2;
        }
        String out = splice(body, claims, tokens, extra);
        if (signed != null) {
            for (int i = 0; i < signed.length; i++) {
                issued.token(targets.get(i).entry(), tokenSigner, signed[i]);
            }
        }
        return out;
    }

    private static JsonNode parse(String body) {
        JsonNode root;
        try {
            root = JsonParser.parse(body);
        } catch (JsonParseException e) {
            throw new SigningException(Reason.MALFORMED_JSON, "response body is not strict JSON: " + e.getMessage(),
                    e);
        }
        if (!(root instanceof ObjectNode)) {
            throw new SigningException(Reason.NOT_AN_OBJECT,
                    "response body is a JSON [" + root.typeName() + "]; expected an object");
        }
        return root;
    }

    /** An object to sign and the entry that names it, with its index in {@link #keysToSign}. */
    private record Target(int entry, JsonPointer pointer, ObjectNode claims) {
    }

    /** The objects to sign, in source order. */
    private List<Target> findClaims(JsonNode root) {
        List<Target> claims = new ArrayList<>(keysToSign.size());
        for (int i = 0; i < keysToSign.size(); i++) {
            JsonPointer pointer = keysToSign.get(i);
            Optional<JsonNode> target = pointer.resolve(root);
            if (target.isPresent() && target.get() instanceof ObjectNode object) {
                claims.add(new Target(i, pointer, object));
            } else {
                missing(i, pointer, target.map(node -> "a JSON [" + node.typeName() + "]").orElse("missing"));
            }
        }
        claims.sort(Comparator.comparingInt(t -> t.claims().start()));
        return claims;
    }

    private void missing(int entry, JsonPointer pointer, String found) {
        if (requireAll) {
            throw new SigningException(Reason.MISSING_MEMBER, Setting.KEYS_TO_SIGN + " member [" + pointer
                    + "] is " + found + " in the response body; expected an object to sign ("
                    + Setting.REQUIRE_KEYS_TO_SIGN + " is true)");
        }
        if (reported.compareAndSet(entry, 0, 1)) {
            firstMissing.accept(Setting.KEYS_TO_SIGN + " member [" + pointer + "] is " + found
                    + " in a response to sign, so it was left as it is (as KrakenD does); check "
                    + Setting.KEYS_TO_SIGN + " for a typo, or set " + Setting.REQUIRE_KEYS_TO_SIGN
                    + "=true to fail such responses closed. Said once per member");
        }
    }

    private TokenSigner currentSigner() {
        TokenSigner current;
        try {
            current = signer.get();
        } catch (SigningException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SigningException(Reason.SIGNATURE_FAILED,
                    "signing key could not be obtained [" + e.getClass().getName() + "]; expected a usable key", e);
        }
        if (current == null) {
            throw new SigningException(Reason.SIGNATURE_FAILED, "signing key is [none]; expected a usable key");
        }
        return current;
    }

    private static String signOne(TokenSigner tokenSigner, byte[] payload, ObjectNode claims) {
        String token;
        try {
            token = tokenSigner.sign(payload);
        } catch (SigningException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SigningException(Reason.SIGNATURE_FAILED, "signing the claims at offset [" + claims.start()
                    + "] failed [" + e.getClass().getName() + "]; expected a token", e);
        }
        if (token == null) {
            throw new SigningException(Reason.SIGNATURE_FAILED,
                    "signing the claims at offset [" + claims.start() + "] gave [null]; expected a token");
        }
        return token;
    }

    /** The body with each claim object's characters replaced by its token as a JSON string. */
    private static String splice(String body, List<ObjectNode> claims, String[] tokens, int extra) {
        StringBuilder out = new StringBuilder(body.length() + extra);
        int copied = 0;
        for (int i = 0; i < tokens.length; i++) {
            ObjectNode claim = claims.get(i);
            out.append(body, copied, claim.start());
            appendJsonString(out, tokens[i]);
            copied = claim.end();
        }
        return out.append(body, copied, body.length()).toString();
    }

    /** A compact JWS needs no escaping; the {@code full} JSON serialization needs its quotes escaped. */
    private static void appendJsonString(StringBuilder out, String token) {
        out.append('"');
        int plain = 0;
        while (plain < token.length() && needsNoEscape(token.charAt(plain))) {
            plain++;
        }
        // The common case, a compact token, is copied whole.
        out.append(token, 0, plain);
        for (int i = plain; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    private static boolean needsNoEscape(char c) {
        return c >= 0x20 && c != '"' && c != '\\';
    }

    private static List<JsonPointer> distinctNonNested(List<JsonPointer> entries) {
        List<JsonPointer> kept = new ArrayList<>(entries.size());
        for (JsonPointer entry : entries) {
            boolean same = false;
            for (JsonPointer other : kept) {
                List<String> a = entry.tokens();
                List<String> b = other.tokens();
                if (a.equals(b)) {
                    same = true;
                } else if (isPrefix(a, b) || isPrefix(b, a)) {
                    throw new IllegalArgumentException(Setting.KEYS_TO_SIGN + " entries [" + other + "] and [" + entry
                            + "] overlap: one points inside the other; expected entries that do not contain one"
                            + " another");
                }
            }
            if (!same) {
                kept.add(entry);
            }
        }
        return List.copyOf(kept);
    }

    private static boolean isPrefix(List<String> prefix, List<String> list) {
        return prefix.size() < list.size() && list.subList(0, prefix.size()).equals(prefix);
    }
}
