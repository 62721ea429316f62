package armada.examples.groupcommit;

import armada.spec.Op;
import armada.spec.Unit;
import armada.world.Block;
import armada.world.Cell;
import armada.world.Disk;
import armada.world.Lock;
import armada.world.World;
import java.util.ArrayList;
import java.util.List;

/**
 * A group-commit log on one disk. Block 0 is the header, the number of committed
 * transactions; blocks 1 onwards are the log, one transaction per block. Add puts a
 * transaction in an in-memory buffer, under the lock. Commit, under the lock, writes the whole
 * buffer to the log after the committed entries, makes it durable, then writes the new count
 * to the header (the commit point: one block, atomic) and makes that durable before it
 * empties the buffer and returns. Read, under the lock, returns the committed entries and the
 * buffer. Recovery has nothing to repair: entries past the count are leftovers of a commit
 * that did not reach its header, invisible and overwritten by the next commit; the buffer is
 * gone, as the spec allows.
 *
 * <p>The disk must not fail (the scenarios allow no disk failure). The class is open for the
 * broken variants, which each override {@link #commit}.
 */
public class GroupCommit {

    static final int HEADER = 0;

    protected final Disk disk;
    protected final Lock lock;
    protected final Cell<List<Integer>> buffer;

    protected GroupCommit(World world) {
        this.disk = world.disk(0);
        this.lock = world.newLock();
        this.buffer = world.newCell(List.of());
    }

    /** A log on a fresh (all-zero) disk: no committed transaction. */
    public static GroupCommit boot(World world) {
        return new GroupCommit(world);
    }

    /** Nothing to repair on disk: a fresh lock and an empty buffer. */
    public static GroupCommit recover(World world) {
        return new GroupCommit(world);
    }

    /** How many transactions a log of {@code blocks} disk blocks holds. */
    public static int capacity(int blocks) {
        return blocks - 1;
    }

    public void add(int value) {
        lock.lock();
        List<Integer> more = new ArrayList<>(buffer.get());
        more.add(value);
        buffer.set(List.copyOf(more));
        lock.unlock();
    }

    public void commit() {
        lock.lock();
        List<Integer> pending = buffer.get();
        if (!pending.isEmpty()) {
            int n = value(HEADER);
            for (int i = 0; i < pending.size(); i++) {
                disk.write(1 + n + i, Block.filled(pending.get(i)));
            }
            logDurable();
            disk.write(HEADER, Block.filled(n + pending.size()));
            headerDurable();
            buffer.set(List.of());
        }
        lock.unlock();
    }

    /** The barrier that makes the log entries durable before the header counts them. */
    protected void logDurable() {
        disk.barrier();
    }

    /** The barrier that makes the header (the commit point) durable before Commit returns. */
    protected void headerDurable() {
        disk.barrier();
    }

    public List<Integer> read() {
        lock.lock();
        List<Integer> all = new ArrayList<>();
        int n = value(HEADER);
        for (int i = 0; i < n; i++) {
            all.add(value(1 + i));
        }
        all.addAll(buffer.get());
        lock.unlock();
        return List.copyOf(all);
    }

    /** The value stored in block {@code addr}. */
    protected final int value(int addr) {
        return disk.read(addr).orElseThrow().byteAt(0) & 0xff;
    }

    /** Runs one spec operation on this log. */
    public final Object apply(Op<?> op) {
        return switch ((TxnOp<?>) op) {
            case TxnOp.Add(int v) -> {
                add(v);
                yield Unit.UNIT;
            }
            case TxnOp.Commit() -> {
                commit();
                yield Unit.UNIT;
            }
            case TxnOp.Read() -> read();
        };
    }
}
