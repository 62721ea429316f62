package armada.sim;

import armada.world.Block;

/** A read-only view of the durable state of a simulated World, for crash invariants. */
public interface DurableState {

    int diskCount();

    boolean failed(int disk);

    Block block(int disk, int addr);
}
