package armada.world;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Optional;

/**
 * A disk backed by one file of {@link #size()} blocks, read and written with positional
 * {@link FileChannel} I/O, which is safe from many threads at once. A write is forced to the
 * device before it returns, as the model assumes. The first {@link IOException} fail-stops the
 * disk, like the simulated one: from then on reads are empty and writes are dropped.
 *
 * <p>A {@link FileChannel} is closed when a thread is interrupted during I/O on it, so an
 * interrupt during a read or write also fails the disk until the World is reopened.
 */
final class FileDisk implements Disk {

    private final int index;
    private final FileChannel channel;
    private final int size;
    private volatile boolean failed;
    private volatile boolean closed;

    FileDisk(int index, FileChannel channel, int size) {
        this.index = index;
        this.channel = channel;
        this.size = size;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Optional<Block> read(int addr) {
        checkAddress(addr);
        checkOpen();
        if (failed) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.allocate(Block.SIZE);
        long position = (long) addr * Block.SIZE;
        try {
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, position + buffer.position()) < 0) {
                    throw new EOFException(this + " ends inside block " + addr);
                }
            }
        } catch (IOException e) {
            fail();
            return Optional.empty();
        }
        return Optional.of(Block.of(buffer.array()));
    }

    @Override
    public void write(int addr, Block block) {
        checkAddress(addr);
        checkOpen();
        if (failed) {
            return;
        }
        ByteBuffer buffer = ByteBuffer.wrap(block.bytes());
        long position = (long) addr * Block.SIZE;
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer, position + buffer.position());
            }
            channel.force(false);
        } catch (IOException e) {
            fail();
        }
    }

    /** Every write is already forced, so a barrier has nothing left to do but check the disk is open. */
    @Override
    public void barrier() {
        checkOpen();
    }

    /** Whether an I/O error has fail-stopped this disk. */
    boolean failed() {
        return failed;
    }

    /** Closes the file; using the disk afterwards throws {@link IllegalStateException}. */
    void close() throws IOException {
        closed = true;
        channel.close();
    }

    private void fail() {
        // An I/O error because the World was closed under us is misuse, not a disk failure.
        checkOpen();
        failed = true;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException(this + " is closed");
        }
    }

    private void checkAddress(int addr) {
        if (addr < 0 || addr >= size) {
            throw new IndexOutOfBoundsException("disk " + index + " has " + size
                    + " blocks; address " + addr + " is out of range");
        }
    }

    @Override
    public String toString() {
        return "disk" + index;
    }
}
