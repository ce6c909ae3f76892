package io.github.jwtsigner.internal.jwks;

import io.github.jwtsigner.internal.keys.PublicJwks;
import io.github.jwtsigner.internal.rotation.KeyRing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The JWK Set of one key ring: the public halves of its current keys, then those of the values it replaced
 * less than {@code retention} ago (a key that left the source stays published that long), each key once.
 * The body is made again only when what goes into it changed.
 *
 * <p>Thread-safe.
 *
 * @param <T> what the ring holds
 */
public final class JwksPublisher<T> {
    private final KeyRing<T> ring;
    private final Function<T, PublicJwks> toPublic;
    private final long retentionNanos;
    private final LongSupplier nanoTime;
    private volatile Memo memo;

    /** One body and the ring values it was made of, compared by identity. */
    private record Memo(List<Object> inputs, Document document) {
    }

    /** The body {@code {"keys":[...]}}, UTF-8, its strong ETag (quoted), and the keys in it. */
    public record Document(byte[] body, String etag, PublicJwks keys) {
    }

    /**
     * @param toPublic what to publish of a value of the ring
     * @param retention how long a replaced value's keys stay published
     */
    public JwksPublisher(KeyRing<T> ring, Function<T, PublicJwks> toPublic, Duration retention) {
        this(ring, toPublic, retention, System::nanoTime);
    }

    JwksPublisher(KeyRing<T> ring, Function<T, PublicJwks> toPublic, Duration retention, LongSupplier nanoTime) {
        this.ring = Objects.requireNonNull(ring, "ring");
        this.toPublic = Objects.requireNonNull(toPublic, "toPublic");
        this.retentionNanos = saturatedNanos(retention);
        this.nanoTime = nanoTime;
    }

    /** The ring this publishes. */
    public KeyRing<T> ring() {
        return ring;
    }

    /** The JWK Set to serve now. */
    public Document document() {
        long now = nanoTime.getAsLong();
        List<Object> inputs = new ArrayList<>();
        inputs.add(ring.get());
        for (KeyRing.Replaced<T> r : ring.replaced()) {
            if (now - r.atNanos() < retentionNanos) {
                inputs.add(r.value());
            }
        }
        Memo last = memo;
        if (last != null && sameIdentities(last.inputs(), inputs)) {
            return last.document();
        }
        List<PublicJwks> parts = new ArrayList<>();
        for (Object value : inputs) {
            @SuppressWarnings("unchecked")
            T t = (T) value;
            parts.add(toPublic.apply(t));
        }
        PublicJwks keys = PublicJwks.union(parts);
        byte[] body = keys.json();
        Document document = new Document(body, etag(body), keys);
        memo = new Memo(List.copyOf(inputs), document);
        return document;
    }

    /** A strong entity tag: the quoted base64url SHA-256 of the body. */
    static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(digest) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static boolean sameIdentities(List<Object> a, List<Object> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    @Override
    public String toString() {
        return "JwksPublisher{" + ring + "}";
    }
}
