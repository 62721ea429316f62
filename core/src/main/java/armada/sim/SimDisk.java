package armada.sim;

import armada.world.Block;
import armada.world.Disk;
import java.util.Arrays;
import java.util.Optional;

/** A simulated disk: durable blocks (writes are durable at once) and a fail-stop flag. */
final class SimDisk implements Disk {

    final Machine machine;
    final int index;
    final Block[] blocks;
    boolean failed;

    SimDisk(Machine machine, int index, int size) {
        this.machine = machine;
        this.index = index;
        this.blocks = new Block[size];
        Arrays.fill(blocks, Block.ZERO);
    }

    void reset() {
        Arrays.fill(blocks, Block.ZERO);
        failed = false;
    }

    @Override
    public int size() {
        return blocks.length;
    }

    @Override
    public Optional<Block> read(int addr) {
        return machine.read(this, addr);
    }

    @Override
    public void write(int addr, Block block) {
        machine.write(this, addr, block);
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
