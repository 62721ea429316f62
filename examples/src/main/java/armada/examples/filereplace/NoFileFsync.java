package armada.examples.filereplace;

import armada.world.Fd;
import armada.world.World;

/**
 * Broken: Replace never fsyncs the temporary file, only the directory after the rename. The
 * directory fsync makes the new name durable while the data it names may still be in the
 * cache, so a crash can leave the file empty, though Replace returned. Under the paper's
 * IMMEDIATE model every append is durable at once and the bug cannot be seen (the scenario
 * {@code file-replace/no-file-fsync-immediate} HOLDS); under ORDERED it shows. Shortest
 * execution, under ORDERED ({@code t0.t0.t0.t0.t0.t0.c.s1}): t0's Replace creates and appends
 * to the temporary file, renames it and fsyncs the directory, crash, the disk keeps the
 * directory (fsynced) but not the append (durable state 1), a read returns the empty string,
 * which neither the old nor the new contents are.
 */
public final class NoFileFsync extends FileReplace {

    private NoFileFsync(World world) {
        super(world);
    }

    public static FileReplace boot(World world, String initial) {
        format(world, initial);
        return new NoFileFsync(world);
    }

    public static FileReplace recover(World world) {
        NoFileFsync f = new NoFileFsync(world);
        f.removeTemp();
        return f;
    }

    @Override
    protected void dataDurable(Fd fd) {
        // Missing: the rename may become durable while the contents it names are not.
    }
}
