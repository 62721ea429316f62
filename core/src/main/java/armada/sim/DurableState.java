package armada.sim;

import armada.world.Block;

/** A read-only view of the durable state of a simulated World, for crash invariants. */
public interface DurableState {

    int diskCount();

    boolean failed(int disk);

    /** Block {@code addr} of disk {@code disk} as durably stored (what a crash now would keep for sure). */
    Block block(int disk, int addr);

    /** The current contents of a file, if it exists. */
    java.util.Optional<byte[]> file(String dir, String name);
}
