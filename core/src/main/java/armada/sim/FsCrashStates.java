package armada.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import org.jspecify.annotations.Nullable;

/**
 * The states a crash may leave on the simulated file system, from its unsynced operations (in
 * issue order).
 *
 * <p>ORDERED: any prefix of the operations survives; with torn writes, the first data write left
 * out may also survive cut at a sector boundary of its file. REORDERED: each file's data and
 * each directory's entries keep a prefix of their own operations, independently, except that a
 * rename across two directories survives in both or in neither (a consistent cut): this way the
 * states do not depend on the order in which operations on different objects ran, which is what
 * lets the explorer treat those operations as independent. With torn writes, the first data
 * write a file does not keep may survive cut at a sector boundary. A truncation never tears.
 *
 * <p>Lazy (REORDERED only, where each file's data is a group of its own): the states enumerated
 * are the directories' cuts alone; each file the cut leaves named, whose unsynced data the
 * crash may keep in more than one way, is left undecided with its possible contents
 * ({@link FsCandidates}), and the first step that looks at its data decides which (Jaaru's idea:
 * branch on what survived only where something reads it). The states a lazy crash leaves,
 * each undecided file expanded to every candidate, are exactly the states the eager enumeration
 * gives, since the files' choices are independent of each other and of the directories'.
 */
final class FsCrashStates {

    /**
     * Builds the snapshot in which the operations {@code survives} accepts survived whole, and
     * the writes {@code torn} names (by operation index) survived up to the offset it gives.
     */
    interface Builder {
        /**
         * The snapshot in which the operations {@code survives} accepts survived whole, the
         * writes {@code torn} names survived up to the offset it gives, and the files in
         * {@code lazy} (inode to {@code byte[]} or {@link FsCandidates}) have those contents.
         */
        FsSnapshot build(IntPredicate survives, Map<Integer, Integer> torn, Map<Integer, Object> lazy);

        /** The bytes of {@code inode} once exactly its unsynced data operations {@code survives} accepts survived. */
        byte[] contents(int inode, IntPredicate survives, Map<Integer, Integer> torn);
    }

    private final List<FsOp> ops;
    private final int sector;
    private final Builder builder;

    FsCrashStates(List<FsOp> ops, int sector, Builder builder) {
        this.ops = ops;
        this.sector = sector;
        this.builder = builder;
    }

    /** A prefix of the whole queue, the next write possibly torn. */
    CrashStates<FsSnapshot> ordered(int budget) {
        int n = ops.size();
        // Options: (whole, cut): the first `whole` operations, and op `whole` torn at `cut` (or -1).
        List<int[]> options = new ArrayList<>();
        for (int whole = n; whole >= 0; whole--) {
            options.add(new int[] {whole, -1});
        }
        for (int k = 0; k < n; k++) {
            for (int cut : tears(ops.get(k))) {
                options.add(new int[] {k, cut});
            }
        }
        return CrashStates.enumerate(new int[] {options.size()}, budget, choice -> {
            int[] o = options.get(choice[0]);
            int whole = o[0];
            return builder.build(k -> k < whole, o[1] < 0 ? Map.of() : Map.of(whole, o[1]), Map.of());
        });
    }

    /** A consistent cut: per directory a prefix of its entry changes, per file a prefix of its data changes. */
    CrashStates<FsSnapshot> reordered(int budget) {
        Groups groups = groups();
        List<List<Integer>> dirs = groups.dirs();
        List<List<Integer>> files = new ArrayList<>(groups.files().values());
        List<List<int[]>> fileOptions = new ArrayList<>();
        for (List<Integer> mine : files) {
            fileOptions.add(fileOptions(mine));
        }
        int[] counts = new int[dirs.size() + files.size()];
        for (int g = 0; g < dirs.size(); g++) {
            counts[g] = dirs.get(g).size() + 1;
        }
        for (int f = 0; f < files.size(); f++) {
            counts[dirs.size() + f] = fileOptions.get(f).size();
        }
        return CrashStates.enumerate(counts, budget, choice -> {
            // Per operation: in how many of its directories' kept prefixes it lies (data: 1 if kept).
            int[] keptIn = keptInDirs(dirs, choice);
            if (keptIn == null) {
                return null;
            }
            Map<Integer, Integer> torn = new HashMap<>();
            for (int f = 0; f < files.size(); f++) {
                int[] o = fileOptions.get(f).get(choice[dirs.size() + f]);
                List<Integer> mine = files.get(f);
                for (int i = 0; i < o[0]; i++) {
                    keptIn[mine.get(i)] = 1;
                }
                if (o[1] >= 0) {
                    torn.put(mine.get(o[0]), o[1]);
                }
            }
            return builder.build(k -> keptIn[k] > 0, torn, Map.of());
        });
    }

    /** The unsynced operations by group: each directory's entry changes, each file's data changes, in issue order. */
    private record Groups(List<List<Integer>> dirs, Map<Integer, List<Integer>> files) {
    }

    private Groups groups() {
        Map<Long, List<Integer>> dirOps = new LinkedHashMap<>();
        Map<Integer, List<Integer>> fileOps = new LinkedHashMap<>();
        for (int k = 0; k < ops.size(); k++) {
            FsOp op = ops.get(k);
            if (op.isData()) {
                fileOps.computeIfAbsent(op.inode(), i -> new ArrayList<>()).add(k);
            } else {
                for (long dir : op.objects()) {
                    dirOps.computeIfAbsent(dir, d -> new ArrayList<>()).add(k);
                }
            }
        }
        return new Groups(new ArrayList<>(dirOps.values()), fileOps);
    }

    /**
     * Per operation, in how many of its directories' kept prefixes it lies when directory group
     * {@code g} drops its last {@code choice[g]} changes; null if that splits a change across two
     * directories (a rename survives in both or in neither).
     */
    private int @Nullable [] keptInDirs(List<List<Integer>> dirs, int[] choice) {
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
            if (!op.isData() && keptIn[k] != 0 && keptIn[k] != op.objects().length) {
                return null;
            }
        }
        return keptIn;
    }

    /**
     * A file's options (kept, cut): the first {@code kept} of its operations whole, and the next
     * torn at {@code cut} (or -1). Most kept first: all of them, then the last one torn (longest
     * part first), then one fewer...
     */
    private List<int[]> fileOptions(List<Integer> mine) {
        List<int[]> options = new ArrayList<>();
        for (int kept = mine.size(); kept >= 0; kept--) {
            options.add(new int[] {kept, -1});
            if (kept > 0) {
                List<Integer> cuts = tears(ops.get(mine.get(kept - 1)));
                for (int c = cuts.size() - 1; c >= 0; c--) {
                    options.add(new int[] {kept - 1, cuts.get(c)});
                }
            }
        }
        return options;
    }

    /**
     * REORDERED, lazily: every consistent cut of the directories' changes, each file with unsynced
     * data left undecided among its possible contents (or decided, if they are all one). A file
     * with more distinct contents than {@code budget} keeps the first {@code budget} of them, and
     * the result says it was cut.
     */
    CrashStates<FsSnapshot> lazyReordered(int budget) {
        Groups groups = groups();
        boolean filesCut = false;
        Map<Integer, Object> lazy = new HashMap<>();
        for (Map.Entry<Integer, List<Integer>> e : groups.files().entrySet()) {
            List<Integer> mine = e.getValue();
            List<byte[]> images = new ArrayList<>();
            for (int[] o : fileOptions(mine)) {
                int kept = o[0];
                Set<Integer> whole = new HashSet<>(mine.subList(0, kept));
                images.add(builder.contents(e.getKey(), whole::contains, o[1] < 0 ? Map.of() : Map.of(mine.get(kept), o[1])));
            }
            Object contents = FsCandidates.of(images, builder.contents(e.getKey(), k -> false, Map.of()));
            if (contents instanceof FsCandidates c && c.count() > budget) {
                contents = c.first(budget);
                filesCut = true;
            }
            lazy.put(e.getKey(), contents);
        }
        List<List<Integer>> dirs = groups.dirs();
        int[] counts = new int[dirs.size()];
        for (int g = 0; g < dirs.size(); g++) {
            counts[g] = dirs.get(g).size() + 1;
        }
        CrashStates<FsSnapshot> states = CrashStates.enumerate(counts, budget, choice -> {
            int[] keptIn = keptInDirs(dirs, choice);
            if (keptIn == null) {
                return null;
            }
            return builder.build(k -> keptIn[k] > 0, Map.of(), lazy);
        });
        return filesCut ? states.markCut() : states;
    }

    /** Where a write may tear: the sector boundaries of its file strictly inside the bytes it writes. */
    private List<Integer> tears(FsOp op) {
        List<Integer> out = new ArrayList<>();
        if (sector <= 0 || op.kind() != FsOp.Kind.WRITE) {
            return out;
        }
        for (int b = (op.offset() / sector + 1) * sector; b < op.end(); b += sector) {
            out.add(b);
        }
        return out;
    }
}
