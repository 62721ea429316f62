package armada.mailboat.store;

import armada.mailboat.UserNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Room for mail: each mailbox's quota (the octets in its {@code new/} and {@code cur/}, counted
 * on disk each time, so files a mail reader adds or removes count at once), and free space on
 * the file system. A quota is soft: two deliveries checked at the same moment may both pass and
 * together go over it by one message.
 */
public final class Quotas {

    private static final Logger LOG = LoggerFactory.getLogger(Quotas.class);
    /** Free space a delivery must leave on the file system, besides the message. */
    static final long FREE_SPACE_RESERVE = 1024 * 1024;

    /** Whether a message of a given size fits a mailbox's quota. */
    public enum Fit {
        FITS,
        /** Not now: the mailbox is too full, its owner can make room (452 4.2.2). */
        FULL,
        /** Never: the message alone is bigger than the quota (552 5.2.2). */
        TOO_BIG
    }

    private final Path data;
    private final long quota;
    private volatile @Nullable FileStore store;

    /** @param quota octets per mailbox, 0 for no limit */
    Quotas(Path data, long quota) {
        this.data = data;
        this.quota = quota;
    }

    /** Octets in {@code user}'s {@code new/} and {@code cur/} now. */
    long usage(String user) {
        long total = 0;
        for (String dir : List.of(UserNames.inbox(user), UserNames.cur(user))) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(data.resolve(dir))) {
                for (Path f : files) {
                    try {
                        total += Files.size(f);
                    } catch (IOException gone) {
                        // Deleted or moved while we counted: it is not there.
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return total;
    }

    Fit check(String user, long incoming) {
        if (quota == 0) {
            return Fit.FITS;
        }
        if (incoming > quota) {
            return Fit.TOO_BIG;
        }
        return usage(user) + incoming > quota ? Fit.FULL : Fit.FITS;
    }

    /**
     * True if the file system has room for {@code octets} and the reserve (true too if it cannot
     * say): one {@code statvfs} per call. The file store is looked up once ({@code getFileStore}
     * reads the whole mount table, which cost more than the rest of a delivery).
     */
    boolean roomOnDisk(long octets) {
        try {
            FileStore s = store;
            if (s == null) {
                s = Files.getFileStore(data);
                store = s;
            }
            if (s.getUsableSpace() < octets + FREE_SPACE_RESERVE) {
                LOG.warn("not enough free space in {} for a message of {} octets", data, octets);
                return false;
            }
        } catch (IOException e) {
            LOG.warn("cannot read the free space of {}: {}", data, e.toString());
        }
        return true;
    }

    /** True if the cause is ENOSPC or EDQUOT, as the JDK words them. */
    static boolean noSpace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (t instanceof IOException && m != null
                    && (m.contains("No space left on device") || m.contains("Disk quota exceeded"))) {
                return true;
            }
        }
        return false;
    }
}
