package armada.world;

import java.util.List;
import java.util.Optional;

/**
 * A file system with a fixed set of directories, chosen at setup (Goose's model, with
 * durability added). A directory is named by a relative path of one or more names joined by
 * {@code /}, such as {@code alice/new}; each directory is its own, independent set of entries. Names are single path components: not empty, no {@code /}, no NUL, not
 * {@code .} or {@code ..}, at most 255 bytes in UTF-8; a bad name or an undeclared directory
 * is an {@link IllegalArgumentException}, the same in the real and the simulated World.
 *
 * <p>Durability: file data is durable once the file is {@link #fsync fsynced}; directory
 * entries (create, link, unlink, rename) once their directory is {@link #fsyncDir fsynced}, as
 * on Linux. What may survive a crash before that depends on the simulated durability model.
 * File descriptors are volatile: a crash closes them, and using one afterwards is an error.
 *
 * <p>Each call is one atomic step. In particular {@link #list} returns the directory as it is
 * at that step: a create or unlink racing with it is either wholly in or wholly out.
 */
public interface FileSystem {

    /** The declared directories, in setup order. */
    List<String> directories();

    /**
     * Creates {@code name} in {@code dir} and opens it for appending, or returns empty if the
     * name exists (create-exclusive: {@code O_CREAT|O_EXCL}).
     */
    Optional<Fd> create(String dir, String name);

    /** Opens an existing file for reading, or returns empty if there is none. */
    Optional<Fd> open(String dir, String name);

    /** Appends {@code data} to a file opened by {@link #create}. */
    void append(Fd fd, byte[] data);

    /** Up to {@code length} bytes from {@code offset} of a file opened by {@link #open}; fewer at its end. */
    byte[] read(Fd fd, long offset, int length);

    /** The file's size in bytes. */
    long size(Fd fd);

    /** Closes the descriptor; using it afterwards is an error. Closing twice is allowed. */
    void close(Fd fd);

    /**
     * Adds the name {@code toDir/toName} for the file {@code fromDir/fromName}; false if the
     * target name exists. Throws {@link MissingFileException} if the source does not exist.
     */
    boolean link(String fromDir, String fromName, String toDir, String toName);

    /**
     * Renames {@code fromDir/fromName} to {@code toDir/toName}, atomically replacing any file of
     * that name. Throws {@link MissingFileException} if the source does not exist.
     */
    void rename(String fromDir, String fromName, String toDir, String toName);

    /** Removes a name. Throws {@link MissingFileException} if it does not exist. */
    void unlink(String dir, String name);

    /** The names in {@code dir}, sorted. */
    List<String> list(String dir);

    /** Makes the file's data durable. */
    void fsync(Fd fd);

    /** Makes the directory's entries durable. */
    void fsyncDir(String dir);
}
