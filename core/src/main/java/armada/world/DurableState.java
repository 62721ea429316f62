package armada.world;

import armada.world.Block;

/**
 * A read-only view of a durable state of a simulated World, for crash invariants: one of the
 * states a crash at this point could leave (with every durability model, each of them is checked).
 */
public interface DurableState {

    int diskCount();

    boolean failed(int disk);

    /** Block {@code addr} of disk {@code disk} in this state. */
    Block block(int disk, int addr);

    /** The contents of a file in this state, if it exists there. */
    java.util.Optional<byte[]> file(String dir, String name);
}
