package io.github.jwtsigner.internal.validation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers tokens whose signature verified, keyed by the SHA-256 digest of the whole token (the token itself is
 * never kept), with their parsed claims. An entry is used only with the same key set it was verified with, and
 * never after {@code min(token exp, verified + ttl)}; every claim check still runs on each use. Bounded: when
 * full, expired entries go first, then arbitrary ones.
 *
 * <p>Thread-safe.
 */
final class VerifiedCache {
    /** A verified token as it passed the checks, the keys it verified with, until when it may be used. */
    record Entry(VerifiedToken token, Object keys, long untilNanos) {
    }

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    });

    private final Map<Digest, Entry> entries = new ConcurrentHashMap<>();
    private final int maxSize;

    VerifiedCache(int maxSize) {
        this.maxSize = maxSize;
    }

    /** The digest of a token, the key of its entry. */
    static Digest digest(String token) {
        return new Digest(SHA256.get().digest(token.getBytes(StandardCharsets.ISO_8859_1)));
    }

    /** The entry for a token verified with {@code keys}, when it is still good at {@code nowNanos}. */
    Entry get(Digest digest, Object keys, long nowNanos) {
        Entry e = entries.get(digest);
        if (e == null) {
            return null;
        }
        if (e.keys() != keys || nowNanos - e.untilNanos() >= 0) {
            entries.remove(digest, e);
            return null;
        }
        return e;
    }

    void put(Digest digest, Entry entry, long nowNanos) {
        if (entries.size() >= maxSize) {
            evict(nowNanos);
        }
        entries.put(digest, entry);
    }

    int size() {
        return entries.size();
    }

    private void evict(long nowNanos) {
        entries.values().removeIf(e -> nowNanos - e.untilNanos() >= 0);
        int excess = entries.size() - maxSize + Math.max(1, maxSize / 10);
        for (Iterator<Digest> it = entries.keySet().iterator(); it.hasNext() && excess > 0; excess--) {
            it.next();
            it.remove();
        }
    }

    /** 32 bytes of SHA-256, compared by value. */
    static final class Digest {
        private final byte[] bytes;
        private final int hash;

        Digest(byte[] bytes) {
            this.bytes = bytes;
            this.hash = Arrays.hashCode(bytes);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Digest d && Arrays.equals(d.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
