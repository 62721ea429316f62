package armada.mailboat.layers;

import armada.mailboat.MailboatConfig;
import armada.mailboat.MemoryUserLocks;
import armada.mailboat.UserLocks;
import armada.mailboat.UserNames;
import armada.spec.Op;
import armada.spec.Unit;
import armada.world.Fd;
import armada.world.FileSystem;
import armada.world.MissingFileException;
import armada.world.World;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Deliver layer implemented on the file system, as Mailboat does it: each user's Maildir is
 * the declared directories {@code u/tmp} and {@code u/new}; the temporary file of process
 * {@code p} is {@code u/tmp/p<p>} (CMAIL's names by pid: no two processes share one); a message
 * in the mailbox is the file {@code u/new/<id>}.
 *
 * <p>CreateWriteTmp creates the file exclusively, appends the message in chunks, fsyncs and
 * closes it. LinkTmp draws a name ({@code World.random}, retried on collision as Mailboat does),
 * links the file under it and fsyncs {@code new/}: the link is durable before it returns.
 * UnlinkTmp unlinks the file. The lock is an in-memory World lock per user. Delete unlinks and
 * fsyncs {@code new/}. ListMail and ReadMail fsync {@code new/} before they return anything, so
 * that what they show is durable ({@link #shown}). {@link #recover} removes whatever a crash left in {@code tmp/}.
 *
 * <p>The class is open so that a broken variant can override one step ({@link #messageDurable}, {@link #shown}).
 */
public class DeliverOnFs {

    /** The most of a message ReadMail reads. */
    private static final int WHOLE = Integer.MAX_VALUE - 8;

    private final World world;
    private final FileSystem fs;
    private final MailboatConfig config;
    private final List<String> users;
    private final UserLocks locks;

    protected DeliverOnFs(World world, MailboatConfig config, List<String> users) {
        this.world = world;
        this.fs = world.fileSystem();
        this.config = config;
        this.users = List.copyOf(users);
        this.locks = new MemoryUserLocks(world, Set.copyOf(users));
    }

    /** The layer on the Maildirs of {@code users}, which the World declares. */
    public static DeliverOnFs open(World world, MailboatConfig config, List<String> users) {
        return new DeliverOnFs(world, config, users);
    }

    /** The temporary file name of process {@code pid}. */
    public static String tmpName(int pid) {
        return "p" + pid;
    }

    /** Runs one operation of the layer; the driver of the bottom link's scenarios. */
    public static Object apply(DeliverOnFs d, Op<?> op) {
        return d.call((DeliverOp<?>) op);
    }

    /** Runs one operation of the layer. */
    public Object call(DeliverOp<?> op) {
        String u = op.user();
        String tmp = UserNames.tmp(u);
        String inbox = UserNames.inbox(u);
        return switch (op) {
            case DeliverOp.CreateWriteTmp(String x, int pid, String message) -> {
                Fd fd = fs.create(tmp, tmpName(pid)).orElseThrow(
                        () -> new IllegalStateException("the temporary file of p" + pid + " exists"));
                byte[] data = message.getBytes(StandardCharsets.ISO_8859_1);
                for (int off = 0; off < data.length; off += config.chunkSize()) {
                    fs.append(fd, Arrays.copyOfRange(data, off, Math.min(data.length, off + config.chunkSize())));
                }
                messageDurable(fd);
                fs.close(fd);
                yield Unit.UNIT;
            }
            case DeliverOp.LinkTmp(String x, int pid) -> link(tmp, tmpName(pid), inbox);
            case DeliverOp.UnlinkTmp(String x, int pid) -> {
                unlinkIfThere(tmp, tmpName(pid));
                yield Unit.UNIT;
            }
            case DeliverOp.Lock(String x, int pid) -> {
                locks.lock(u);
                yield Unit.UNIT;
            }
            case DeliverOp.Unlock(String x, int pid) -> {
                locks.unlock(u);
                yield Unit.UNIT;
            }
            case DeliverOp.ListMail(String x, int pid) -> {
                List<String> names = new ArrayList<>(fs.list(inbox));
                Collections.sort(names);
                shown(inbox, !names.isEmpty());
                yield List.copyOf(names);
            }
            case DeliverOp.ReadMail(String x, String id) -> read(inbox, id);
            case DeliverOp.DeleteMail(String x, int pid, String id) -> {
                if (unlinkIfThere(inbox, id)) {
                    fs.fsyncDir(inbox);
                }
                yield Unit.UNIT;
            }
        };
    }

    /** The fsync that makes the message's bytes durable before it can be linked. */
    protected void messageDurable(Fd fd) {
        fs.fsync(fd);
    }

    private String link(String tmp, String name, String inbox) {
        for (int attempt = 0; attempt < config.maxAttempts(); attempt++) {
            String id = MailboatConfig.name(world.random(config.nameSpace()), attempt);
            if (fs.link(tmp, name, inbox, id)) {
                fs.fsyncDir(inbox);
                return id;
            }
        }
        throw new IllegalStateException("no free name in " + inbox + " after " + config.maxAttempts() + " attempts");
    }

    private Optional<String> read(String dir, String id) {
        Optional<Fd> fd = fs.open(dir, id);
        if (fd.isEmpty()) {
            return Optional.empty();
        }
        String contents;
        try {
            contents = new String(fs.read(fd.get(), 0, WHOLE), StandardCharsets.ISO_8859_1);
        } finally {
            fs.close(fd.get());
        }
        shown(dir, true);
        return Optional.of(contents);
    }

    /**
     * Makes what a listing or a read is about to show durable: a link is visible in
     * {@code new/} before the linker's fsync of {@code new/}, and a message shown and then lost
     * by a crash is a message delivered and then lost (Mailboat's Pickup has this bug).
     */
    protected void shown(String dir, boolean anything) {
        if (anything) {
            fs.fsyncDir(dir);
        }
    }

    private boolean unlinkIfThere(String dir, String name) {
        try {
            fs.unlink(dir, name);
            return true;
        } catch (MissingFileException e) {
            return false;
        }
    }

    /** After a crash, before anything else: removes the temporary files left in every {@code tmp/}. */
    public void recover() {
        for (String u : users) {
            String tmp = UserNames.tmp(u);
            List<String> left = fs.list(tmp);
            for (String name : left) {
                fs.unlink(tmp, name);
            }
            if (!left.isEmpty()) {
                fs.fsyncDir(tmp);
            }
        }
    }
}
