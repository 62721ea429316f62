package armada.examples.wal;

import armada.spec.Op;
import armada.spec.Unit;
import armada.world.Block;
import armada.world.Disk;
import armada.world.Lock;
import armada.world.World;

/**
 * An atomic pair on one disk through a write-ahead log. Block 0 is the commit flag, blocks 1–2
 * the log, blocks 3–4 the pair itself. A write, under the lock, puts the new pair in the log,
 * makes it durable, sets the commit flag (the commit point) and makes that durable, installs
 * the pair in place, makes it durable and clears the flag. A read takes the lock and reads the
 * installed pair. Recovery finishes a committed write: if the flag is set it copies the log in
 * place and clears the flag, each step behind a barrier, so a crash during recovery just makes
 * the next recovery do it again. The paper's "recovery helping": a write whose commit flag
 * reached the disk takes effect during recovery, though its thread died.
 *
 * <p>The disk must not fail (the scenarios allow no disk failure). The class is open for the
 * broken variants, which each override {@link #write}.
 */
public class WriteAheadLog {

    static final int COMMIT = 0;
    static final int LOG_X = 1;
    static final int LOG_Y = 2;
    static final int MAIN_X = 3;
    static final int MAIN_Y = 4;
    /** The number of disk blocks the log uses. */
    public static final int BLOCKS = 5;

    protected final Disk disk;
    protected final Lock lock;

    protected WriteAheadLog(World world) {
        this.disk = world.disk(0);
        this.lock = world.newLock();
    }

    /** A log on a fresh (all-zero) disk: no commit, the pair (0, 0). */
    public static WriteAheadLog boot(World world) {
        return new WriteAheadLog(world);
    }

    /** Finishes a committed write, then a fresh lock. */
    public static WriteAheadLog recover(World world) {
        WriteAheadLog wal = new WriteAheadLog(world);
        wal.recoverLog();
        return wal;
    }

    protected final void recoverLog() {
        if (value(COMMIT) == 1) {
            disk.write(MAIN_X, disk.read(LOG_X).orElseThrow());
            disk.write(MAIN_Y, disk.read(LOG_Y).orElseThrow());
            disk.barrier();
            disk.write(COMMIT, Block.filled(0));
            disk.barrier();
        }
    }

    public Pair read() {
        lock.lock();
        Pair p = new Pair(value(MAIN_X), value(MAIN_Y));
        lock.unlock();
        return p;
    }

    /** The barrier that makes the log durable before the commit flag is written. */
    protected void logDurable() {
        disk.barrier();
    }

    public void write(int x, int y) {
        lock.lock();
        disk.write(LOG_X, Block.filled(x));
        disk.write(LOG_Y, Block.filled(y));
        logDurable();
        disk.write(COMMIT, Block.filled(1));
        disk.barrier();
        disk.write(MAIN_X, Block.filled(x));
        disk.write(MAIN_Y, Block.filled(y));
        disk.barrier();
        disk.write(COMMIT, Block.filled(0));
        disk.barrier();
        lock.unlock();
    }

    /** The value stored in block {@code addr}. */
    protected final int value(int addr) {
        return disk.read(addr).orElseThrow().byteAt(0) & 0xff;
    }

    /** Runs one spec operation on this log. */
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
