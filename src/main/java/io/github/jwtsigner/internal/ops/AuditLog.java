package io.github.jwtsigner.internal.ops;

import io.github.jwtsigner.internal.json.JsonNode;
import io.github.jwtsigner.internal.json.JsonNode.Member;
import io.github.jwtsigner.internal.json.JsonNode.ObjectNode;
import io.github.jwtsigner.internal.jws.TokenSigner;
import io.github.jwtsigner.internal.validation.Rejection;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Locale;

/**
 * The audit trail: one INFO line per issued token and per refused token, to the {@code System.Logger} named
 * {@value #LOGGER_NAME}. Never a token, a signature, a key or a claim other than the few named below.
 *
 * <p>Each line is fields in this fixed order, separated by single spaces; a field whose value is absent is left
 * out:
 * <pre>
 * event=authn_token_created filter=&lt;component&gt; member=&lt;keys_to_sign entry&gt; alg=&lt;alg&gt; kid=&lt;kid&gt; sub=&lt;sub&gt; jti=&lt;jti&gt; iat=&lt;iat&gt; exp=&lt;exp&gt; aud=&lt;aud&gt; method=&lt;m&gt; uri=&lt;uri&gt; client=&lt;addr&gt;
 * event=authn_token_rejected filter=&lt;component&gt; reason=&lt;rejection name in lower case, e.g. bad_signature&gt; status=&lt;401|403|400&gt; alg=&lt;unverified header alg&gt; kid=&lt;unverified header kid&gt; fingerprint=&lt;16 lower-case hex chars: first 8 bytes of SHA-256 of the token's UTF-8&gt; unverified_sub=&lt;sub read from the unverified payload&gt; method=&lt;m&gt; uri=&lt;uri&gt; client=&lt;addr&gt;
 * </pre>
 *
 * <ul>
 *   <li>Values: written bare when not empty and made only of {@code A-Z a-z 0-9 . _ : / @ + -}; otherwise in double
 *       quotes, with {@code \"} and {@code \\} escaped, line feed, carriage return and tab as {@code \n},
 *       {@code \r}, {@code \t}, and every other control character (C0, DEL, C1), U+2028, U+2029, every Unicode
 *       format character (bidi controls, zero-width joiners) and every lone surrogate as {@code \}{@code u} and four
 *       lower-case hex digits ({@link LogText}). A value longer than 256 characters (64 for {@code alg} and
 *       {@code kid} of a refused token) keeps its first 256 (or 64) characters (one fewer where the cut would split
 *       a surrogate pair) followed by {@code ...[+N]}, N the number of characters left out, inside the quotes.</li>
 *   <li>Claims ({@code sub}, {@code jti}, {@code iat}, {@code exp}, {@code aud}, the only ones ever read; the last
 *       one where a name repeats): a string as its text, a number as its JSON number text, an {@code aud} array of
 *       one or more strings as those strings joined with {@code ,}, any other JSON value ({@code true},
 *       {@code null}, an object, an empty array) as its compact JSON text, members in source order.</li>
 *   <li>{@code reason}: the {@link Rejection} name in lower case, such as {@code bad_signature}; {@code status}
 *       its HTTP status.</li>
 *   <li>Of a refused token, {@code alg}, {@code kid} and {@code unverified_sub} are read from its header and
 *       payload without any check, and only when it has the compact shape (three parts) and the part decodes to a
 *       JSON object nested at most {@value UnverifiedToken#MAX_DEPTH} deep ({@link UnverifiedToken}), and never
 *       of a token refused as {@code too_large}, which the validator did not read either; else they are left
 *       out; {@code fingerprint} is the first 8 bytes of the SHA-256 digest of the token's UTF-8 bytes in
 *       lower-case hex, for any token. A request with more than one token ({@code ambiguous}) has none of these
 *       four.</li>
 *   <li>{@code filter}: the filter's name (left out when it has none); {@code member}: the {@code keys_to_sign}
 *       entry as configured.</li>
 *   <li>{@code method}, {@code uri} (the path, never the query string, nor path parameters such as
 *       {@code ;jsessionid=}) and {@code client} (the remote address) as the container reports them.</li>
 * </ul>
 *
 * <p>Nothing is computed unless {@link #enabled()}. A failure while writing a line is logged as a WARNING that
 * names only its exception's class, and never reaches the request.
 *
 * <p>Thread-safe.
 */
public final class AuditLog {
    /** The audit trail's logger. */
    public static final String LOGGER_NAME = "io.github.jwtsigner.audit";

    /** The cap on the header values of a refused token. */
    static final int MAX_HEADER_CHARS = 64;

    private static final String[] CLAIMS = {"sub", "jti", "iat", "exp", "aud"};
    private static final int AUD = 4;

    private final Logger log;

    AuditLog(Logger log) {
        this.log = log;
    }

    static AuditLog create() {
        return new AuditLog(System.getLogger(LOGGER_NAME));
    }

    /** True when the audit logger writes INFO lines. */
    public boolean enabled() {
        return log.isLoggable(Level.INFO);
    }

    /** {@code event=authn_token_created}: one token issued by {@code signer} with {@code claims}. */
    void tokenCreated(String component, String member, TokenSigner signer, ObjectNode claims, RequestLine request) {
        if (!enabled()) {
            return;
        }
        try {
            log.log(Level.INFO, createdLine(component, member, signer, claims, request));
        } catch (RuntimeException e) {
            failed("authn_token_created", e);
        }
    }

    /** {@code event=authn_token_rejected}; {@code token} null when the request had none to read. */
    void tokenRejected(String component, Rejection why, String token, RequestLine request) {
        if (!enabled()) {
            return;
        }
        try {
            log.log(Level.INFO, rejectedLine(component, why, token, request));
        } catch (RuntimeException e) {
            failed("authn_token_rejected", e);
        }
    }

    /**
     * {@link #tokenCreated} with the parts that do not change from token to token made once: {@code prefix} per
     * member and key ({@link #createdPrefix}), {@code requestText} per response ({@link #requestText}). The caller
     * has checked {@link #enabled()}.
     */
    void tokenCreated(String prefix, ObjectNode claims, String requestText) {
        try {
            StringBuilder out = new StringBuilder(prefix.length() + requestText.length() + 160).append(prefix);
            appendClaims(out, claims);
            log.log(Level.INFO, out.append(requestText).toString());
        } catch (RuntimeException e) {
            failed("authn_token_created", e);
        }
    }

    /** The line {@link #tokenCreated} logs. */
    static String createdLine(String component, String member, TokenSigner signer, ObjectNode claims,
            RequestLine request) {
        StringBuilder out = new StringBuilder(320).append(createdPrefix(component, member, signer));
        appendClaims(out, claims);
        return out.append(requestText(request)).toString();
    }

    /** What every created line of one member and key starts with: the event, filter, member, alg and kid. */
    static String createdPrefix(String component, String member, TokenSigner signer) {
        StringBuilder out = new StringBuilder(128).append("event=authn_token_created");
        filter(out, component);
        field(out, " member=", member);
        if (signer != null) {
            field(out, " alg=", signer.alg() == null ? null : signer.alg().jwaName());
            field(out, " kid=", signer.kid());
        }
        return out.toString();
    }

    /** What every line about one request ends with: the method, URI and client; empty for none. */
    static String requestText(RequestLine request) {
        StringBuilder out = new StringBuilder(64);
        request(out, request);
        return out.toString();
    }

    private static void appendClaims(StringBuilder out, ObjectNode claims) {
        JsonNode[] found = new JsonNode[CLAIMS.length];
        if (claims != null) {
            for (Member m : claims.members()) {
                int i = claimIndex(m.name());
                if (i >= 0) {
                    found[i] = m.value();
                }
            }
        }
        for (int i = 0; i < CLAIMS.length; i++) {
            if (found[i] != null) {
                out.append(' ').append(CLAIMS[i]).append('=');
                ClaimText.append(out, found[i], i == AUD, LogText.MAX_CHARS);
            }
        }
    }

    /** The index in {@link #CLAIMS} of the claim {@code name}, or -1 for every claim that is never read. */
    private static int claimIndex(String name) {
        return switch (name) {
            case "sub" -> 0;
            case "jti" -> 1;
            case "iat" -> 2;
            case "exp" -> 3;
            case "aud" -> AUD;
            default -> -1;
        };
    }

    /** The line {@link #tokenRejected} logs; may throw, as on a null {@code why}. */
    static String rejectedLine(String component, Rejection why, String token, RequestLine request) {
        StringBuilder out = new StringBuilder(256).append("event=authn_token_rejected");
        filter(out, component);
        out.append(" reason=").append(why.name().toLowerCase(Locale.ROOT)).append(" status=").append(why.status());
        if (token != null) {
            // The validator read none of a token over max_token_bytes: neither does its line, but its fingerprint.
            UnverifiedToken unverified = why == Rejection.TOO_LARGE ? UnverifiedToken.NOTHING
                    : UnverifiedToken.read(token);
            node(out, " alg=", unverified.alg(), MAX_HEADER_CHARS);
            node(out, " kid=", unverified.kid(), MAX_HEADER_CHARS);
            out.append(" fingerprint=").append(UnverifiedToken.fingerprint(token));
            node(out, " unverified_sub=", unverified.sub(), LogText.MAX_CHARS);
        }
        request(out, request);
        return out.toString();
    }

    private static void request(StringBuilder out, RequestLine request) {
        if (request != null) {
            field(out, " method=", request.method());
            field(out, " uri=", LogText.path(request.uri()));
            field(out, " client=", request.client());
        }
    }

    /** Plumbing built by hand (tests, benchmarks) has an empty name: no filter to name. */
    private static void filter(StringBuilder out, String component) {
        if (component != null && !component.isEmpty()) {
            LogText.append(out.append(" filter="), component);
        }
    }

    private static void field(StringBuilder out, String name, String value) {
        if (value != null) {
            LogText.append(out.append(name), value);
        }
    }

    private static void node(StringBuilder out, String name, JsonNode value, int cap) {
        if (value != null) {
            ClaimText.append(out.append(name), value, false, cap);
        }
    }

    /** The exception's message may hold what the line was about: only its class is named. */
    void failed(String event, RuntimeException e) {
        try {
            log.log(Level.WARNING, "audit line " + event + " not written: " + e.getClass().getName());
        } catch (RuntimeException ignored) {
            // A logger that cannot log: the request must go on regardless.
        }
    }
}
