package armada.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Splits unsynced file-system operations into the groups that survive a crash independently
 * under REORDERED durability: one per file's data and one per directory's entries, except that
 * an atomic cross-directory rename joins its two directories into one group.
 */
final class FsGroups {

    private FsGroups() {
    }

    static List<List<FsOp>> of(List<FsOp> ops) {
        Map<Long, Long> parent = new HashMap<>();
        for (FsOp op : ops) {
            long[] objects = op.objects();
            for (long o : objects) {
                parent.putIfAbsent(o, o);
            }
            for (int k = 1; k < objects.length; k++) {
                union(parent, objects[0], objects[k]);
            }
        }
        Map<Long, List<FsOp>> groups = new LinkedHashMap<>();
        for (FsOp op : ops) {
            groups.computeIfAbsent(find(parent, op.objects()[0]), k -> new ArrayList<>()).add(op);
        }
        return new ArrayList<>(groups.values());
    }

    private static long find(Map<Long, Long> parent, long x) {
        // Every object of every operation was put in first, so each lookup finds its parent.
        long p = Objects.requireNonNull(parent.get(x));
        while (p != x) {
            x = p;
            p = Objects.requireNonNull(parent.get(x));
        }
        return p;
    }

    private static void union(Map<Long, Long> parent, long a, long b) {
        long ra = find(parent, a);
        long rb = find(parent, b);
        if (ra != rb) {
            parent.put(rb, ra);
        }
    }
}
