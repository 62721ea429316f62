package armada.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A state the file system may be in after a crash: each directory's entries, and the length
 * of every file still named somewhere (files no name points to are gone).
 */
record FsSnapshot(List<TreeMap<String, Integer>> dirs, Map<Integer, Integer> lengths) {

    static FsSnapshot of(List<TreeMap<String, Integer>> dirs, Map<Integer, Integer> allLengths) {
        TreeMap<Integer, Integer> named = new TreeMap<>();
        for (TreeMap<String, Integer> d : dirs) {
            for (Integer inode : d.values()) {
                named.put(inode, allLengths.get(inode));
            }
        }
        return new FsSnapshot(new ArrayList<>(dirs), named);
    }
}
