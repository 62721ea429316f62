package armada.mailboat.store;

import armada.mailboat.Mailboat;
import armada.mailboat.MailboatConfig;
import armada.mailboat.UserLocks;
import armada.mailboat.UserNames;
import armada.mailboat.linux.LinuxFileSystem;
import armada.mailboat.users.UserStore;
import armada.world.FileSystem;
import armada.world.RealWorld;
import armada.world.World;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mailboxes of a data directory, as SMTP and POP3 use them. Every mail operation is the
 * library's ({@link Mailboat}) on the real World; what this class adds is server policy:
 *
 * <ul>
 *   <li>Who is a recipient: a user in the {@link UserStore} now (re-read when it changes), local
 *       part compared in lower case, {@code postmaster} mapped to the configured user.
 *   <li>Where the Maildirs are: the World's root is the data directory's parent and its one
 *       declared directory of mail is the data directory itself, so a user's Maildir is
 *       {@code <data>/<user>/{tmp,new,cur}}, the layout of every earlier version (nothing to
 *       migrate). The Maildirs that exist when a World opens are declared too, so that the Linux
 *       file system keeps their descriptors open.
 *   <li>Users added while the server runs: the first time such a user is named, the library's
 *       {@link Mailboat#createUser} makes their Maildir through the World (checked code: the
 *       Maildir and its entry in the data directory are durable before anyone delivers to it).
 *       A Maildir made by another process ({@code mailboat adduser}) is not known to the open
 *       World's file system, which keeps the directories it has seen in memory: then a new
 *       {@link Generation} of the World and library is opened, which finds it; operations
 *       already running finish on the old one. The per-user locks are shared by all generations.
 *   <li>Quotas and free space, checked before delivering; a delivery that fails half way has
 *       its partial file removed at once ({@link TempFiles}).
 * </ul>
 */
public final class Mailboxes implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Mailboxes.class);
    /** Retries when the generation an operation picked was closed under it; each retry sees a newer one. */
    private static final int MAX_GENERATION_RETRIES = 8;

    /** What became of a delivery. */
    public enum Outcome {
        DELIVERED,
        /** The disk (or the user's file-system quota) is full: try later (452 4.3.1). */
        NO_SPACE,
        /** Anything else went wrong (451 4.3.0); the message may or may not be there. */
        FAILED
    }

    private final Path data;
    private final UserStore users;
    private final @Nullable String postmaster;
    private final Quotas quotas;
    private final Library library;
    private final UnaryOperator<FileSystem> decorate;
    private final SharedUserLocks locks = new SharedUserLocks();
    private final ReentrantLock rebuilding = new ReentrantLock();
    private volatile Generation current;
    private volatile boolean closed;

    private Mailboxes(Builder b) throws IOException {
        this.data = b.data;
        this.users = b.users;
        this.postmaster = b.postmaster;
        this.quotas = new Quotas(data, b.quota);
        this.library = b.library;
        this.decorate = b.decorate;
        if (data.getParent() == null) {
            throw new IllegalArgumentException("the data directory cannot be the root of the file system: " + data);
        }
        this.current = open();
        for (String u : users.users()) {
            ensureMailbox(u);
        }
    }

    /** Opens the mail library on a World; tests give a variant that fails on cue. */
    @FunctionalInterface
    public interface Library {
        /** The library over the Maildirs in the declared directory {@code root} of {@code world}. */
        Mailboat open(World world, UserLocks locks, String root);
    }

    public static Builder builder(Path data, UserStore users) {
        return new Builder(data, users);
    }

    /** How to open the mailboxes; only the data directory and the users are required. */
    public static final class Builder {
        private final Path data;
        private final UserStore users;
        private @Nullable String postmaster;
        private long quota;
        private Library library = (w, l, root) -> Mailboat.openUnder(w, MailboatConfig.DEFAULT, root, l);
        private UnaryOperator<FileSystem> decorate = UnaryOperator.identity();

        private Builder(Path data, UserStore users) {
            this.data = data.toAbsolutePath();
            this.users = users;
        }

        /** The user who gets mail for {@code postmaster}; null (the default) for none. */
        public Builder postmaster(@Nullable String user) {
            this.postmaster = user == null ? null : UserNames.check(user);
            return this;
        }

        /** Octets a mailbox may hold ({@code new/} and {@code cur/}); 0 (the default) for no limit. */
        public Builder quota(long octets) {
            if (octets < 0) {
                throw new IllegalArgumentException("a quota is 0 (none) or positive");
            }
            this.quota = octets;
            return this;
        }

        /** The library on a World (tests give a variant that fails on cue). */
        public Builder library(Library open) {
            this.library = open;
            return this;
        }

        /** Wraps the real file system before the library sees it (tests make writes fail). */
        public Builder fileSystem(UnaryOperator<FileSystem> decorator) {
            this.decorate = decorator;
            return this;
        }

        public Mailboxes open() throws IOException {
            return new Mailboxes(this);
        }
    }

    /**
     * The World over the data directory (its parent as the World's root, the data directory and
     * each whole Maildir in it declared), with the Linux file system (kept directory descriptors,
     * one system call per operation) where it is available, else the World's own.
     */
    private Generation open() throws IOException {
        Path parent = java.util.Objects.requireNonNull(data.getParent());
        String root = rootName();
        List<String> dirs = new ArrayList<>();
        dirs.add(root);
        for (String u : wholeMaildirs(data)) {
            dirs.addAll(maildirs(List.of(root + "/" + u)));
        }
        LinuxFileSystem linux = LinuxFileSystem.open(parent, dirs).orElse(null);
        RealWorld world;
        try {
            // With the Linux file system the World's own is not used: declare nothing there.
            world = RealWorld.open(parent, 0, 1, linux != null ? List.of() : dirs);
        } catch (IOException | RuntimeException e) {
            if (linux != null) {
                linux.close();
            }
            throw e;
        }
        TempFiles tmp = new TempFiles(decorate.apply(linux != null ? linux : world.fileSystem()));
        return new Generation(world, linux, library.open(new WorldWithFileSystem(world, tmp), locks, root), tmp);
    }

    /** The data directory's name: the World's declared directory of mail. */
    private String rootName() {
        return java.util.Objects.requireNonNull(data.getFileName()).toString();
    }

    /** The users with a whole Maildir (tmp, new and cur) in {@code data} now. */
    private static List<String> wholeMaildirs(Path data) throws IOException {
        List<String> found = new ArrayList<>();
        try (java.nio.file.DirectoryStream<Path> entries = java.nio.file.Files.newDirectoryStream(data)) {
            for (Path e : entries) {
                String name = e.getFileName().toString();
                if (UserNames.valid(name) && java.nio.file.Files.isDirectory(e.resolve("tmp"))
                        && java.nio.file.Files.isDirectory(e.resolve("new")) && java.nio.file.Files.isDirectory(e.resolve("cur"))) {
                    found.add(name);
                }
            }
        }
        java.util.Collections.sort(found);
        return found;
    }

    /** The Maildir directories of {@code names}: {@code u/tmp}, {@code u/new}, {@code u/cur}. */
    public static List<String> maildirs(Iterable<String> names) {
        List<String> dirs = new ArrayList<>();
        for (String u : names) {
            dirs.add(UserNames.tmp(u));
            dirs.add(UserNames.inbox(u));
            dirs.add(UserNames.cur(u));
        }
        return dirs;
    }

    /**
     * Makes {@code user}'s Maildir in {@code data} through the mail library, as the server does
     * ({@link Mailboat#createUser}: durable before it returns); for {@code mailboat adduser}.
     * Nothing if it exists already.
     */
    public static void createMaildir(Path data, String user) throws IOException {
        UserNames.check(user);
        Path dir = data.toAbsolutePath();
        Path parent = dir.getParent();
        if (parent == null) {
            throw new IllegalArgumentException("the data directory cannot be the root of the file system: " + dir);
        }
        String root = java.util.Objects.requireNonNull(dir.getFileName()).toString();
        try (RealWorld world = RealWorld.open(parent, 0, 1, List.of(root))) {
            Mailboat.openUnder(world, MailboatConfig.DEFAULT, root).createUser(user);
        }
    }

    public UserStore users() {
        return users;
    }

    /** After a crash, before serving: the library's recovery (removes what is left in every tmp/). */
    public void recover() {
        use(m -> {
            m.recover();
            return m;
        });
    }

    /**
     * The user who gets mail addressed to {@code localPart} at a served domain, if any: the
     * local part in lower case ({@code Alice} is {@code alice}), {@code postmaster} mapped to the
     * configured user, and the result a user in the store now, whose mailbox is then ready.
     */
    public Optional<String> recipient(String localPart) {
        String user = localPart.toLowerCase(Locale.ROOT);
        if (postmaster != null && user.equals("postmaster")) {
            user = postmaster;
        }
        if (!UserNames.valid(user) || !users.contains(user)) {
            return Optional.empty();
        }
        try {
            ensureMailbox(user);
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("cannot make the mailbox of {}: {}", user, e.toString());
            return Optional.empty();
        }
        return Optional.of(user);
    }

    /**
     * Makes sure {@code user} has a Maildir the current generation serves: the library creates
     * it if it is missing; if another process made it (or part of it) since the World opened, a
     * new generation that sees it is opened first.
     */
    public void ensureMailbox(String user) throws IOException {
        UserNames.check(user);
        if (current.mailboat().checkUser(user)) {
            return;
        }
        rebuilding.lock();
        try {
            Generation old = current;
            if (old.mailboat().checkUser(user)) {
                return;
            }
            if (java.nio.file.Files.exists(data.resolve(user))) {
                // Made outside this World (adduser, an administrator, a crash left half of it):
                // reopen, so the World's file system knows its directories.
                current = open();
                old.release();
                old = current;
            }
            old.mailboat().createUser(user);
            LOG.info("mailbox ready for {}", user);
        } finally {
            rebuilding.unlock();
        }
    }

    /** Octets in {@code user}'s {@code new/} and {@code cur/} now. */
    public long usage(String user) {
        return quotas.usage(user);
    }

    /** Whether {@code incoming} more octets fit {@code user}'s quota now. */
    public Quotas.Fit quota(String user, long incoming) {
        return quotas.check(user, incoming);
    }

    /**
     * Delivers {@code message} to {@code user} (a name {@link #recipient} returned): the
     * library's Deliver, durable when this returns {@link Outcome#DELIVERED}. Refused before
     * writing when the file system lacks room for it; a failure half way removes the partial file.
     */
    public Outcome deliver(String user, byte[] message) {
        if (!quotas.roomOnDisk(message.length)) {
            return Outcome.NO_SPACE;
        }
        Generation g = retainCurrent();
        TempFiles tmp = g.tempFiles();
        try {
            return g.mailboat().deliver(user, message) ? Outcome.DELIVERED : Outcome.FAILED;
        } catch (RuntimeException e) {
            tmp.discardUnfinished();
            boolean full = Quotas.noSpace(e);
            LOG.warn("delivery to {} failed{}: {}", user, full ? " (no space)" : "", e.toString());
            return full ? Outcome.NO_SPACE : Outcome.FAILED;
        } finally {
            tmp.forget();
            g.release();
        }
    }

    /** Pickup without reading (see {@link Mailboat#pickupIds}): takes the user's lock. */
    public List<String> pickupIds(String user) {
        return use(m -> m.pickupIds(user));
    }

    /** Part of a message of a mailbox this thread picked up (see {@link Mailboat#read}). */
    public byte[] read(String user, String id, long offset, int length) {
        return use(m -> m.read(user, id, offset, length));
    }

    public void delete(String user, String id) {
        use(m -> {
            m.delete(user, id);
            return id;
        });
    }

    /** Releases the user's lock; after {@link #close} too, since a lock needs no files (a session cut at shutdown). */
    public void unlock(String user) {
        if (closed) {
            locks.unlock(user);
            return;
        }
        use(m -> {
            m.unlock(user);
            return user;
        });
    }

    private <T> T use(Function<Mailboat, T> operation) {
        Generation g = retainCurrent();
        try {
            return operation.apply(g.mailboat());
        } finally {
            g.release();
        }
    }

    private Generation retainCurrent() {
        if (closed) {
            throw new IllegalStateException("the mailboxes are closed");
        }
        for (int attempt = 0; attempt < MAX_GENERATION_RETRIES; attempt++) {
            Generation g = current;
            if (g.retain()) {
                return g;
            }
        }
        throw new IllegalStateException("the mailboxes were reopened " + MAX_GENERATION_RETRIES
                + " times during one operation");
    }

    /** Closes the current World (after the server's sessions have ended). */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            current.release();
        }
    }
}
