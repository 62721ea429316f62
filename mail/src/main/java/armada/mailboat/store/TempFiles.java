package armada.mailboat.store;

import armada.world.Fd;
import armada.world.FileSystem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers, for each thread, the files it created in a {@code tmp/} directory and has not
 * unlinked yet, so that a delivery that failed half way (a full disk, an I/O error) can remove
 * its partial file at once ({@link #discardUnfinished}) instead of leaving it to the next start's
 * recovery. The library's delivery creates one such file and unlinks it when it is linked into
 * {@code new/}; each SMTP session delivers on its own thread.
 */
final class TempFiles extends ForwardingFileSystem {

    private static final Logger LOG = LoggerFactory.getLogger(TempFiles.class);

    /** A file this thread created in a tmp/ directory, and its descriptor. */
    private record Created(String dir, String name, Fd fd) {
    }

    private final ThreadLocal<List<Created>> created = ThreadLocal.withInitial(ArrayList::new);

    TempFiles(FileSystem inner) {
        super(inner);
    }

    @Override
    public Optional<Fd> create(String dir, String name) {
        Optional<Fd> fd = super.create(dir, name);
        if (fd.isPresent() && dir.endsWith("/tmp")) {
            created.get().add(new Created(dir, name, fd.get()));
        }
        return fd;
    }

    @Override
    public void unlink(String dir, String name) {
        super.unlink(dir, name);
        created.get().removeIf(c -> c.dir().equals(dir) && c.name().equals(name));
    }

    /** Forgets this thread's files: the delivery succeeded (they are all unlinked) or is over. */
    void forget() {
        created.remove();
    }

    /** Closes and unlinks the files this thread left in tmp/; each failure is logged, none thrown. */
    void discardUnfinished() {
        List<Created> left = created.get();
        for (Created c : List.copyOf(left)) {
            try {
                super.close(c.fd());
            } catch (RuntimeException e) {
                LOG.debug("closing {}/{} failed: {}", c.dir(), c.name(), e.toString());
            }
            try {
                super.unlink(c.dir(), c.name());
                super.fsyncDir(c.dir());
                LOG.info("removed the partial file {}/{} of a failed delivery", c.dir(), c.name());
            } catch (RuntimeException e) {
                LOG.warn("cannot remove the partial file {}/{}: {}", c.dir(), c.name(), e.toString());
            }
        }
        created.remove();
    }
}
