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

    /**
     * Writes {@code block} at {@code addr}. Lost if the disk failed. Whether it survives a crash
     * before the next {@link #barrier()} depends on the durability model (under the paper's
     * model, IMMEDIATE, it is durable when this call returns).
     */
    void write(int addr, Block block);

    /** Makes every write before it durable (a cache flush: {@code fsync} of a block device). */
    void barrier();
}
