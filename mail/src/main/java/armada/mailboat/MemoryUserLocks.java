package armada.mailboat;

import armada.world.AtomicCell;
import armada.world.Lock;
import armada.world.World;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One World lock per user, made at boot and again at recovery (locks do not survive a crash).
 * Growable ones also take users created at run time ({@link #add}): their locks sit in an
 * atomic cell of an immutable map, written under a World lock, read without it; the users known
 * at boot are looked up in a fixed map, with no step.
 */
public final class MemoryUserLocks implements UserLocks {

    private final World world;
    private final Map<String, Lock> fixed;
    private final @Nullable AtomicCell<Map<String, Lock>> added;
    private final @Nullable Lock adding;

    /** Locks for exactly {@code users}. */
    public MemoryUserLocks(World world, Set<String> users) {
        this(world, users, false);
    }

    private MemoryUserLocks(World world, Set<String> users, boolean growable) {
        this.world = world;
        Map<String, Lock> m = new HashMap<>();
        for (String u : users) {
            m.put(u, world.newLock());
        }
        this.fixed = Map.copyOf(m);
        this.added = growable ? world.newAtomicCell(Map.of()) : null;
        this.adding = growable ? world.newLock() : null;
    }

    /** Locks for {@code users} and for each user {@link #add added} later. */
    public static MemoryUserLocks growable(World world, Set<String> users) {
        return new MemoryUserLocks(world, users, true);
    }

    @Override
    public void add(String user) {
        if (fixed.containsKey(user)) {
            return;
        }
        if (added == null || adding == null) {
            throw new IllegalStateException("these locks are fixed to the users known at boot");
        }
        adding.lock();
        try {
            Map<String, Lock> now = added.get();
            if (!now.containsKey(user)) {
                Map<String, Lock> more = new HashMap<>(now);
                more.put(user, world.newLock());
                added.set(Map.copyOf(more));
            }
        } finally {
            adding.unlock();
        }
    }

    @Override
    public void lock(String user) {
        lockOf(user).lock();
    }

    @Override
    public void unlock(String user) {
        lockOf(user).unlock();
    }

    private Lock lockOf(String user) {
        Lock l = fixed.get(user);
        if (l == null && added != null) {
            l = added.get().get(user);
        }
        if (l == null) {
            throw new IllegalArgumentException("no mailbox for " + user);
        }
        return l;
    }
}
