package armada.examples.shadow;

import armada.examples.wal.Pair;
import armada.examples.wal.PairOp;
import armada.spec.Op;
import armada.spec.Unit;
import armada.world.Block;
import armada.world.Disk;
import armada.world.Lock;
import armada.world.World;

/**
 * An atomic pair on one disk through a shadow copy, checked against the same
 * {@link armada.examples.wal.PairSpec} as the write-ahead log. Block 0 is the pointer (0: copy
 * A is current, 1: copy B), blocks 1–2 are copy A, blocks 3–4 copy B. A write, under the lock,
 * fills the copy the pointer does not name, makes it durable, then flips the pointer (the
 * commit point: one block write, atomic) and makes that durable. A read takes the lock and
 * reads the current copy. Recovery has nothing to do on disk: a copy filled but never pointed
 * to is invisible, and the next write simply overwrites it.
 *
 * <p>The disk must not fail (the scenarios allow no disk failure). The class is open for the
 * broken variants, which each override {@link #write}.
 */
public class ShadowCopy {

    static final int POINTER = 0;
    static final int COPY_A = 1;
    static final int COPY_B = 3;
    /** The number of disk blocks the shadow copy uses. */
    public static final int BLOCKS = 5;

    protected final Disk disk;
    protected final Lock lock;

    protected ShadowCopy(World world) {
        this.disk = world.disk(0);
        this.lock = world.newLock();
    }

    /** A shadow copy on a fresh (all-zero) disk: the pointer names copy A, which holds (0, 0). */
    public static ShadowCopy boot(World world) {
        return new ShadowCopy(world);
    }

    /** Nothing to repair on disk: a fresh lock. */
    public static ShadowCopy recover(World world) {
        return new ShadowCopy(world);
    }

    public Pair read() {
        lock.lock();
        int copy = current();
        Pair p = new Pair(value(copy), value(copy + 1));
        lock.unlock();
        return p;
    }

    /** The barrier that makes the shadow copy durable before the pointer flips to it. */
    protected void copyDurable() {
        disk.barrier();
    }

    public void write(int x, int y) {
        lock.lock();
        int copy = shadow();
        disk.write(copy, Block.filled(x));
        disk.write(copy + 1, Block.filled(y));
        copyDurable();
        disk.write(POINTER, pointerTo(copy));
        disk.barrier();
        lock.unlock();
    }

    /** The first block of the copy the pointer names. */
    protected final int current() {
        return value(POINTER) == 0 ? COPY_A : COPY_B;
    }

    /** The first block of the copy the pointer does not name. */
    protected final int shadow() {
        return current() == COPY_A ? COPY_B : COPY_A;
    }

    /** The pointer block that names {@code copy}. */
    protected static Block pointerTo(int copy) {
        return Block.filled(copy == COPY_A ? 0 : 1);
    }

    /** The value stored in block {@code addr}. */
    protected final int value(int addr) {
        return disk.read(addr).orElseThrow().byteAt(0) & 0xff;
    }

    /** Runs one spec operation on this shadow copy. */
    public final Object apply(Op<?> op) {
        return switch ((PairOp<?>) op) {
            case PairOp.Read() -> read();
            case PairOp.Write(int x, int y) -> {
                write(x, y);
                yield Unit.UNIT;
            }
        };
    }
}
