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
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;
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
 *   <li>Users added while the server runs: the real World's directories are fixed when it
 *       opens, so the first time such a user is named, their Maildir is created on disk (if
 *       {@code adduser} has not already) and a new {@link Generation} of the World and library
 *       is opened with it; operations already running finish on the old one. The per-user locks
 *       are shared by all generations.
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
    private final BiFunction<World, UserLocks, Mailboat> library;
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
        Set<String> initial = new TreeSet<>(users.users());
        for (String u : initial) {
            UserStore.createMaildir(data, u);
        }
        this.current = open(initial);
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
        private BiFunction<World, UserLocks, Mailboat> library = (w, l) -> Mailboat.open(w, MailboatConfig.DEFAULT, l);
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
        public Builder library(BiFunction<World, UserLocks, Mailboat> open) {
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
     * The World over the Maildirs of {@code names}, with the Linux file system (kept directory
     * descriptors, one system call per operation) where it is available, else the World's own.
     */
    private Generation open(Set<String> names) throws IOException {
        List<String> dirs = maildirs(names);
        RealWorld world = RealWorld.open(data, 0, 1, dirs);
        LinuxFileSystem linux;
        try {
            linux = LinuxFileSystem.open(data, dirs).orElse(null);
        } catch (IOException | RuntimeException e) {
            try {
                world.close();
            } catch (IOException c) {
                e.addSuppressed(c);
            }
            throw e;
        }
        TempFiles tmp = new TempFiles(decorate.apply(linux != null ? linux : world.fileSystem()));
        return new Generation(world, linux, library.apply(new WorldWithFileSystem(world, tmp), locks), names, tmp);
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

    /** Makes sure the current generation has {@code user}'s Maildir, opening a new one if not. */
    public void ensureMailbox(String user) throws IOException {
        if (current.users().contains(user)) {
            return;
        }
        rebuilding.lock();
        try {
            Generation old = current;
            if (old.users().contains(user)) {
                return;
            }
            UserStore.createMaildir(data, user);
            Set<String> names = new TreeSet<>(old.users());
            names.addAll(users.users());
            names.add(user);
            current = open(names);
            old.release();
            LOG.info("mailboxes now for {} users; added {}", names.size(), user);
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
