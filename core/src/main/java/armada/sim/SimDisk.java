package armada.sim;

import armada.world.Block;
import armada.world.Disk;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A simulated disk: the blocks as reads see them, the durable blocks, the queue of writes not
 * yet made durable by a barrier (empty under IMMEDIATE durability), and a fail-stop flag.
 */
final class SimDisk implements Disk {

    final Machine machine;
    final int index;
    final Block[] blocks;
    final Block[] durable;
    final List<Write> unsynced = new ArrayList<>();
    boolean failed;

    record Write(int addr, Block block) {
    }

    SimDisk(Machine machine, int index, int size) {
        this.machine = machine;
        this.index = index;
        this.blocks = new Block[size];
        this.durable = new Block[size];
        reset();
    }

    void reset() {
        Arrays.fill(blocks, Block.ZERO);
        Arrays.fill(durable, Block.ZERO);
        unsynced.clear();
        failed = false;
    }

    @Override
    public int size() {
        return blocks.length;
    }

    @Override
    public Optional<Block> read(int addr) {
        checkAddress(addr);
        SimThread me = machine.me();
        machine.point(me, Action.of(Action.READ, me.slot, Action.block(index, addr)), null);
        if (machine.tracing()) {
            machine.trace(me, "read " + this + "[" + addr + "] -> " + (failed ? "failed" : blocks[addr]));
        }
        return failed ? Optional.empty() : Optional.of(blocks[addr]);
    }

    @Override
    public void write(int addr, Block block) {
        checkAddress(addr);
        SimThread me = machine.me();
        machine.point(me, Action.of(Action.WRITE, me.slot, Action.block(index, addr)), null);
        if (!failed) {
            store(addr, block, machine.durability());
        }
        if (machine.tracing()) {
            machine.trace(me, "write " + this + "[" + addr + "] <- " + block + (failed ? " (lost: disk failed)" : ""));
        }
    }

    @Override
    public void barrier() {
        SimThread me = machine.me();
        machine.point(me, Action.of(Action.BARRIER, me.slot, index), null);
        if (!failed) {
            flush();
        }
        if (machine.tracing()) {
            machine.trace(me, "barrier " + this);
        }
    }

    void store(int addr, Block block, Durability durability) {
        blocks[addr] = block;
        if (durability == Durability.IMMEDIATE) {
            durable[addr] = block;
        } else {
            unsynced.add(new Write(addr, block));
        }
    }

    void flush() {
        System.arraycopy(blocks, 0, durable, 0, blocks.length);
        unsynced.clear();
    }

    /** What a crash may leave on this disk; index 0 keeps every write. */
    CrashStates<List<Block>> crashStates(Durability durability, int budget) {
        if (unsynced.isEmpty()) {
            return CrashStates.single(List.of(durable));
        }
        if (durability == Durability.ORDERED) {
            return CrashStates.enumerate(new int[] {unsynced.size()}, budget, keep -> {
                Block[] b = durable.clone();
                for (int k = 0; k < keep[0]; k++) {
                    b[unsynced.get(k).addr()] = unsynced.get(k).block();
                }
                return List.of(b);
            });
        }
        List<List<Write>> perBlock = new ArrayList<>();
        List<Integer> addrs = new ArrayList<>();
        for (Write w : unsynced) {
            int g = addrs.indexOf(w.addr());
            if (g < 0) {
                addrs.add(w.addr());
                perBlock.add(new ArrayList<>());
                g = addrs.size() - 1;
            }
            perBlock.get(g).add(w);
        }
        int[] sizes = new int[perBlock.size()];
        for (int g = 0; g < sizes.length; g++) {
            sizes[g] = perBlock.get(g).size();
        }
        return CrashStates.enumerate(sizes, budget, keep -> {
            Block[] b = durable.clone();
            for (int g = 0; g < keep.length; g++) {
                if (keep[g] > 0) {
                    b[addrs.get(g)] = perBlock.get(g).get(keep[g] - 1).block();
                }
            }
            return List.of(b);
        });
    }

    /** After a crash: the chosen blocks become both what is read and what is durable. */
    void restore(List<Block> state) {
        for (int a = 0; a < blocks.length; a++) {
            blocks[a] = state.get(a);
            durable[a] = state.get(a);
        }
        unsynced.clear();
    }

    void checkAddress(int addr) {
        if (addr < 0 || addr >= blocks.length) {
            throw new IndexOutOfBoundsException("disk " + index + " has " + blocks.length
                    + " blocks; address " + addr + " is out of range");
        }
    }

    @Override
    public String toString() {
        return "disk" + index;
    }
}
