package armada.examples.filereplace;

import armada.world.World;

/**
 * Broken: Replace returns after the rename without fsyncing the directory. The new data is
 * durable, but the rename that makes it the file is not, so a crash after Replace returned
 * can bring back the old contents: a completed Replace is lost. Shortest execution, under
 * REORDERED ({@code t0.t0.t0.t0.t0.t0.t0.t0.c.s1}): t0's Replace of "old" by "new" returns,
 * crash, the directory keeps the creation of the temporary file but not the rename (durable
 * state 1), recovery removes the temporary file, a read returns "old".
 */
public final class NoDirFsync extends FileReplace {

    private NoDirFsync(World world) {
        super(world);
    }

    public static FileReplace boot(World world, String initial) {
        format(world, initial);
        return new NoDirFsync(world);
    }

    public static FileReplace recover(World world) {
        NoDirFsync f = new NoDirFsync(world);
        f.removeTemp();
        return f;
    }

    @Override
    protected void renameDurable() {
        // Missing: Replace returns while the rename may still be lost.
    }
}
