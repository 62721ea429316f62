package armada.mailboat;

import armada.world.AtomicCell;
import armada.world.Fd;
import armada.world.FileSystem;
import armada.world.Lock;
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
 * <p>Where the Maildirs live: either the World declares each user's {@code u/tmp}, {@code u/new}
 * (and {@code u/cur}) directories, and the users are fixed ({@link #open}), or the World declares
 * one root directory and each user's Maildir is {@code root/u}, found at open by listing the root
 * and made at run time by {@link #createUser} ({@link #openUnder}). A user exists once
 * {@code root/u} holds {@code tmp}, {@code new} and {@code cur}; createUser makes the three,
 * fsyncs {@code root/u}, then fsyncs the root, and only then lets deliveries and pickups use
 * the new user, so a message acknowledged to a new user never outlives its Maildir in a crash. A
 * Maildir left half made by a crash is not a user, and the next createUser completes it.
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
    /** The users whose Maildirs existed when the library opened (a set: no step to ask it). */
    protected final Set<String> users;
    protected final UserLocks locks;
    /** The declared directory the Maildirs are created in, or null if the World declares each one. */
    private final @Nullable String root;
    /** Users created since the library opened; read only for a name not in {@link #users}. */
    private final @Nullable AtomicCell<Set<String>> created;
    /** Serialises writers of {@link #created}. */
    private final @Nullable Lock creating;
    /** Users known at open whose {@code cur/} does not exist (a World declaring only tmp/ and new/). */
    private final Set<String> withoutCur;

    /** The library over the Maildirs the World declares (see {@link #usersOf}). */
    protected Mailboat(World world, MailboatConfig config, UserLocks locks) {
        this(world, config, locks, null, usersOf(world.fileSystem()));
    }

    /** The library over the Maildirs in {@code root}, with in-memory locks that grow with the users. */
    protected Mailboat(World world, MailboatConfig config, String root) {
        this(world, config, root, usersUnder(world.fileSystem(), root));
    }

    /** The library over the Maildirs in {@code root}, with the given per-user locks (a server's). */
    protected Mailboat(World world, MailboatConfig config, UserLocks locks, String root) {
        this(world, config, locks, root, usersUnder(world.fileSystem(), root));
    }

    private Mailboat(World world, MailboatConfig config, String root, Set<String> found) {
        this(world, config, MemoryUserLocks.growable(world, found), root, found);
    }

    private Mailboat(World world, MailboatConfig config, UserLocks locks, @Nullable String root, Set<String> found) {
        this.world = world;
        this.fs = world.fileSystem();
        this.config = config;
        this.users = Set.copyOf(found);
        this.locks = locks;
        this.root = root;
        this.created = root == null ? null : world.newAtomicCell(Set.of());
        this.creating = root == null ? null : world.newLock();
        Set<String> noCur = new TreeSet<>();
        if (root == null) {
            Set<String> declared = Set.copyOf(fs.directories());
            for (String u : found) {
                if (!declared.contains(UserNames.cur(u))) {
                    noCur.add(u);
                }
            }
        }
        this.withoutCur = Set.copyOf(noCur);
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

    /**
     * The users with a whole Maildir in {@code root} now: each entry that is a valid user name
     * and a directory holding {@code tmp}, {@code new} and {@code cur}. Files (the server's
     * {@code users}) and Maildirs half made by a crash are not users.
     */
    public static Set<String> usersUnder(FileSystem fs, String root) {
        Set<String> found = new TreeSet<>();
        for (String name : fs.list(root)) {
            if (!UserNames.valid(name)) {
                continue;
            }
            try {
                List<String> inside = fs.list(root + "/" + name);
                if (inside.contains("tmp") && inside.contains("new") && inside.contains("cur")) {
                    found.add(name);
                }
            } catch (MissingFileException e) {
                // A file, not a directory: not a Maildir.
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

    /**
     * The library over the Maildirs in the declared directory {@code root} ({@code root/u/tmp},
     * {@code new}, {@code cur}), which {@link #createUser} adds to at run time; in-memory locks.
     */
    public static Mailboat openUnder(World world, MailboatConfig config, String root) {
        return new Mailboat(world, config, root);
    }

    /** As {@link #openUnder(World, MailboatConfig, String)} with the given per-user locks. */
    public static Mailboat openUnder(World world, MailboatConfig config, String root, UserLocks locks) {
        return new Mailboat(world, config, locks, root);
    }

    /** Every user with a mailbox now: those found at open and those created since. */
    public final Set<String> users() {
        if (created == null) {
            return users;
        }
        Set<String> all = new TreeSet<>(users);
        all.addAll(created.get());
        return Set.copyOf(all);
    }

    public boolean checkUser(String user) {
        return exists(user);
    }

    /** Whether {@code user} has a mailbox: one step only for a name not known at open, when users can be created. */
    protected final boolean exists(String user) {
        return users.contains(user) || (created != null && created.get().contains(user));
    }

    /** The directory of {@code user}'s Maildir: {@code root/user}, or {@code user} when the World declares it. */
    public final String home(String user) {
        return root == null ? user : root + "/" + user;
    }

    /**
     * Makes {@code user}'s Maildir in the root if it has none, durably: true once it exists
     * (already, or now), false for a name that cannot be a user. Creates {@code root/user} and
     * its {@code tmp}, {@code new} and {@code cur} (each one that is missing: a crash may have
     * left some), fsyncs {@code root/user} so the three stay, then the root so the Maildir
     * stays, and only then lets other operations see the user. Safe to race with itself, with
     * deliveries (false until the user is there) and with a crash (the user exists afterwards
     * or not, and a later call completes what is left).
     *
     * @throws IllegalStateException if the library was opened over declared Maildirs ({@link #open})
     */
    public boolean createUser(String user) {
        if (root == null) {
            throw new IllegalStateException("the World declares each Maildir here: open the library with a root to create users");
        }
        if (!UserNames.valid(user)) {
            return false;
        }
        if (exists(user)) {
            return true;
        }
        String home = home(user);
        fs.mkdir(home);
        fs.mkdir(UserNames.tmp(home));
        fs.mkdir(UserNames.inbox(home));
        fs.mkdir(UserNames.cur(home));
        fs.fsyncDir(home);
        maildirDurable(root);
        locks.add(user);
        Lock l = java.util.Objects.requireNonNull(creating);
        AtomicCell<Set<String>> c = java.util.Objects.requireNonNull(created);
        l.lock();
        try {
            Set<String> now = c.get();
            if (!now.contains(user)) {
                Set<String> more = new TreeSet<>(now);
                more.add(user);
                c.set(Set.copyOf(more));
            }
        } finally {
            l.unlock();
        }
        return true;
    }

    /** The fsync of the root that makes a new Maildir's entry durable before the user is used. */
    protected void maildirDurable(String rootDirectory) {
        fs.fsyncDir(rootDirectory);
    }

    /** Stores {@code message} for {@code user}; true once it is durable, false for an unknown user. */
    public boolean deliver(String user, byte[] message) {
        if (!exists(user)) {
            return false;
        }
        String tmpDir = UserNames.tmp(home(user));
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
        String inbox = UserNames.inbox(home(user));
        for (int attempt = 0; attempt < config.maxAttempts(); attempt++) {
            String id = MailboatConfig.name(world.random(config.nameSpace()), attempt);
            if (fs.link(tmpDir, tmpName, inbox, id)) {
                linkDurable(inbox);
                return id;
            }
        }
        throw new IllegalStateException("no free name in " + inbox + " after " + config.maxAttempts() + " attempts");
    }

    /**
     * Takes the user's lock and returns every message in {@code new/} (sorted by id), then those in
     * {@code cur/}; a user with no mailbox has none (and no lock is taken).
     */
    public List<StoredMessage> pickup(String user) {
        if (!exists(user)) {
            return List.of();
        }
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
        readDirectory(user, UserNames.inbox(home(user)), "", unique, out);
        if (hasCur(user)) {
            readDirectory(user, UserNames.cur(home(user)), CUR, unique, out);
        }
        return out;
    }

    /**
     * Reads each message listed in {@code dir} whose unique name was not read yet. A message a
     * mail reader moved or re-flagged since the listing is read under its new name, and a
     * message it deleted is skipped; a name counts as read only once its file was opened.
     */
    private void readDirectory(String user, String dir, String prefix, Set<String> unique, List<StoredMessage> out) {
        for (String name : fs.list(dir)) {
            String u = uniqueName(name);
            if (unique.contains(u)) {
                continue;
            }
            Opened m = openMessage(user, prefix + name);
            if (m == null) {
                continue;
            }
            unique.add(u);
            // One read of the whole file: a message in new/ or cur/ never changes once linked, and
            // read returns what the file holds (one system call for a small message, none for its size).
            byte[] data = fs.read(m.fd(), 0, MAX_MESSAGE_READ);
            fs.close(m.fd());
            out.add(new StoredMessage(m.id(), data));
        }
    }

    /** A message opened, and its id now (in {@code cur/} if a mail reader moved it there). */
    private record Opened(String id, Fd fd) {
    }

    /**
     * Opens message {@code id} of {@code user}, following it by its unique name into {@code cur/}
     * when a mail reader moved or re-flagged it (a rename is atomic, so the message is always
     * under one of its names); null if it is gone. A reader renaming it again between each
     * listing and each open makes this give up after {@code maxAttempts} tries.
     */
    private @Nullable Opened openMessage(String user, String id) {
        String dir = directoryOf(user, id);
        String name = fileName(id);
        String prefix = id.startsWith(CUR) ? CUR : "";
        for (int attempt = 0; attempt < config.maxAttempts(); attempt++) {
            Optional<Fd> fd = fs.open(dir, name);
            if (fd.isPresent()) {
                return new Opened(prefix + name, fd.get());
            }
            String moved = findInCur(user, uniqueName(id));
            if (moved == null) {
                return null;
            }
            dir = UserNames.cur(home(user));
            name = moved;
            prefix = CUR;
        }
        throw new IllegalStateException("message " + id + " of " + user + " was renamed " + config.maxAttempts()
                + " times while being opened");
    }

    /**
     * Pickup without reading the messages, for a server that reads each one only when it is
     * asked for ({@link #read}): takes the user's lock and returns the ids Pickup would.
     */
    public List<String> pickupIds(String user) {
        if (!exists(user)) {
            return List.of();
        }
        locks.lock(user);
        try {
            List<String> ids = new ArrayList<>();
            Set<String> unique = new TreeSet<>();
            for (String name : fs.list(UserNames.inbox(home(user)))) {
                if (unique.add(uniqueName(name))) {
                    ids.add(name);
                }
            }
            if (hasCur(user)) {
                for (String name : fs.list(UserNames.cur(home(user)))) {
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
     * deletes it; a mail reader may have moved it to {@code cur/} or re-flagged it meanwhile.
     */
    public byte[] read(String user, String id, long offset, int length) {
        checkMailbox(user);
        Opened m = openMessage(user, id);
        if (m == null) {
            return new byte[0];
        }
        try {
            return fs.read(m.fd(), offset, length);
        } finally {
            fs.close(m.fd());
        }
    }

    /**
     * Deletes message {@code id}; the caller holds the user's lock (from {@link #pickup}). A
     * message a mail reader moved or re-flagged is found again by its unique name; one it
     * deleted is gone already.
     */
    public void delete(String user, String id) {
        checkMailbox(user);
        String dir = directoryOf(user, id);
        String name = fileName(id);
        for (int attempt = 0; attempt < config.maxAttempts(); attempt++) {
            try {
                fs.unlink(dir, name);
                fs.fsyncDir(dir);
                return;
            } catch (MissingFileException e) {
                String moved = findInCur(user, uniqueName(id));
                if (moved == null) {
                    return;
                }
                dir = UserNames.cur(home(user));
                name = moved;
            }
        }
        throw new IllegalStateException("message " + id + " of " + user + " was renamed " + config.maxAttempts()
                + " times while being deleted");
    }

    private String directoryOf(String user, String id) {
        return id.startsWith(CUR) ? UserNames.cur(home(user)) : UserNames.inbox(home(user));
    }

    private static String fileName(String id) {
        return id.startsWith(CUR) ? id.substring(CUR.length()) : id;
    }

    private boolean hasCur(String user) {
        return !withoutCur.contains(user);
    }

    /** The file in {@code cur/} whose unique name is {@code unique}, or null if there is none. */
    protected final @Nullable String findInCur(String user, String unique) {
        if (!hasCur(user)) {
            return null;
        }
        for (String name : fs.list(UserNames.cur(home(user)))) {
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

    /** Releases the user's lock; nothing for a user with no mailbox (whose Pickup took none). */
    public void unlock(String user) {
        if (!exists(user)) {
            return;
        }
        locks.unlock(user);
    }

    /** After a crash, before anything else: removes the temporary files left in every {@code tmp/}. */
    public void recover() {
        for (String user : users) {
            String tmp = UserNames.tmp(home(user));
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
        if (!exists(user)) {
            throw new IllegalArgumentException("no mailbox for " + user);
        }
    }
}
