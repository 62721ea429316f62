package armada.world;

import java.util.Optional;

/**
 * A disk of {@link #size()} blocks of {@link Block#SIZE} bytes. A disk may fail-stop: from then
 * on its reads report failure (an empty result, as {@code disk_read} returning {@code !ok} in
 * the paper) and its writes are lost.
 */
public interface Disk {

    /** The number of blocks. */
    int size();

    /** The block at {@code addr}, or empty if this disk has failed. */
    Optional<Block> read(int addr);

    /** Writes {@code block} at {@code addr}; durable when this call returns. Lost if the disk failed. */
    void write(int addr, Block block);
}
