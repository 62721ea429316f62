package armada.mailboat.store;

import armada.world.Fd;
import armada.world.FileSystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * A file system that fills up while {@link #full} is set: an append writes half its bytes and
 * then fails as Linux does when the disk is full (ENOSPC, which the JDK words "No space left on
 * device"), leaving a partial file behind, as a real full disk does.
 */
public final class FullDisk extends ForwardingFileSystem {

    public volatile boolean full;

    public FullDisk(FileSystem inner) {
        super(inner);
    }

    @Override
    public void append(Fd fd, byte[] data) {
        if (!full) {
            super.append(fd, data);
            return;
        }
        super.append(fd, Arrays.copyOf(data, data.length / 2));
        throw new UncheckedIOException(new IOException("No space left on device"));
    }
}
