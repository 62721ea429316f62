package armada.examples.filereplace;

import armada.world.World;

/**
 * Broken when directory entries are not durable at once: Read takes no lock, on the reasoning
 * that a rename swaps whole files so a reader sees either the old file or the new one. It
 * does, but between Replace's rename and its directory fsync the new name is visible and not
 * yet durable: a reader can return the new contents, and a crash can then undo the rename, so
 * after recovery the old contents are back though the new ones were observed. Under the
 * paper's IMMEDIATE model the rename is durable when it returns and the variant is correct
 * ({@code file-replace/unlocked-read-immediate} HOLDS). Shortest execution, under ORDERED
 * ({@code t0.t0.t0.t0.t0.t0.t1.t1.t1.t1.t1.c.s1}): t0's Replace of "old" by "new" renames the
 * fsynced temporary file, t1 reads "new", crash before the directory fsync, the directory
 * keeps the creation but not the rename (durable state 1), a read returns "old".
 */
public final class UnlockedRead extends FileReplace {

    private UnlockedRead(World world) {
        super(world);
    }

    public static FileReplace boot(World world, String initial) {
        format(world, initial);
        return new UnlockedRead(world);
    }

    public static FileReplace recover(World world) {
        UnlockedRead f = new UnlockedRead(world);
        f.removeTemp();
        return f;
    }

    @Override
    public String read() {
        return readFile();
    }
}
