package armada.mailboat;

import armada.world.Lock;
import armada.world.World;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** One World lock per user, made at boot and again at recovery (locks do not survive a crash). */
public final class MemoryUserLocks implements UserLocks {

    private final Map<String, Lock> locks;

    public MemoryUserLocks(World world, Set<String> users) {
        Map<String, Lock> m = new HashMap<>();
        for (String u : users) {
            m.put(u, world.newLock());
        }
        this.locks = Map.copyOf(m);
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
        Lock l = locks.get(user);
        if (l == null) {
            throw new IllegalArgumentException("no mailbox for " + user);
        }
        return l;
    }
}
