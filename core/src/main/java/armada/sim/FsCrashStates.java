package armada.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.IntPredicate;

/**
 * The states a crash may leave on the simulated file system, from its unsynced operations (in
 * issue order) and the durable length of every file.
 *
 * <p>ORDERED: any prefix of the operations survives; with torn writes, the first append left
 * out may also survive cut at a sector boundary of its file. REORDERED: each file's data and
 * each directory's entries keep a prefix of their own operations, independently, except that a
 * rename across two directories survives in both or in neither (a consistent cut): this way the
 * states do not depend on the order in which operations on different objects ran, which is what
 * lets the explorer treat those operations as independent. A file's data may then survive up to
 * any of its appends' lengths or, with torn writes, any sector boundary below its last length.
 */
final class FsCrashStates {

    /** Builds the snapshot in which the operations {@code survives} accepts survived, with torn lengths. */
    interface Builder {
        FsSnapshot build(IntPredicate survives, Map<Integer, Integer> torn);
    }

    private final List<FsOp> ops;
    private final Map<Integer, Integer> durableLengths;
    private final int sector;
    private final Builder builder;

    FsCrashStates(List<FsOp> ops, Map<Integer, Integer> durableLengths, int sector, Builder builder) {
        this.ops = ops;
        this.durableLengths = durableLengths;
        this.sector = sector;
        this.builder = builder;
    }

    /** A prefix of the whole queue, the next append possibly torn. */
    CrashStates<FsSnapshot> ordered(int budget) {
        int n = ops.size();
        // Options: (whole, inode, length): the first `whole` operations, and op `whole` torn to length.
        List<int[]> options = new ArrayList<>();
        for (int whole = n; whole >= 0; whole--) {
            options.add(new int[] {whole, -1, -1});
        }
        Map<Integer, Integer> lengthSoFar = new java.util.HashMap<>(durableLengths);
        for (int k = 0; k < n; k++) {
            FsOp op = ops.get(k);
            if (op.isAppend()) {
                int before = lengthSoFar.getOrDefault(op.inode(), 0);
                for (int cut : boundaries(before, op.length())) {
                    options.add(new int[] {k, op.inode(), cut});
                }
                lengthSoFar.merge(op.inode(), op.length(), Math::max);
            }
        }
        return CrashStates.enumerate(new int[] {options.size()}, budget, choice -> {
            int[] o = options.get(choice[0]);
            int whole = o[0];
            return builder.build(k -> k < whole, o[1] < 0 ? Map.of() : Map.of(o[1], o[2]));
        });
    }

    /** A consistent cut: per directory a prefix of its entry changes, per file a length. */
    CrashStates<FsSnapshot> reordered(int budget) {
        Map<Long, List<Integer>> dirOps = new LinkedHashMap<>();
        Map<Integer, TreeSet<Integer>> fileLengths = new LinkedHashMap<>();
        for (int k = 0; k < ops.size(); k++) {
            FsOp op = ops.get(k);
            if (op.isAppend()) {
                int inode = op.inode();
                TreeSet<Integer> lengths = fileLengths.computeIfAbsent(inode, i -> {
                    TreeSet<Integer> t = new TreeSet<>();
                    t.add(durableLengths.getOrDefault(i, 0));
                    return t;
                });
                lengths.addAll(boundaries(lengths.last(), op.length()));
                lengths.add(op.length());
            } else {
                for (long dir : op.objects()) {
                    dirOps.computeIfAbsent(dir, d -> new ArrayList<>()).add(k);
                }
            }
        }
        List<List<Integer>> dirs = new ArrayList<>(dirOps.values());
        List<Integer> files = new ArrayList<>(fileLengths.keySet());
        List<List<Integer>> lengths = new ArrayList<>();
        for (int inode : files) {
            // Longest first: choice 0 keeps everything.
            lengths.add(new ArrayList<>(java.util.Objects.requireNonNull(fileLengths.get(inode)).descendingSet()));
        }
        int[] counts = new int[dirs.size() + files.size()];
        for (int g = 0; g < dirs.size(); g++) {
            counts[g] = dirs.get(g).size() + 1;
        }
        for (int f = 0; f < files.size(); f++) {
            counts[dirs.size() + f] = lengths.get(f).size();
        }
        return CrashStates.enumerate(counts, budget, choice -> {
            // Per operation: in how many of its directories' kept prefixes it lies.
            int[] keptIn = new int[ops.size()];
            for (int g = 0; g < dirs.size(); g++) {
                List<Integer> mine = dirs.get(g);
                int keep = mine.size() - choice[g];
                for (int i = 0; i < keep; i++) {
                    keptIn[mine.get(i)]++;
                }
            }
            for (int k = 0; k < ops.size(); k++) {
                FsOp op = ops.get(k);
                if (!op.isAppend() && keptIn[k] != 0 && keptIn[k] != op.objects().length) {
                    return null;
                }
            }
            Map<Integer, Integer> cut = new java.util.HashMap<>();
            for (int f = 0; f < files.size(); f++) {
                cut.put(files.get(f), lengths.get(f).get(choice[dirs.size() + f]));
            }
            return builder.build(k -> !ops.get(k).isAppend() && keptIn[k] > 0, cut);
        });
    }

    /** The sector boundaries strictly between two lengths of a file: where an append may tear. */
    private List<Integer> boundaries(int from, int to) {
        List<Integer> out = new ArrayList<>();
        if (sector <= 0) {
            return out;
        }
        for (int b = (from / sector + 1) * sector; b < to; b += sector) {
            out.add(b);
        }
        return out;
    }
}
