package armada.mailboat.users;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.WRITE;

import armada.mailboat.UserNames;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The users of the mail server and their passwords, in the data directory: the file
 * {@code <data>/users} (see {@link UsersFile}). Each user's Maildir,
 * {@code <data>/<user>/{tmp,new,cur}}, is made by the mail library, not here.
 *
 * <p>Passwords are stored as PBKDF2-HMAC-SHA256 hashes with a random 16-byte salt and
 * {@value #ITERATIONS} iterations, OWASP's figure for that hash (its 210,000 is for
 * HMAC-SHA512). {@link #verify} compares in constant time and, for an unknown user, still
 * hashes the password against a dummy hash with the same cost, so timing does not reveal which
 * users exist.
 *
 * <p>Writers ({@link #add}, {@link #remove}, {@link #setPassword}), in this process or another,
 * take an in-process lock and a file lock on {@code <data>/.users.lock}, re-read the file under
 * them, and replace it atomically (write a temporary file, force it, rename it over, force the
 * directory), so two writers never lose each other's change and a reader sees the old file or
 * the new one, never a mix. Readers take no lock: every lookup first compares the file's
 * identity, modification time and size with those last read and re-reads it if they differ,
 * and a lookup that misses re-reads it anyway (at most once a second), so a running server sees
 * users added, removed or given a new password by {@code mailboat adduser/deluser/passwd} at
 * once. A file that has become unreadable is reported and the last good contents are kept.
 * Names a user may not take: {@code users} (the file) and {@code disk<i>.img[.new]} (kept by
 * the real World).
 */
public final class UserStore {

    /** PBKDF2-HMAC-SHA256 iterations for new hashes (OWASP Password Storage Cheat Sheet). */
    public static final int ITERATIONS = 600_000;

    private static final String FILE = "users";
    private static final long RELOAD_ON_MISS_NANOS = 1_000_000_000L;
    private static final Logger LOG = LoggerFactory.getLogger(UserStore.class);
    private static final Pattern DISK_FILE = Pattern.compile("disk[0-9]+\\.img(\\.new)?");

    private final Path data;
    private final Path file;
    private final PasswordHash dummy = PasswordHash.dummy(ITERATIONS);
    /**
     * Serialises writers of this JVM, across stores: the JVM throws instead of waiting when one
     * process asks twice for a lock on the same file, so only one thread may hold the file lock.
     */
    private static final ReentrantLock WRITING = new ReentrantLock();
    /** Password hashes computed at once, over all sessions: one per core. */
    private final Semaphore hashing = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()), true);
    private volatile Snapshot snapshot;

    /** The users as read, and what the file looked like when it was read. */
    private record Snapshot(Map<String, PasswordHash> users, @Nullable FileStamp stamp, long readAtNanos) {
    }

    private UserStore(Path data, Snapshot snapshot) {
        this.data = data;
        this.file = data.resolve(FILE);
        this.snapshot = snapshot;
    }

    /**
     * Opens the store in {@code data}, creating the directory if needed.
     *
     * @throws UsersFileException if a line of the users file is malformed (the message names it)
     */
    public static UserStore open(Path data) throws IOException {
        Path dir = data.toAbsolutePath();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            UsersFile.forceDirectory(Objects.requireNonNull(dir.getParent())); // it was just created, so not the root
        }
        Path file = dir.resolve(FILE);
        FileStamp stamp = FileStamp.of(file);
        return new UserStore(dir, new Snapshot(Map.copyOf(UsersFile.read(file)), stamp, System.nanoTime()));
    }

    /**
     * Throws, with the reason, unless {@code user} is a valid name, not reserved, and not a user
     * now; {@link #add} checks the last again under its locks.
     */
    public void checkNewName(String user) {
        UserNames.check(user);
        if (reserved(user)) {
            throw new IllegalArgumentException("the name '" + user + "' is reserved for the server's own files");
        }
        if (current(false).users().containsKey(user)) {
            throw new IllegalArgumentException("user '" + user + "' already exists");
        }
    }

    /** True for valid names the store keeps for its own files. */
    static boolean reserved(String name) {
        return name.equals(FILE) || DISK_FILE.matcher(name).matches();
    }

    /** The users file. */
    public Path file() {
        return file;
    }

    /** The names of the users, sorted, as the file says now. */
    public Set<String> users() {
        return Collections.unmodifiableSet(new TreeSet<>(current(false).users().keySet()));
    }

    /** True if {@code user} is in the file now (re-read if it changed, or on a miss). */
    public boolean contains(String user) {
        return lookup(user) != null;
    }

    private @Nullable PasswordHash lookup(String user) {
        PasswordHash h = current(false).users().get(user);
        return h != null ? h : current(true).users().get(user);
    }

    /**
     * The users as the file is now: re-read if its stamp changed, or, when {@code miss} is set
     * and the last read is over a second old, in any case (a file system whose stamps are too
     * coarse to see a change). A file that cannot be read keeps the last good snapshot.
     */
    private Snapshot current(boolean miss) {
        Snapshot s = snapshot;
        FileStamp now = FileStamp.of(file);
        boolean stale = !java.util.Objects.equals(now, s.stamp())
                || (miss && System.nanoTime() - s.readAtNanos() > RELOAD_ON_MISS_NANOS);
        if (!stale) {
            return s;
        }
        try {
            Snapshot fresh = new Snapshot(Map.copyOf(UsersFile.read(file)), now, System.nanoTime());
            snapshot = fresh;
            return fresh;
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot re-read {}; keeping the users read before: {}", file, e.getMessage());
            snapshot = new Snapshot(s.users(), now, System.nanoTime());
            return s;
        }
    }

    /**
     * Adds {@code user} with {@code password}: stores the hash. The Maildir is the mail
     * library's to make (the server makes it when it first needs it; {@code mailboat adduser}
     * makes it first). The caller may clear {@code password} afterwards.
     *
     * @throws IllegalArgumentException if the name is invalid or reserved, the user exists, or
     *     the password is empty
     */
    public void add(String user, char[] password) throws IOException {
        checkNewName(user);
        PasswordHash hash = hash(password);
        change(now -> {
            if (now.containsKey(user)) {
                throw new IllegalArgumentException("user '" + user + "' already exists");
            }
            now.put(user, hash);
        });
    }

    /**
     * Removes {@code user} from the file: from then on the user can neither log in nor receive
     * mail. The Maildir and the mail in it stay where they are.
     *
     * @throws IllegalArgumentException if there is no such user
     */
    public void remove(String user) throws IOException {
        change(now -> {
            if (now.remove(user) == null) {
                throw new IllegalArgumentException("no user '" + user + "'");
            }
        });
    }

    /**
     * Gives {@code user} a new password.
     *
     * @throws IllegalArgumentException if there is no such user or the password is empty
     */
    public void setPassword(String user, char[] password) throws IOException {
        PasswordHash hash = hash(password);
        change(now -> {
            if (!now.containsKey(user)) {
                throw new IllegalArgumentException("no user '" + user + "'");
            }
            now.put(user, hash);
        });
    }

    private static PasswordHash hash(char[] password) {
        if (password.length == 0) {
            throw new IllegalArgumentException("the password must not be empty");
        }
        return PasswordHash.create(password, ITERATIONS);
    }

    /** A change to the users, made to the file as it is now, under both locks. */
    private interface Change {
        void apply(Map<String, PasswordHash> users) throws IOException;
    }

    private void change(Change change) throws IOException {
        WRITING.lock();
        try (FileChannel lockFile = FileChannel.open(data.resolve("." + FILE + ".lock"), CREATE, WRITE);
                FileLock held = lockFile.lock()) {
            Map<String, PasswordHash> now = new LinkedHashMap<>(UsersFile.read(file));
            change.apply(now);
            UsersFile.write(file, now);
            snapshot = new Snapshot(Map.copyOf(now), FileStamp.of(file), System.nanoTime());
            held.release();
        } finally {
            WRITING.unlock();
        }
    }

    /**
     * True if {@code user} exists and {@code password} is theirs. Takes as long for an unknown
     * user as for a known one.
     */
    public boolean verify(String user, char[] password) {
        // A slow hash is a CPU cost a client can ask for at will: at most a few run at once,
        // so a flood of logins queues here instead of taking every core from the server.
        hashing.acquireUninterruptibly();
        try {
            PasswordHash h = lookup(user);
            if (h == null) {
                dummy.matches(password);
                return false;
            }
            return h.matches(password);
        } finally {
            hashing.release();
        }
    }


    @Override
    public String toString() {
        return "UserStore[" + file + ", " + snapshot.users().size() + " users]";
    }
}
