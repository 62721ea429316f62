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
 * and the bytes of every file still named somewhere (files no name points to are gone). Equal
 * states (same entries, same bytes) are equal objects, so crash states that differ only in how
 * they were reached count once.
 */
final class FsSnapshot {

    final List<Map<String, Integer>> dirs;
    final BitSet present;
    final Map<Integer, byte[]> contents;
    private final int hash;

    FsSnapshot(List<? extends Map<String, Integer>> dirs, BitSet present, Map<Integer, byte[]> contents) {
        this.dirs = new ArrayList<>(dirs);
        this.present = (BitSet) present.clone();
        this.contents = new TreeMap<>(contents);
        int h = Objects.hash(this.dirs, this.present);
        for (Map.Entry<Integer, byte[]> e : this.contents.entrySet()) {
            h = 31 * h + e.getKey() * 17 + Arrays.hashCode(e.getValue());
        }
        this.hash = h;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FsSnapshot s) || s.hash != hash || !s.dirs.equals(dirs) || !s.present.equals(present)
                || !s.contents.keySet().equals(contents.keySet())) {
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
        return "FsSnapshot" + dirs + " present " + present + " files " + contents.keySet();
    }
}
