package armada.mailboat.store;

import armada.mailboat.UserLocks;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The per-user locks of the running server, one for each user ever locked, shared by every
 * {@link Generation} of the library: a session that picked up a mailbox through one generation
 * keeps it locked for sessions using the next. (The library's own {@code MemoryUserLocks} is
 * fixed to the users known at start.) The map grows with the users, as the Maildirs do.
 */
final class SharedUserLocks implements UserLocks {

    private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    @Override
    public void lock(String user) {
        locks.computeIfAbsent(user, u -> new ReentrantLock()).lock();
    }

    @Override
    public void unlock(String user) {
        ReentrantLock l = locks.get(user);
        if (l == null || !l.isHeldByCurrentThread()) {
            throw new IllegalStateException("unlock of " + user + "'s mailbox, which this thread does not hold");
        }
        l.unlock();
    }
}
