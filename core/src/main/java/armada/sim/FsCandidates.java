package armada.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The contents a file may have after a crash that kept part of its unsynced data (lazy crash
 * states): at least two distinct byte strings, the one that keeps every change first, each with
 * a phrase saying what it kept. Which one the crash left is decided by the first step that looks
 * at the file's data, not at the crash; until then the file is undecided, also across further
 * crashes (nothing unsynced can be added to it without deciding it first). Equal when the
 * contents are equal, whatever the phrases say.
 */
final class FsCandidates {

    private final byte[][] contents;
    private final String[] phrases;
    private final int hash;

    FsCandidates(List<byte[]> contents, List<String> phrases) {
        if (contents.size() < 2 || contents.size() != phrases.size()) {
            throw new IllegalArgumentException("candidates need at least two contents, each with its phrase");
        }
        this.contents = contents.toArray(byte[][]::new);
        this.phrases = phrases.toArray(String[]::new);
        this.hash = Arrays.deepHashCode(this.contents);
    }

    /**
     * The distinct contents among {@code images} (in order, the first kept first), with their
     * phrases; a single one (every option gives the same bytes) is returned as {@code byte[]},
     * several as candidates.
     */
    static Object of(List<byte[]> images, List<String> what) {
        List<byte[]> distinct = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        for (int k = 0; k < images.size(); k++) {
            byte[] image = images.get(k);
            boolean seen = false;
            for (byte[] d : distinct) {
                seen |= Arrays.equals(d, image);
            }
            if (!seen) {
                distinct.add(image);
                phrases.add(what.get(k));
            }
        }
        return distinct.size() == 1 ? distinct.getFirst() : new FsCandidates(distinct, phrases);
    }

    /** The first {@code n} candidates (at least 2), for a crash-state budget. */
    FsCandidates first(int n) {
        int k = Math.max(2, n);
        return new FsCandidates(Arrays.asList(contents).subList(0, k), Arrays.asList(phrases).subList(0, k));
    }

    int count() {
        return contents.length;
    }

    /** Candidate {@code k}'s bytes (shared: do not change them). */
    byte[] contents(int k) {
        return contents[k];
    }

    String phrase(int k) {
        return phrases[k];
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
