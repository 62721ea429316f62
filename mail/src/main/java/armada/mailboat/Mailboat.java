package armada.mailboat;

import armada.world.Fd;
import armada.world.FileSystem;
import armada.world.World;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The mail library on Maildir (one {@code tmp/}, {@code new/}, {@code cur/} per user),
 * written against the World API only.
 *
 * <p>Deliver writes the message into {@code tmp/} under a fresh name (create-exclusive, retried
 * with another random name on collision), in chunks, fsyncs it, links it into {@code new/}
 * under a fresh name (link fails if the name exists: retried), fsyncs {@code new/}, and unlinks
 * the temporary file. The message is delivered when the link is durable, and only then does
 * Deliver return true. Pickup takes the user's lock, lists {@code new/} and reads each file;
 * deliveries go on concurrently without locks. Delete (lock held) unlinks and fsyncs
 * {@code new/}. Recovery removes what is left in {@code tmp/} and nothing else.
 *
 * <p>The class is open so that the broken variants the checker must catch can each override
 * one step.
 */
public class Mailboat {

    protected final World world;
    protected final FileSystem fs;
    protected final MailboatConfig config;
    protected final Set<String> users;
    protected final UserLocks locks;

    protected Mailboat(World world, MailboatConfig config, UserLocks locks) {
        this.world = world;
        this.fs = world.fileSystem();
        this.config = config;
        this.users = usersOf(fs);
        this.locks = locks;
    }

    /** The users whose {@code tmp/} and {@code new/} directories the World declares. */
    public static Set<String> usersOf(FileSystem fs) {
        Set<String> found = new TreeSet<>();
        for (String d : fs.directories()) {
            if (d.endsWith("/new")) {
                String u = d.substring(0, d.length() - 4);
                if (UserNames.valid(u) && fs.directories().contains(UserNames.tmp(u))) {
                    found.add(u);
                }
            }
        }
        return Set.copyOf(found);
    }

    /** The library on a World, with in-memory user locks; call {@link #recover()} first after a crash. */
    public static Mailboat open(World world, MailboatConfig config) {
        return new Mailboat(world, config, new MemoryUserLocks(world, usersOf(world.fileSystem())));
    }

    /** The library with the given per-user locks (for example file locks, for the benchmark). */
    public static Mailboat open(World world, MailboatConfig config, UserLocks locks) {
        return new Mailboat(world, config, locks);
    }

    public final Set<String> users() {
        return users;
    }

    public boolean checkUser(String user) {
        return users.contains(user);
    }

    /** Stores {@code message} for {@code user}; true once it is durable, false for an unknown user. */
    public boolean deliver(String user, byte[] message) {
        if (!users.contains(user)) {
            return false;
        }
        String tmpDir = UserNames.tmp(user);
        String tmpName = writeTemp(tmpDir, message);
        linkIntoInbox(user, tmpDir, tmpName);
        fs.unlink(tmpDir, tmpName);
        return true;
    }

    /** Creates a fresh file in {@code dir}, writes {@code message} in chunks, fsyncs and closes it. */
    protected String writeTemp(String dir, byte[] message) {
        for (int attempt = 0; attempt < config.maxAttempts(); attempt++) {
            String name = MailboatConfig.name(world.random(config.nameSpace()), attempt);
            Optional<Fd> fd = fs.create(dir, name);
            if (fd.isPresent()) {
                writeChunks(fd.get(), message);
                messageDurable(fd.get());
                fs.close(fd.get());
                return name;
            }
        }
        throw new IllegalStateException("no free name in " + dir + " after " + config.maxAttempts() + " attempts");
    }

    /** The fsync that makes the message's bytes durable before it is linked into {@code new/}. */
    protected void messageDurable(Fd fd) {
        fs.fsync(fd);
    }

    /** The fsync of {@code new/} that makes the delivery durable before Deliver returns true. */
    protected void linkDurable(String inbox) {
        fs.fsyncDir(inbox);
    }

    protected final void writeChunks(Fd fd, byte[] message) {
        for (int off = 0; off < message.length; off += config.chunkSize()) {
            fs.append(fd, Arrays.copyOfRange(message, off, Math.min(message.length, off + config.chunkSize())));
        }
    }

    /** Links the temporary file into {@code new/} under a fresh name and makes the link durable. */
    protected String linkIntoInbox(String user, String tmpDir, String tmpName) {
        String inbox = UserNames.inbox(user);
        for (int attempt = 0; attempt < config.maxAttempts(); attempt++) {
            String id = MailboatConfig.name(world.random(config.nameSpace()), attempt);
            if (fs.link(tmpDir, tmpName, inbox, id)) {
                linkDurable(inbox);
                return id;
            }
        }
        throw new IllegalStateException("no free name in " + inbox + " after " + config.maxAttempts() + " attempts");
    }

    /** Takes the user's lock and returns every message in {@code new/}, sorted by id. */
    public List<StoredMessage> pickup(String user) {
        checkMailbox(user);
        locks.lock(user);
        try {
            return readInbox(user);
        } catch (RuntimeException e) {
            locks.unlock(user);
            throw e;
        }
    }

    protected final List<StoredMessage> readInbox(String user) {
        String inbox = UserNames.inbox(user);
        List<StoredMessage> out = new ArrayList<>();
        for (String id : fs.list(inbox)) {
            Optional<Fd> fd = fs.open(inbox, id);
            if (fd.isEmpty()) {
                continue;
            }
            byte[] data = fs.read(fd.get(), 0, (int) Math.min(Integer.MAX_VALUE - 8, fs.size(fd.get())));
            fs.close(fd.get());
            out.add(new StoredMessage(id, data));
        }
        return out;
    }

    /** Deletes message {@code id}; the caller holds the user's lock (from {@link #pickup}). */
    public void delete(String user, String id) {
        checkMailbox(user);
        fs.unlink(UserNames.inbox(user), id);
        fs.fsyncDir(UserNames.inbox(user));
    }

    /** Releases the user's lock. */
    public void unlock(String user) {
        checkMailbox(user);
        locks.unlock(user);
    }

    /** After a crash, before anything else: removes the temporary files left in every {@code tmp/}. */
    public void recover() {
        for (String user : users) {
            String tmp = UserNames.tmp(user);
            List<String> left = fs.list(tmp);
            for (String name : left) {
                fs.unlink(tmp, name);
            }
            if (!left.isEmpty()) {
                fs.fsyncDir(tmp);
            }
        }
    }

    protected final void checkMailbox(String user) {
        if (!users.contains(user)) {
            throw new IllegalArgumentException("no mailbox for " + user);
        }
    }
}
