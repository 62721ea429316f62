package armada.sim;

import armada.world.Block;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Says in words what a crash state kept and lost of the changes not yet made durable, for the
 * trace: {@code kept write disk0[3], lost write disk0[1], lost append to log/seg-0 (2 bytes)}.
 * It compares the chosen state with the durable one and with the one that keeps everything, so
 * it describes any state the devices offer, however they enumerate them.
 */
final class CrashStateText {

    private CrashStateText() {
    }

    /** The phrases for disk {@code d} left in {@code chosen}: one per block with unsynced writes. */
    static List<String> disk(SimDisk d, List<Block> chosen) {
        Map<Integer, List<Block>> writes = new LinkedHashMap<>();
        for (SimDisk.Write w : d.unsynced) {
            writes.computeIfAbsent(w.addr(), a -> new ArrayList<>()).add(w.block());
        }
        List<String> out = new ArrayList<>();
        for (Map.Entry<Integer, List<Block>> e : writes.entrySet()) {
            int addr = e.getKey();
            List<Block> ws = e.getValue();
            Block c = chosen.get(addr);
            String where = d + "[" + addr + "]";
            int n = ws.size();
            int kept = ws.lastIndexOf(c);
            if (kept == n - 1) {
                out.add("kept " + (n == 1 ? "write " : "all " + n + " writes to ") + where);
            } else if (kept >= 0) {
                out.add("kept " + (kept + 1) + " of " + n + " writes to " + where);
            } else if (c.equals(d.durable[addr])) {
                out.add("lost " + (n == 1 ? "write " : "all " + n + " writes to ") + where);
            } else {
                out.add(torn(where, c, ws));
            }
        }
        return out;
    }

    /** A block that holds none of its writes whole: which write tore, and after how many bytes. */
    private static String torn(String where, Block c, List<Block> ws) {
        byte[] have = c.bytes();
        int best = 0;
        int which = 0;
        for (int i = 0; i < ws.size(); i++) {
            byte[] w = ws.get(i).bytes();
            int same = 0;
            while (same < have.length && have[same] == w[same]) {
                same++;
            }
            if (same >= best) {
                best = same;
                which = i;
            }
        }
        String write = ws.size() == 1 ? "write " + where : "write " + (which + 1) + " of " + ws.size() + " to " + where;
        return "tore " + write + " (kept its first " + best + " of " + Block.SIZE + " bytes)";
    }

    /**
     * The phrases for the file system left in {@code chosen}, against the state that keeps
     * everything ({@code full}) and the durable directories and contents: names (of files and
     * directories) created, removed or renamed, and files whose changes were kept, lost or cut.
     */
    static List<String> files(List<String> dirNames, List<? extends Map<String, Integer>> durableDirs,
            Map<Integer, byte[]> durableContents, FsSnapshot full, FsSnapshot chosen) {
        List<String> out = new ArrayList<>();
        for (int d = 0; d < dirNames.size(); d++) {
            Map<String, Integer> now = full.dirs.get(d);
            Map<String, Integer> was = durableDirs.get(d);
            Map<String, Integer> got = chosen.dirs.get(d);
            TreeSet<String> names = new TreeSet<>(now.keySet());
            names.addAll(was.keySet());
            for (String name : names) {
                Integer nowInode = now.get(name);
                Integer wasInode = was.get(name);
                Integer gotInode = got.get(name);
                String path = dirNames.get(d) + "/" + name;
                if (Objects.equals(nowInode, wasInode)) {
                    continue; // no unsynced change to this name
                }
                boolean dir = (nowInode != null && nowInode < 0) || (wasInode != null && wasInode < 0);
                String change = nowInode == null ? "removal of " : wasInode == null ? (dir ? "new directory " : "new name ")
                        : "rename over ";
                out.add((Objects.equals(gotInode, nowInode) ? "kept " : "lost ") + change + path);
            }
        }
        // Each file once, by all its names (a hard link gives it several).
        Map<Integer, List<String>> pathsOf = new LinkedHashMap<>();
        for (int d = 0; d < dirNames.size(); d++) {
            if (!chosen.present.get(d)) {
                continue;
            }
            for (Map.Entry<String, Integer> e : chosen.dirs.get(d).entrySet()) {
                if (e.getValue() >= 0) {
                    pathsOf.computeIfAbsent(e.getValue(), i -> new ArrayList<>()).add(dirNames.get(d) + "/" + e.getKey());
                }
            }
        }
        for (Map.Entry<Integer, List<String>> e : pathsOf.entrySet()) {
            int inode = e.getKey();
            String path = String.join(" = ", e.getValue());
            FsCandidates open = chosen.undecided.get(inode);
            if (open != null) {
                out.add("left " + path + " undecided among " + open.count() + " contents, until something reads it");
                continue;
            }
            byte[] durable = durableContents.getOrDefault(inode, new byte[0]);
            byte[] all = Objects.requireNonNullElse(full.contents.get(inode), durable);
            String change = fileChange(path, durable, all, Objects.requireNonNull(chosen.contents.get(inode)));
            if (change != null) {
                out.add(change);
            }
        }
        return out;
    }

    /**
     * What a crash kept of the changes to the file {@code path} since it was last durable
     * ({@code durable}), against keeping them all ({@code all}), when it left {@code got}; null
     * if nothing changed.
     */
    static @Nullable String fileChange(String path, byte[] durable, byte[] all, byte[] got) {
        if (Arrays.equals(all, durable)) {
            return null; // nothing changed since the file was last made durable
        }
        if (startsWith(all, durable) && startsWith(all, got) && got.length >= durable.length) {
            int appended = all.length - durable.length;
            if (got.length == all.length) {
                return "kept append to " + path + " (" + appended + " bytes)";
            }
            if (got.length == durable.length) {
                return "lost append to " + path + " (" + appended + " bytes)";
            }
            return "kept " + (got.length - durable.length) + " of " + appended + " appended bytes of " + path;
        }
        if (Arrays.equals(got, all)) {
            return "kept every change to " + path + " (" + got.length + " bytes)";
        }
        if (Arrays.equals(got, durable)) {
            return "lost every change to " + path + " (" + got.length + " bytes durable)";
        }
        return "kept some changes to " + path + " (" + got.length + " bytes)";
    }

    private static boolean startsWith(byte[] a, byte[] prefix) {
        return a.length >= prefix.length && Arrays.equals(a, 0, prefix.length, prefix, 0, prefix.length);
    }
}
