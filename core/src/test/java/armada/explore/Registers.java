package armada.explore;

import armada.explore.RegisterSpec.Read;
import armada.explore.RegisterSpec.RegOp;
import armada.explore.RegisterSpec.Write;
import armada.spec.Op;
import armada.spec.Unit;
import armada.world.Block;
import armada.world.Disk;
import armada.world.Lock;
import armada.world.World;
import java.util.function.Function;

/**
 * Register implementations for explorer tests, correct and broken, on block 0 of disk 0. The
 * value v is stored as the block filled with byte v.
 */
final class Registers {

    private Registers() {
    }

    /** A register as the tests drive it. */
    interface Register {
        void write(int v);

        int read();
    }

    static Object apply(Register r, Op<?> op) {
        return switch ((RegOp<?>) op) {
            case Write(int v) -> {
                r.write(v);
                yield Unit.UNIT;
            }
            case Read() -> r.read();
        };
    }

    static int value(Block b) {
        return b.byteAt(0);
    }

    /** Correct: one lock, one durable block. */
    static class Locked implements Register {
        final Disk disk;
        final Lock lock;

        Locked(World w) {
            disk = w.disk(0);
            lock = w.newLock();
        }

        @Override
        public void write(int v) {
            lock.lock();
            disk.write(0, Block.filled(v));
            lock.unlock();
        }

        @Override
        public int read() {
            lock.lock();
            int v = value(disk.read(0).orElseThrow());
            lock.unlock();
            return v;
        }
    }

    /**
     * A scenario builder over the register spec with one disk of one block. The registers keep
     * everything on disk, so recovery is boot again (said explicitly, as a scenario must).
     */
    static <I extends Register> Scenario.Builder<Integer, I> scenario(String name, Function<World, ? extends I> boot) {
        return Scenario.<Integer, I>builder("test/" + name, new RegisterSpec())
                .disks(1, 1)
                .boot(w -> boot.apply(w))
                .recover(w -> boot.apply(w))
                .driver(Registers::apply);
    }
}
