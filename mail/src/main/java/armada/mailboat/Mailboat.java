package armada.mailboat;

import armada.world.Fd;
import armada.world.FileSystem;
import armada.world.MissingFileException;
import armada.world.World;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The mail library on Maildir (one {@code tmp/}, {@code new/}, {@code cur/} per user),
 * written against the World API only.
 *
 * <p>Deliver writes the message into {@code tmp/} under a fresh name (create-exclusive, retried
 * with another random name on collision), in chunks, fsyncs it, links it into {@code new/}
 * under a fresh name (link fails if the name exists: retried), fsyncs {@code new/}, and unlinks
 * the temporary file. The message is delivered when the link is durable, and only then does
 * Deliver return true. Pickup takes the user's lock, lists {@code new/} and reads each file,
 * then does the same in {@code cur/}; deliveries go on concurrently without locks. Delete (lock
 * held) unlinks and fsyncs the message's directory. Recovery removes what is left in
 * {@code tmp/} and nothing else.
 *
 * <p>{@code cur/} is where a mail reader moves a message it has seen, by renaming it and adding
 * flags after a colon ({@code new/ID} becomes {@code cur/ID:2,S}, the Maildir convention). Such a
 * message has the id {@code cur/ID:2,S}; a message in {@code new/} has its file name as id. If a
 * reader moves or re-flags a message between Pickup and Delete or {@link #read}, the message is
 * found again by its unique name (the part before the colon, {@link #uniqueName}). A message
 * seen in both directories (a reader moving it while Pickup lists) is returned once.
 *
 * <p>The class is open so that the broken variants the checker must catch can each override
 * one step.
 */
public class Mailboat {

    /** The prefix of the id of a message in {@code cur/}. */
    private static final String CUR = "cur/";
    /** The most of a message Pickup reads (the largest Java array). */
    private static final int MAX_MESSAGE_READ = Integer.MAX_VALUE - 8;

    protected final World world;
    protected final FileSystem fs;
    protected final MailboatConfig config;
    protected final Set<String> users;
    protected final UserLocks locks;
    /** The file system's directories, fixed at its setup (a set: asked once per Pickup). */
    private final Set<String> directories;

    protected Mailboat(World world, MailboatConfig config, UserLocks locks) {
        this.world = world;
        this.fs = world.fileSystem();
        this.config = config;
        this.users = usersOf(fs);
        this.locks = locks;
        this.directories = Set.copyOf(fs.directories());
    }

    /** The users whose {@code tmp/} and {@code new/} directories the World declares. */
    public static Set<String> usersOf(FileSystem fs) {
        Set<String> found = new TreeSet<>();
        Set<String> all = Set.copyOf(fs.directories());
        for (String d : all) {
            if (d.endsWith("/new")) {
                String u = d.substring(0, d.length() - 4);
                if (UserNames.valid(u) && all.contains(UserNames.tmp(u))) {
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

    /** Takes the user's lock and returns every message in {@code new/} (sorted by id), then those in {@code cur/}. */
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
        List<StoredMessage> out = new ArrayList<>();
        Set<String> unique = new TreeSet<>();
        readDirectory(UserNames.inbox(user), "", unique, out);
        String cur = UserNames.cur(user);
        if (directories.contains(cur)) {
            readDirectory(cur, CUR, unique, out);
        }
        return out;
    }

    private void readDirectory(String dir, String prefix, Set<String> unique, List<StoredMessage> out) {
        for (String name : fs.list(dir)) {
            if (!unique.add(uniqueName(name))) {
                continue;
            }
            Optional<Fd> fd = fs.open(dir, name);
            if (fd.isEmpty()) {
                continue;
            }
            // One read of the whole file: a message in new/ or cur/ never changes once linked, and
            // read returns what the file holds (one system call for a small message, none for its size).
            byte[] data = fs.read(fd.get(), 0, MAX_MESSAGE_READ);
            fs.close(fd.get());
            out.add(new StoredMessage(prefix + name, data));
        }
    }

    /**
     * Pickup without reading the messages, for a server that reads each one only when it is
     * asked for ({@link #read}): takes the user's lock and returns the ids Pickup would.
     */
    public List<String> pickupIds(String user) {
        checkMailbox(user);
        locks.lock(user);
        try {
            List<String> ids = new ArrayList<>();
            Set<String> unique = new TreeSet<>();
            for (String name : fs.list(UserNames.inbox(user))) {
                if (unique.add(uniqueName(name))) {
                    ids.add(name);
                }
            }
            String cur = UserNames.cur(user);
            if (directories.contains(cur)) {
                for (String name : fs.list(cur)) {
                    if (unique.add(uniqueName(name))) {
                        ids.add(CUR + name);
                    }
                }
            }
            return ids;
        } catch (RuntimeException e) {
            locks.unlock(user);
            throw e;
        }
    }

    /**
     * Up to {@code length} bytes of message {@code id} from {@code offset}: fewer at its end,
     * none if it is gone. The caller holds the user's lock (from a pickup), so no one else
     * deletes it; a mail reader may have moved it to {@code cur/} meanwhile.
     */
    public byte[] read(String user, String id, long offset, int length) {
        checkMailbox(user);
        Optional<Fd> fd = fs.open(directoryOf(user, id), fileName(id));
        if (fd.isEmpty()) {
            String moved = findInCur(user, uniqueName(id));
            fd = moved == null ? Optional.empty() : fs.open(UserNames.cur(user), moved);
            if (fd.isEmpty()) {
                return new byte[0];
            }
        }
        try {
            return fs.read(fd.get(), offset, length);
        } finally {
            fs.close(fd.get());
        }
    }

    /** Deletes message {@code id}; the caller holds the user's lock (from {@link #pickup}). */
    public void delete(String user, String id) {
        checkMailbox(user);
        String dir = directoryOf(user, id);
        try {
            fs.unlink(dir, fileName(id));
            fs.fsyncDir(dir);
        } catch (MissingFileException e) {
            // A mail reader moved it to cur/ or changed its flags since Pickup: find it again.
            String moved = findInCur(user, uniqueName(id));
            if (moved != null) {
                fs.unlink(UserNames.cur(user), moved);
                fs.fsyncDir(UserNames.cur(user));
            }
        }
    }

    private static String directoryOf(String user, String id) {
        return id.startsWith(CUR) ? UserNames.cur(user) : UserNames.inbox(user);
    }

    private static String fileName(String id) {
        return id.startsWith(CUR) ? id.substring(CUR.length()) : id;
    }

    /** The file in {@code cur/} whose unique name is {@code unique}, or null if there is none. */
    private @Nullable String findInCur(String user, String unique) {
        String cur = UserNames.cur(user);
        if (!directories.contains(cur)) {
            return null;
        }
        for (String name : fs.list(cur)) {
            if (uniqueName(name).equals(unique)) {
                return name;
            }
        }
        return null;
    }

    /**
     * The unique part of a message id or Maildir file name: without {@code cur/} and without the
     * flags after the colon ({@code cur/abc.0:2,S} gives {@code abc.0}). It stays the same when a
     * mail reader moves the message to {@code cur/} or flags it.
     */
    public static String uniqueName(String idOrName) {
        String name = fileName(idOrName);
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(0, colon);
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
