package io.github.jwtsigner.internal.rotation;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * SHA-256 of a key document, to tell a real change from a file touched or a key set served again unchanged.
 * Only the digest is kept, never the content.
 *
 * <p>Immutable and thread-safe.
 */
final class ContentDigest {
    private final byte[] digest;

    private ContentDigest(byte[] digest) {
        this.digest = digest;
    }

    static ContentDigest of(byte[] content) {
        try {
            return new ContentDigest(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            // Every Java runtime must provide SHA-256.
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContentDigest other && MessageDigest.isEqual(digest, other.digest);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(digest);
    }

    @Override
    public String toString() {
        return "ContentDigest";
    }
}
