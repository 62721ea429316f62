package armada.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The contents a file may have after a crash that kept part of its unsynced data (lazy crash
 * states): at least two distinct byte strings, the one that keeps every change first, each with
 * the durable contents before the unsynced changes (for saying what was kept). Which one the crash left is decided by the first step that looks
 * at the file's data, not at the crash; until then the file is undecided, also across further
 * crashes (nothing unsynced can be added to it without deciding it first). Equal when the
 * candidates are equal.
 */
final class FsCandidates {

    private final byte[][] contents;
    private final byte[] durable;
    private final int hash;

    FsCandidates(List<byte[]> contents, byte[] durable) {
        if (contents.size() < 2) {
            throw new IllegalArgumentException("candidates need at least two contents");
        }
        this.contents = contents.toArray(byte[][]::new);
        this.durable = durable;
        this.hash = Arrays.deepHashCode(this.contents);
    }

    /**
     * The distinct contents among {@code images} (in order, the one keeping every change first)
     * of a file whose durable contents were {@code durable}; a single one (every option gives
     * the same bytes) is returned as {@code byte[]}, several as candidates.
     */
    static Object of(List<byte[]> images, byte[] durable) {
        List<byte[]> distinct = new ArrayList<>();
        for (byte[] image : images) {
            boolean seen = false;
            for (byte[] d : distinct) {
                seen |= Arrays.equals(d, image);
            }
            if (!seen) {
                distinct.add(image);
            }
        }
        return distinct.size() == 1 ? distinct.getFirst() : new FsCandidates(distinct, durable);
    }

    /** The first {@code n} candidates (at least 2), for a crash-state budget. */
    FsCandidates first(int n) {
        int k = Math.max(2, n);
        return new FsCandidates(Arrays.asList(contents).subList(0, k), durable);
    }

    int count() {
        return contents.length;
    }

    /** Candidate {@code k}'s bytes (shared: do not change them). */
    byte[] contents(int k) {
        return contents[k];
    }

    /** What candidate {@code k} kept of the file's unsynced changes, in words. */
    String phrase(String path, int k) {
        String change = CrashStateText.fileChange(path, durable, contents[0], contents[k]);
        return change != null ? change : "kept " + path + " as it was";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FsCandidates c && c.hash == hash && Arrays.deepEquals(c.contents, contents);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return contents.length + " possible contents";
    }
}
