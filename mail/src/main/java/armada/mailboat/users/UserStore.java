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

/**
 * The users of the mail server and their passwords, in the data directory: the file
 * {@code <data>/users} (see {@link UsersFile}) and one Maildir {@code <data>/<user>/{tmp,new,cur}}
 * per user.
 *
 * <p>Passwords are stored as PBKDF2-HMAC-SHA256 hashes with a random 16-byte salt and
 * {@value #ITERATIONS} iterations, OWASP's figure for that hash (its 210,000 is for
 * HMAC-SHA512). {@link #verify} compares in constant time and, for an unknown user, still
 * hashes the password against a dummy hash with the same cost, so timing does not reveal which
 * users exist.
 *
 * <p>{@link #add} re-reads the file under a lock (an in-process lock and a file lock on
 * {@code <data>/.users.lock}, so two processes adding users do not lose one), creates the
 * Maildir durably, then replaces the file atomically. The set of users {@link #verify} knows is
 * the file as read at {@link #open} plus this store's own additions; a server must be restarted
 * to see users added by another process (the mail library's user set is fixed at start too).
 * Names a user may not take: {@code users} (the file) and {@code disk<i>.img[.new]} (kept by
 * the real World).
 */
public final class UserStore {

    /** PBKDF2-HMAC-SHA256 iterations for new hashes (OWASP Password Storage Cheat Sheet). */
    public static final int ITERATIONS = 600_000;

    private static final String FILE = "users";
    private static final Pattern DISK_FILE = Pattern.compile("disk[0-9]+\\.img(\\.new)?");

    private final Path data;
    private final Path file;
    private final PasswordHash dummy = PasswordHash.dummy(ITERATIONS);
    private final ReentrantLock writing = new ReentrantLock();
    /** Password hashes computed at once, over all sessions: one per core. */
    private final Semaphore hashing = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()), true);
    private volatile Map<String, PasswordHash> users;

    private UserStore(Path data, Map<String, PasswordHash> users) {
        this.data = data;
        this.file = data.resolve(FILE);
        this.users = Map.copyOf(users);
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
        return new UserStore(dir, UsersFile.read(dir.resolve(FILE)));
    }

    /** True for valid names the store keeps for its own files. */
    static boolean reserved(String name) {
        return name.equals(FILE) || DISK_FILE.matcher(name).matches();
    }

    /** The users file. */
    public Path file() {
        return file;
    }

    /** The names of the users, sorted. */
    public Set<String> users() {
        return Collections.unmodifiableSet(new TreeSet<>(users.keySet()));
    }

    /**
     * Adds {@code user} with {@code password}: creates the Maildir (durably), then stores the
     * hash. The caller may clear {@code password} afterwards.
     *
     * @throws IllegalArgumentException if the name is invalid or reserved, the user exists, or
     *     the password is empty
     */
    public void add(String user, char[] password) throws IOException {
        UserNames.check(user);
        if (reserved(user)) {
            throw new IllegalArgumentException("the name '" + user + "' is reserved for the server's own files");
        }
        if (password.length == 0) {
            throw new IllegalArgumentException("the password must not be empty");
        }
        PasswordHash hash = PasswordHash.create(password, ITERATIONS);
        writing.lock();
        try (FileChannel lockFile = FileChannel.open(data.resolve("." + FILE + ".lock"), CREATE, WRITE);
                FileLock held = lockFile.lock()) {
            Map<String, PasswordHash> now = new LinkedHashMap<>(UsersFile.read(file));
            if (now.containsKey(user)) {
                users = Map.copyOf(now);
                throw new IllegalArgumentException("user '" + user + "' already exists");
            }
            createMaildir(user);
            now.put(user, hash);
            UsersFile.write(file, now);
            users = Map.copyOf(now);
            held.release();
        } finally {
            writing.unlock();
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
            PasswordHash h = users.get(user);
            if (h == null) {
                dummy.matches(password);
                return false;
            }
            return h.matches(password);
        } finally {
            hashing.release();
        }
    }


    /** {@code <data>/<user>/{tmp,new,cur}}, each new entry made durable by forcing its parent. */
    private void createMaildir(String user) throws IOException {
        Path home = data.resolve(user);
        boolean newHome = !Files.isDirectory(home);
        Files.createDirectories(home);
        for (String sub : new String[] {UserNames.tmp(user), UserNames.inbox(user), UserNames.cur(user)}) {
            Files.createDirectories(data.resolve(sub));
        }
        UsersFile.forceDirectory(home);
        if (newHome) {
            UsersFile.forceDirectory(data);
        }
    }

    @Override
    public String toString() {
        return "UserStore[" + file + ", " + users.size() + " users]";
    }
}
