package armada.examples.repdisk;

import armada.spec.Op;
import armada.spec.Unit;
import armada.world.Block;

/** The replicated disk's operations (Figure 2): read and write of one address. */
public sealed interface DiskOp<R> extends Op<R> {

    /** {@code rd_read(a)}. */
    record Read(int addr) implements DiskOp<Block> {
    }

    /** {@code rd_write(a, v)}. */
    record Write(int addr, Block value) implements DiskOp<Unit> {
    }
}
