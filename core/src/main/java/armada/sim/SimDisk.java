package armada.sim;

import armada.world.Durability;

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
        machine.point(me, Action.of(Action.READ, me.slot, footprint(addr)), null);
        if (machine.tracing()) {
            machine.trace(me, "read " + this + "[" + addr + "] -> " + (failed ? "failed" : blocks[addr]));
        }
        return failed ? Optional.empty() : Optional.of(blocks[addr]);
    }

    @Override
    public void write(int addr, Block block) {
        checkAddress(addr);
        SimThread me = machine.me();
        machine.point(me, Action.of(Action.WRITE, me.slot, footprint(addr)), null);
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
        machine.point(me, Action.of(machine.crashPossible() ? Action.BARRIER : Action.LOCAL, me.slot, index), null);
        if (!failed) {
            flush();
        }
        if (machine.tracing()) {
            machine.trace(me, "barrier " + this);
        }
    }

    /** The object a step on block {@code addr} touches; under ORDERED, on the disk's one queue. */
    private long footprint(int addr) {
        long block = Action.block(index, addr);
        return machine.durability() == Durability.ORDERED && machine.crashPossible() ? block | Action.QUEUED : block;
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

    /**
     * What a crash may leave on this disk; index 0 keeps every write. Under ORDERED a prefix of
     * the queue survives, under REORDERED a prefix of each block's own writes. With
     * {@code sector > 0} the first write that did not survive whole may survive torn: its first
     * {@code k} sectors written over what the block held before it.
     */
    CrashStates<List<Block>> crashStates(Durability durability, int budget, int sector) {
        if (unsynced.isEmpty()) {
            return CrashStates.single(List.of(durable));
        }
        int tears = sector > 0 && sector < Block.SIZE ? (Block.SIZE + sector - 1) / sector - 1 : 0;
        if (durability == Durability.ORDERED) {
            int n = unsynced.size();
            return CrashStates.enumerate(new int[] {n + 1 + n * tears}, budget, choice -> {
                Block[] b = durable.clone();
                Torn t = Torn.decode(choice[0], n, tears);
                for (int k = 0; k < t.whole(); k++) {
                    b[unsynced.get(k).addr()] = unsynced.get(k).block();
                }
                if (t.sectors() > 0) {
                    Write w = unsynced.get(t.whole());
                    b[w.addr()] = tear(b[w.addr()], w.block(), t.sectors() * sector);
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
        int[] counts = new int[perBlock.size()];
        for (int g = 0; g < counts.length; g++) {
            int n = perBlock.get(g).size();
            counts[g] = n + 1 + n * tears;
        }
        return CrashStates.enumerate(counts, budget, choice -> {
            Block[] b = durable.clone();
            for (int g = 0; g < choice.length; g++) {
                List<Write> writes = perBlock.get(g);
                Torn t = Torn.decode(choice[g], writes.size(), tears);
                int addr = addrs.get(g);
                if (t.whole() > 0) {
                    b[addr] = writes.get(t.whole() - 1).block();
                }
                if (t.sectors() > 0) {
                    b[addr] = tear(b[addr], writes.get(t.whole()).block(), t.sectors() * sector);
                }
            }
            return List.of(b);
        });
    }

    /** {@code bytes} bytes of {@code written} over {@code before}: a write torn at a sector boundary. */
    static Block tear(Block before, Block written, int bytes) {
        byte[] mixed = before.bytes();
        System.arraycopy(written.bytes(), 0, mixed, 0, bytes);
        return Block.of(mixed);
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
