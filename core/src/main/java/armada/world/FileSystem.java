package armada.world;

import java.util.List;
import java.util.Optional;

/**
 * A file system of directories declared at setup (Goose's model, with durability added) and
 * directories created below them at run time. A directory is named by a relative path of one or
 * more names joined by {@code /}, such as {@code alice/new}. Names are single path components:
 * not empty, no {@code /}, no NUL, not {@code .} or {@code ..}, at most 255 bytes in UTF-8. A bad
 * name, or a directory path that is neither declared nor below a declared directory, is an
 * {@link IllegalArgumentException}; a directory below a declared one that does not exist now
 * (never created, removed, or lost in a crash) is a {@link MissingFileException}: the same in
 * the real and the simulated World.
 *
 * <p>A directory's entries are its files and, where one was declared or created inside it, its
 * subdirectories ({@link #list} names both). File calls that name a subdirectory ({@link #open},
 * {@link #openWrite}, {@link #unlink}, the source of {@link #link} or {@link #rename}, or the
 * target of a rename) are an {@link IllegalArgumentException}; {@link #create}, {@link #link}
 * and {@link #mkdir} onto a name that is taken, file or directory, report it as taken.
 *
 * <p>Durability: file data (appends, writes, truncations) is durable once the file is
 * {@link #fsync fsynced}; directory entries (create, link, unlink, rename, mkdir, rmdir) once
 * their directory is {@link #fsyncDir fsynced}, as on Linux. A directory created at run time is
 * itself an entry of its parent: until the parent is fsynced a crash may lose it, and with it
 * everything inside. What may survive a crash before that depends on the simulated durability
 * model: under ORDERED a prefix of all changes in the order they ran; under REORDERED each
 * file's data and each directory's entries keep a prefix of their own changes; with torn writes
 * the first data change not kept may survive cut at a sector boundary of the file. File
 * descriptors are volatile: a crash closes them, and using one afterwards is an error.
 *
 * <p>Each call is one atomic step. In particular {@link #list} returns the directory as it is
 * at that step: a create or unlink racing with it is either wholly in or wholly out; and two
 * appends to one file, through any descriptors, never interleave.
 */
public interface FileSystem {

    /** The declared directories, in setup order (not those created at run time). */
    List<String> directories();

    /**
     * Creates {@code name} in {@code dir} and opens it for writing (and reading), or returns
     * empty if the name exists (create-exclusive: {@code O_CREAT|O_EXCL}).
     */
    Optional<Fd> create(String dir, String name);

    /** Opens an existing file for reading only, or returns empty if there is none. */
    Optional<Fd> open(String dir, String name);

    /**
     * Opens an existing file for writing (and reading), or returns empty if there is none:
     * {@code O_RDWR} without {@code O_CREAT}. With {@link #append}, {@link #write} and
     * {@link #truncate} this is how code reopens its log after a restart.
     */
    Optional<Fd> openWrite(String dir, String name);

    /** Appends {@code data} at the end of a file opened for writing, in one step. */
    void append(Fd fd, byte[] data);

    /**
     * Writes {@code data} at {@code offset} of a file opened for writing ({@code pwrite}), in one
     * step; past the end, the file grows and any gap reads as zeros.
     */
    void write(Fd fd, long offset, byte[] data);

    /** Cuts or extends (with zeros) a file opened for writing to {@code length} bytes, in one step. */
    void truncate(Fd fd, long length);

    /** Up to {@code length} bytes from {@code offset} of an open file; fewer at its end. */
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

    /** The names in {@code dir}, files and subdirectories, sorted. */
    List<String> list(String dir);

    /**
     * Creates the directory {@code dir} (a path whose parent directory exists), or returns false
     * if its name is taken in the parent. Durable once the parent is {@link #fsyncDir fsynced}.
     */
    boolean mkdir(String dir);

    /**
     * Removes the empty directory {@code dir}, created at run time (a declared directory cannot
     * be removed). Throws {@link MissingFileException} if it does not exist and
     * {@link IllegalStateException} if it is not empty. Durable once the parent is fsynced.
     */
    void rmdir(String dir);

    /** Makes the file's data durable. */
    void fsync(Fd fd);

    /** Makes the directory's entries durable. */
    void fsyncDir(String dir);
}
