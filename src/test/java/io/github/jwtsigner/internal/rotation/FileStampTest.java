package io.github.jwtsigner.internal.rotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStampTest {
    @TempDir
    Path dir;

    @Test
    void staysTheSameForAFileLeftAlone() throws Exception {
        Path file = Files.writeString(dir.resolve("k.json"), "{}");
        assertEquals(FileStamp.of(file), FileStamp.of(file));
        assertEquals(FileStamp.of(file).hashCode(), FileStamp.of(file).hashCode());
    }

    @Test
    void changesWithTheSize() throws Exception {
        Path file = Files.writeString(dir.resolve("k.json"), "{}");
        FileTime time = Files.getLastModifiedTime(file);
        FileStamp before = FileStamp.of(file);
        Files.writeString(file, "{ }");
        Files.setLastModifiedTime(file, time);
        assertNotEquals(before, FileStamp.of(file));
    }

    @Test
    void changesWithTheModificationTime() throws Exception {
        Path file = Files.writeString(dir.resolve("k.json"), "{}");
        FileStamp before = FileStamp.of(file);
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() - 60_000));
        assertNotEquals(before, FileStamp.of(file));
    }

    @Test
    void changesWhenAnotherFileIsRenamedOverItWithTheSameTimeAndSize() throws Exception {
        Path file = Files.writeString(dir.resolve("k.json"), "{\"a\":1}");
        FileStamp before = FileStamp.of(file);
        Path other = Files.writeString(dir.resolve("new.json"), "{\"b\":2}");
        Files.setLastModifiedTime(other, Files.getLastModifiedTime(file));
        Files.move(other, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        // Where the file system has no file key (inode), nothing but the content could tell.
        if (Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey() != null) {
            assertNotEquals(before, FileStamp.of(file));
        }
    }

    @Test
    void isMissingForAFileThatIsNotThere() throws Exception {
        assertSame(FileStamp.MISSING, FileStamp.of(dir.resolve("nope.json")));
        assertEquals("FileStamp[missing]", FileStamp.MISSING.toString());
    }
}
