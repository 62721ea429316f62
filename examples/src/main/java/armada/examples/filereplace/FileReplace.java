package armada.examples.filereplace;

import armada.spec.Op;
import armada.spec.Unit;
import armada.world.Fd;
import armada.world.FileSystem;
import armada.world.Lock;
import armada.world.MissingFileException;
import armada.world.World;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A file replaced atomically, in the directory {@value #DIR}. Replace, under the lock, writes
 * the new contents to {@value #TEMP} (removing a leftover one first), fsyncs and closes it,
 * renames it over {@value #FILE}, which swaps the whole file at once, and fsyncs the
 * directory, so that the new name is durable before Replace returns. The file fsync comes
 * before the rename: the name must never become durable pointing at data that is not. Read,
 * under the lock too, opens {@value #FILE} and reads all of it. The lock matters even though
 * the rename swaps whole files: between the rename and the directory fsync the new contents
 * are visible but not yet durable, and a reader that saw them could see them vanish in a
 * crash (see {@link UnlockedRead}). Recovery removes a leftover {@value #TEMP}.
 *
 * <p>The class is open for the broken variants, which each override {@link #replace} or
 * {@link #read}.
 */
public class FileReplace {

    /** The directory the scenarios declare. */
    public static final String DIR = "data";
    static final String FILE = "f";
    static final String TEMP = "f.tmp";

    protected final FileSystem fs;
    protected final Lock lock;

    protected FileReplace(World world) {
        this.fs = world.fileSystem();
        this.lock = world.newLock();
    }

    /** Creates {@value #FILE} holding {@code initial} on a fresh file system. */
    protected static void format(World world, String initial) {
        FileSystem fs = world.fileSystem();
        Fd fd = fs.create(DIR, FILE).orElseThrow(() -> new IllegalStateException(DIR + "/" + FILE + " exists"));
        fs.append(fd, initial.getBytes(StandardCharsets.UTF_8));
        fs.fsync(fd);
        fs.close(fd);
        fs.fsyncDir(DIR);
    }

    /** A fresh file system with the file holding {@code initial}. */
    public static FileReplace boot(World world, String initial) {
        format(world, initial);
        return new FileReplace(world);
    }

    /** Removes a leftover temporary file, then a fresh lock. */
    public static FileReplace recover(World world) {
        FileReplace f = new FileReplace(world);
        f.removeTemp();
        return f;
    }

    protected final void removeTemp() {
        if (fs.list(DIR).contains(TEMP)) {
            fs.unlink(DIR, TEMP);
            fs.fsyncDir(DIR);
        }
    }

    public void replace(String content) {
        lock.lock();
        Fd fd = createTemp();
        fs.append(fd, content.getBytes(StandardCharsets.UTF_8));
        dataDurable(fd);
        fs.close(fd);
        fs.rename(DIR, TEMP, DIR, FILE);
        renameDurable();
        lock.unlock();
    }

    /** The fsync that makes the new contents durable before the rename names them. */
    protected void dataDurable(Fd fd) {
        fs.fsync(fd);
    }

    /** The directory fsync that makes the rename durable before Replace returns. */
    protected void renameDurable() {
        fs.fsyncDir(DIR);
    }

    /** Creates {@value #TEMP} for appending, unlinking a leftover one first. */
    protected final Fd createTemp() {
        Optional<Fd> fd = fs.create(DIR, TEMP);
        if (fd.isEmpty()) {
            fs.unlink(DIR, TEMP);
            fd = fs.create(DIR, TEMP);
        }
        return fd.orElseThrow(() -> new IllegalStateException(DIR + "/" + TEMP + " exists after unlink"));
    }

    public String read() {
        lock.lock();
        String s = readFile();
        lock.unlock();
        return s;
    }

    /** The whole of {@value #FILE}. */
    protected final String readFile() {
        Fd fd = fs.open(DIR, FILE).orElseThrow(() -> new MissingFileException(DIR, FILE));
        long size = fs.size(fd);
        byte[] data = fs.read(fd, 0, (int) size);
        fs.close(fd);
        return new String(data, StandardCharsets.UTF_8);
    }

    /** Runs one spec operation on this file. */
    public final Object apply(Op<?> op) {
        return switch ((FileOp<?>) op) {
            case FileOp.Read() -> read();
            case FileOp.Replace(String content) -> {
                replace(content);
                yield Unit.UNIT;
            }
        };
    }
}
