package armada.mailboat.users;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import org.jspecify.annotations.Nullable;

/**
 * What a file looked like when it was read: its identity (the inode, where the file system has
 * one: an atomic replace always changes it), modification time and size. Two equal stamps mean
 * the file was not replaced in between.
 */
record FileStamp(@Nullable Object key, FileTime modified, long size) {

    /** The stamp of {@code file} now, or null if it does not exist or cannot be read. */
    static @Nullable FileStamp of(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileStamp(a.fileKey(), a.lastModifiedTime(), a.size());
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
    }
}
