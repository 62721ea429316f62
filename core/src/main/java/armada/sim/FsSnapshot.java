package armada.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A state the file system may be in after a crash: which directories exist and their entries,
 * and the bytes of every file still named somewhere (files no name points to are gone), or, for a
 * file the crash left undecided (lazy crash states), its possible contents. Equal states (same
 * entries, same bytes, same candidates) are equal objects, so crash states that differ only in
 * how they were reached count once.
 */
final class FsSnapshot {

    final List<Map<String, Integer>> dirs;
    final BitSet present;
    final Map<Integer, byte[]> contents;
    /** The files whose contents the crash left undecided; no inode is in both maps. */
    final Map<Integer, FsCandidates> undecided;
    private final int hash;

    FsSnapshot(List<? extends Map<String, Integer>> dirs, BitSet present, Map<Integer, byte[]> contents) {
        this(dirs, present, contents, Map.of());
    }

    FsSnapshot(List<? extends Map<String, Integer>> dirs, BitSet present, Map<Integer, byte[]> contents,
            Map<Integer, FsCandidates> undecided) {
        this.dirs = new ArrayList<>(dirs);
        this.present = (BitSet) present.clone();
        this.contents = new TreeMap<>(contents);
        this.undecided = undecided.isEmpty() ? Map.of() : new TreeMap<>(undecided);
        int h = Objects.hash(this.dirs, this.present, this.undecided);
        for (Map.Entry<Integer, byte[]> e : this.contents.entrySet()) {
            h = 31 * h + e.getKey() * 17 + Arrays.hashCode(e.getValue());
        }
        this.hash = h;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FsSnapshot s) || s.hash != hash || !s.dirs.equals(dirs) || !s.present.equals(present)
                || !s.contents.keySet().equals(contents.keySet()) || !s.undecided.equals(undecided)) {
            return false;
        }
        for (Map.Entry<Integer, byte[]> e : contents.entrySet()) {
            if (!Arrays.equals(e.getValue(), s.contents.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "FsSnapshot" + dirs + " present " + present + " files " + contents.keySet()
                + (undecided.isEmpty() ? "" : " undecided " + undecided.keySet());
    }
}
