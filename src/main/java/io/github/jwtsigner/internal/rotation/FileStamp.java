package io.github.jwtsigner.internal.rotation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;

/**
 * What tells a file changed without reading it: modification time, size and file key (the inode, where there
 * is one, so that a file replaced by a rename counts as changed even with the same time and size). Symbolic
 * links are followed, as Kubernetes mounts its secrets.
 *
 * <p>Immutable and thread-safe.
 */
final class FileStamp {
    /** The stamp of a file that is not there. */
    static final FileStamp MISSING = new FileStamp(null, -1, null);

    private final FileTime modified;
    private final long size;
    private final Object fileKey;

    private FileStamp(FileTime modified, long size, Object fileKey) {
        this.modified = modified;
        this.size = size;
        this.fileKey = fileKey;
    }

    /** @throws IOException when the file exists but its attributes cannot be read */
    static FileStamp of(Path file) throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileStamp(a.lastModifiedTime(), a.size(), a.fileKey());
        } catch (NoSuchFileException e) {
            return MISSING;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileStamp other && size == other.size && Objects.equals(modified, other.modified)
                && Objects.equals(fileKey, other.fileKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(modified, size, fileKey);
    }

    @Override
    public String toString() {
        return this == MISSING ? "FileStamp[missing]" : "FileStamp[modified=" + modified + ", size=" + size + "]";
    }
}
