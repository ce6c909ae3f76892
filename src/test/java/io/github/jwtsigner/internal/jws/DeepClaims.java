package io.github.jwtsigner.internal.jws;

import io.github.jwtsigner.SigningAlgorithm;
import io.github.jwtsigner.SigningException;
import io.github.jwtsigner.internal.json.JsonParser;
import io.github.jwtsigner.internal.json.JsonPointer;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Login bodies whose {@code access_token} claims nest objects and arrays down to a given depth, signed by a
 * real HS256 {@link PayloadSigner} on a thread with a small stack. Also a {@code main}, so a test can run the
 * same check in a fresh JVM started with {@code -Xss256k}: there the code is cold, and the frames of
 * interpreted and first-tier compiled code are larger than those of warmed-up code.
 */
final class DeepClaims {
    /** The stack size of a thread in a container that sets {@code -Xss256k}. */
    static final int SMALL_STACK_BYTES = 256 * 1024;

    /** kid sim2 of KrakenD's sample set (krakend-symmetric-jwk.json). */
    private static final byte[] SIM2 = Base64.getUrlDecoder()
            .decode("AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow");
    private static final String HEADER = "eyJhbGciOiJIUzI1NiIsImtpZCI6InNpbTIiLCJ0eXAiOiJKV1QifQ";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private DeepClaims() {
    }

    /**
     * A login body nested {@code depth} levels deep, counting the body itself as the first level: its
     * {@code access_token} claims are the second, and below them objects and arrays alternate, each with
     * members or elements before and after the nested one, written with spaces and in unsorted order.
     */
    static String body(int depth) {
        return "{ \"access_token\" : " + claims(depth - 1, false) + ", \"exp\" : 1735689600 }";
    }

    /** The canonical JSON of the {@code access_token} claims of {@link #body(int)}. */
    static String canonicalClaims(int depth) {
        return claims(depth - 1, true);
    }

    /** The offset of the innermost object or array of {@link #body(int)}. */
    static int innermostOffset(String body) {
        return Math.max(body.lastIndexOf('{'), body.lastIndexOf('['));
    }

    /** The body with {@code access_token} replaced by the HS256 token over {@link #canonicalClaims(int)}. */
    static String signedBody(int depth) {
        String signingInput = HEADER + "." + BASE64URL.encodeToString(
                canonicalClaims(depth).getBytes(StandardCharsets.UTF_8));
        return "{ \"access_token\" : \"" + signingInput + "." + BASE64URL.encodeToString(hmacSha256(signingInput))
                + "\", \"exp\" : 1735689600 }";
    }

    /** Signs {@code access_token} with kid sim2 and HS256, through the real parse, canonical form and JWS. */
    static PayloadSigner signer() {
        TokenSigner tokenSigner = new JwsTokenSigner(SigningAlgorithm.HS256, "sim2", "JWT", false,
                Signatures.hmac(SigningAlgorithm.HS256, SIM2));
        return new PayloadSigner(List.of(JsonPointer.parse("access_token")), () -> tokenSigner);
    }

    /**
     * Runs {@code task} on a new thread with a {@value #SMALL_STACK_BYTES}-byte stack and gives back its
     * result, or throws what it threw (a {@code StackOverflowError} included) on the calling thread.
     */
    static <T> T onSmallStack(Callable<T> task) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                result.set(task.call());
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "small-stack", SMALL_STACK_BYTES);
        thread.start();
        thread.join();
        Throwable t = failure.get();
        if (t instanceof Exception) {
            throw (Exception) t;
        }
        if (t instanceof Error) {
            throw (Error) t;
        }
        return result.get();
    }

    /**
     * Signs the body nested {@link JsonParser#MAX_DEPTH} deep and refuses the one a level deeper, on the main
     * thread and on a small-stack thread; prints what went wrong and exits with 1 if anything did.
     */
    public static void main(String[] args) throws Exception {
        int depth = JsonParser.MAX_DEPTH;
        String problem = check(depth);
        if (problem == null) {
            problem = onSmallStack(() -> check(depth));
        }
        if (problem != null) {
            System.out.println(problem);
            System.exit(1);
        }
        System.out.println("signed depth " + depth + " and refused depth " + (depth + 1));
    }

    /** What is wrong with signing at {@code depth} and {@code depth + 1} on this thread, or null. */
    private static String check(int depth) {
        PayloadSigner signer = signer();
        String thread = "on thread [" + Thread.currentThread().getName() + "]: ";
        try {
            String signed = signer.sign(body(depth));
            if (!signed.equals(signedBody(depth))) {
                return thread + "depth " + depth + " gave the wrong token";
            }
        } catch (Throwable t) {
            return thread + "depth " + depth + " threw " + t;
        }
        String deeper = body(depth + 1);
        String expected = "response body is not strict JSON: JSON nests objects and arrays deeper than [" + depth
                + "] levels at offset [" + innermostOffset(deeper) + "]; expected at most " + depth + " levels";
        try {
            signer.sign(deeper);
            return thread + "depth " + (depth + 1) + " was signed";
        } catch (SigningException e) {
            return e.reason() == SigningException.Reason.MALFORMED_JSON && e.getMessage().equals(expected) ? null
                    : thread + "depth " + (depth + 1) + " was refused with [" + e.getMessage() + "]";
        } catch (Throwable t) {
            return thread + "depth " + (depth + 1) + " threw " + t;
        }
    }

    /**
     * {@code levels} nested values, an object outermost: as the body writes them, or in canonical form.
     * Built with loops, so the test itself needs little stack.
     */
    private static String claims(int levels, boolean canonical) {
        boolean innermostIsObject = levels % 2 == 1;
        String value = innermostIsObject
                ? (canonical ? "{\"sub\":\"42\"}" : "{ \"sub\" : \"42\" }")
                : (canonical ? "[1]" : "[ 1 ]");
        StringBuilder prefix = new StringBuilder();
        StringBuilder suffix = new StringBuilder();
        for (int level = 1; level < levels; level++) {
            boolean object = level % 2 == 1;
            String open;
            String close;
            if (object && canonical) {
                open = "{\"exp\":1735689600,\"nested\":";
                close = ",\"sub\":\"a\\u003cb\"}";
            } else if (object) {
                open = "{ \"sub\" : \"a<b\", \"nested\" : ";
                close = ", \"exp\" : 1735689600 }";
            } else if (canonical) {
                open = "[1.0,";
                close = ",\"x\"]";
            } else {
                open = "[ 1.0, ";
                close = ", \"x\" ]";
            }
            prefix.append(open);
            suffix.insert(0, close);
        }
        return prefix.append(value).append(suffix).toString();
    }

    private static byte[] hmacSha256(String signingInput) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SIM2, "HmacSHA256"));
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
