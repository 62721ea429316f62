package armada.check;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * What the crashes of a history did, kept only to explain a failure: which crashes made up the
 * last completed episode, and which operations crashes cut off. Allocates nothing until the first
 * crash.
 */
final class CrashLog {

    private record CutOff(Event.Invoke invoke, int crash) {
    }

    private List<Integer> episode = List.of();
    private List<Integer> lastRecovered = List.of();
    private List<CutOff> cutOffs = List.of();
    /** How many of {@link #cutOffs} belong to completed episodes. */
    private int gone;

    /** An independent copy. */
    CrashLog copy() {
        CrashLog c = new CrashLog();
        c.episode = episode.isEmpty() ? List.of() : new ArrayList<>(episode);
        c.lastRecovered = lastRecovered;
        c.cutOffs = cutOffs.isEmpty() ? List.of() : new ArrayList<>(cutOffs);
        c.gone = gone;
        return c;
    }

    /** Crash {@code number} stopped the operations {@code stopped} (by slot) of {@code pending}. */
    void crash(int number, long stopped, PendingOps pending) {
        if (episode.isEmpty()) {
            episode = new ArrayList<>(2);
        }
        episode.add(number);
        for (long bits = stopped; bits != 0; bits &= bits - 1) {
            if (cutOffs.isEmpty()) {
                cutOffs = new ArrayList<>(4);
            }
            cutOffs.add(new CutOff(pending.invoke(Long.numberOfTrailingZeros(bits)), number));
        }
    }

    /** The current episode's recovery completed. */
    void recovered() {
        lastRecovered = episode;
        episode = List.of();
        gone = cutOffs.size();
    }

    /**
     * One line on the crash history that bears on an operation invoked now, or the empty string
     * when no recovery has completed yet.
     */
    String context() {
        if (lastRecovered.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("after recovery from ").append(crashes(lastRecovered));
        if (gone == 0) {
            return b.append("; no operation was pending at a crash").toString();
        }
        StringJoiner ops = new StringJoiner(", ");
        for (CutOff c : cutOffs.subList(0, gone)) {
            ops.add("t" + c.invoke().thread() + "'s " + c.invoke().op() + " (crash " + c.crash() + ")");
        }
        b.append("; cut off by a crash, could take effect only before its recovery: ").append(ops);
        return b.toString();
    }

    private static String crashes(List<Integer> numbers) {
        if (numbers.size() == 1) {
            return "crash " + numbers.getFirst();
        }
        StringJoiner j = new StringJoiner(", ", "crashes ", "");
        for (int n : numbers) {
            j.add(Integer.toString(n));
        }
        return j.toString();
    }
}
